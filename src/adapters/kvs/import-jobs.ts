import { kvs } from '@forge/kvs';
import type { Cycle, ExportCounts, ImportState, Team } from '../../contract';
import { COUNTED_SECTIONS, EXPORT_SECTIONS, totalCount } from '../../contract';
import { AppError } from '../../usecases/errors';
import type { InitiativeLink, ObjectiveAggregate, ObjectiveDigest } from '../../usecases/model';
import { digestOf } from '../../usecases/model';
import type { ImportJob, ImportPartData } from '../../usecases/ports';
import { pushImportStep } from '../events/import-queue';
import { boardShardOf, encodeBoardShard, encodeRow, encodeTreeShard, getBoardShard, rowKey, treeKey } from './board-repository';
import { stampItem } from './board-head-repository';
import type { Attributes } from './codecs';
import {
  decodeCycleCatalog,
  decodeObjective,
  decodeTeamCatalog,
  encodeCatalog,
  encodeCheckIn,
  encodeIssueLinks,
  encodeObjective,
} from './codecs';
import { byName, byStart, importedSettings } from './catalog-repository';
import { cleanupRetired } from './data-repository';
import { readGeneration, writeGeneration } from './generation-repository';
import { snapshotItems } from './history-repository';
import { readIssueLinks } from './issue-link-repository';
import { mergeLeftOut } from './left-out-repository';
import { kpiItems, mergeImportedKpis } from './kpi-repository';
import type { StoredJob } from './import-job-record';
import { jobWrite, readEndedJob, readJob, toJob, writeJob } from './import-job-record';
import type { EntityName, Space } from './registry';
import { at, CATALOG, ENTITY, KEY, SHARD_COUNT, shardOf, spaceOf } from './registry';
import { batchGetAll, batchSetAll, isConditionFailure, rateLimited, versionIs } from './kvs-io';

/**
 * Paged imports (data.import.start / append / finish / status). The import id is the id of the staging
 * generation it writes, and its job document lives in that generation (catalog entity, key
 * `gen.<id>.import-job`), so cleaning up a failed or abandoned import removes its job too. Appends write
 * records straight into the staging generation; the job document (changed only with a version
 * condition, in the same transaction as the staged cycle and team catalogs) says which parts were
 * written, so a repeated append writes nothing twice. Finish hands over to async events: each reads back
 * one page of staged objectives (stepsOf), checks their references and adds them to the staged board and
 * issue lookups; the last checks counts and catalogs and switches the live generation with the same
 * conditional write as a one-shot import. A staging import nobody finishes is expired and removed by the
 * daily cleanup (data-repository.ts cleanupRetired).
 */

/**
 * Objectives read back per verify event: at ~6.6 KB each about 1.3 MB and 130 read units, a few
 * batchGets and seconds at most (the consumer has 55 s), and a board shard's share of digests to merge.
 */
const OBJECTIVES_PER_STEP = 200;
/** Retries of a verify event that met a storage fault (Forge allows 4: docs:runtime-reference/async-events-api). */
export const MAX_STEP_RETRIES = 4;

const zero = (): ExportCounts => Object.fromEntries(EXPORT_SECTIONS.map((s) => [s, 0])) as ExportCounts;

/** The tally after a part: every section it counts added (an optional one from 0 the first time). */
const added = (written: ExportCounts, part: ExportCounts): ExportCounts => {
  const next = { ...written };
  for (const s of COUNTED_SECTIONS) {
    const n = part[s];
    if (n !== undefined) next[s] = (written[s] ?? 0) + n;
  }
  return next;
};

/** The job, or once its generation was cleaned up, its final state (kept for a while: import-job-record.ts). */
export const getImportJob = async (importId: string): Promise<ImportJob | undefined> => {
  const found = await readJob(importId);
  if (found !== undefined) return toJob(found.job);
  const ended = await readEndedJob(importId);
  return ended === undefined ? undefined : toJob(ended);
};

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
    verifiedSteps: 0,
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
    throw new AppError('NOT_FOUND', 'No import with this id (a failed import is cleaned up after a while).');
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
      written: added(job.written, data.counts),
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
    mergeLeftOut(space, data.leftOut ?? []),
    mergeImportedKpis(space, data.kpis ?? []),
    batchSetAll(kpiItems(space, [], data.kpiReadings ?? [])),
    bands === undefined ? undefined : importedSettings(bands).then((value) => rateLimited(() => kvs.set(at(space, KEY.bands), value))),
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

/** A finding that no retry can change: the import fails at once. */
class ImportRefused extends Error {}

/**
 * Records the failure and retires the staging generation (cleaned up later); the live data is untouched.
 * An import whose switch already committed (its answer lost, or its job write failed after) is done, not
 * failed: the generation document decides, and when it cannot be read nothing is recorded (a later
 * retry, or the abandoned-import cleanup, settles it).
 */
const failImport = async (importId: string, message: string): Promise<void> => {
  const state = await readGeneration().catch(() => undefined);
  if (state === undefined) return;
  const found = await readJob(importId).catch(() => undefined);
  if (state.generation.active === importId) {
    if (found !== undefined && found.job.state !== 'done')
      await writeJob({ ...found.job, state: 'done', verified: totalCount(found.job.expected) }, found.version).catch(() => false);
    return;
  }
  if (found !== undefined && found.job.state !== 'done')
    await writeJob({ ...found.job, state: 'failed', error: message }, found.version).catch(() => false);
  if (state.generation.staging?.generation === importId) {
    const { active, retired } = state.generation;
    await writeGeneration(
      { active, retired: [...retired, { generation: importId, at: new Date().toISOString() }] },
      state.version,
    ).catch(() => false);
  }
};

/**
 * The verify events' pages: the staged objectives grouped by board shard (shardOf their id, as
 * board-repository keys them), each group cut into pages of OBJECTIVES_PER_STEP. A page touches the
 * board documents of one shard number only, so every event reads and writes a bounded amount whatever
 * the import's size. Deterministic: every event of the import computes the same pages from the job.
 */
export const stepsOf = (job: StoredJob): string[][] => {
  const byShard = Array.from({ length: SHARD_COUNT }, (): string[] => []);
  for (const id of job.parts.flatMap((p) => p.objectiveIds)) byShard[shardOf(id)]?.push(id);
  return byShard.flatMap((ids) => {
    const sorted = [...ids].sort();
    const pages: string[][] = [];
    for (let i = 0; i < sorted.length; i += OBJECTIVES_PER_STEP) pages.push(sorted.slice(i, i + OBJECTIVES_PER_STEP));
    return pages;
  });
};

const stagedCatalogs = async (space: Space) => {
  const [cycleValue, teamValue] = await Promise.all([
    rateLimited(() => kvs.entity<Attributes>(ENTITY.catalog).get(at(space, CATALOG.cycles))),
    rateLimited(() => kvs.entity<Attributes>(ENTITY.catalog).get(at(space, CATALOG.teams))),
  ]);
  return {
    cycleValue,
    teamValue,
    cycles: cycleValue === undefined ? ([] as Cycle[]) : decodeCycleCatalog(cycleValue).items,
    teams: teamValue === undefined ? ([] as Team[]) : decodeTeamCatalog(teamValue).items,
  };
};

/** References of a page's objectives: each names a cycle and team of the import, and a parent it holds. */
const referenceProblems = (
  aggregates: readonly ObjectiveAggregate[],
  cycles: readonly Cycle[],
  teams: readonly Team[],
  allIds: ReadonlySet<string>,
): string[] => {
  const cycleIds = new Set(cycles.map((c) => c.id));
  const teamIds = new Set(teams.map((t) => t.id));
  return aggregates.flatMap(({ objective: o }) => [
    ...(cycleIds.has(o.cycleId) ? [] : [`objective ${o.id} names no cycle of the import`]),
    ...(o.teamId === undefined || teamIds.has(o.teamId) ? [] : [`objective ${o.id} names no team of the import`]),
    ...(o.parentObjectiveId === undefined || allIds.has(o.parentObjectiveId)
      ? []
      : [`objective ${o.id} names no parent objective of the import`]),
  ]);
};

const linksOf = (aggregate: ObjectiveAggregate): InitiativeLink[] =>
  aggregate.initiatives.map((i) => ({
    initiativeId: i.id,
    issueId: i.issueId,
    keyResultId: i.keyResultId,
    objectiveId: aggregate.objective.id,
    cycleId: aggregate.objective.cycleId,
    linkedAt: i.linkedAt,
  }));

/**
 * Adds a page's objectives to the staged board (shard, tree index and row documents, merged with what
 * earlier pages of the same shard wrote) and issue lookups (merged per issue). Nobody else writes the
 * staging generation while it verifies, and a repeated page replaces its own digests and links, so
 * unconditional writes are safe.
 */
const writeProjections = async (space: Space, aggregates: readonly ObjectiveAggregate[]): Promise<void> => {
  const byShardKey = new Map<string, { cycleId: string; shard: number; added: ObjectiveDigest[] }>();
  for (const a of aggregates) {
    const key = boardShardOf(space, a);
    const entry = byShardKey.get(key) ?? { cycleId: a.objective.cycleId, shard: shardOf(a.objective.id), added: [] };
    entry.added.push(digestOf(a));
    byShardKey.set(key, entry);
  }
  const pageIds = new Set(aggregates.map((a) => a.objective.id));
  const links = aggregates.flatMap(linksOf);
  const [shards, issueDocs] = await Promise.all([
    Promise.all([...byShardKey.keys()].map((key) => getBoardShard(key))),
    readIssueLinks(
      space,
      links.map((l) => l.issueId),
    ),
  ]);
  const boardItems = shards.flatMap((shard) => {
    const entry = byShardKey.get(shard.key);
    if (entry === undefined) return [];
    const digests = [...shard.digests.filter((d) => !pageIds.has(d.objective.id)), ...entry.added];
    return [
      { entity: ENTITY.boardShard, key: shard.key, value: encodeBoardShard(entry.cycleId, digests, 1) },
      {
        entity: ENTITY.boardShard,
        key: treeKey(space, entry.cycleId, entry.shard),
        value: encodeTreeShard(entry.cycleId, digests, 1),
      },
      ...entry.added.map((d) => ({
        entity: ENTITY.boardShard,
        key: rowKey(space, entry.cycleId, d.objective.id),
        value: encodeRow(entry.cycleId, d),
      })),
    ];
  });
  // A new stamp per cycle touched, should a head ever have been kept in this generation.
  const stamps = [...new Set([...byShardKey.values()].map((e) => e.cycleId))].map((cycleId) => stampItem(space, cycleId));
  const linkItems = issueDocs.map((doc) => ({
    entity: ENTITY.issueLink,
    key: doc.key,
    value: encodeIssueLinks(
      [...doc.links.filter((l) => !pageIds.has(l.objectiveId)), ...links.filter((l) => l.issueId === doc.issueId)],
      1,
    ),
  }));
  await batchSetAll([...boardItems, ...stamps, ...linkItems]);
};

/** One page: its objectives read back whole, their references checked, their board and lookups staged. */
const verifyPage = async (job: StoredJob, ids: readonly string[]): Promise<number> => {
  const space = spaceOf(job.importId);
  const [catalogs, items] = await Promise.all([
    stagedCatalogs(space),
    batchGetAll(
      ENTITY.objective,
      ids.map((id) => at(space, id)),
    ),
  ]);
  const read = items.map((i) => decodeObjective(i.value));
  if (read.length !== ids.length)
    throw new ImportRefused(`${String(ids.length - read.length)} staged objectives do not read back`);
  const problems = referenceProblems(
    read,
    catalogs.cycles,
    catalogs.teams,
    new Set(job.parts.flatMap((p) => p.objectiveIds)),
  );
  if (problems.length > 0)
    throw new ImportRefused(`the staged import is not whole: ${problems.slice(0, 5).join('; ')}`);
  await writeProjections(space, read);
  return read.reduce((n, a) => n + 1 + a.keyResults.length + a.initiatives.length, 0);
};

/** Counts and catalogs, checked once every page is verified. */
const countProblems = (job: StoredJob, cycles: readonly Cycle[], teams: readonly Team[]): string[] => {
  const teamIds = new Set(teams.map((t) => t.id));
  return [
    // A section the header does not count (an optional one, from a client older than it) is not held to a number.
    ...COUNTED_SECTIONS.flatMap((s) => {
      const expected = job.expected[s];
      const written = job.written[s] ?? 0;
      return expected === undefined || written === expected ? [] : [`${String(written)} of ${String(expected)} ${s} were sent`];
    }),
    ...(cycles.length === job.expected.cycles
      ? []
      : [`${String(cycles.length)} of ${String(job.expected.cycles)} cycles read back`]),
    ...(teams.length === job.expected.teams
      ? []
      : [`${String(teams.length)} of ${String(job.expected.teams)} teams read back`]),
    ...teams.flatMap((t) =>
      t.parentTeamId === undefined || teamIds.has(t.parentTeamId) ? [] : [`team ${t.id} names no parent team of the import`],
    ),
  ];
};

/** The last event: counts and catalogs checked, then the switch (every page is verified and projected). */
const completeImport = async (job: StoredJob, version: number): Promise<void> => {
  const space = spaceOf(job.importId);
  const state = await readGeneration();
  if (state.generation.active === job.importId) {
    // A retry after a switch that committed: only the job is left to record.
    await writeJob({ ...job, state: 'done', verified: totalCount(job.expected) }, version);
    return;
  }
  const { cycleValue, teamValue, cycles, teams } = await stagedCatalogs(space);
  const problems = countProblems(job, cycles, teams);
  if (problems.length > 0)
    throw new ImportRefused(`the staged import is not whole: ${problems.slice(0, 5).join('; ')}`);
  // Cycles and teams catalogs exist even when empty (an empty import replaces everything with nothing).
  await batchSetAll([
    ...(cycleValue === undefined
      ? [{ entity: ENTITY.catalog, key: at(space, CATALOG.cycles), value: encodeCatalog([], 1) }]
      : []),
    ...(teamValue === undefined
      ? [{ entity: ENTITY.catalog, key: at(space, CATALOG.teams), value: encodeCatalog([], 1) }]
      : []),
  ]);
  if (state.version !== job.generationVersion || state.generation.staging?.generation !== job.importId) {
    throw new ImportRefused('another import changed the data meanwhile');
  }
  const { active, retired } = state.generation;
  const switched = await writeGeneration(
    { active: job.importId, retired: [...retired, { generation: active, at: new Date().toISOString() }] },
    state.version,
  );
  if (!switched) throw new ImportRefused('another import changed the data meanwhile');
  // Every objective (with its KRs and initiatives) was read back; cycles and teams were counted; check-ins
  // and snapshots were checked by their batch writes' failed keys: the whole import counts as verified.
  // A lost write here is settled by the event's retry (the switch is seen as done above).
  await writeJob({ ...job, state: 'done', verified: totalCount(job.expected) }, version);
  await cleanupRetired().catch((error: unknown) => {
    console.warn('old data left for a later cleanup', error);
  });
};

/** What one verify event did: the job's state after it, and whether Forge should deliver it again. */
export interface StepOutcome {
  state: ImportState | undefined;
  retry: boolean;
}

const stepOf = async (importId: string, step: number, retryCount: number): Promise<ImportState | undefined> => {
  const found = await readJob(importId);
  if (found === undefined) return undefined;
  const { job, version } = found;
  if (job.state !== 'verifying') return job.state;
  if (job.verifiedSteps !== step) {
    // This event's earlier attempt recorded its page and then failed to enqueue the next: do that now.
    // (Should that push have landed after all, the twin events race on the job's version: one wins.)
    if (retryCount > 0 && job.verifiedSteps === step + 1) await pushImportStep({ importId, part: step + 1 });
    return job.state;
  }
  const steps = stepsOf(job);
  const ids = steps[step];
  if (ids === undefined) {
    await completeImport(job, version);
    return 'done';
  }
  const records = await verifyPage(job, ids);
  const next: StoredJob = { ...job, verifiedSteps: step + 1, verified: job.verified + records };
  // A twin event of this page got there first: it enqueues the next.
  if (!(await writeJob(next, version))) return job.state;
  await pushImportStep({ importId, part: step + 1 });
  return 'verifying';
};

/**
 * One verify event (see stepsOf). A storage fault asks Forge to deliver the event again (up to
 * MAX_STEP_RETRIES times; every step is safe to repeat); a finding (the import is not whole, another
 * import switched first) or a fault past the retries marks the job failed and leaves the live data as
 * it was.
 */
export const runImportStep = async (importId: string, step: number, retryCount = 0): Promise<StepOutcome> => {
  try {
    return { state: await stepOf(importId, step, retryCount), retry: false };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof ImportRefused) && retryCount < MAX_STEP_RETRIES) {
      console.warn(`import verification step ${String(step)} will be retried`, message);
      return { state: 'verifying', retry: true };
    }
    console.error('import verification failed', error);
    await failImport(importId, `verification failed: ${message}; your data is as it was`);
    return { state: 'failed', retry: false };
  }
};

/** An append that failed in storage: the import cannot be trusted whole any more, so it fails. */
export const abandonImport = async (importId: string, why: string): Promise<void> => {
  await failImport(importId, why);
};
