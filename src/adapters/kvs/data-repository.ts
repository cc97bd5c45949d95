import { kvs } from '@forge/kvs';
import type { ExportDocument } from '../../contract';
import type { ImportData } from '../../usecases/ports';
import type { Attributes } from './codecs';
import { decodeCheckIn, decodeObjective, decodeSnapshot, encodeBands, encodeCatalog, encodeCheckIn, encodeLink, encodeObjective, encodeSnapshot } from './codecs';
import { putBoardShards } from './board-repository';
import { byName, byStart, getBands, listCycles, listTeams } from './catalog-repository';
import type { EntityName } from './registry';
import { CATALOG, ENTITY, INDEX, KEY, snapshotKey } from './registry';
import { batchDeleteAll, batchSetAll, indexAll } from './kvs-io';
import { mergeSnapshots, shardSnapshot } from './history-repository';

/** Whole-store export and replace, for data.export / data.import. Not budgeted: an admin operation. */

const allOf = (entity: EntityName) => indexAll(entity, INDEX.byKey);

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export type ExportBody = Omit<ExportDocument, 'format' | 'version' | 'exportedAt'>;

/** Everything, in a stable order (ids ascending; KRs and initiatives in their objective's order). */
export const exportAll = async (): Promise<ExportBody> => {
  const [bands, cycles, teams, objectives, checkIns, snapshots] = await Promise.all([
    getBands(),
    listCycles(),
    listTeams(),
    allOf(ENTITY.objective),
    allOf(ENTITY.checkIn),
    allOf(ENTITY.krSnapshot),
  ]);
  const aggregates = objectives.map((i) => decodeObjective(i.value)).sort((a, b) => byId(a.objective, b.objective));
  const weekly = mergeSnapshots(snapshots.map((i) => decodeSnapshot(i.value)));
  return {
    settings: { bands },
    cycles: [...cycles].sort(byId),
    teams: [...teams].sort(byId),
    objectives: aggregates.map((a) => ({ ...a.objective, createdAt: a.createdAt, updatedAt: a.updatedAt })),
    keyResults: aggregates.flatMap((a) => a.keyResults.map(({ lastCheckIn: _, ...kr }) => kr)),
    initiatives: aggregates.flatMap((a) =>
      a.initiatives.map(({ epic: _, ...initiative }) => initiative),
    ),
    checkIns: checkIns.map((i) => decodeCheckIn(i.key, i.value)).sort(byId),
    snapshots: weekly.map((w) => ({ cycleId: w.cycleId, week: w.week, values: w.values })),
  };
};

/** Deletes every record of every entity and the settings key, then writes `data`. */
export const replaceAll = async (data: ImportData): Promise<void> => {
  const entities = Object.values(ENTITY);
  const existing = await Promise.all(entities.map(async (entity) => (await allOf(entity)).map((i) => ({ entity, key: i.key }))));
  await Promise.all([batchDeleteAll(existing.flat()), kvs.delete(KEY.bands)]);

  const cycleOf = new Map(data.objectives.map((a) => [a.objective.id, a.objective.cycleId]));
  const items: { entity: EntityName; key: string; value: Attributes }[] = [
    { entity: ENTITY.catalog, key: CATALOG.cycles, value: encodeCatalog([...data.cycles].sort(byStart), 1) },
    { entity: ENTITY.catalog, key: CATALOG.teams, value: encodeCatalog([...data.teams].sort(byName), 1) },
    ...data.objectives.map((a) => ({ entity: ENTITY.objective, key: a.objective.id, value: encodeObjective(a, 1) })),
    ...data.objectives.flatMap((a) =>
      a.initiatives.map((i) => ({
        entity: ENTITY.initiative,
        key: i.id,
        value: encodeLink({
          initiativeId: i.id,
          issueId: i.issueId,
          keyResultId: i.keyResultId,
          objectiveId: a.objective.id,
          cycleId: a.objective.cycleId,
          linkedAt: i.linkedAt,
        }),
      })),
    ),
    ...data.checkIns.map((c) => {
      const objectiveId = c.keyResultId.slice(0, 12);
      return { entity: ENTITY.checkIn, key: c.id, value: encodeCheckIn(c, objectiveId, cycleOf.get(objectiveId) ?? '') };
    }),
    ...data.snapshots.flatMap((s) =>
      shardSnapshot({ ...s, scores: {}, stale: [] }).map(({ shard, part }) => ({
        entity: ENTITY.krSnapshot,
        key: snapshotKey(s.cycleId, s.week, shard),
        value: encodeSnapshot(part, shard),
      })),
    ),
  ];
  await Promise.all([batchSetAll(items), putBoardShards(data.objectives), kvs.set(KEY.bands, encodeBands(data.bands))]);
};
