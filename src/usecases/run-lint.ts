import type { ApiOutput, ApiParsedInput } from '../contract';
import { notFound } from './errors';
import type { Ctx } from './shared/context';
import { findingsFor, lintAggregates } from './shared/cycle-lint';
import { requireCycle } from './shared/lookups';

/**
 * lint.run: the OKR quality findings of a cycle, or of one team's objectives (and the team itself).
 * Storage only, no Jira call.
 * @throws AppError NOT_FOUND cycleId / teamId.
 */
export const runLint = async (ctx: Ctx, input: ApiParsedInput<'lint.run'>): Promise<ApiOutput<'lint.run'>> => {
  const [cycle, teams, aggregates] = await Promise.all([
    requireCycle(ctx.store, input.cycleId, 'cycleId'),
    ctx.store.listTeams(),
    ctx.store.listObjectivesOfCycle(input.cycleId),
  ]);
  if (input.teamId !== undefined && !teams.some((t) => t.id === input.teamId)) throw notFound('Team', input.teamId, 'teamId');
  const findings = lintAggregates(cycle, aggregates, teams, ctx.clock.now());
  const scoped = input.teamId === undefined ? aggregates : aggregates.filter((a) => a.objective.teamId === input.teamId);
  return { findings: findingsFor(findings, scoped, { teamId: input.teamId }) };
};
