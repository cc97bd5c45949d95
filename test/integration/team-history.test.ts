import { exportDocument } from '../support/export-document';
import { historyWeeks } from '../../src/domain/score-history';
import { fails, newRuntime, ok } from '../support/cadence-client';
import { aKeyResult, anActiveCycle, anObjective, aTeam } from '../support/scenario';

/** A Payments team objective with two KRs (4% -> 1% and 10 -> 40) in a cycle that started 20 days ago. */
const setup = async () => {
  const runtime = newRuntime();
  const cycle = await anActiveCycle(runtime, 20);
  const team = await aTeam(runtime, 'Payments', ['priya', 'daniel']);
  const objective = await anObjective(runtime, 'priya', { cycleId: cycle.id, level: 'team', teamId: team.id, title: 'Make payroll payouts boringly reliable' });
  const kr1 = await aKeyResult(runtime, 'priya', objective.id, { title: 'Reduce failed payouts from 4% to 1%', metric: { kind: 'percent', start: 4, target: 1, unit: '%' } });
  const kr2 = await aKeyResult(runtime, 'priya', objective.id, { title: 'Grow multi-currency payroll customers from 10 to 40', metric: { kind: 'number', start: 10, target: 40 } });
  return { runtime, cycle, team, objective, kr1, kr2 };
};

describe('teams.history', () => {
  it('has a point per past week worked out from check-ins, then the score now, for the team only', async () => {
    const { runtime, cycle, team, kr2 } = await setup();
    // Neither another team's objective nor an archived one counts.
    const other = await aTeam(runtime, 'Onboarding', ['marcus']);
    const elsewhere = await anObjective(runtime, 'marcus', { cycleId: cycle.id, level: 'team', teamId: other.id, title: 'Get new customers live within a week' });
    await aKeyResult(runtime, 'marcus', elsewhere.id, { metric: { kind: 'percent', start: 82, target: 92, current: 92, unit: '%' } });
    const archived = await anObjective(runtime, 'priya', { cycleId: cycle.id, level: 'team', teamId: team.id, title: 'Retire the legacy payout scheduler' });
    await aKeyResult(runtime, 'priya', archived.id, { metric: { kind: 'number', start: 0, target: 1, current: 1 } });
    await ok(runtime, 'objectives.archive', { id: archived.id }, 'priya');
    // Nor a draft: it is not yet a commitment.
    const draft = await anObjective(runtime, 'priya', { cycleId: cycle.id, level: 'team', teamId: team.id, status: 'draft', title: 'Open payroll in Spain' });
    await aKeyResult(runtime, 'priya', draft.id, { metric: { kind: 'number', start: 0, target: 1, current: 1 } });
    await ok(runtime, 'checkIns.create', { keyResultId: kr2.id, value: 25, confidence: 'on_track' }, 'priya');

    const history = await ok(runtime, 'teams.history', { cycleId: cycle.id, teamId: team.id }, 'marcus');
    const weeks = historyWeeks(cycle, new Date());
    expect(history.points.map((p) => p.week)).toEqual(weeks.map((w) => w.week));
    expect(history.points.length).toBeGreaterThanOrEqual(3);
    const past = history.points.slice(0, -1);
    // The only check-in was made today, so every past week stood at the start values.
    expect(past.every((p) => p.source === 'check-ins' && p.score === 0)).toBe(true);
    expect(past.map((p) => p.at)).toEqual(weeks.slice(0, -1).map((w) => new Date(w.at).toISOString()));
    // Now: failed payouts unchanged (0), customers halfway (0.5).
    expect(history.points.at(-1)).toMatchObject({ source: 'current', score: 0.25 });
  });

  it('stands on the weekly snapshots where they exist, scoring imported values against the KR metrics', async () => {
    const { runtime, cycle, team, kr1, kr2 } = await setup();
    const doc = await exportDocument(runtime, 'elena');
    const [first, second] = historyWeeks(cycle, new Date());
    if (first === undefined || second === undefined) throw new Error('the cycle should have two weeks by now');
    // Failed payouts 2.5% (halfway from 4 to 1), customers at 40 (done): the objective scored 0.75.
    const snapshots = [{ cycleId: cycle.id, week: second.week, values: { [kr1.id]: 2.5, [kr2.id]: 40 } }];
    const target = newRuntime();
    await ok(target, 'data.import', { data: { ...doc, snapshots } }, 'elena');
    // Snapshots are listed through an index, which shows them a moment later (as on Forge).
    target.kvs.settle();

    const history = await ok(target, 'teams.history', { cycleId: cycle.id, teamId: team.id }, 'daniel');
    expect(history.points.slice(0, 2)).toEqual([
      { week: first.week, at: new Date(first.at).toISOString(), score: 0, source: 'check-ins' },
      { week: second.week, at: new Date(second.at).toISOString(), score: 0.75, source: 'snapshot' },
    ]);
  });

  it('reads what its own team holds: another team growing from 2 to 32 objectives costs it nothing more', async () => {
    const { runtime, cycle, team } = await setup();
    const other = await aTeam(runtime, 'Onboarding', ['marcus']);
    const grow = async (count: number): Promise<void> => {
      for (let i = 0; i < count; i++) {
        const o = await anObjective(runtime, 'marcus', { cycleId: cycle.id, level: 'team', teamId: other.id, title: `Get customer cohort ${String(i)} live within a week` });
        await aKeyResult(runtime, 'marcus', o.id, { title: `Cut cohort ${String(i)} onboarding from 30 to 7 days`, metric: { kind: 'number', start: 30, target: 7 } });
      }
    };
    const cost = async () => {
      await ok(runtime, 'teams.history', { cycleId: cycle.id, teamId: team.id }, 'priya');
      const summary = runtime.log.last()?.summary;
      return { storageCalls: summary?.storageCalls, readUnits: summary?.readUnits };
    };
    await grow(2);
    const small = await cost();
    await grow(30);
    expect(await cost()).toEqual(small);
    expect(small.readUnits).toBeGreaterThan(0);
  }, 60_000);

  it('keeps the last point live after this week\'s snapshot, and has no points before the cycle starts', async () => {
    const { runtime, cycle, team, kr1 } = await setup();
    await ok(runtime, 'checkIns.create', { keyResultId: kr1.id, value: 1, confidence: 'on_track' }, 'priya');
    await runtime.app.runScheduledTrigger('weekly-check-in');
    const history = await ok(runtime, 'teams.history', { cycleId: cycle.id, teamId: team.id }, 'priya');
    // This week's snapshot is not a past week: the last point is the live score.
    expect(history.points.at(-1)).toMatchObject({ source: 'current', score: 0.5 });

    const next = await ok(runtime, 'cycles.create', {}, 'elena');
    expect(await ok(runtime, 'teams.history', { cycleId: next.id, teamId: team.id }, 'priya')).toEqual({ cycleId: next.id, teamId: team.id, points: [] });
  });

  it('names the field when the cycle or team does not exist or the payload is wrong', async () => {
    const { runtime, cycle, team } = await setup();
    expect(await fails(runtime, 'teams.history', { cycleId: cycle.id, teamId: 'nope0000' }, 'priya')).toMatchObject({ code: 'NOT_FOUND', field: 'teamId' });
    expect(await fails(runtime, 'teams.history', { cycleId: 'nope0000', teamId: team.id }, 'priya')).toMatchObject({ code: 'NOT_FOUND', field: 'cycleId' });
    expect(await fails(runtime, 'teams.history', { cycleId: cycle.id }, 'priya')).toMatchObject({ code: 'VALIDATION', field: 'teamId' });
  });
});
