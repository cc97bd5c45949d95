import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { Cycle, ExportCounts, ImportState, Team } from '../../contract';
import { EXPORT_SECTIONS, ExportCountsSchema, ImportStateSchema } from '../../contract';
import { AppError } from '../../usecases/errors';
import type { ImportJob, ImportPartData } from '../../usecases/ports';
import { pushImportStep } from '../events/import-queue';
import { putBoardShards } from './board-repository';
import type { Attributes } from './codecs';
import {
  decodeCycleCatalog,
  decodeObjective,
  decodeTeamCatalog,
  encodeBands,
  encodeCatalog,
  encodeCheckIn,
  encodeObjective,
} from './codecs';
import { byName, byStart } from './catalog-repository';
import { cleanupRetired } from './data-repository';
import { readGeneration, writeGeneration } from './generation-repository';
import { snapshotItems } from './history-repository';
import { putIssueLinks } from './issue-link-repository';
import type { EntityName, Space } from './registry';
import { at, CATALOG, ENTITY, KEY, spaceOf } from './registry';
import { batchGetAll, batchSetAll, isConditionFailure, rateLimited, versionIs } from './kvs-io';

/**
 * Paged imports (data.import.start / append / finish / status). The import id is the id of the staging
 * generation it writes, and its job document lives in that generation (catalog entity, key
 * `gen.<id>.import-job`), so cleaning up a failed or abandoned import removes its job too. Appends write
 * records straight into the staging generation; the job document (changed only with a version
 * condition, in the same transaction as the staged cycle and team catalogs) says which parts were
 * written, so a repeated append writes nothing twice. Finish hands over to async events: each verifies
 * a page of parts by reading them back, the last builds the board and issue lookups, checks counts and
 * references, and switches the live generation with the same conditional write as a one-shot import.
 */

const JOB_KEY = 'import-job';
/** Objectives read back per verify event: a few batchGets, seconds at most (the consumer has 55 s). */
const OBJECTIVES_PER_STEP = 200;

const JobSchema = z.object({
  importId: z.string(),
  state: ImportStateSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  requestId: z.string(),
  expected: ExportCountsSchema,
  written: ExportCountsSchema,
  parts: z.array(z.object({ requestId: z.string(), objectiveIds: z.array(z.string()) })),
  verifiedParts: z.number().int(),
  verified: z.number().int(),
  /** The generation document's version once this import claimed it: the switch is conditional on it. */
  generationVersion: z.number().int(),
  error: z.string().optional(),
});
type StoredJob = z.output<typeof JobSchema>;
const JobRecord = z.object({ version: z.number().int(), data: JobSchema });

const jobKey = (importId: string): string => at(spaceOf(importId), JOB_KEY);

const toJob = (job: StoredJob): ImportJob => ({
  importId: job.importId,
  state: job.state,
  createdBy: job.createdBy,
  expected: job.expected,
  written: job.written,
  verified: job.verified,
  ...(job.error === undefined ? {} : { error: job.error }),
});

const readJob = async (importId: string): Promise<{ job: StoredJob; version: number } | undefined> => {
  const value = await rateLimited(() => kvs.entity<Attributes>(ENTITY.catalog).get(jobKey(importId)));
  if (value === undefined) return undefined;
  const record = JobRecord.parse(value);
  return { job: record.data, version: record.version };
};

export const getImportJob = async (importId: string): Promise<ImportJob | undefined> => {
  const found = await readJob(importId);
  return found === undefined ? undefined : toJob(found.job);
};

const jobWrite = (job: StoredJob, version: number) => ({
  key: jobKey(job.importId),
  value: { version: version + 1, data: job } as Attributes,
  options: { entityName: ENTITY.catalog, conditions: versionIs(version) },
});

/** @returns false when the job changed since `version` was read. */
const writeJob = async (job: StoredJob, version: number): Promise<boolean> => {
  const w = jobWrite(job, version);
  try {
    await rateLimited(() => kvs.transact().set(w.key, w.value, w.options).execute());
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

const zero = (): ExportCounts => Object.fromEntries(EXPORT_SECTIONS.map((s) => [s, 0])) as ExportCounts;
const total = (counts: ExportCounts): number => EXPORT_SECTIONS.reduce((n, s) => n + counts[s], 0);

/**
 * Claims a new staging generation (retiring an earlier unfinished one, as a one-shot import does) and
 * records the job. A repeat with the same import id answers the job recorded.
 * @throws AppError CONFLICT when another import claimed the generation document meanwhile.
 */
export const startImport = async (args: {
  importId: string;
  requestId: string;
  expected: ExportCounts;
  createdBy: string;
  now: string;
}): Promise<ImportJob> => {
  const existing = await readJob(args.importId);
  if (existing !== undefined) return toJob(existing.job);
  const state = await readGeneration();
  const previous = state.generation;
  const retired = [
    ...previous.retired,
    ...(previous.staging === undefined ? [] : [{ generation: previous.staging.generation, at: args.now }]),
  ];
  const claimed = await writeGeneration(
    { active: previous.active, staging: { generation: args.importId, startedAt: args.now }, retired },
    state.version,
  );
  if (!claimed) throw new AppError('CONFLICT', 'Another import started at the same moment; try again in a moment.');
  const job: StoredJob = {
    importId: args.importId,
    state: 'staging',
    createdBy: args.createdBy,
    createdAt: args.now,
    requestId: args.requestId,
    expected: args.expected,
    written: zero(),
    parts: [],
    verifiedParts: 0,
    verified: 0,
    generationVersion: state.version + 1,
  };
  await writeJob(job, 0);
  return toJob(job);
};

const mergeById = <T extends { id: string }>(what: string, current: readonly T[], added: readonly T[]): T[] => {
  const byId = new Map(current.map((item) => [item.id, item]));
  for (const item of added) {
    const had = byId.get(item.id);
    if (had !== undefined && JSON.stringify(had) !== JSON.stringify(item)) {
      throw new AppError(
        'VALIDATION',
        `part.${what} ${item.id} is already in another part of this import`,
        `part.${what}`,
      );
    }
    byId.set(item.id, item);
  }
  return [...byId.values()];
};

const stagingJob = async (importId: string): Promise<{ job: StoredJob; version: number }> => {
  const found = await readJob(importId);
  if (found === undefined)
    throw new AppError('NOT_FOUND', 'No import with this id (it may have been cleaned up after it failed).');
  return found;
};

/**
 * Writes one part into the import's staging generation. Idempotent on the request id: a part already
 * recorded answers the job as it is. Records are written before the job document records the part, so a
 * part the job lists is always whole; a part written but not recorded is rewritten identically on retry.
 * @throws AppError NOT_FOUND, CONFLICT (the import is no longer staging), VALIDATION (an id of another part).
 */
export const appendImportPart = async (
  importId: string,
  requestId: string,
  data: ImportPartData,
): Promise<ImportJob> => {
  for (let attempt = 0; ; attempt++) {
    const { job, version } = await stagingJob(importId);
    if (job.parts.some((p) => p.requestId === requestId)) return toJob(job);
    if (job.state !== 'staging') throw new AppError('CONFLICT', `This import is ${job.state}: it takes no more parts.`);
    const space = spaceOf(importId);
    const [cycleValue, teamValue] = await Promise.all([
      rateLimited(() => kvs.entity<Attributes>(ENTITY.catalog).get(at(space, CATALOG.cycles))),
      rateLimited(() => kvs.entity<Attributes>(ENTITY.catalog).get(at(space, CATALOG.teams))),
    ]);
    const cycles = cycleValue === undefined ? { items: [] as Cycle[], version: 0 } : decodeCycleCatalog(cycleValue);
    const teams = teamValue === undefined ? { items: [] as Team[], version: 0 } : decodeTeamCatalog(teamValue);
    const mergedCycles = mergeById('cycles', cycles.items, data.cycles).sort(byStart);
    const mergedTeams = mergeById('teams', teams.items, data.teams).sort(byName);
    await writeRecords(space, data);
    const next: StoredJob = {
      ...job,
      written: Object.fromEntries(EXPORT_SECTIONS.map((s) => [s, job.written[s] + data.counts[s]])) as ExportCounts,
      parts: [...job.parts, { requestId, objectiveIds: data.objectives.map((a) => a.objective.id) }],
    };
    const w = jobWrite(next, version);
    try {
      let tx = kvs.transact().set(w.key, w.value, w.options);
      if (data.cycles.length > 0) {
        tx = tx.set(at(space, CATALOG.cycles), encodeCatalog(mergedCycles, cycles.version + 1), {
          entityName: ENTITY.catalog,
          conditions: versionIs(cycles.version),
        });
      }
      if (data.teams.length > 0) {
        tx = tx.set(at(space, CATALOG.teams), encodeCatalog(mergedTeams, teams.version + 1), {
          entityName: ENTITY.catalog,
          conditions: versionIs(teams.version),
        });
      }
      await rateLimited(() => tx.execute());
      return toJob(next);
    } catch (error) {
      // Another append of this import won the race: read again (this part's records are rewritten identically).
      if (!isConditionFailure(error) || attempt >= 5) throw error;
    }
  }
};

const writeRecords = async (space: Space, data: ImportPartData): Promise<void> => {
  const cycleOf = new Map(data.objectives.map((a) => [a.objective.id, a.objective.cycleId]));
  const items: { entity: EntityName; key: string; value: Attributes }[] = [
    ...data.objectives.map((a) => ({
      entity: ENTITY.objective,
      key: at(space, a.objective.id),
      value: encodeObjective(a, 1),
    })),
    ...data.checkIns.map((c) => {
      const objectiveId = c.keyResultId.slice(0, 12);
      return {
        entity: ENTITY.checkIn,
        key: at(space, c.id),
        value: encodeCheckIn(c, objectiveId, cycleOf.get(objectiveId) ?? '', space),
      };
    }),
    ...snapshotItems(
      space,
      data.snapshots.map((s) => ({ ...s, scores: {}, stale: [] })),
    ),
  ];
  const bands = data.bands;
  await Promise.all([
    batchSetAll(items),
    bands === undefined ? undefined : rateLimited(() => kvs.set(at(space, KEY.bands), encodeBands(bands))),
  ]);
};

/**
 * Ends the writing: the job goes to `verifying` and the first verify event is enqueued. A repeat while
 * verifying (or after) answers the job as it is.
 * @throws AppError NOT_FOUND, UNAVAILABLE (the event could not be enqueued: the job stays staging, finish again).
 */
export const finishImport = async (importId: string): Promise<ImportJob> => {
  const { job, version } = await stagingJob(importId);
  if (job.state !== 'staging') return toJob(job);
  const next: StoredJob = { ...job, state: 'verifying' };
  if (!(await writeJob(next, version))) return toJob((await stagingJob(importId)).job);
  try {
    await pushImportStep({ importId, part: 0 });
  } catch (error) {
    console.error('import verification could not be enqueued', error);
    await writeJob(job, version + 1).catch(() => false);
    throw new AppError(
      'UNAVAILABLE',
      'The import could not be handed over for verification; nothing was changed. Call finish again in a moment.',
    );
  }
  return toJob(next);
};

/** Records the failure and retires the staging generation (cleaned up later); the live data is untouched. */
const failImport = async (importId: string, message: string): Promise<void> => {
  const found = await readJob(importId).catch(() => undefined);
  if (found !== undefined && found.job.state !== 'done')
    await writeJob({ ...found.job, state: 'failed', error: message }, found.version).catch(() => false);
  const state = await readGeneration().catch(() => undefined);
  if (state?.generation.staging?.generation === importId) {
    const { active, retired } = state.generation;
    await writeGeneration(
      { active, retired: [...retired, { generation: importId, at: new Date().toISOString() }] },
      state.version,
    ).catch(() => false);
  }
};

const problemsOf = (
  job: StoredJob,
  cycles: readonly Cycle[],
  teams: readonly Team[],
  aggregates: readonly ReturnType<typeof decodeObjective>[],
): string[] => {
  const cycleIds = new Set(cycles.map((c) => c.id));
  const teamIds = new Set(teams.map((t) => t.id));
  const objectiveIds = new Set(aggregates.map((a) => a.objective.id));
  const problems: string[] = [];
  for (const s of EXPORT_SECTIONS) {
    if (job.written[s] !== job.expected[s])
      problems.push(`${String(job.written[s])} of ${String(job.expected[s])} ${s} were sent`);
  }
  if (cycles.length !== job.expected.cycles)
    problems.push(`${String(cycles.length)} of ${String(job.expected.cycles)} cycles read back`);
  if (teams.length !== job.expected.teams)
    problems.push(`${String(teams.length)} of ${String(job.expected.teams)} teams read back`);
  if (aggregates.length !== job.expected.objectives)
    problems.push(`${String(aggregates.length)} of ${String(job.expected.objectives)} objectives read back`);
  for (const a of aggregates) {
    const o = a.objective;
    if (!cycleIds.has(o.cycleId)) problems.push(`objective ${o.id} names no cycle of the import`);
    if (o.teamId !== undefined && !teamIds.has(o.teamId))
      problems.push(`objective ${o.id} names no team of the import`);
    if (o.parentObjectiveId !== undefined && !objectiveIds.has(o.parentObjectiveId))
      problems.push(`objective ${o.id} names no parent objective of the import`);
  }
  for (const t of teams)
    if (t.parentTeamId !== undefined && !teamIds.has(t.parentTeamId))
      problems.push(`team ${t.id} names no parent team of the import`);
  return problems;
};

/** The last step: board and issue lookups built from every staged objective, then checks, then the switch. */
const completeImport = async (job: StoredJob, version: number): Promise<void> => {
  const space = spaceOf(job.importId);
  const ids = job.parts.flatMap((p) => p.objectiveIds);
  const [cycleValue, teamValue, items] = await Promise.all([
    rateLimited(() => kvs.entity<Attributes>(ENTITY.catalog).get(at(space, CATALOG.cycles))),
    rateLimited(() => kvs.entity<Attributes>(ENTITY.catalog).get(at(space, CATALOG.teams))),
    batchGetAll(
      ENTITY.objective,
      ids.map((id) => at(space, id)),
    ),
  ]);
  const cycles = cycleValue === undefined ? [] : decodeCycleCatalog(cycleValue).items;
  const teams = teamValue === undefined ? [] : decodeTeamCatalog(teamValue).items;
  const aggregates = items.map((i) => decodeObjective(i.value));
  const problems = problemsOf(job, cycles, teams, aggregates);
  if (problems.length > 0) throw new Error(`the staged import is not whole: ${problems.slice(0, 5).join('; ')}`);
  // Cycles and teams catalogs exist even when empty (an empty import replaces everything with nothing).
  const catalogs: { entity: EntityName; key: string; value: Attributes }[] = [
    ...(cycleValue === undefined
      ? [{ entity: ENTITY.catalog, key: at(space, CATALOG.cycles), value: encodeCatalog([], 1) }]
      : []),
    ...(teamValue === undefined
      ? [{ entity: ENTITY.catalog, key: at(space, CATALOG.teams), value: encodeCatalog([], 1) }]
      : []),
  ];
  await Promise.all([putBoardShards(space, aggregates), putIssueLinks(space, aggregates), batchSetAll(catalogs)]);
  const state = await readGeneration();
  if (state.version !== job.generationVersion || state.generation.staging?.generation !== job.importId) {
    throw new Error('another import changed the data meanwhile');
  }
  const { active, retired } = state.generation;
  const switched = await writeGeneration(
    { active: job.importId, retired: [...retired, { generation: active, at: new Date().toISOString() }] },
    state.version,
  );
  if (!switched) throw new Error('another import changed the data meanwhile');
  // Cycles, teams and objectives (with KRs and initiatives) were read back; check-ins and snapshots were
  // checked by their batch writes' failed keys: the whole import counts as verified.
  await writeJob({ ...job, state: 'done', verified: total(job.expected) }, version).catch(() => false);
  await cleanupRetired().catch((error: unknown) => {
    console.warn('old data left for a later cleanup', error);
  });
};

/**
 * One verify event: reads back the next parts' objectives (about OBJECTIVES_PER_STEP), records the
 * progress and enqueues the next event, or completes the import. Any failure marks the job failed and
 * leaves the live data as it was.
 */
export const runImportStep = async (importId: string, part: number): Promise<ImportState | undefined> => {
  try {
    const found = await readJob(importId);
    if (found === undefined) return undefined;
    const { job, version } = found;
    // A repeated or stale event (the job moved on) does nothing.
    if (job.state !== 'verifying' || job.verifiedParts !== part) return job.state;
    if (part >= job.parts.length) {
      await completeImport(job, version);
      return 'done';
    }
    let end = part;
    let count = 0;
    while (
      end < job.parts.length &&
      (end === part || count + (job.parts[end]?.objectiveIds.length ?? 0) <= OBJECTIVES_PER_STEP)
    ) {
      count += job.parts[end]?.objectiveIds.length ?? 0;
      end += 1;
    }
    const ids = job.parts.slice(part, end).flatMap((p) => p.objectiveIds);
    const space = spaceOf(importId);
    const read = (
      await batchGetAll(
        ENTITY.objective,
        ids.map((id) => at(space, id)),
      )
    ).map((i) => decodeObjective(i.value));
    if (read.length !== ids.length)
      throw new Error(`${String(ids.length - read.length)} staged objectives do not read back`);
    const records = read.reduce((n, a) => n + 1 + a.keyResults.length + a.initiatives.length, 0);
    const next: StoredJob = { ...job, verifiedParts: end, verified: job.verified + records };
    if (!(await writeJob(next, version))) return job.state;
    await pushImportStep({ importId, part: end });
    return 'verifying';
  } catch (error) {
    console.error('import verification failed', error);
    await failImport(
      importId,
      `verification failed: ${error instanceof Error ? error.message : String(error)}; your data is as it was`,
    );
    return 'failed';
  }
};

/** An append that failed in storage: the import cannot be trusted whole any more, so it fails. */
export const abandonImport = async (importId: string, why: string): Promise<void> => {
  await failImport(importId, why);
};
