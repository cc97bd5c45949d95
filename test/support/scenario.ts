import type { ApiOutput } from '../../src/contract';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import type { DemoHandle } from './cadence-client';
import { accountOf, epicKey, newRuntime, ok } from './cadence-client';

/** Builds OKR data through the resolvers, the way users would, with sensible defaults. */

const DAY = 86_400_000;
const isoDay = (offsetDays: number): string => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

/** An active cycle that started `startedDaysAgo` days ago and runs for ~90 days. */
export const anActiveCycle = async (runtime: LocalRuntime, startedDaysAgo = 3): Promise<ApiOutput<'cycles.create'>> => {
  const cycle = await ok(runtime, 'cycles.create', { name: 'Now', startDate: isoDay(-startedDaysAgo), endDate: isoDay(90 - startedDaysAgo) }, 'elena');
  return ok(runtime, 'cycles.update', { id: cycle.id, status: 'active' }, 'elena');
};

export const aTeam = (runtime: LocalRuntime, name: string, members: DemoHandle[]) =>
  ok(runtime, 'teams.create', { name, memberAccountIds: members.map(accountOf), jiraProjectKeys: [] }, 'elena');

export const anObjective = (runtime: LocalRuntime, as: DemoHandle, over: Record<string, unknown>) =>
  ok(runtime, 'objectives.create', { title: 'Make our first enterprise customers successful and referenceable', level: 'company', status: 'published', ...over }, as);

export const aKeyResult = (runtime: LocalRuntime, as: DemoHandle, objectiveId: string, over: Record<string, unknown> = {}) =>
  ok(
    runtime,
    'keyResults.create',
    { objectiveId, title: 'Increase enterprise logo retention from 82% to 92%', metric: { kind: 'percent', start: 82, target: 92, unit: '%' }, ...over },
    as,
  );

/** Payments: team of priya and daniel, a team objective owned by priya with two KRs. */
export const paymentsSetup = async (runtime: LocalRuntime) => {
  const cycle = await anActiveCycle(runtime);
  const team = await aTeam(runtime, 'Payments', ['priya', 'daniel']);
  const objective = await anObjective(runtime, 'priya', { cycleId: cycle.id, level: 'team', teamId: team.id, title: 'Make payroll payouts boringly reliable' });
  const kr1 = await aKeyResult(runtime, 'priya', objective.id, { title: 'Reduce failed payouts from 4% to 1%', metric: { kind: 'percent', start: 4, target: 1, unit: '%' }, ownerAccountId: accountOf('daniel') });
  const kr2 = await aKeyResult(runtime, 'priya', objective.id, { title: 'Grow multi-currency payroll customers from 10 to 40', metric: { kind: 'number', start: 10, target: 40 } });
  return { cycle, team, objective, kr1, kr2 };
};

/** Payments with an initiatives-sourced KR (0 -> 100 %) linked to the multi-currency epic (2 of 4 in scope done, so 50). */
export const linkedPaymentsSetup = async () => {
  const runtime = newRuntime();
  const setup = await paymentsSetup(runtime);
  const sourced = await aKeyResult(runtime, 'priya', setup.objective.id, {
    title: 'Deliver multi-currency payouts to 100% of planned scope',
    metric: { kind: 'percent', start: 0, target: 100, unit: '%' },
    progressSource: 'initiatives',
  });
  const fx = epicKey(runtime, 'Multi-currency payroll payouts');
  const initiative = await ok(runtime, 'initiatives.link', { keyResultId: sourced.id, issueKey: fx }, 'priya');
  return { runtime, ...setup, sourced, fx, initiative };
};
