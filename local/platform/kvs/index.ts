/** The local Forge KVS / Custom Entity Store. See create-kvs-store.ts. */
export { createKvsStore, KVS_OPERATIONS } from './create-kvs-store';
export type { KvsStoreOptions } from './create-kvs-store';
export { readEntityDefinitions, resolveEntityModels, BY_KEY_INDEX } from './entity-definitions';
export type { AttributeType, EntityDefinition, EntityModel, ResolvedIndex } from './entity-definitions';
