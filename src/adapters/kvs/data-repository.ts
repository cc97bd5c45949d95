import { randomBytes } from 'node:crypto';
import { kvs } from '@forge/kvs';
import type { ExportDocument } from '../../contract';
import { AppError } from '../../usecases/errors';
import type { ImportData } from '../../usecases/ports';
import type { Attributes } from './codecs';
import { decodeCheckIn, decodeObjective, decodeSnapshot, encodeCatalog, encodeCheckIn, encodeObjective } from './codecs';
import { putIssueLinks } from './issue-link-repository';
import { kpiItems, listKpis, readingsOf } from './kpi-repository';
import { allLeftOut, putLeftOut } from './left-out-repository';
import { listDigestsOfCycle, putBoardShards } from './board-repository';
import { byName, byStart, getBands, importedSettings, listCycles, listTeams } from './catalog-repository';
import type { GenerationState } from './generation-repository';
import { readGeneration, writeGeneration } from './generation-repository';
import { mergeSnapshots, snapshotItems } from './history-repository';
import { ABANDONED_AFTER_MS, archiveJob, expireAbandonedImport } from './import-job-record';
import { batchDeleteAll, batchGetAll, batchSetAll, indexAll, rateLimited } from './kvs-io';
import type { EntityName, Space } from './registry';
import { at, CATALOG, ENTITY, INDEX, inSpace, KEY, spaceOf } from './registry';

/** Whole-store export and replace, for data.export / data.import. Not budgeted: an admin operation. */

/** Every record of an entity in a space (the by-key index holds every generation: keep this one's). */
export const allOf = async (space: Space, entity: EntityName) => (await indexAll(entity, INDEX.byKey)).filter((i) => inSpace(space, i.key) && i.key !== CATALOG.generation);

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export type ExportBody = Omit<ExportDocument, 'format' | 'version' | 'exportedAt'>;

/**
 * Everything of a space, in a stable order (ids ascending; KRs and initiatives in their objective's order).
 * Cycles, teams and objectives are read by key (strongly consistent). Check-ins and weekly snapshots come
 * from indexes, which show a write up to a moment after it is made; each KR's latest check-in is read by
 * key, so an export always carries the values the board shows.
 */
export const exportAll = async (space: Space): Promise<ExportBody> => {
  const [bands, cycles, teams, indexed, snapshots] = await Promise.all([
    getBands(space),
    listCycles(space),
    listTeams(space),
    allOf(space, ENTITY.checkIn),
    allOf(space, ENTITY.krSnapshot),
  ]);
  const digests = (await Promise.all(cycles.map((c) => listDigestsOfCycle(space, c.id)))).flat();
  const aggregates = (await batchGetAll(ENTITY.objective, digests.map((d) => at(space, d.objective.id))))
    .map((i) => decodeObjective(i.value))
    .sort((a, b) => byId(a.objective, b.objective));
  const checkIns = new Map(indexed.map((i) => decodeCheckIn(i.key, i.value, space)).map((c) => [c.id, c]));
  const latest = aggregates.flatMap((a) => a.keyResults.flatMap((kr) => (kr.lastCheckIn === undefined || checkIns.has(kr.lastCheckIn.id) ? [] : [kr.lastCheckIn.id])));
  for (const i of await batchGetAll(ENTITY.checkIn, latest.map((id) => at(space, id)))) {
    const c = decodeCheckIn(i.key, i.value, space);
    checkIns.set(c.id, c);
  }
  const weekly = mergeSnapshots(snapshots.map((i) => decodeSnapshot(i.value, space)));
  const leftOut = await allLeftOut(space, cycles.map((c) => c.id).sort(), teams.map((t) => t.id).sort());
  const kpis = [...(await listKpis(space))].sort(byId);
  const kpiReadings = await readingsOf(
    space,
    kpis.map((k) => k.id),
  );
  return {
    settings: { bands },
    cycles: [...cycles].sort(byId),
    teams: [...teams].sort(byId),
    objectives: aggregates.map((a) => ({ ...a.objective, createdAt: a.createdAt, updatedAt: a.updatedAt })),
    keyResults: aggregates.flatMap((a) => a.keyResults.map(({ lastCheckIn: _, forecastScore: _score, ...kr }) => kr)),
    initiatives: aggregates.flatMap((a) => a.initiatives.map(({ epic: _, ...initiative }) => initiative)),
    checkIns: [...checkIns.values()].sort(byId),
    snapshots: weekly.map((w) => ({ cycleId: w.cycleId, week: w.week, values: w.values })),
    ...(leftOut.length === 0 ? {} : { leftOut }),
    ...(kpis.length === 0 ? {} : { kpis }),
    ...(kpiReadings.length === 0 ? {} : { kpiReadings }),
  };
};

/** Writes a whole data set into a space that nobody reads yet (every batch write checks its failed keys). */
export const writeDataset = async (space: Space, data: ImportData): Promise<void> => {
  const cycleOf = new Map(data.objectives.map((a) => [a.objective.id, a.objective.cycleId]));
  const items: { entity: EntityName; key: string; value: Attributes }[] = [
    { entity: ENTITY.catalog, key: at(space, CATALOG.cycles), value: encodeCatalog([...data.cycles].sort(byStart), 1) },
    { entity: ENTITY.catalog, key: at(space, CATALOG.teams), value: encodeCatalog([...data.teams].sort(byName), 1) },
    ...data.objectives.map((a) => ({ entity: ENTITY.objective, key: at(space, a.objective.id), value: encodeObjective(a, a.version === 0 ? 1 : a.version) })),
    ...data.checkIns.map((c) => {
      const objectiveId = c.keyResultId.slice(0, 12);
      return { entity: ENTITY.checkIn, key: at(space, c.id), value: encodeCheckIn(c, objectiveId, cycleOf.get(objectiveId) ?? '', space) };
    }),
    ...snapshotItems(
      space,
      data.snapshots.map((s) => ({ ...s, scores: {}, stale: [] })),
    ),
    ...kpiItems(space, data.kpis ?? [], data.kpiReadings ?? []),
  ];
  await Promise.all([batchSetAll(items), putBoardShards(space, data.objectives), putIssueLinks(space, data.objectives), putLeftOut(space, data.leftOut ?? []), importedSettings(data.bands).then((value) => rateLimited(() => kvs.set(at(space, KEY.bands), value)))]);
};

/** Reads the staged catalogs, board shards and aggregates back and compares them with what was written. */
const verifyDataset = async (space: Space, data: ImportData): Promise<void> => {
  const [cycles, teams, kpis] = await Promise.all([listCycles(space), listTeams(space), listKpis(space)]);
  const digests = (await Promise.all(cycles.map((c) => listDigestsOfCycle(space, c.id)))).flat();
  const ids = data.objectives.map((a) => a.objective.id);
  const aggregates = await batchGetAll(ENTITY.objective, ids.map((id) => at(space, id)));
  const problems = [
    cycles.length !== data.cycles.length && `${String(cycles.length)} of ${String(data.cycles.length)} cycles`,
    teams.length !== data.teams.length && `${String(teams.length)} of ${String(data.teams.length)} teams`,
    digests.length !== ids.length && `${String(digests.length)} of ${String(ids.length)} board rows`,
    aggregates.length !== ids.length && `${String(aggregates.length)} of ${String(ids.length)} objectives`,
    kpis.length !== (data.kpis ?? []).length && `${String(kpis.length)} of ${String((data.kpis ?? []).length)} KPIs`,
  ].filter((p): p is string => typeof p === 'string');
  if (problems.length > 0) throw new Error(`staged import does not read back whole: ${problems.join(', ')}`);
};

/** Deletes every record of a generation (best effort: what fails stays listed as retired for the next run). */
const deleteSpace = async (space: Space): Promise<void> => {
  const entities = Object.values(ENTITY);
  const existing = await Promise.all(entities.map(async (entity) => (await allOf(space, entity)).map((i) => ({ entity, key: i.key }))));
  await Promise.all([batchDeleteAll(existing.flat()), rateLimited(() => kvs.delete(at(space, KEY.bands)))]);
};

/**
 * A retired generation is deleted only this long after it stopped being live: an invocation that read the
 * generation document just before a switch may read the old records for up to 25 s, and an index query
 * (which cleanup enumerates with) may not show a record written in the last moments.
 */
export const RETIRE_GRACE_MS = 120_000;

/**
 * Deletes the records of generations no longer live (old data after an import; imports that failed or
 * were abandoned) once their grace period is over, then forgets them. Safe to run any time (the daily
 * reconcile job does): the live generation is never listed.
 */
export const cleanupRetired = async (graceMs: number = RETIRE_GRACE_MS): Promise<void> => {
  let state = await readGeneration();
  // An import staged and never finished (an abandoned paged import, or a one-shot import whose invocation
  // died) is retired once no append or event of it can still be in flight (ABANDONED_AFTER_MS says why).
  const staging = state.generation.staging;
  if (staging !== undefined && Date.now() - Date.parse(staging.startedAt) >= ABANDONED_AFTER_MS && (await expireAbandonedImport(staging.generation))) {
    const { staging: _abandoned, ...rest } = state.generation;
    // Retired as of its start: it never went live, so no reader needs a grace period.
    const retired = [...rest.retired, { generation: staging.generation, at: staging.startedAt }];
    if (await writeGeneration({ ...rest, retired }, state.version)) state = await readGeneration();
  }
  const due = state.generation.retired.filter((r) => Date.now() - Date.parse(r.at) >= graceMs).map((r) => r.generation);
  if (due.length === 0) return;
  for (const generation of due) {
    // A paged import's status outlives its records (import-job-record.ts).
    await archiveJob(generation, 'failed: the import did not finish and its staged data was removed; your data is as it was');
    await deleteSpace(spaceOf(generation));
  }
  const now = await readGeneration();
  await writeGeneration({ ...now.generation, retired: now.generation.retired.filter((r) => !due.includes(r.generation)) }, now.version);
};

const newGenerationId = (): string => `${Date.now().toString(36)}${randomBytes(4).toString('hex')}`;

const unchanged = (why: string): AppError =>
  new AppError('UNAVAILABLE', `The import could not be completed (${why}). Nothing was changed: your data is as it was. Try again in a moment.`);

/** After an answer lost on the switch itself: the generation document says whether it committed. */
const switchedTo = async (generation: string): Promise<boolean> => {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return (await readGeneration()).generation.active === generation;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200 * (attempt + 1)));
    }
  }
  throw new AppError('UNAVAILABLE', 'Storage stopped answering as the import was switched on; reload in a moment to see whether it was applied (nothing was lost either way).');
};

/**
 * Replaces all data without a moment where it is missing or half-written: the data set is staged in a
 * new generation, read back and verified, then made live with one conditional write of the generation
 * document; the old generation is deleted afterwards (or, if that fails, by a later cleanup). A failure
 * before the switch leaves the previous data live and whole, and the staged records are cleaned up later.
 * @throws AppError CONFLICT (another import is running), UNAVAILABLE (nothing changed).
 */
export const replaceAll = async (data: ImportData): Promise<void> => {
  let state: GenerationState;
  try {
    state = await readGeneration();
  } catch {
    throw unchanged('storage did not answer');
  }
  const previous = state.generation;
  const generation = newGenerationId();
  // Failed or abandoned imports before this one are cleaned up with the old data.
  const stamp = new Date().toISOString();
  const retired = [...previous.retired, ...(previous.staging === undefined ? [] : [{ generation: previous.staging.generation, at: stamp }])];
  let claimed = false;
  try {
    claimed = await writeGeneration({ active: previous.active, staging: { generation, startedAt: stamp }, retired }, state.version);
  } catch {
    throw unchanged('storage did not answer');
  }
  if (!claimed) throw new AppError('CONFLICT', 'Another import is running (or just finished); try again when it is done.');
  const staged = spaceOf(generation);
  try {
    await writeDataset(staged, data);
    await verifyDataset(staged, data);
  } catch (error) {
    console.error('import staging failed', error);
    // Best effort: list the half-staged generation for cleanup now (the next import would do it anyway).
    await writeGeneration({ active: previous.active, retired: [...retired, { generation, at: new Date().toISOString() }] }, state.version + 1).catch(() => false);
    throw unchanged('storage did not take all of it');
  }
  let switched: boolean;
  try {
    switched = await writeGeneration({ active: generation, retired: [...retired, { generation: previous.active, at: new Date().toISOString() }] }, state.version + 1);
  } catch {
    switched = await switchedTo(generation);
  }
  if (!switched) throw new AppError('CONFLICT', 'The import was not switched on (another import changed the data meanwhile); nothing was changed by this one.');
  // The new data is live; removing the old is housekeeping that must not fail the import.
  await cleanupRetired().catch((error: unknown) => {
    console.warn('old data left for a later cleanup', error);
  });
};
