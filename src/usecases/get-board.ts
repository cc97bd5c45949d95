import type { ApiOutput, ApiParsedInput, BoardNode } from '../contract';
import type { AlignmentNode } from '../domain/alignment';
import { buildAlignmentTree } from '../domain/alignment';
import { bandOf } from '../domain/bands';
import { currentCycle } from '../domain/current-cycle';
import { DomainError } from '../domain/errors';
import { AppError, invalidState, notFound } from './errors';
import type { ObjectiveDigest } from './model';
import { compactFinding, EMPTY_KEY_RESULT_SUMMARY, keyResultSummary } from './shared/board-views';
import type { Ctx } from './shared/context';
import { findingsFor, lintDigests } from './shared/cycle-lint';
import { requireCycle } from './shared/lookups';
import { makeViewContext } from './shared/view-context';
import type { ViewContext } from './shared/views';
import { cycleView, paceIn, viewRatio } from './shared/views';

const boardNode = (node: AlignmentNode, byId: ReadonlyMap<string, ObjectiveDigest>, view: ViewContext, keep: (id: string) => boolean): BoardNode => {
  const aggregate = byId.get(node.objective.id);
  const { cycleId: _c, description: _d, retrospective: _r, ...objective } = node.objective;
  return {
    objective: {
      ...objective,
      score: viewRatio(node.score),
      rollup: viewRatio(node.rollup),
      band: node.score === null ? null : bandOf(node.score, view.bands),
      pace: paceIn(view.cycle, node.score, view.now),
      canEdit: aggregate !== undefined && view.canEdit(aggregate),
      keyResultSummary: aggregate === undefined ? EMPTY_KEY_RESULT_SUMMARY : keyResultSummary(aggregate, view),
    },
    children: node.children.filter((c) => keep(c.objective.id)).map((c) => boardNode(c, byId, view, keep)),
  };
};

/** The cycle a board opens on when none is named (one more storage read, before the others). */
const currentCycleId = async (ctx: Ctx): Promise<string> => {
  const cycle = currentCycle(await ctx.store.listCycles());
  if (cycle === undefined) throw new AppError('NOT_FOUND', 'There is no cycle yet (cycleId): create one first', 'cycleId');
  return cycle.id;
};

/**
 * board.get: the cycle's alignment tree (of the current cycle when no cycleId is given) with each objective's score, roll-up, band, pace and a summary
 * of its active KRs (counts by band, stale, at risk, off track; their owners), compact lint findings
 * (rule, severity, target) and the teams. No KR rows: the board asks board.keyResults for the objectives
 * in view, and lint.run for the words of a finding. The shape never depends on the filters. With teamId
 * or ownerAccountId the tree keeps the matching objectives with their ancestors and descendants; scores
 * are always those of the full tree.
 *
 * Size: about 0.7 KB per objective with its findings, so a cycle of 1,000 objectives and 4,000 KRs
 * stays under the 1 MB response budget (with KR rows and finding texts inline it was 3 MB).
 * Cost at 1,000 objectives: one round trip of parallel storage reads (the cycle catalog, bands, the team
 * catalog and one batchGet of the cycle's 16 board shards, which hold digests, not aggregates: about 45
 * of Forge's 10 KB read units instead of ~660; without a cycleId, the cycle catalog first) and one Jira
 * call, POST /rest/api/3/permissions/check (site admin, for canEdit).
 * @throws AppError NOT_FOUND cycleId (also when no cycle exists) / teamId / ownerAccountId (nobody on the site;
 *   asked of Jira, GET /rest/api/3/user/bulk, only when no objective has that owner), INVALID_STATE when
 *   stored alignment loops.
 */
export const getBoard = async (ctx: Ctx, input: ApiParsedInput<'board.get'>): Promise<ApiOutput<'board.get'>> => {
  const cycleId = input.cycleId ?? (await currentCycleId(ctx));
  const [cycle, bands, teams, aggregates] = await Promise.all([
    requireCycle(ctx.store, cycleId, 'cycleId'),
    ctx.store.getBands(),
    ctx.store.listTeams(),
    ctx.store.listDigestsOfCycle(cycleId),
  ]);
  if (input.teamId !== undefined && !teams.some((t) => t.id === input.teamId)) throw notFound('Team', input.teamId, 'teamId');
  // An owner nobody on the board has may still be a person with no objectives: only Jira can say it names nobody.
  const owner = input.ownerAccountId;
  if (owner !== undefined && !aggregates.some((a) => a.objective.ownerAccountId === owner) && (await ctx.jira.unknownAccountIds([owner])).length > 0) {
    throw notFound('Person', owner, 'ownerAccountId');
  }
  const byId = new Map(aggregates.map((a) => [a.objective.id, a]));
  let tree;
  try {
    tree = buildAlignmentTree({ cycleId: cycle.id, objectives: aggregates.map((a) => a.objective), keyResults: aggregates.flatMap((a) => a.keyResults) });
  } catch (error) {
    if (error instanceof DomainError) throw invalidState(error.message, error.field);
    throw error;
  }

  const matches = (a: ObjectiveDigest): boolean =>
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

  // No epic is described on the board (KR rows come from board.keyResults), so the one Jira call only
  // asks whether the viewer is a site admin, for canEdit.
  const access = { browsableProjectIds: new Set<string>(), isSiteAdmin: await ctx.jira.isSiteAdmin() };
  const view = makeViewContext(ctx, { cycle, bands, teams, access });
  const keep = (id: string): boolean => kept.has(id);
  const scope = { teamId: input.teamId, ownerAccountId: input.ownerAccountId };
  return {
    cycle: cycleView(cycle, view.now),
    bands,
    teams,
    roots: tree.roots.filter((n) => keep(n.objective.id)).map((n) => boardNode(n, byId, view, keep)),
    detached: tree.detached.filter((d) => keep(d.objective.id)).map((d) => ({ objectiveId: d.objective.id, reason: d.reason })),
    findings: findingsFor(lintDigests(cycle, aggregates, teams, view.now), shown, scope).map(compactFinding),
    generatedAt: view.now.toISOString(),
  };
};
