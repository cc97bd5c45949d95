import type { ApiOutput, ApiParsedInput, BoardKeyResult, BoardNode, InitiativeSummary } from '../contract';
import type { AlignmentNode } from '../domain/alignment';
import { buildAlignmentTree } from '../domain/alignment';
import { bandOf } from '../domain/bands';
import { DomainError } from '../domain/errors';
import { metricProgress } from '../domain/progress';
import { keyResultScore } from '../domain/score';
import { invalidState, notFound } from './errors';
import type { ObjectiveAggregate, StoredKeyResult } from './model';
import type { Ctx } from './shared/context';
import { findingsFor, lintAggregates } from './shared/cycle-lint';
import { requireCycle } from './shared/lookups';
import { mayCheckIn } from './shared/permissions';
import { isStale } from './shared/stale';
import { accessFor, makeViewContext } from './shared/view-context';
import type { ViewContext } from './shared/views';
import { checkInOpen, cycleView, isVisible, paceIn } from './shared/views';

const summarise = (kr: StoredKeyResult, aggregate: ObjectiveAggregate, view: ViewContext): InitiativeSummary => {
  const s = { count: 0, restricted: 0, missing: 0, done: 0, total: 0, excluded: 0 };
  for (const i of aggregate.initiatives) {
    if (i.keyResultId !== kr.id) continue;
    s.count += 1;
    if (!isVisible(i, view.access)) {
      s.restricted += 1;
      continue;
    }
    if (i.epic.missing) s.missing += 1;
    s.done += i.epic.progress.done;
    s.total += i.epic.progress.total;
    s.excluded += i.epic.progress.excluded;
  }
  const inScope = s.total - s.excluded;
  return { ...s, ratio: inScope === 0 ? null : s.done / inScope };
};

const boardKeyResult = (kr: StoredKeyResult, aggregate: ObjectiveAggregate, view: ViewContext): BoardKeyResult => {
  const progress = metricProgress(kr.metric);
  const last = kr.lastCheckIn;
  return {
    id: kr.id,
    title: kr.title,
    ownerAccountId: kr.ownerAccountId,
    weight: kr.weight,
    metric: kr.metric,
    progressSource: kr.progressSource,
    ...(kr.finalScore === undefined ? {} : { finalScore: kr.finalScore }),
    progress,
    band: bandOf(keyResultScore(kr), view.bands),
    pace: paceIn(view.cycle, progress, view.now),
    ...(last === undefined ? {} : { lastCheckIn: { at: last.at, value: last.value, confidence: last.confidence } }),
    stale: isStale(kr, aggregate.objective, view.cycle, view.now),
    initiatives: summarise(kr, aggregate, view),
    canCheckIn: checkInOpen(view.cycle) && mayCheckIn(view.viewerAccountId, aggregate.objective, kr),
  };
};

const boardNode = (node: AlignmentNode, byId: ReadonlyMap<string, ObjectiveAggregate>, view: ViewContext, keep: (id: string) => boolean): BoardNode => {
  const aggregate = byId.get(node.objective.id);
  const { cycleId: _c, description: _d, retrospective: _r, ...objective } = node.objective;
  return {
    objective: {
      ...objective,
      score: node.score,
      rollup: node.rollup,
      band: node.score === null ? null : bandOf(node.score, view.bands),
      pace: paceIn(view.cycle, node.score, view.now),
      keyResults: aggregate === undefined ? [] : node.keyResults.flatMap((kr) => {
        const stored = aggregate.keyResults.find((k) => k.id === kr.id);
        return stored === undefined ? [] : [boardKeyResult(stored, aggregate, view)];
      }),
      canEdit: aggregate !== undefined && view.canEdit(aggregate),
    },
    children: node.children.filter((c) => keep(c.objective.id)).map((c) => boardNode(c, byId, view, keep)),
  };
};

/**
 * board.get: the cycle's alignment tree with each objective's score, roll-up, band and pace, each
 * active KR's progress, band, pace, staleness and epic progress (summed; restricted epics counted,
 * never described), the lint findings and the teams. With teamId or ownerAccountId the tree keeps the
 * matching objectives with their ancestors and descendants; scores are always those of the full tree.
 *
 * Cost at 1,000 objectives: one round trip of parallel storage reads (cycle, bands, teams, 16 shard
 * queries) and one Jira call, POST /rest/api/3/permissions/check (browsable projects + site admin).
 * @throws AppError NOT_FOUND cycleId / teamId, INVALID_STATE when stored alignment loops.
 */
export const getBoard = async (ctx: Ctx, input: ApiParsedInput<'board.get'>): Promise<ApiOutput<'board.get'>> => {
  const [cycle, bands, teams, aggregates] = await Promise.all([
    requireCycle(ctx.store, input.cycleId, 'cycleId'),
    ctx.store.getBands(),
    ctx.store.listTeams(),
    ctx.store.listObjectivesOfCycle(input.cycleId),
  ]);
  if (input.teamId !== undefined && !teams.some((t) => t.id === input.teamId)) throw notFound('Team', input.teamId, 'teamId');
  const byId = new Map(aggregates.map((a) => [a.objective.id, a]));
  let tree;
  try {
    tree = buildAlignmentTree({ cycleId: cycle.id, objectives: aggregates.map((a) => a.objective), keyResults: aggregates.flatMap((a) => a.keyResults) });
  } catch (error) {
    if (error instanceof DomainError) throw invalidState(error.message, error.field);
    throw error;
  }

  const matches = (a: ObjectiveAggregate): boolean =>
    (input.teamId === undefined || a.objective.teamId === input.teamId) &&
    (input.ownerAccountId === undefined || a.objective.ownerAccountId === input.ownerAccountId);
  const kept = new Set<string>();
  const mark = (node: AlignmentNode, ancestorMatched: boolean): boolean => {
    const aggregate = byId.get(node.objective.id);
    const self = ancestorMatched || (aggregate !== undefined && matches(aggregate));
    let below = false;
    for (const child of node.children) below = mark(child, self) || below;
    if (self || below) kept.add(node.objective.id);
    return self || below;
  };
  for (const root of tree.roots) mark(root, false);
  const shown = aggregates.filter((a) => kept.has(a.objective.id));

  const access = await accessFor(ctx, shown);
  const view = makeViewContext(ctx, { cycle, bands, teams, access });
  const keep = (id: string): boolean => kept.has(id);
  const scope = { teamId: input.teamId, ownerAccountId: input.ownerAccountId };
  return {
    cycle: cycleView(cycle, view.now),
    bands,
    teams,
    roots: tree.roots.filter((n) => keep(n.objective.id)).map((n) => boardNode(n, byId, view, keep)),
    detached: tree.detached.filter((d) => keep(d.objective.id)).map((d) => ({ objectiveId: d.objective.id, reason: d.reason })),
    findings: findingsFor(lintAggregates(cycle, aggregates, teams, view.now), shown, scope),
    generatedAt: view.now.toISOString(),
  };
};
