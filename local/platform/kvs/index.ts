/** The local Forge KVS / Custom Entity Store. See create-kvs-store.ts. */
export { createKvsStore, KVS_OPERATIONS } from './create-kvs-store';
export type { KvsStore, KvsStoreOptions } from './create-kvs-store';
export { FORGE_KVS_QUOTA, UNIT_BYTES, unitsFor } from './quota';
export type { KvsQuotaLimits, QuotaUsage } from './quota';
export { STRICT_DEFAULTS } from './strict-defaults';
export { readEntityDefinitions, resolveEntityModels, BY_KEY_INDEX } from './entity-definitions';
export type { AttributeType, EntityDefinition, EntityModel, ResolvedIndex } from './entity-definitions';
