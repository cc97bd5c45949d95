import { cycleWeeks } from '../../src/domain/frozen-scorecard';
import { isoWeek } from '../../src/domain/iso-week';
import { weekDaysIn } from '../../src/domain/week-days';
import { DAY_MS, moveAppClock } from '../support/app-clock';
import { fails, newRuntime, ok } from '../support/cadence-client';
import { aKeyResult, anObjective, paymentsSetup } from '../support/scenario';

/**
 * Frozen scorecards (issue #14): a review page embeds the figures of a week, read from the weekly
 * snapshot, and a closed cycle's scorecard stands at what its close snapshot took.
 */

// Each case builds its company through the resolvers; the machine is shared.
jest.setTimeout(30_000);

afterEach(() => {
  jest.useRealTimers();
});

const weeklyJob = async (runtime: ReturnType<typeof newRuntime>): Promise<void> => {
  expect(await runtime.app.runScheduledTrigger('weekly-check-in')).toMatchObject({ ok: true });
};

/** The day a snapshot taken at `at` (default now) within its week stands through: that day. */
const takenThrough = (week: string, cycle: Parameters<typeof weekDaysIn>[1], at = Date.now()): string => {
  const day = new Date(at).toISOString().slice(0, 10);
  const last = weekDaysIn(week, cycle).last;
  return day < last ? day : last;
};

describe('scorecard.get asOf', () => {
  it('shows a week as its snapshot holds it: later check-ins, KRs and objectives do not move it', async () => {
    const runtime = newRuntime();
    const { cycle, team, objective, kr1, kr2 } = await paymentsSetup(runtime);
    await ok(runtime, 'checkIns.create', { keyResultId: kr2.id, value: 25, confidence: 'on_track' }, 'priya');
    await weeklyJob(runtime);
    const week = isoWeek(new Date());
    // A week later: a check-in, a new KR, a new objective.
    moveAppClock(7 * DAY_MS);
    await ok(runtime, 'checkIns.create', { keyResultId: kr2.id, value: 40, confidence: 'at_risk' }, 'priya');
    await aKeyResult(runtime, 'priya', objective.id, { title: 'Cut payout support tickets from 50 to 10', metric: { kind: 'number', start: 50, target: 10 } });
    await anObjective(runtime, 'priya', { cycleId: cycle.id, level: 'team', teamId: team.id, title: 'Open payroll in Spain' });

    const live = await ok(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id }, 'marcus');
    expect(live.frozen).toBeNull();
    expect(live.objectives).toHaveLength(2);

    // A KR checked in since is looked up in its check-ins, listed through an index (a moment later, as on Forge).
    runtime.kvs.settle();
    const frozen = await ok(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id, asOf: { kind: 'week', week } }, 'marcus');
    // It stands through the day the weekly job took it (within the week), not the week's last day.
    expect(frozen.frozen).toEqual({ asOf: { kind: 'week', week }, asked: week, week, exact: true, through: takenThrough(week, cycle, Date.now() - 7 * DAY_MS) });
    // Only the objective the snapshot holds, with the two KRs it held, at their values then.
    expect(frozen.objectives.map((o) => o.id)).toEqual([objective.id]);
    const [o] = frozen.objectives;
    expect(o?.keyResults.map((kr) => [kr.id, kr.metric.current])).toEqual([
      [kr1.id, 4],
      [kr2.id, 25],
    ]);
    // Nothing later leaks in: the last check-in made by then, no forecast or epics; no check-in from a frozen page.
    expect(o?.keyResults.map((kr) => kr.lastCheckIn?.value)).toEqual([undefined, 25]);
    expect(o?.keyResults.every((kr) => kr.forecast === null && kr.initiatives.length === 0 && !kr.canCheckIn)).toBe(true);
    // Failed payouts unchanged (0), customers 10 -> 25 of 40 (0.5): the objective scored 0.25.
    expect(o?.score).toBe(0.25);
    expect(frozen.summary).toMatchObject({ objectives: 1, keyResults: 2, score: 0.25, forecastMisses: 0 });
  });

  it('reads confidence and judges pace as of the moment its snapshot was taken, not later that week', async () => {
    const runtime = newRuntime();
    const { cycle, team, kr2 } = await paymentsSetup(runtime);
    await ok(runtime, 'checkIns.create', { keyResultId: kr2.id, value: 25, confidence: 'on_track', note: 'Before the snapshot' }, 'priya');
    await weeklyJob(runtime);
    const week = isoWeek(new Date());
    // An hour later, still the same week: the owner turns pessimistic. The snapshot did not see it.
    moveAppClock(60 * 60 * 1000);
    await ok(runtime, 'checkIns.create', { keyResultId: kr2.id, value: 30, confidence: 'off_track', note: 'After the snapshot' }, 'priya');
    runtime.kvs.settle();
    const frozen = await ok(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id, asOf: { kind: 'week', week } }, 'marcus');
    const kr = frozen.objectives[0]?.keyResults.find((k) => k.id === kr2.id);
    // The value and the confidence are of one moment: 25 said on track, not 25 beside a later "off track".
    expect(kr?.metric.current).toBe(25);
    expect(kr?.lastCheckIn).toMatchObject({ value: 25, confidence: 'on_track' });
    // The live scorecard has the later word.
    const live = await ok(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id }, 'marcus');
    expect(live.objectives[0]?.keyResults.find((k) => k.id === kr2.id)?.lastCheckIn).toMatchObject({ value: 30, confidence: 'off_track' });
  });

  it('reads the latest snapshot before a week that has none, and says when there is none at all', async () => {
    const runtime = newRuntime();
    const { cycle, team, kr2 } = await paymentsSetup(runtime);
    const weeks = cycleWeeks(cycle);
    const taken = isoWeek(new Date());
    await ok(runtime, 'checkIns.create', { keyResultId: kr2.id, value: 25, confidence: 'on_track' }, 'priya');
    await weeklyJob(runtime);
    const later = weeks[weeks.indexOf(taken) + 2] ?? '';
    const before = await ok(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id, asOf: { kind: 'week', week: later } }, 'marcus');
    expect(before.frozen).toEqual({ asOf: { kind: 'week', week: later }, asked: later, week: taken, exact: false, through: takenThrough(taken, cycle) });
    expect(before.objectives[0]?.keyResults[1]?.metric.current).toBe(25);

    const first = weeks[0] ?? '';
    if (first !== taken) {
      const none = await ok(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id, asOf: { kind: 'week', week: first } }, 'marcus');
      expect(none.frozen).toMatchObject({ asked: first, week: null, exact: false, through: weekDaysIn(first, cycle).last });
      expect(none.objectives).toEqual([]);
      expect(none.summary).toMatchObject({ objectives: 0, keyResults: 0, score: null });
    }
    // A week the cycle does not span is refused, in words.
    expect(await fails(runtime, 'scorecard.get', { cycleId: cycle.id, asOf: { kind: 'week', week: '2019-W01' } }, 'marcus')).toMatchObject({
      code: 'VALIDATION',
      field: 'asOf.week',
    });
    // A live active cycle stays live when nothing is asked; end of cycle is asked for explicitly.
    expect((await ok(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id }, 'marcus')).frozen).toBeNull();
    const end = await ok(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id, asOf: { kind: 'cycle-end' } }, 'marcus');
    expect(end.frozen).toMatchObject({ asked: weeks.at(-1), week: taken, exact: false });
  });

  it('freezes the whole company by team from the snapshot too', async () => {
    const runtime = newRuntime();
    const { cycle, team, kr2 } = await paymentsSetup(runtime);
    const company = await anObjective(runtime, 'elena', { cycleId: cycle.id, title: 'Lead enterprise payroll' });
    await aKeyResult(runtime, 'elena', company.id, { title: 'Sign 2 design partners', metric: { kind: 'number', start: 0, target: 2, current: 1 } });
    await weeklyJob(runtime);
    const week = isoWeek(new Date());
    await ok(runtime, 'checkIns.create', { keyResultId: kr2.id, value: 40, confidence: 'on_track' }, 'priya');

    const live = await ok(runtime, 'scorecard.get', { cycleId: cycle.id, byTeam: true }, 'marcus');
    expect(live.teams?.find((t) => t.teamId === team.id)?.score).toBe(0.5);
    const frozen = await ok(runtime, 'scorecard.get', { cycleId: cycle.id, byTeam: true, asOf: { kind: 'week', week } }, 'marcus');
    expect(frozen.frozen).toMatchObject({ week, exact: true });
    expect(frozen.teams).toEqual([
      expect.objectContaining({ teamId: team.id, objectives: 1, keyResults: 2, score: 0 }),
      expect.objectContaining({ teamId: null, objectives: 1, keyResults: 1, score: 0.5 }),
    ]);
    expect(frozen.summary).toMatchObject({ objectives: 2, keyResults: 3, score: 0.25 });
  });

  it('costs a team scorecard one batch of snapshot records more than the live one', async () => {
    const runtime = newRuntime();
    const { cycle, team } = await paymentsSetup(runtime);
    await weeklyJob(runtime);
    const week = isoWeek(new Date());
    const cost = async (asOf?: unknown) => {
      await ok(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id, ...(asOf === undefined ? {} : { asOf }) }, 'marcus');
      const summary = runtime.log.last()?.summary;
      return { readUnits: summary?.readUnits ?? 0, storageCalls: summary?.storageCalls ?? 0 };
    };
    const live = await cost();
    const frozen = await cost({ kind: 'week', week });
    expect(frozen.storageCalls).toBe(live.storageCalls + 1);
    expect(frozen.readUnits).toBe(live.readUnits + 1);
  });
});

describe('closing a cycle', () => {
  it('takes the snapshot its end-of-cycle scorecard stands on, grades included, and nothing moves it after', async () => {
    const runtime = newRuntime();
    const { cycle, team, objective, kr1, kr2 } = await paymentsSetup(runtime);
    await ok(runtime, 'checkIns.create', { keyResultId: kr2.id, value: 25, confidence: 'on_track' }, 'priya');
    // A snapshot the weekly job took earlier that week is replaced by what stands at close.
    await weeklyJob(runtime);
    await ok(runtime, 'checkIns.create', { keyResultId: kr2.id, value: 31, confidence: 'on_track' }, 'priya');
    await ok(runtime, 'cycles.update', { id: cycle.id, status: 'review' }, 'elena');
    await ok(
      runtime,
      'cycles.grade',
      {
        cycleId: cycle.id,
        grades: [
          { keyResultId: kr1.id, score: 0.3, reason: 'Failures fell after the bank fix, past the last check-in.' },
          { keyResultId: kr2.id, score: 0.7 },
        ],
        retrospectives: [{ objectiveId: objective.id, learned: 'Bank outages drove most failures.' }],
      },
      'priya',
    );
    await ok(runtime, 'cycles.update', { id: cycle.id, status: 'closed' }, 'elena');

    // Closed early: the close snapshot is this week's; the end of the cycle reads it.
    const week = isoWeek(new Date());
    const card = await ok(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id }, 'marcus');
    // It stands through the day of the close, when its snapshot was taken.
    expect(card.frozen).toEqual({ asOf: { kind: 'cycle-end' }, asked: cycleWeeks(cycle).at(-1), week, exact: false, through: takenThrough(week, cycle) });
    const krs = card.objectives[0]?.keyResults ?? [];
    expect(krs.map((kr) => [kr.metric.current, kr.finalScore])).toEqual([
      [4, 0.3],
      [31, 0.7],
    ]);
    expect(card.objectives[0]?.score).toBe(0.5);
    expect(card.summary.mean).toBe(0.5);

    // Weeks later, the figures have not moved (status is judged at the week's end once it is past).
    moveAppClock(14 * DAY_MS);
    const again = await ok(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id }, 'marcus');
    moveAppClock(7 * DAY_MS);
    expect((await ok(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id }, 'marcus')).objectives).toEqual(again.objectives);
    expect(again.objectives[0]?.keyResults.map((kr) => [kr.metric.current, kr.finalScore])).toEqual([
      [4, 0.3],
      [31, 0.7],
    ]);
    expect((await ok(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id, asOf: { kind: 'live' } }, 'marcus')).frozen).toBeNull();
  });

  it('stands through the first day of a cycle closed before it started, not a day before it', async () => {
    const runtime = newRuntime();
    const day = (offset: number): string => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
    const cycle = await ok(runtime, 'cycles.create', { name: 'Next', startDate: day(10), endDate: day(100) }, 'elena');
    const objective = await anObjective(runtime, 'elena', { cycleId: cycle.id });
    await aKeyResult(runtime, 'elena', objective.id);
    for (const status of ['active', 'review', 'closed'] as const) await ok(runtime, 'cycles.update', { id: cycle.id, status }, 'elena');
    const card = await ok(runtime, 'scorecard.get', { cycleId: cycle.id }, 'marcus');
    expect(card.frozen?.through).toBe(cycle.startDate);
  });

  it('takes one when nothing was graded too, for a team and for the whole company', async () => {
    const runtime = newRuntime();
    const { cycle, team } = await paymentsSetup(runtime);
    await ok(runtime, 'cycles.update', { id: cycle.id, status: 'review' }, 'elena');
    await ok(runtime, 'cycles.update', { id: cycle.id, status: 'closed' }, 'elena');
    // The close took one: the default reads it.
    expect((await ok(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id }, 'marcus')).frozen).toMatchObject({ week: isoWeek(new Date()) });
    expect((await ok(runtime, 'scorecard.get', { cycleId: cycle.id, byTeam: true }, 'marcus')).frozen).toMatchObject({ week: isoWeek(new Date()) });
  });
});
