import { badRequest, KvsError } from './errors';
import type { EntityModel } from './entity-definitions';

/** The key rules Forge documents for the KVS and the Custom Entity Store (regex copied verbatim from the docs). */
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/;
const MAX_KEY_LENGTH = 500;
export const MAX_VALUE_BYTES = 240 * 1024;
/** The limits page says 31, the error-codes page 32: the stricter one. */
export const MAX_VALUE_DEPTH = 31;
const MAX_TTL_SECONDS = 365 * 24 * 60 * 60;
const ENTITY_NAME_MIN = 3;
const ENTITY_NAME_MAX = 60;

/** Which store a key belongs to: the error code for an empty key differs between them. */
export type KeySpace = 'kvs' | 'secret' | 'entity';

export const validateKey = (key: string, space: KeySpace): void => {
  if (key.length === 0) {
    // The KVS docs call it KEY_TOO_SHORT, the Custom Entity Store docs EMPTY_KEY.
    throw badRequest(space === 'entity' ? 'EMPTY_KEY' : 'KEY_TOO_SHORT', 'key must not be empty');
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw badRequest('KEY_TOO_LONG', `key must be at most ${MAX_KEY_LENGTH} characters, got ${key.length}`);
  }
  if (!KEY_PATTERN.test(key)) {
    throw badRequest('INVALID_KEY', `key '${key}' does not match ${KEY_PATTERN.source}`);
  }
};

/** Depth of nested objects/arrays: a primitive is 0, `{}` is 1. */
const depthOf = (value: unknown): number => {
  if (typeof value !== 'object' || value === null) return 0;
  let deepest = 0;
  for (const child of Object.values(value)) {
    const depth = depthOf(child);
    if (depth > deepest) deepest = depth;
    // Stop early: a hostile value should not cost a full walk once it is known to be too deep.
    if (deepest >= MAX_VALUE_DEPTH) break;
  }
  return deepest + 1;
};

/** Checks a value against the KVS value limits and returns its serialised form for storage. */
export const serialiseValue = (value: unknown): string => {
  if (value === undefined || value === null) {
    throw badRequest('INVALID_VALUE', 'value is required and must not be null');
  }
  const text = JSON.stringify(value);
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_VALUE_BYTES) {
    throw badRequest('MAX_SIZE', `value is ${bytes} bytes serialised; the maximum is ${MAX_VALUE_BYTES} (240 KiB)`);
  }
  if (depthOf(value) > MAX_VALUE_DEPTH) {
    throw badRequest('MAX_DEPTH', `value is nested deeper than the maximum object depth of ${MAX_VALUE_DEPTH}`);
  }
  return text;
};

const TTL_UNIT_SECONDS = { SECONDS: 1, MINUTES: 60, HOURS: 3600, DAYS: 86400 } as const;

export interface Ttl {
  value: number;
  unit: keyof typeof TTL_UNIT_SECONDS;
}

/** The absolute expiry (epoch ms) for a TTL, or null when none was asked for. */
export const expiryFor = (ttl: Ttl | undefined, nowMs: number): number | null => {
  if (ttl === undefined) return null;
  if (!Number.isInteger(ttl.value) || ttl.value <= 0) {
    throw badRequest('INVALID_TTL', `ttl.value must be a positive integer, got ${ttl.value}`);
  }
  const seconds = ttl.value * TTL_UNIT_SECONDS[ttl.unit];
  if (seconds > MAX_TTL_SECONDS) {
    throw badRequest('INVALID_TTL', `ttl must be at most 1 year (${MAX_TTL_SECONDS} seconds), got ${seconds} seconds`);
  }
  return nowMs + seconds * 1000;
};

/** Finds a declared entity, with the Custom Entity Store's codes for bad names. */
export const entityModel = (entities: ReadonlyMap<string, EntityModel>, entityName: string): EntityModel => {
  if (entityName.length < ENTITY_NAME_MIN) {
    throw badRequest(
      'ENTITY_TYPE_TOO_SHORT',
      `entityName '${entityName}' must be at least ${ENTITY_NAME_MIN} characters`,
    );
  }
  if (entityName.length > ENTITY_NAME_MAX) {
    throw badRequest('ENTITY_TYPE_TOO_LARGE', `entityName must be at most ${ENTITY_NAME_MAX} characters`);
  }
  const model = entities.get(entityName);
  if (model === undefined) {
    // Live sites answer 404 SCHEMA_NOT_FOUND (the docs list INVALID_ENTITY_TYPE); see README.md.
    throw new KvsError(
      404,
      'SCHEMA_NOT_FOUND',
      `entity '${entityName}' is not declared in manifest.yml app.storage.entities`,
    );
  }
  return model;
};
