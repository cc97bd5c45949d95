import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { AppError } from '../../usecases/errors';
import type { Attributes, Generation } from './codecs';
import { decodeGeneration, encodeGeneration } from './codecs';
import { isConditionFailure, rateLimited, versionIs } from './kvs-io';
import type { Space } from './registry';
import { CATALOG, ENTITY, ROOT_GENERATION, spaceOf } from './registry';

/**
 * The generation document: which space of records is live. Read by key (strongly consistent) once per
 * invocation; changed only by imports, each change conditional on the version read.
 */

export interface GenerationState {
  generation: Generation;
  /** 0 when the document does not exist yet (nothing was ever imported: the root space is live). */
  version: number;
}

export const readGeneration = async (): Promise<GenerationState> => {
  const value = await rateLimited(() => kvs.entity<Attributes>(ENTITY.catalog).get(CATALOG.generation));
  return value === undefined ? { generation: { active: ROOT_GENERATION, retired: [] }, version: 0 } : decodeGeneration(value);
};

export const liveSpace = async (): Promise<Space> => spaceOf((await readGeneration()).generation.active);

/** @returns false when the document changed since `expectedVersion` was read (nothing written). */
export const writeGeneration = async (generation: Generation, expectedVersion: number): Promise<boolean> => {
  try {
    await rateLimited(() =>
      kvs
        .transact()
        .set(CATALOG.generation, encodeGeneration(generation, expectedVersion + 1), { entityName: ENTITY.catalog, conditions: versionIs(expectedVersion) })
        .execute(),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/**
 * The condition a write into `space` checks in its transaction: that space is still the live one. An
 * import that switched generations meanwhile makes the write fail its condition instead of landing in
 * records about to be deleted. Before any import the document is absent, which the root space accepts.
 */
// Return type inferred: the SDK does not export its filter builder types.
export const stillLive = (space: Space) =>
  space.generation === ROOT_GENERATION
    ? new Filter<Attributes>().or('active', FilterConditions.notExists()).or('active', FilterConditions.equalTo(ROOT_GENERATION))
    : new Filter<Attributes>().and('active', FilterConditions.equalTo(space.generation));

/** A write that lost to an import's switch: refused (nothing written), never lost silently. */
export const replacedByImport = (): AppError =>
  new AppError('CONFLICT', 'Cadence’s data was replaced by an import a moment ago; reload and make the change again.');
