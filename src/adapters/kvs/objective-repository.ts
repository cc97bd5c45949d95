import { Filter, FilterConditions, kvs } from '@forge/kvs';
import type { AggregateWrite } from '../../usecases/ports';
import { VersionConflict } from '../../usecases/ports';
import type { InitiativeLink, ObjectiveAggregate } from '../../usecases/model';
import type { Attributes } from './codecs';
import { decodeLink, decodeObjective, encodeCheckIn, encodeLink, encodeObjective } from './codecs';
import type { Item } from './kvs-io';
import { batchDeleteAll, batchGetAll, batchSetAll, indexAll, indexPage, isConditionFailure, queryAll } from './kvs-io';
import { ENTITY, INDEX, SHARD_COUNT } from './registry';

/** Objective aggregates and their initiative lookup rows. */

const decodeAll = (items: readonly Item[]): ObjectiveAggregate[] => items.map((i) => decodeObjective(i.value));

export const getObjective = async (id: string): Promise<ObjectiveAggregate | undefined> => {
  const value = await kvs.entity<Attributes>(ENTITY.objective).get(id);
  return value === undefined ? undefined : decodeObjective(value);
};

export const getObjectives = async (ids: readonly string[]): Promise<ObjectiveAggregate[]> =>
  decodeAll(await batchGetAll(ENTITY.objective, [...new Set(ids)]));

/**
 * All objectives of a cycle: the 16 shard partitions are queried in parallel, one page each; only a
 * shard holding more than 100 objectives follows its cursor. At 1,000 objectives that is one round trip.
 */
export const listObjectivesOfCycle = async (cycleId: string): Promise<ObjectiveAggregate[]> => {
  const shards = await Promise.all(
    Array.from({ length: SHARD_COUNT }, (_, shard) =>
      queryAll((cursor) => indexPage(ENTITY.objective, INDEX.objectiveByCycleShard, [cycleId, shard], cursor)),
    ),
  );
  return decodeAll(shards.flat());
};

export const listObjectivesCarriedFrom = async (objectiveId: string): Promise<ObjectiveAggregate[]> =>
  decodeAll(await indexAll(ENTITY.objective, INDEX.objectiveByCarriedFrom, [objectiveId]));

/** Transactions take at most 25 operations. */
const MAX_TRANSACTION_OPS = 25;

/**
 * One conditional write: the aggregate only if its version is still the one read (or it is absent, for
 * a new objective), new check-in rows only if absent, and the initiative lookup rows. All in one
 * transaction when they fit its 25 operations; otherwise the lookup rows follow in batches (they are a
 * lookup aid that readers verify against the aggregate, and the reconcile job rewrites them).
 * @throws VersionConflict when a condition failed.
 */
export const writeObjective = async (write: AggregateWrite): Promise<void> => {
  const { aggregate, expectedVersion } = write;
  const objective = aggregate.objective;
  const record = encodeObjective(aggregate, expectedVersion + 1);
  const versionCondition =
    expectedVersion === 0
      ? new Filter<Attributes>().and('version', FilterConditions.notExists())
      : new Filter<Attributes>().and('version', FilterConditions.equalTo(expectedVersion));
  const checkIns = write.newCheckIns ?? [];
  const puts = write.putLinks ?? [];
  const deletes = write.deleteLinkIds ?? [];
  const fits = 1 + checkIns.length + puts.length + deletes.length <= MAX_TRANSACTION_OPS;

  let tx = kvs.transact().set(objective.id, record, { entityName: ENTITY.objective, conditions: versionCondition });
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
    await tx.execute();
  } catch (error) {
    if (isConditionFailure(error)) throw new VersionConflict(`objective ${objective.id} changed since it was read`);
    throw error;
  }
  if (!fits) {
    await Promise.all([
      batchSetAll(puts.map((l) => ({ entity: ENTITY.initiative, key: l.initiativeId, value: encodeLink(l) }))),
      batchDeleteAll(deletes.map((key) => ({ entity: ENTITY.initiative, key }))),
    ]);
  }
};

/** Lookup rows of the given issues, queried in parallel (one round trip). */
export const listLinksByIssue = async (issueIds: readonly string[]): Promise<InitiativeLink[]> => {
  const perIssue = await Promise.all(
    [...new Set(issueIds)].map((issueId) => indexAll(ENTITY.initiative, INDEX.initiativeByIssue, [issueId])),
  );
  return perIssue.flat().map((i) => decodeLink(i.key, i.value));
};
