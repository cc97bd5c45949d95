import type { ApiOutput, ApiParsedInput, Cycle, Settings, Team } from '../contract';
import { matchesScope } from '../domain/board-filter';
import { currentCycle } from '../domain/current-cycle';
import { DomainError } from '../domain/errors';
import { kpiHealth } from '../domain/kpi-health';
import { summarizeStatuses } from '../domain/status';
import { AppError, invalidState, notFound } from './errors';
import type { ObjectiveDigest } from './model';
import { boardFindings, indexScopeFindings, windowNodes } from './shared/board-nodes';
import type { BoardHead } from './shared/board-head';
import { buildBoardHead, headAnswers, headFingerprint, headKeyOf, headWindow } from './shared/board-head';
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
 * descendants. Findings: compact (rule, severity, target), about the objectives shown, then about the
 * teams and people in scope. No KR rows: the board asks board.keyResults for the objectives in view.
 *
 * Size and cost do not grow with the cycle: at most 100 objectives (about 70 KB). What the whole tree
 * decides (the window, roll-ups, child counts, the cycle's counts and the findings about teams and
 * people) is kept per cycle and filter as a head (shared/board-head.ts), so a load reads:
 * the generation document, then one round trip (cycle catalog, settings, team catalog, KPI catalog, and
 * the cycle's tree stamp with the head: one batchGet of two small documents), then the row documents of
 * the objectives shown (batchGets of 25, about 0.3 KB each) beside one Jira call,
 * POST /rest/api/3/permissions/check (site admin, for canEdit; the admin group's membership too when one
 * is set). When the head no longer answers (the tree changed, the cycle, settings or teams changed, or an
 * objective's status may have moved with the clock), the load reads the 16 tree index documents after
 * the stamp (a few dozen bytes an objective), answers from them and keeps a new head (one write).
 * @throws AppError NOT_FOUND cycleId (also when no cycle exists) / teamId / ownerAccountId (nobody on the site;
 *   asked of Jira, GET /rest/api/3/user/bulk, only when no objective has that owner), INVALID_STATE when
 *   stored alignment loops.
 */
export const getBoard = async (ctx: Ctx, input: ApiParsedInput<'board.get'>): Promise<ApiOutput<'board.get'>> => {
  // The KPI catalog is read beside the rest (one get): rows that respond to a KPI name it and show its health.
  const kpisRead = startEarly(ctx.store.listKpis());
  const cycleId = input.cycleId ?? (await currentCycleId(ctx));
  const asked: BoardFilter = { teamId: input.teamId, ownerAccountId: input.ownerAccountId };
  const filter = headKeyOf(asked);
  const [cycle, settings, teams, kept] = await Promise.all([
    requireCycle(ctx.store, cycleId, 'cycleId'),
    ctx.store.getSettings(),
    ctx.store.listTeams(),
    ctx.store.readBoardHead(cycleId, filter),
  ]);
  const fingerprint = headFingerprint({ cycle, settings, teams, scope: asked });
  const now = ctx.clock.now();
  let head: BoardHead;
  let toKeep: BoardHead | undefined;
  if (headAnswers(kept.head, kept.stamp, fingerprint, now)) {
    head = kept.head;
  } else {
    // Read after the stamp, so the head built from it never outlives the tree it came from.
    const entries = await ctx.store.readBoardTree(cycle.id);
    const scope = await checkedFilter(
      ctx,
      asked,
      teams.map((t) => t.id),
      entries,
    );
    head = headOfTree({ cycle, settings, teams, entries, scope, stamp: kept.stamp, fingerprint, now });
    toKeep = head;
  }
  const [answer] = await Promise.all([
    fromHead(ctx, { cycle, settings, teams, head, scope: asked }),
    toKeep === undefined ? undefined : keepHead(ctx, cycle.id, filter, toKeep),
  ]);
  const kpis = (await kpisRead)
    .filter((k) => k.status === 'active')
    .map((k) => ({ id: k.id, ...(k.teamId === undefined ? {} : { teamId: k.teamId }), name: k.name, ...(k.unit === undefined ? {} : { unit: k.unit }), ...(k.current === undefined ? {} : { current: k.current }), health: kpiHealth(k) }));
  return { ...answer, kpis };
};

/** Keeps a head for the next loads; failing to (out of write quota or time) fails nothing: the next load builds it again. */
const keepHead = async (ctx: Ctx, cycleId: string, filter: string, head: BoardHead): Promise<void> => {
  try {
    await ctx.store.writeBoardHead(cycleId, filter, head);
  } catch (error) {
    console.warn(`board head for ${cycleId} not kept: ${error instanceof Error ? error.message : String(error)}`);
  }
};

/** What the whole tree index decides about a first screen (shared/board-head.ts). */
const headOfTree = (input: {
  cycle: Cycle;
  settings: Settings;
  teams: Team[];
  entries: readonly BoardTreeEntry[];
  scope: BoardFilter;
  stamp: string;
  fingerprint: string;
  now: Date;
}): BoardHead => {
  const { cycle, settings, entries, scope, now } = input;
  const filtered = filterTree(indexTreeOf(cycle.id, entries), scope);
  const window = firstScreen(filtered);
  const inScope = entries.filter((e) => matchesScope(e, scope));
  const summary = summarizeStatuses(
    inScope.map((e) => ({
      status: entryTrack(e, filtered.tree.byId.get(e.id)?.score ?? null, cycle, now, settings.pace),
      draft: e.status !== 'published',
    })),
  );
  return buildBoardHead({
    stamp: input.stamp,
    fingerprint: input.fingerprint,
    cycle,
    settings,
    entries,
    inScope,
    filtered,
    window,
    summary,
    // From the tree index's kept forecast scores, as summary from its kept scores (shared/forecasts.ts).
    forecastMisses: inScope.filter((e) => e.status === 'published' && watchDisagrees(e.forecastWatch, settings.bands)).length,
    detached: detachedOf(
      filtered,
      window.roots.map((n) => n.entry.id),
    ),
    scopeFindings: indexScopeFindings({ cycle, entries, teams: input.teams, now, scope }),
    now,
  });
};

/** The first screen from its head: the rows shown, and the findings about them, are read fresh. */
const fromHead = async (
  ctx: Ctx,
  input: { cycle: Cycle; settings: Settings; teams: Team[]; head: BoardHead; scope: BoardFilter },
): Promise<Omit<ApiOutput<'board.get'>, 'kpis'>> => {
  const { cycle, head } = input;
  const { window, childCount } = headWindow(head);
  const { digests, rows, view } = await loadBoardRows(ctx, input, window.shown.map((n) => n.entry.id));
  return {
    cycle: cycleView(cycle, view.now),
    bands: input.settings.bands,
    teams: input.teams,
    roots: windowNodes(cycle.id, (n) => childCount.get(n.entry.id) ?? 0, window, window.roots, rows, view),
    rootCount: head.rootCount,
    ...(head.rootsShown < head.rootCount ? { rootsCursor: cursorOf(head.rootsShown) } : {}),
    objectiveCount: head.objectiveCount,
    summary: head.summary,
    forecastMisses: head.forecastMisses,
    detached: [...head.detached],
    findings: boardFindings({
      cycle,
      ancestors: head.ancestors,
      shown: digests,
      teams: input.teams,
      now: view.now,
      scope: input.scope,
      fromIndex: head.scopeFindings,
    }),
    generatedAt: view.now.toISOString(),
  };
};
