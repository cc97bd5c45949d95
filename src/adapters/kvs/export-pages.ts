import type { CheckIn } from '../../contract';
import type { ExportPart, ExportPosition } from '../../contract/export-pages';
import { AppError } from '../../usecases/errors';
import { listDigestsOfCycle } from './board-repository';
import { getBands, listCycles, listTeams } from './catalog-repository';
import { decodeCheckIn, decodeObjective } from './codecs';
import { listSnapshots } from './history-repository';
import { batchGetAll, indexAll } from './kvs-io';
import type { Space } from './registry';
import { at, ENTITY, INDEX } from './registry';

/**
 * data.export one page at a time. Pages come in the order of the export document, so concatenating them
 * gives the document: settings, cycles and teams first; then objectives in id order, each page with
 * their KRs, initiatives and check-ins (check-in ids start with their objective's, so they stay in id
 * order too); then each cycle's weekly snapshots. Positions are keyset (the last id given), so a record
 * created between pages neither shifts nor repeats the rest.
 */

/**
 * Objectives per page: an aggregate is about 6.6 KB and its check-ins a few KB more, so a page stays
 * near 0.5 MB (far under the 5 MB response limit) and reads ~100 check-in partitions (well inside 25 s).
 */
export const OBJECTIVES_PER_PAGE = 25;

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export interface ExportPageResult {
  part: ExportPart;
  next?: ExportPosition;
}

const head = async (space: Space, exportedAt: string): Promise<ExportPageResult> => {
  const [bands, cycles, teams] = await Promise.all([getBands(space), listCycles(space), listTeams(space)]);
  return {
    part: { settings: { bands }, cycles: [...cycles].sort(byId), teams: [...teams].sort(byId) },
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
  const cycles = await listCycles(space);
  const digests = (await Promise.all(cycles.map((c) => listDigestsOfCycle(space, c.id)))).flat();
  const ids = digests
    .map((d) => d.objective.id)
    .filter((id) => id > position.after)
    .sort();
  const pageIds = ids.slice(0, OBJECTIVES_PER_PAGE);
  const aggregates = (
    await batchGetAll(
      ENTITY.objective,
      pageIds.map((id) => at(space, id)),
    )
  )
    .map((i) => decodeObjective(i.value))
    .sort((a, b) => byId(a.objective, b.objective));
  const last = pageIds[pageIds.length - 1];
  return {
    part: {
      objectives: aggregates.map((a) => ({ ...a.objective, createdAt: a.createdAt, updatedAt: a.updatedAt })),
      keyResults: aggregates.flatMap((a) => a.keyResults.map(({ lastCheckIn: _, ...kr }) => kr)),
      initiatives: aggregates.flatMap((a) => a.initiatives.map(({ epic: _, ...initiative }) => initiative)),
      checkIns: await checkInsOf(space, aggregates),
    },
    next:
      ids.length > pageIds.length && last !== undefined
        ? { ...position, after: last }
        : { g: space.generation, at: position.at, s: 'snapshots', after: '' },
  };
};

/** The next cycle (by id) that has weekly snapshots: all of its weeks in one page (a few hundred KB at most). */
const snapshots = async (space: Space, position: ExportPosition): Promise<ExportPageResult> => {
  const cycles = (await listCycles(space)).filter((c) => c.id > position.after).sort(byId);
  for (const [i, cycle] of cycles.entries()) {
    const weeks = await listSnapshots(space, cycle.id);
    if (weeks.length === 0) continue;
    const more = i < cycles.length - 1;
    return {
      part: { snapshots: weeks.map((w) => ({ cycleId: w.cycleId, week: w.week, values: w.values })) },
      ...(more ? { next: { ...position, after: cycle.id } } : {}),
    };
  }
  return { part: {} };
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
  return position.s === 'objectives' ? objectives(space, position) : snapshots(space, position);
};
