import { Filter, FilterConditions, kvs } from '@forge/kvs';
import type { AggregateWrite } from '../../usecases/ports';
import { VersionConflict } from '../../usecases/ports';
import type { ObjectiveAggregate } from '../../usecases/model';
import type { Attributes } from './codecs';
import { CorruptRecord, decodeObjective, encodeCheckIn, encodeObjective } from './codecs';
import type { Item } from './kvs-io';
import { boardShardOf, encodeBoardShard, encodeRow, encodeTreeShard, getBoardShard, listDigestsOfCycle, rowKey, treeKey, withDigest } from './board-repository';
import { newStamp, stampKey } from './board-head-repository';
import { readIssueLinks, withObjectiveLinks } from './issue-link-repository';
import { batchGetAll, isConditionFailure, jitter, rateLimited, versionIs } from './kvs-io';
import { readGeneration, replacedByImport, stillLive } from './generation-repository';
import type { Space } from './registry';
import { at, CATALOG, ENTITY, shardOf } from './registry';

/** Objective aggregates and their initiative lookup rows. */

/** Aggregates of a list; one that fails its schema is left out (and logged; data.health lists it), never fatal to the view. */
const decodeAll = (items: readonly Item[]): ObjectiveAggregate[] =>
  items.flatMap((i) => {
    try {
      return [decodeObjective(i.value)];
    } catch (error) {
      if (!(error instanceof CorruptRecord)) throw error;
      console.warn(`objective ${i.key} skipped: ${error.message}`);
      return [];
    }
  });

export const getObjective = async (space: Space, id: string): Promise<ObjectiveAggregate | undefined> => {
  const value = await rateLimited(() => kvs.entity<Attributes>(ENTITY.objective).get(at(space, id)));
  return value === undefined ? undefined : decodeObjective(value);
};

export const getObjectives = async (space: Space, ids: readonly string[]): Promise<ObjectiveAggregate[]> =>
  decodeAll(await batchGetAll(ENTITY.objective, [...new Set(ids)].map((id) => at(space, id))));

/**
 * All objectives of a cycle in full: the board shards name them, then one parallel batchGet reads them
 * (two round trips, both strongly consistent; an index query might miss an objective created a moment ago).
 */
export const listObjectivesOfCycle = async (space: Space, cycleId: string): Promise<ObjectiveAggregate[]> =>
  getObjectives(space, (await listDigestsOfCycle(space, cycleId)).map((d) => d.objective.id));


/** Transactions take at most 25 operations. */
const MAX_TRANSACTION_OPS = 25;

/** Races on a board shard (another objective of the same shard changed) are retried this often. */
const MAX_SHARD_ATTEMPTS = 20;

/** The stored version of an objective, 0 when absent. */
const storedVersion = async (space: Space, id: string): Promise<number> => (await getObjective(space, id))?.version ?? 0;

/**
 * One conditional write: the aggregate only if its version is still the one read (or it is absent, for
 * a new objective), its digest in the cycle's board shard and the lookup documents of the issues whose
 * links changed (each conditional on the version read), new check-in rows only if absent, and a check
 * that this generation of data is still live. All in one transaction when they fit its 25 operations;
 * otherwise the lookup documents follow, each its own conditional write. A race lost on a shard or a
 * lookup document alone (another objective changed it) re-reads them and tries again; one lost on the
 * objective is the caller's to retry.
 * @throws VersionConflict when the objective changed since it was read; AppError CONFLICT when an import
 *   replaced the data meanwhile.
 */
export const writeObjective = async (space: Space, write: AggregateWrite): Promise<void> => {
  const { aggregate, expectedVersion } = write;
  const objective = aggregate.objective;
  const record = encodeObjective(aggregate, expectedVersion + 1);
  const checkIns = write.newCheckIns ?? [];
  const issueIds = [...new Set(write.linkedIssueIds ?? [])];
  // The objective, its board shard, the shard's tree index, its row document, the cycle's tree stamp and
  // the generation check.
  const fits = 6 + checkIns.length + issueIds.length <= MAX_TRANSACTION_OPS;
  const shardKey = boardShardOf(space, aggregate);

  for (let attempt = 0; attempt < MAX_SHARD_ATTEMPTS; attempt++) {
    const [shard, issueDocs] = await Promise.all([getBoardShard(shardKey), fits ? readIssueLinks(space, issueIds) : Promise.resolve([])]);
    const digests = withDigest(shard, aggregate);
    const digest = digests[digests.length - 1];
    if (digest === undefined) throw new Error('withDigest lost the digest it added');
    let tx = kvs
      .transact()
      .set(at(space, objective.id), record, { entityName: ENTITY.objective, conditions: versionIs(expectedVersion) })
      .set(shardKey, encodeBoardShard(objective.cycleId, digests, shard.version + 1), {
        entityName: ENTITY.boardShard,
        conditions: versionIs(shard.version),
      })
      // Derived from the shard just read and written with it: the shard's condition guards them too, so
      // neither is read first (no extra round trip or read unit).
      .set(treeKey(space, objective.cycleId, shardOf(objective.id)), encodeTreeShard(objective.cycleId, digests, shard.version + 1), { entityName: ENTITY.boardShard })
      .set(rowKey(space, objective.cycleId, objective.id), encodeRow(objective.cycleId, digest), { entityName: ENTITY.boardShard })
      // The tree changed: no first screen kept before this answers any more (usecases/shared/board-head.ts).
      .set(stampKey(space, objective.cycleId), newStamp(objective.cycleId), { entityName: ENTITY.boardShard })
      // An import that made another generation live since this one was read: refuse, don't write into it.
      .check(CATALOG.generation, { entityName: ENTITY.catalog, conditions: stillLive(space) });
    for (const c of checkIns) {
      tx = tx.set(at(space, c.id), encodeCheckIn(c, objective.id, objective.cycleId, space), {
        entityName: ENTITY.checkIn,
        conditions: new Filter<Attributes>().and('keyResultId', FilterConditions.notExists()),
      });
    }
    for (const doc of issueDocs) tx = tx.set(doc.key, withObjectiveLinks(doc, aggregate), { entityName: ENTITY.issueLink, conditions: versionIs(doc.version) });
    try {
      await rateLimited(() => tx.execute());
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // Which condition failed is not reported: the objective's version and the generation tell.
      if ((await storedVersion(space, objective.id)) !== expectedVersion) throw new VersionConflict(`objective ${objective.id} changed since it was read`);
      if ((await readGeneration()).generation.active !== space.generation) throw replacedByImport();
      await jitter(attempt);
      continue;
    }
    if (!fits) await Promise.all(issueIds.map((issueId) => syncIssueLinks(space, aggregate, issueId)));
    return;
  }
  throw new VersionConflict(`board shard ${shardKey} kept changing`);
};

/** One issue's lookup document brought in line with the aggregate, by itself (when the transaction was full). */
const syncIssueLinks = async (space: Space, aggregate: ObjectiveAggregate, issueId: string): Promise<void> => {
  for (let attempt = 0; attempt < MAX_SHARD_ATTEMPTS; attempt++) {
    const [doc] = await readIssueLinks(space, [issueId]);
    if (doc === undefined) return;
    try {
      await rateLimited(() =>
        kvs.transact().set(doc.key, withObjectiveLinks(doc, aggregate), { entityName: ENTITY.issueLink, conditions: versionIs(doc.version) }).execute(),
      );
      return;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      await jitter(attempt);
    }
  }
  throw new Error(`lookup document of issue ${issueId} kept changing`);
};
