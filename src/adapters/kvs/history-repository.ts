import { ForgeKvsAPIError, kvs } from '@forge/kvs';
import type { CheckIn } from '../../contract';
import type { KeyResultSnapshot } from '../../usecases/model';
import { AppError } from '../../usecases/errors';
import type { Page } from '../../usecases/ports';
import type { Attributes } from './codecs';
import { decodeCheckIn, decodeSnapshot, encodeSnapshot } from './codecs';
import { batchGetAll, batchSetAll, indexAll, indexPage, rateLimited } from './kvs-io';
import type { EntityName, Space } from './registry';
import { at, ENTITY, INDEX, shardOf, snapshotKey } from './registry';

/** Append-only history: check-ins (newest first) and weekly KR snapshots. */

export const getCheckIn = async (space: Space, id: string): Promise<CheckIn | undefined> => {
  const value = await rateLimited(() => kvs.entity<Attributes>(ENTITY.checkIn).get(at(space, id)));
  return value === undefined ? undefined : decodeCheckIn(id, value, space);
};

export const listCheckIns = async (space: Space, keyResultId: string, limit: number, cursor?: string): Promise<Page<CheckIn>> => {
  const page = await indexPage(ENTITY.checkIn, INDEX.checkInByKeyResult, [at(space, keyResultId)], cursor, { limit, sort: 'DESC' }).catch(
    (error: unknown) => {
      // A cursor from another query, or tampered with, is the caller's input at fault.
      if (cursor !== undefined && error instanceof ForgeKvsAPIError && error.responseDetails.status === 400) {
        throw new AppError('VALIDATION', 'cursor is not a cursor of this list', 'cursor', [{ field: 'cursor', message: 'is not a cursor of this list' }]);
      }
      throw error;
    },
  );
  const items = page.results.map((r) => decodeCheckIn(r.key, r.value, space));
  return page.nextCursor === undefined ? { items } : { items, nextCursor: page.nextCursor };
};

/** The objective a KR id belongs to (hierarchical ids), which decides the KR's shard. */
const shardOfKeyResult = (keyResultId: string): number => shardOf(keyResultId.split('-')[0] ?? keyResultId);

/** Splits a cycle's weekly snapshot into its 16 shard records (each well under the value size limit). */
export const shardSnapshot = (s: KeyResultSnapshot): { shard: number; part: KeyResultSnapshot }[] => {
  const parts = new Map<number, KeyResultSnapshot>();
  const part = (krId: string): KeyResultSnapshot => {
    const shard = shardOfKeyResult(krId);
    let p = parts.get(shard);
    if (p === undefined) {
      p = { cycleId: s.cycleId, week: s.week, values: {}, scores: {}, stale: [], ...(s.takenAt === undefined ? {} : { takenAt: s.takenAt }) };
      parts.set(shard, p);
    }
    return p;
  };
  for (const [id, v] of Object.entries(s.values)) part(id).values[id] = v;
  for (const [id, v] of Object.entries(s.scores)) part(id).scores[id] = v;
  for (const id of s.stale) part(id).stale.push(id);
  return [...parts].map(([shard, p]) => ({ shard, part: p }));
};

/** The records of weekly snapshots in a space (16 shards a week at most). */
export const snapshotItems = (space: Space, snapshots: readonly KeyResultSnapshot[]): { entity: EntityName; key: string; value: Attributes }[] =>
  snapshots.flatMap((s) =>
    shardSnapshot(s).map(({ shard, part }) => ({
      entity: ENTITY.krSnapshot,
      key: at(space, snapshotKey(s.cycleId, s.week, shard)),
      value: encodeSnapshot(part, shard, space),
    })),
  );

export const putSnapshots = (space: Space, snapshots: readonly KeyResultSnapshot[]): Promise<void> => batchSetAll(snapshotItems(space, snapshots));

/** Merges shard records into one snapshot per week. */
export const mergeSnapshots = (parts: readonly KeyResultSnapshot[]): KeyResultSnapshot[] => {
  const weeks = new Map<string, KeyResultSnapshot>();
  for (const p of parts) {
    const id = `${p.cycleId}:${p.week}`;
    const w = weeks.get(id) ?? { cycleId: p.cycleId, week: p.week, values: {}, scores: {}, stale: [] };
    Object.assign(w.values, p.values);
    Object.assign(w.scores, p.scores);
    w.stale.push(...p.stale);
    // Every shard of one snapshot is written at once with the same time; the latest stands if they differ.
    if (p.takenAt !== undefined && (w.takenAt === undefined || p.takenAt > w.takenAt)) w.takenAt = p.takenAt;
    weeks.set(id, w);
  }
  return [...weeks.values()].sort((a, b) => (`${a.cycleId}:${a.week}` < `${b.cycleId}:${b.week}` ? -1 : 1));
};

/** A cycle's snapshots, oldest week first. */
export const listSnapshots = async (space: Space, cycleId: string): Promise<KeyResultSnapshot[]> =>
  mergeSnapshots((await indexAll(ENTITY.krSnapshot, INDEX.snapshotByCycleWeek, [at(space, cycleId)])).map((i) => decodeSnapshot(i.value, space)));

/**
 * Some weeks of a cycle's snapshots, only as far as they hold the KRs of `objectiveIds`: the shard
 * records of those objectives' shards, read by key (strongly consistent, no index). A team's history
 * then costs its own objectives' shards, not the whole company's. Weeks with no record are left out.
 */
export const listSnapshotsOf = async (space: Space, cycleId: string, weeks: readonly string[], objectiveIds: readonly string[]): Promise<KeyResultSnapshot[]> => {
  const shards = [...new Set(objectiveIds.map((id) => shardOf(id)))];
  const keys = weeks.flatMap((week) => shards.map((shard) => at(space, snapshotKey(cycleId, week, shard))));
  return mergeSnapshots((await batchGetAll(ENTITY.krSnapshot, keys)).map((i) => decodeSnapshot(i.value, space)));
};
