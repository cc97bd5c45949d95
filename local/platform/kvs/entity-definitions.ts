import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/** The attribute types manifest.yml may declare for a custom entity. */
export type AttributeType = 'string' | 'boolean' | 'float' | 'integer' | 'any';

/** One `app.storage.entities[]` entry of manifest.yml, as written there. */
export interface EntityDefinition {
  name: string;
  attributes: Record<string, { type: AttributeType }>;
  /** A bare string is a "simple" index on that attribute; objects are named indexes. */
  indexes: (string | { name: string; partition?: string[]; range: string[] })[];
}

/** An index with its shorthand expanded: every index has a name, a partition list and one range attribute. */
export interface ResolvedIndex {
  name: string;
  partition: readonly string[];
  range: string;
}

/** An entity definition checked and indexed for lookups by the store. */
export interface EntityModel {
  name: string;
  attributes: ReadonlyMap<string, AttributeType>;
  indexes: ReadonlyMap<string, ResolvedIndex>;
}

/** Forge's manifest schema patterns, re-checked because definitions can also be built in code (tests). */
const ATTRIBUTE_NAME = /^[a-zA-Z][a-zA-Z0-9_]*$/;
const ENTITY_NAME = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]{3,60}(?<![.])$/;

/** Every entity has the built-in `by-key` index (range = key, no partition); apps may not redefine it. */
export const BY_KEY_INDEX = 'by-key';

const attributeTypeSchema = z.enum(['string', 'boolean', 'float', 'integer', 'any']);

const entitySchema = z.object({
  name: z.string(),
  attributes: z.record(z.string(), z.object({ type: attributeTypeSchema })),
  indexes: z
    .array(
      z.union([
        z.string(),
        z.object({ name: z.string(), partition: z.array(z.string()).optional(), range: z.array(z.string()) }),
      ]),
    )
    .default([]),
});

const manifestSchema = z.object({
  app: z.object({
    storage: z.object({ entities: z.array(entitySchema).default([]) }).optional(),
  }),
});

/**
 * Reads `app.storage.entities` from manifest.yml text. Throws with the offending path when the manifest
 * is malformed or an index is inconsistent, so a bad manifest stops the runtime at start-up.
 */
export const readEntityDefinitions = (manifestYamlText: string): EntityDefinition[] => {
  const raw: unknown = parseYaml(manifestYamlText);
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`manifest.yml app.storage.entities is invalid: ${details}`);
  }
  const definitions: EntityDefinition[] = parsed.data.app.storage?.entities ?? [];
  resolveEntityModels(definitions);
  return definitions;
};

const resolveIndex = (definition: EntityDefinition, index: EntityDefinition['indexes'][number]): ResolvedIndex => {
  const where = `entity '${definition.name}'`;
  const resolved: ResolvedIndex =
    typeof index === 'string'
      ? { name: index, partition: [], range: index }
      : { name: index.name, partition: index.partition ?? [], range: singleRange(where, index.name, index.range) };
  if (resolved.name === BY_KEY_INDEX) throw new Error(`${where}: index name '${BY_KEY_INDEX}' is reserved`);
  for (const attribute of [...resolved.partition, resolved.range]) {
    const type = definition.attributes[attribute]?.type;
    if (type === undefined) {
      throw new Error(`${where}: index '${resolved.name}' uses undeclared attribute '${attribute}'`);
    }
    // Forge cannot index 'any' values: they have no defined ordering.
    if (type === 'any')
      throw new Error(`${where}: index '${resolved.name}' uses attribute '${attribute}' of type 'any'`);
  }
  return resolved;
};

const singleRange = (where: string, indexName: string, range: readonly string[]): string => {
  const [first, ...rest] = range;
  if (first === undefined || rest.length > 0) {
    throw new Error(`${where}: index '${indexName}' must have exactly one range attribute, got ${range.length}`);
  }
  return first;
};

/** Checks definitions the way Forge's deploy would, and expands index shorthands. */
export const resolveEntityModels = (definitions: readonly EntityDefinition[]): Map<string, EntityModel> => {
  const models = new Map<string, EntityModel>();
  for (const definition of definitions) {
    if (models.has(definition.name)) throw new Error(`entity '${definition.name}' is declared twice`);
    if (!ENTITY_NAME.test(definition.name))
      throw new Error(`entity name '${definition.name}' does not match ${ENTITY_NAME.source}`);
    const badAttribute = Object.keys(definition.attributes).find((name) => !ATTRIBUTE_NAME.test(name));
    if (badAttribute !== undefined) {
      throw new Error(
        `entity '${definition.name}': attribute name '${badAttribute}' does not match ${ATTRIBUTE_NAME.source}`,
      );
    }
    const indexes = new Map<string, ResolvedIndex>();
    for (const index of definition.indexes) {
      const resolved = resolveIndex(definition, index);
      if (indexes.has(resolved.name)) {
        throw new Error(`entity '${definition.name}': index '${resolved.name}' is declared twice`);
      }
      indexes.set(resolved.name, resolved);
    }
    const attributes = new Map(Object.entries(definition.attributes).map(([name, a]) => [name, a.type] as const));
    models.set(definition.name, { name: definition.name, attributes, indexes });
  }
  return models;
};
