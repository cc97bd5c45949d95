import type { CheckIn, KpiReading, LeftOut } from '../../contract';
import type { ExportPart, ExportPosition } from '../../contract/export-pages';
import { AppError } from '../../usecases/errors';
import { readBoardTree } from './board-repository';
import { getBands, listCycles, listTeams } from './catalog-repository';
import { decodeCheckIn, decodeKpiReading, decodeObjective, decodeSnapshot } from './codecs';
import { listKpis } from './kpi-repository';
import { batchGetAll, indexAll, indexPage } from './kvs-io';
import { readLeftOut } from './left-out-repository';
import type { Space } from './registry';
import { at, ENTITY, INDEX, leftOutKey } from './registry';

/**
 * data.export one page at a time. Pages come in the order of the export document, so concatenating them
 * gives the document: settings, cycles and teams first; then objectives in id order, each page with
 * their KRs, initiatives and check-ins (check-in ids start with their objective's, so they stay in id
 * order too); then each cycle's weekly snapshots. Positions are keyset (the last id given), so a record
 * created between pages neither shifts nor repeats the rest.
 */

/**
 * A page holds at most this many objectives, and stops adding them (or snapshot records) once it holds
 * PAGE_BYTES of JSON: every page can then go back as one data.import.append, whose payload (the part with
 * a few ids around it) must stay under Forge's 500 KB invoke limit, with room to spare.
 */
export const OBJECTIVES_PER_PAGE = 25;
export const PAGE_BYTES = 300_000;

const bytesOf = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface ExportPageResult {
  part: ExportPart;
  next?: ExportPosition;
}

const head = async (space: Space, exportedAt: string): Promise<ExportPageResult> => {
  const [bands, cycles, teams, kpis] = await Promise.all([getBands(space), listCycles(space), listTeams(space), listKpis(space)]);
  // KPIs are one capped catalog document (at most ~60 KB): whole on the first page.
  const kpiPart = kpis.length === 0 ? {} : { kpis: [...kpis].sort(byId) };
  return {
    part: { settings: { bands }, cycles: [...cycles].sort(byId), teams: [...teams].sort(byId), ...kpiPart },
    next: { g: space.generation, at: exportedAt, s: 'objectives', after: '' },
  };
};

/** Every KR's check-ins through its index partition; each KR's latest by key (an index lags a write). */
const checkInsOf = async (
  space: Space,
  aggregates: readonly ReturnType<typeof decodeObjective>[],
): Promise<CheckIn[]> => {
  const krs = aggregates.flatMap((a) => a.keyResults);
  const listed = await Promise.all(
    krs.map((kr) => indexAll(ENTITY.checkIn, INDEX.checkInByKeyResult, [at(space, kr.id)])),
  );
  const found = new Map(
    listed
      .flat()
      .map((i) => decodeCheckIn(i.key, i.value, space))
      .map((c) => [c.id, c]),
  );
  const missing = krs.flatMap((kr) =>
    kr.lastCheckIn === undefined || found.has(kr.lastCheckIn.id) ? [] : [kr.lastCheckIn.id],
  );
  for (const i of await batchGetAll(
    ENTITY.checkIn,
    missing.map((id) => at(space, id)),
  )) {
    const c = decodeCheckIn(i.key, i.value, space);
    found.set(c.id, c);
  }
  return [...found.values()].sort(byId);
};

const objectives = async (space: Space, position: ExportPosition): Promise<ExportPageResult> => {
  // The tree index lists every objective of a cycle (any status) in a few dozen bytes each.
  const cycles = await listCycles(space);
  const ids = (await Promise.all(cycles.map((c) => readBoardTree(space, c.id))))
    .flat()
    .map((e) => e.id)
    .filter((id) => id > position.after)
    .sort();
  const candidates = ids.slice(0, OBJECTIVES_PER_PAGE);
  const aggregates = (await batchGetAll(ENTITY.objective, candidates.map((id) => at(space, id))))
    .map((i) => decodeObjective(i.value))
    .sort((a, b) => byId(a.objective, b.objective));
  const checkIns = await checkInsOf(space, aggregates);
  const partOf = (list: typeof aggregates): ExportPart => {
    const wanted = new Set(list.map((a) => a.objective.id));
    return {
      objectives: list.map((a) => ({ ...a.objective, createdAt: a.createdAt, updatedAt: a.updatedAt })),
      keyResults: list.flatMap((a) => a.keyResults.map(({ lastCheckIn: _, forecastScore: _score, ...kr }) => kr)),
      initiatives: list.flatMap((a) => a.initiatives.map(({ epic: _, ...initiative }) => initiative)),
      // A check-in's id starts with its KR's, which starts with its objective's (12 characters).
      checkIns: checkIns.filter((c) => wanted.has(c.id.slice(0, 12))),
    };
  };
  // Objectives in id order until the page is full; always at least one, so the export moves on.
  const taken: typeof aggregates = [];
  let bytes = 0;
  for (const a of aggregates) {
    const size = bytesOf(partOf([a]));
    if (taken.length > 0 && bytes + size > PAGE_BYTES) break;
    taken.push(a);
    bytes += size;
  }
  const last = taken.at(-1)?.objective.id;
  const more = last !== undefined && ids.some((id) => id > last);
  return {
    part: partOf(taken),
    next: more ? { ...position, after: last } : { g: space.generation, at: position.at, s: 'snapshots', after: '' },
  };
};

/**
 * Weekly snapshot records in order: cycle by cycle (by id), each cycle's records through its index a
 * record at a time (the position keeps the index cursor), until the page is full. A record holds one
 * shard of one week, so a week too large for one page spans pages; mergeExportPages joins them again.
 */
const snapshots = async (space: Space, position: ExportPosition): Promise<ExportPageResult> => {
  const [cycleAt, cursorAt] = position.after.split('|');
  const cycles = (await listCycles(space)).filter((c) => c.id >= (cycleAt ?? '')).sort(byId);
  const part: NonNullable<ExportPart['snapshots']> = [];
  let bytes = 0;
  for (const cycle of cycles) {
    let cursor = cycle.id === cycleAt && cursorAt !== undefined && cursorAt !== '' ? cursorAt : undefined;
    if (cycle.id === cycleAt && cursorAt === undefined) continue;
    for (;;) {
      const page = await indexPage(ENTITY.krSnapshot, INDEX.snapshotByCycleWeek, [at(space, cycle.id)], cursor, { limit: 1 });
      const item = page.results[0];
      if (item !== undefined) {
        const s = decodeSnapshot(item.value, space);
        const entry = { cycleId: s.cycleId, week: s.week, values: s.values };
        const size = bytesOf(entry);
        // Full: this record starts the next page (the cursor still points before it).
        if (part.length > 0 && bytes + size > PAGE_BYTES) return { part: { snapshots: part }, next: { ...position, after: `${cycle.id}|${cursor ?? ''}` } };
        part.push(entry);
        bytes += size;
      }
      if (page.nextCursor === undefined) break;
      cursor = page.nextCursor;
    }
  }
  return leftOutSection(space, position.at, part.length === 0 ? {} : { snapshots: part }, bytes, '');
};

/**
 * "Not this cycle" items after the snapshots (on the same page while it has room), list by list in key
 * order (a cycle's company list, then its teams'), a list never split over pages; `after` is the key of
 * the last list given. Every list is read by key (strongly consistent): cycles × (teams + 1) keys, 25 a
 * request in parallel, one read unit per list under 4 KB.
 */
const leftOutSection = async (space: Space, exportedAt: string, part: ExportPart, bytesSoFar: number, after: string): Promise<ExportPageResult> => {
  const [cycles, teams] = await Promise.all([listCycles(space), listTeams(space)]);
  const lists = cycles
    .flatMap((c) => [undefined, ...teams.map((t) => t.id)].map((teamId) => ({ list: { cycleId: c.id, teamId }, key: leftOutKey(c.id, teamId) })))
    .filter((l) => l.key > after)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const found = await readLeftOut(space, lists.map((l) => l.list));
  const items: LeftOut[] = [];
  const withItems = (): ExportPart => (items.length === 0 ? part : { ...part, leftOut: items });
  let bytes = bytesSoFar;
  let last = after;
  for (const [i, l] of lists.entries()) {
    const list = found[i] ?? [];
    if (list.length === 0) continue;
    const size = bytesOf(list);
    // Full: this list starts the next page.
    if (bytes > 0 && bytes + size > PAGE_BYTES) return { part: withItems(), next: { g: space.generation, at: exportedAt, s: 'leftOut', after: last } };
    items.push(...list);
    bytes += size;
    last = l.key;
  }
  return kpiReadingsSection(space, exportedAt, withItems(), bytes, '');
};

/**
 * KPI readings last, KPI by KPI in id order, each KPI's readings through its index a page (100) at a
 * time; `after` is '<kpiId>|<index cursor>' of the next page to give. A page of readings (~15 KB) is
 * never split, so the page before it ends short of PAGE_BYTES.
 */
const kpiReadingsSection = async (space: Space, exportedAt: string, part: ExportPart, bytesSoFar: number, after: string): Promise<ExportPageResult> => {
  const [kpiAt, cursorAt] = after.split('|');
  const kpis = (await listKpis(space)).filter((k) => k.id >= (kpiAt ?? '')).sort(byId);
  const readings: KpiReading[] = [];
  const withReadings = (): ExportPart => (readings.length === 0 ? part : { ...part, kpiReadings: readings });
  let bytes = bytesSoFar;
  for (const kpi of kpis) {
    let cursor = kpi.id === kpiAt && cursorAt !== undefined && cursorAt !== '' ? cursorAt : undefined;
    for (;;) {
      const page = await indexPage(ENTITY.kpiReading, INDEX.readingByKpi, [at(space, kpi.id)], cursor);
      const list = page.results.map((r) => decodeKpiReading(r.key, r.value, space));
      const size = bytesOf(list);
      // Full: this index page starts the next export page (its cursor still points before it).
      if (list.length > 0 && bytes > 0 && bytes + size > PAGE_BYTES) {
        return { part: withReadings(), next: { g: space.generation, at: exportedAt, s: 'kpiReadings', after: `${kpi.id}|${cursor ?? ''}` } };
      }
      readings.push(...list);
      bytes += size;
      if (page.nextCursor === undefined) break;
      cursor = page.nextCursor;
    }
  }
  return { part: withReadings() };
};

/**
 * One page of the export of `space` from `position` (undefined: the first page).
 * @throws AppError CONFLICT when the position belongs to another generation (an import happened between pages).
 */
export const exportPage = async (
  space: Space,
  position: ExportPosition | undefined,
  exportedAt: string,
): Promise<ExportPageResult> => {
  if (position === undefined) return head(space, exportedAt);
  if (position.g !== space.generation) {
    throw new AppError(
      'CONFLICT',
      'The data was replaced by an import while it was being exported; start the export again from the first page.',
    );
  }
  if (position.s === 'leftOut') return leftOutSection(space, position.at, {}, 0, position.after);
  if (position.s === 'kpiReadings') return kpiReadingsSection(space, position.at, {}, 0, position.after);
  return position.s === 'objectives' ? objectives(space, position) : snapshots(space, position);
};
