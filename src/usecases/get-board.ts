import type { ApiOutput, ApiParsedInput, Cycle, Settings, Team } from '../contract';
import { matchesScope } from '../domain/board-filter';
import { currentCycle } from '../domain/current-cycle';
import { DomainError } from '../domain/errors';
import { kpiHealth } from '../domain/kpi-health';
import { summarizeStatuses } from '../domain/status';
import { AppError, invalidState, notFound } from './errors';
import type { ObjectiveDigest } from './model';
import { windowFindings, windowNodes } from './shared/board-nodes';
import type { BoardTreeEntry } from './shared/board-tree-entry';
import type { BoardFilter, FilteredTree, IndexTree } from './shared/board-window';
import { buildIndexTree, cursorOf, filterTree, firstScreen } from './shared/board-window';
import type { Ctx } from './shared/context';
import { watchDisagrees } from './shared/forecasts';
import { entryTrack } from './shared/track';
import { requireCycle } from './shared/lookups';
import { isOkrAdmin } from './shared/permissions';
import { startEarly } from './shared/start-early';
import { makeViewContext } from './shared/view-context';
import type { ViewContext } from './shared/views';
import { cycleView } from './shared/views';

/** The cycle a board opens on when none is named (one more storage read, before the others). */
const currentCycleId = async (ctx: Ctx): Promise<string> => {
  const cycle = currentCycle(await ctx.store.listCycles());
  if (cycle === undefined)
    throw new AppError('NOT_FOUND', 'There is no cycle yet (cycleId): create one first', 'cycleId');
  return cycle.id;
};

/** The tree index as a tree; a loop in stored parent links is the data's state, not a bug. */
export const indexTreeOf = (cycleId: string, entries: readonly BoardTreeEntry[]): IndexTree => {
  try {
    return buildIndexTree(cycleId, entries);
  } catch (error) {
    if (error instanceof DomainError) throw invalidState(error.message, error.field);
    throw error;
  }
};

/**
 * The filters checked against the index: an unknown team is NOT_FOUND; an owner nobody on the board has
 * may still be a person with no objectives, and only Jira can say it names nobody.
 */
export const checkedFilter = async (
  ctx: Ctx,
  input: BoardFilter,
  teamIds: readonly string[],
  entries: readonly BoardTreeEntry[],
): Promise<BoardFilter> => {
  if (input.teamId !== undefined && !teamIds.includes(input.teamId)) throw notFound('Team', input.teamId, 'teamId');
  const owner = input.ownerAccountId;
  if (
    owner !== undefined &&
    !entries.some((e) => e.ownerAccountId === owner) &&
    (await ctx.jira.unknownAccountIds([owner])).length > 0
  ) {
    throw notFound('Person', owner, 'ownerAccountId');
  }
  return { teamId: input.teamId, ownerAccountId: input.ownerAccountId };
};

/** Detached notes of the roots among these nodes. */
export const detachedOf = (
  filtered: FilteredTree,
  ids: readonly string[],
): { objectiveId: string; reason: 'parent-archived' | 'parent-missing' }[] =>
  ids.flatMap((id) => {
    const reason = filtered.tree.detached.get(id);
    return reason === undefined ? [] : [{ objectiveId: id, reason }];
  });

/**
 * What board.get and board.children both stand on, in one round trip: the cycle, bands, teams and the
 * cycle's tree index, the filter checked against them, and the tree as the filter keeps it.
 */
export const loadBoardTree = async (ctx: Ctx, cycleId: string, input: BoardFilter) => {
  const [cycle, settings, teams, entries] = await Promise.all([
    requireCycle(ctx.store, cycleId, 'cycleId'),
    ctx.store.getSettings(),
    ctx.store.listTeams(),
    ctx.store.readBoardTree(cycleId),
  ]);
  const scope = await checkedFilter(
    ctx,
    input,
    teams.map((t) => t.id),
    entries,
  );
  return {
    cycle,
    settings,
    bands: settings.bands,
    teams,
    entries,
    scope,
    filtered: filterTree(indexTreeOf(cycle.id, entries), scope),
  };
};

/**
 * The row documents of the objectives an answer shows, and the view context to draw them in. No epic
 * is described on the board (KR rows come from board.keyResults), so the one Jira call, beside the
 * rows, only asks whether the viewer is an OKR admin, for canEdit.
 */
export const loadBoardRows = async (
  ctx: Ctx,
  context: { cycle: Cycle; settings: Settings; teams: Team[] },
  ids: readonly string[],
): Promise<{ digests: ObjectiveDigest[]; rows: ReadonlyMap<string, ObjectiveDigest>; view: ViewContext }> => {
  const [digests, okrAdmin] = await Promise.all([
    ids.length === 0 ? Promise.resolve([]) : ctx.store.readBoardRows(context.cycle.id, ids),
    isOkrAdmin(ctx),
  ]);
  const access = { browsableProjectIds: new Set<string>(), isSiteAdmin: false };
  const view = makeViewContext(ctx, { ...context, access, okrAdmin });
  return { digests, rows: new Map(digests.map((d) => [d.objective.id, d])), view };
};

/**
 * board.get: the first screen of the cycle's alignment tree (of the current cycle when no cycleId is
 * given): the first roots and, breadth-first, the first children of each node while they fit in 100
 * objectives (shared/board-window.ts firstScreen); every other node comes collapsed with its child
 * count, and board.children loads it. Each objective shown has its score, roll-up, band, pace and a KR
 * summary; scores and roll-ups are always those of the full tree, never of the window or the filter.
 * With teamId or ownerAccountId the tree keeps the matching objectives with their ancestors and
 * descendants. Findings: compact (rule, severity, target), about the objectives shown and the teams and
 * people in scope. No KR rows: the board asks board.keyResults for the objectives in view.
 *
 * Size and cost do not grow with the cycle beyond its tree index: at most 100 objectives (about 70 KB),
 * whatever the cycle's size. Storage: the generation document, then one round trip (cycle catalog,
 * bands, team catalog, KPI catalog (for `kpis`: every active KPI), one batchGet of the 16 tree index documents: a few dozen bytes an objective),
 * then the row documents of the objectives shown (batchGets of 25, about 0.3 KB each). One Jira call,
 * POST /rest/api/3/permissions/check (site admin, for canEdit; the admin group's membership too when one is set), beside the rows.
 * @throws AppError NOT_FOUND cycleId (also when no cycle exists) / teamId / ownerAccountId (nobody on the site;
 *   asked of Jira, GET /rest/api/3/user/bulk, only when no objective has that owner), INVALID_STATE when
 *   stored alignment loops.
 */
export const getBoard = async (ctx: Ctx, input: ApiParsedInput<'board.get'>): Promise<ApiOutput<'board.get'>> => {
  // The KPI catalog is read beside the rest (one get): rows that respond to a KPI name it and show its health.
  const kpisRead = startEarly(ctx.store.listKpis());
  const cycleId = input.cycleId ?? (await currentCycleId(ctx));
  const { cycle, settings, bands, teams, entries, scope, filtered } = await loadBoardTree(ctx, cycleId, input);
  const window = firstScreen(filtered);
  const inScope = entries.filter((e) => matchesScope(e, scope));
  const { digests, rows, view } = await loadBoardRows(
    ctx,
    { cycle, settings, teams },
    window.shown.map((n) => n.entry.id),
  );
  const kpis = (await kpisRead)
    .filter((k) => k.status === 'active')
    .map((k) => ({ id: k.id, ...(k.teamId === undefined ? {} : { teamId: k.teamId }), name: k.name, ...(k.unit === undefined ? {} : { unit: k.unit }), ...(k.current === undefined ? {} : { current: k.current }), health: kpiHealth(k) }));
  return {
    cycle: cycleView(cycle, view.now),
    bands,
    teams,
    roots: windowNodes(cycle.id, filtered, window, window.roots, rows, view),
    rootCount: filtered.roots.length,
    ...(window.roots.length < filtered.roots.length ? { rootsCursor: cursorOf(window.roots.length) } : {}),
    objectiveCount: filtered.size,
    kpis,
    summary: summarizeStatuses(
      inScope.map((e) => ({
        status: entryTrack(e, filtered.tree.byId.get(e.id)?.score ?? null, cycle, view.now, view.pace),
        draft: e.status !== 'published',
      })),
    ),
    // From the tree index's kept forecast scores, as summary from its kept scores (shared/forecasts.ts).
    forecastMisses: inScope.filter((e) => e.status === 'published' && watchDisagrees(e.forecastWatch, bands)).length,
    detached: detachedOf(
      filtered,
      window.roots.map((n) => n.entry.id),
    ),
    findings: windowFindings({ cycle, entries, shown: digests, teams, now: view.now, scope, withScope: true }),
    generatedAt: view.now.toISOString(),
  };
};
