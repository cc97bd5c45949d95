import { Filter, FilterConditions, kvs } from '@forge/kvs';
import type { AggregateWrite } from '../../usecases/ports';
import { VersionConflict } from '../../usecases/ports';
import type { InitiativeLink, ObjectiveAggregate } from '../../usecases/model';
import type { Attributes } from './codecs';
import { decodeLink, decodeObjective, encodeCheckIn, encodeLink, encodeObjective } from './codecs';
import type { Item } from './kvs-io';
import { boardShardOf, encodeBoardShard, getBoardShard, listDigestsOfCycle, withDigest } from './board-repository';
import { batchDeleteAll, batchGetAll, batchSetAll, indexAll, isConditionFailure, jitter, rateLimited, versionIs } from './kvs-io';
import { ENTITY, INDEX } from './registry';

/** Objective aggregates and their initiative lookup rows. */

const decodeAll = (items: readonly Item[]): ObjectiveAggregate[] => items.map((i) => decodeObjective(i.value));

export const getObjective = async (id: string): Promise<ObjectiveAggregate | undefined> => {
  const value = await rateLimited(() => kvs.entity<Attributes>(ENTITY.objective).get(id));
  return value === undefined ? undefined : decodeObjective(value);
};

export const getObjectives = async (ids: readonly string[]): Promise<ObjectiveAggregate[]> =>
  decodeAll(await batchGetAll(ENTITY.objective, [...new Set(ids)]));

/**
 * All objectives of a cycle in full: the board shards name them, then one parallel batchGet reads them
 * (two round trips, both strongly consistent; an index query might miss an objective created a moment ago).
 */
export const listObjectivesOfCycle = async (cycleId: string): Promise<ObjectiveAggregate[]> =>
  getObjectives((await listDigestsOfCycle(cycleId)).map((d) => d.objective.id));


/** Transactions take at most 25 operations. */
const MAX_TRANSACTION_OPS = 25;

/** Races on a board shard (another objective of the same shard changed) are retried this often. */
const MAX_SHARD_ATTEMPTS = 20;

/** The stored version of an objective, 0 when absent. */
const storedVersion = async (id: string): Promise<number> => (await getObjective(id))?.version ?? 0;

/**
 * One conditional write: the aggregate only if its version is still the one read (or it is absent, for
 * a new objective), its digest in the cycle's board shard (conditional on the shard's version), new
 * check-in rows only if absent, and the initiative lookup rows. All in one transaction when they fit its
 * 25 operations; otherwise the lookup rows follow in batches (they are a lookup aid that readers verify
 * against the aggregate, and the reconcile job rewrites them). A race lost on the shard alone (another
 * objective of the shard changed) re-reads the shard and tries again; one lost on the objective is the
 * caller's to retry.
 * @throws VersionConflict when the objective changed since it was read.
 */
export const writeObjective = async (write: AggregateWrite): Promise<void> => {
  const { aggregate, expectedVersion } = write;
  const objective = aggregate.objective;
  const record = encodeObjective(aggregate, expectedVersion + 1);
  const versionCondition = versionIs(expectedVersion);
  const checkIns = write.newCheckIns ?? [];
  const puts = write.putLinks ?? [];
  const deletes = write.deleteLinkIds ?? [];
  const fits = 2 + checkIns.length + puts.length + deletes.length <= MAX_TRANSACTION_OPS;
  const shardKey = boardShardOf(aggregate);

  for (let attempt = 0; attempt < MAX_SHARD_ATTEMPTS; attempt++) {
    const shard = await getBoardShard(shardKey);
    let tx = kvs
      .transact()
      .set(objective.id, record, { entityName: ENTITY.objective, conditions: versionCondition })
      .set(shardKey, encodeBoardShard(objective.cycleId, withDigest(shard, aggregate), shard.version + 1), {
        entityName: ENTITY.boardShard,
        conditions: versionIs(shard.version),
      });
    for (const c of checkIns) {
      tx = tx.set(c.id, encodeCheckIn(c, objective.id, objective.cycleId), {
        entityName: ENTITY.checkIn,
        conditions: new Filter<Attributes>().and('keyResultId', FilterConditions.notExists()),
      });
    }
    if (fits) {
      for (const link of puts) tx = tx.set(link.initiativeId, encodeLink(link), { entityName: ENTITY.initiative });
      for (const id of deletes) tx = tx.delete(id, { entityName: ENTITY.initiative });
    }
    try {
      await rateLimited(() => tx.execute());
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // Which condition failed is not reported: the objective's version tells.
      if ((await storedVersion(objective.id)) !== expectedVersion) throw new VersionConflict(`objective ${objective.id} changed since it was read`);
      await jitter(attempt);
      continue;
    }
    if (!fits) {
      await Promise.all([
        batchSetAll(puts.map((l) => ({ entity: ENTITY.initiative, key: l.initiativeId, value: encodeLink(l) }))),
        batchDeleteAll(deletes.map((key) => ({ entity: ENTITY.initiative, key }))),
      ]);
    }
    return;
  }
  throw new VersionConflict(`board shard ${shardKey} kept changing`);
};

/** Lookup rows of the given issues, queried in parallel (one round trip). */
export const listLinksByIssue = async (issueIds: readonly string[]): Promise<InitiativeLink[]> => {
  const perIssue = await Promise.all(
    [...new Set(issueIds)].map((issueId) => indexAll(ENTITY.initiative, INDEX.initiativeByIssue, [issueId])),
  );
  return perIssue.flat().map((i) => decodeLink(i.key, i.value));
};
