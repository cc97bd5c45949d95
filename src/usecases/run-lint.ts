import type { ApiOutput, ApiParsedInput } from '../contract';
import { previousCycle } from '../domain/current-cycle';
import { notFound } from './errors';
import { objectiveIdOf } from './ids';
import type { Ctx } from './shared/context';
import { findingsFor, lintDigests } from './shared/cycle-lint';
import { requireCycle } from './shared/lookups';

/**
 * lint.run: the OKR quality findings of a cycle, or of one team's objectives (and the team itself), or
 * of one objective and its KRs (the board's side panel). Every rule runs over the whole cycle (some
 * compare objectives), then the answer is cut to the scope. Storage only (the cycle's board shards and
 * the catalog: no aggregate in full; in review and after, the previous cycle's shards too), no Jira call.
 * @throws AppError NOT_FOUND cycleId / teamId / objectiveId, VALIDATION objectiveId (malformed).
 */
export const runLint = async (ctx: Ctx, input: ApiParsedInput<'lint.run'>): Promise<ApiOutput<'lint.run'>> => {
  const [cycle, teams, aggregates] = await Promise.all([
    requireCycle(ctx.store, input.cycleId, 'cycleId'),
    ctx.store.listTeams(),
    ctx.store.listDigestsOfCycle(input.cycleId),
  ]);
  if (input.teamId !== undefined && !teams.some((t) => t.id === input.teamId)) throw notFound('Team', input.teamId, 'teamId');
  // Scores speak from review on: only then is the cycle before read, for the rules across cycles.
  const before = cycle.status === 'review' || cycle.status === 'closed' ? previousCycle(await ctx.store.listCycles(), cycle) : undefined;
  const previous = before === undefined ? undefined : await ctx.store.listDigestsOfCycle(before.id);
  const findings = lintDigests(cycle, aggregates, teams, ctx.clock.now(), previous);
  if (input.objectiveId !== undefined) {
    const id = objectiveIdOf('objective', input.objectiveId, 'objectiveId');
    const one = aggregates.find((a) => a.objective.id === id);
    if (one === undefined) throw notFound('Objective', input.objectiveId, 'objectiveId');
    const ids = new Set([one.objective.id, ...one.keyResults.map((kr) => kr.id)]);
    return { findings: findings.filter((f) => (f.target.kind === 'objective' || f.target.kind === 'keyResult') && ids.has(f.target.id)) };
  }
  const scoped = input.teamId === undefined ? aggregates : aggregates.filter((a) => a.objective.teamId === input.teamId);
  return { findings: findingsFor(findings, scoped, { teamId: input.teamId }) };
};
