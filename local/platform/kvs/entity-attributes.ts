import { badRequest } from './errors';
import type { AttributeType, EntityModel } from './entity-definitions';

/** What SQLite stores for an indexed value: booleans become 0/1 (better-sqlite3 cannot bind booleans). */
export type SqlScalar = string | number;

/** One row of the side table that makes index queries range scans instead of full scans. */
export interface IndexEntry {
  indexName: string;
  /** JSON array of the partition values in declaration order; equal partitions serialise equally. */
  partition: string;
  range: SqlScalar;
}

export type Scalar = string | number | boolean;

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const FLOAT_MIN_MAGNITUDE = 1e-130;
const FLOAT_MAX_MAGNITUDE = 9.99e125;

/** Why a value does not fit a declared type, or undefined when it fits (Forge enforces types strictly). */
export const typeProblem = (type: AttributeType, value: unknown): string | undefined => {
  switch (type) {
    case 'any':
      return undefined;
    case 'string':
      // Forge's type requirements: not empty, at least one non-whitespace character.
      if (typeof value !== 'string') return 'expected a string';
      return value.trim().length === 0 ? 'expected a string with at least one non-whitespace character' : undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'expected a boolean';
    case 'integer':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'expected an integer';
      return value < INT32_MIN || value > INT32_MAX ? 'expected a 32-bit signed integer' : undefined;
    case 'float': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'expected a finite number';
      const magnitude = Math.abs(value);
      const inRange = magnitude === 0 || (magnitude >= FLOAT_MIN_MAGNITUDE && magnitude <= FLOAT_MAX_MAGNITUDE);
      return inRange ? undefined : 'expected 0 or a magnitude between 1E-130 and 9.99E+125';
    }
  }
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks an entity value against its declared attributes. Forge defines an entity as its declared
 * attributes, so an undeclared property is rejected (declare nested payloads as an `any` attribute);
 * declared ones must match their type when present (null is rejected: omit the attribute instead).
 */
export const validateEntityValue = (model: EntityModel, value: unknown): Record<string, unknown> => {
  if (!isRecord(value)) {
    throw badRequest('INVALID_ENTITY_VALUE', `a value of entity '${model.name}' must be an object`);
  }
  const undeclared = Object.keys(value).filter((name) => !model.attributes.has(name));
  if (undeclared.length > 0) {
    throw badRequest(
      'INVALID_ENTITY_ATTRIBUTE',
      `entity '${model.name}' declares no attribute ${undeclared.map((n) => `'${n}'`).join(', ')} in manifest.yml`,
    );
  }
  for (const [attribute, type] of model.attributes) {
    const actual = value[attribute];
    if (actual === undefined) continue;
    const problem = actual === null ? 'null is not allowed; omit the attribute instead' : typeProblem(type, actual);
    if (problem !== undefined) {
      // Live sites answer INCORRECT_PROPERTY_TYPE (the docs list INVALID_ENTITY_VALUE); see README.md.
      throw badRequest(
        'INCORRECT_PROPERTY_TYPE',
        `attribute '${attribute}' of entity '${model.name}' is declared '${type}': ${problem}, got ${JSON.stringify(actual)}`,
      );
    }
  }
  return value;
};

export const toSqlScalar = (value: Scalar): SqlScalar => (typeof value === 'boolean' ? (value ? 1 : 0) : value);

/** The attribute as an indexable scalar, or undefined when it is missing or (in old rows) mistyped. */
const indexable = (model: EntityModel, attributes: Record<string, unknown>, name: string): Scalar | undefined => {
  const value = attributes[name];
  const type = model.attributes.get(name);
  if (type === undefined || value === undefined || value === null || typeProblem(type, value) !== undefined) {
    return undefined;
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
};

/** The index entries of an entity value: an item missing any attribute of an index is not in that index. */
export const indexEntriesOf = (model: EntityModel, value: unknown): IndexEntry[] => {
  if (!isRecord(value)) return [];
  const entries: IndexEntry[] = [];
  for (const index of model.indexes.values()) {
    const range = indexable(model, value, index.range);
    if (range === undefined) continue;
    const partition = index.partition.map((name) => indexable(model, value, name));
    if (partition.some((p) => p === undefined)) continue;
    entries.push({ indexName: index.name, partition: JSON.stringify(partition), range: toSqlScalar(range) });
  }
  return entries;
};

/** JSON of just the declared attributes: what filters and conditions read, kept small on purpose. */
export const declaredAttributesJson = (model: EntityModel | undefined, value: unknown): string => {
  if (model === undefined || !isRecord(value)) return '{}';
  const declared: Record<string, unknown> = {};
  for (const name of model.attributes.keys()) if (value[name] !== undefined) declared[name] = value[name];
  return JSON.stringify(declared);
};
