import { seedScale } from '../../bench/scale-seed';
import { createLocalRuntime } from '../../local/platform/local-runtime';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import { fails, newRuntime, ok } from '../support/cadence-client';
import { aKeyResult, anActiveCycle, anObjective, aTeam } from '../support/scenario';

/**
 * The macro's "whole company" scorecard (scorecard.get with byTeam): one section of figures per team,
 * the same figures each team's own scorecard answers, drafts counted in none, and a cost that does not
 * grow with the objectives' size (the tree index only).
 */
describe('scorecard.get byTeam', () => {
  it("gives each team the figures of its own scorecard, the company's objectives last, drafts in no figure", async () => {
    const runtime = newRuntime();
    const cycle = await anActiveCycle(runtime, 20);
    const payments = await aTeam(runtime, 'Payments', ['priya', 'daniel']);
    const onboarding = await aTeam(runtime, 'Onboarding', ['marcus']);
    await aTeam(runtime, 'Security', ['elena']);
    const company = await anObjective(runtime, 'elena', {
      cycleId: cycle.id,
      level: 'company',
      title: 'Win the enterprise market',
    });
    await aKeyResult(runtime, 'elena', company.id, { metric: { kind: 'number', start: 0, target: 10, current: 5 } });
    const pay = await anObjective(runtime, 'priya', {
      cycleId: cycle.id,
      level: 'team',
      teamId: payments.id,
      parentObjectiveId: company.id,
      title: 'Make payouts boringly reliable',
    });
    await aKeyResult(runtime, 'priya', pay.id, { metric: { kind: 'number', start: 0, target: 4, current: 1 } });
    await aKeyResult(runtime, 'priya', pay.id, { metric: { kind: 'number', start: 0, target: 4, current: 4 } });
    const onb = await anObjective(runtime, 'marcus', {
      cycleId: cycle.id,
      level: 'team',
      teamId: onboarding.id,
      title: 'Get customers live within a week',
    });
    await aKeyResult(runtime, 'marcus', onb.id, {
      metric: { kind: 'percent', start: 0, target: 100, current: 10, unit: '%' },
    });
    // A draft scoring 1.0 would lift the Payments score if it counted; an archived one is not there at all.
    const draft = await anObjective(runtime, 'priya', {
      cycleId: cycle.id,
      level: 'team',
      teamId: payments.id,
      status: 'draft',
      title: 'Open payroll in Spain',
    });
    await aKeyResult(runtime, 'priya', draft.id, { metric: { kind: 'number', start: 0, target: 1, current: 1 } });
    const archived = await anObjective(runtime, 'marcus', {
      cycleId: cycle.id,
      level: 'team',
      teamId: onboarding.id,
      title: 'Retire the old importer',
    });
    await ok(runtime, 'objectives.archive', { id: archived.id }, 'marcus');

    const all = await ok(runtime, 'scorecard.get', { cycleId: cycle.id, byTeam: true }, 'daniel');
    expect(all.objectives).toEqual([]);
    // Teams in name order, those without objectives left out, the company's own (no team) last.
    expect(all.teams?.map((t) => [t.teamId, t.name])).toEqual([
      [onboarding.id, 'Onboarding'],
      [payments.id, 'Payments'],
      [null, ''],
    ]);
    for (const team of [payments, onboarding]) {
      const own = await ok(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id }, 'daniel');
      const section = all.teams?.find((t) => t.teamId === team.id);
      expect(section).toEqual({
        teamId: team.id,
        name: team.name,
        objectives: own.summary.objectives,
        keyResults: own.summary.keyResults,
        tracks: own.summary.tracks,
        score: own.summary.score,
      });
    }
    expect(all.teams?.find((t) => t.teamId === payments.id)).toMatchObject({
      objectives: 1,
      keyResults: 2,
      score: 0.625,
    });
    expect(all.teams?.find((t) => t.teamId === null)).toMatchObject({ objectives: 1, keyResults: 1, score: 0.5 });
    // The company's figures: every published objective, the same as the whole cycle's own scorecard.
    const cycleCard = await ok(runtime, 'scorecard.get', { cycleId: cycle.id }, 'daniel');
    expect(all.summary).toMatchObject({
      objectives: 3,
      keyResults: 4,
      tracks: cycleCard.summary.tracks,
      score: cycleCard.summary.score,
      mean: null,
    });
    expect(all.summary.tracks.total).toBe(3);
  });

  it('refuses byTeam with a team or an objective, naming the field', async () => {
    const runtime = newRuntime();
    const cycle = await anActiveCycle(runtime, 5);
    const team = await aTeam(runtime, 'Payments', ['priya']);
    expect(
      await fails(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id, byTeam: true }, 'priya'),
    ).toMatchObject({
      code: 'VALIDATION',
      field: 'byTeam',
    });
  });

  describe('at 1,000 objectives', () => {
    let runtime: LocalRuntime;
    let cycleId: string;

    beforeAll(async () => {
      runtime = createLocalRuntime();
      const seeded = await seedScale(runtime, {
        objectives: 1000,
        companyObjectives: 5,
        keyResultsPerObjective: 2,
        epicsPerKeyResult: 0,
        projects: 2,
        teams: 20,
      });
      cycleId = seeded.cycle.id;
      runtime.kvs.setQuota({ readUnitsPerMinute: 1e9 });
    }, 240_000);

    afterAll(() => {
      runtime.close();
    });

    it('answers every team from the tree index: few read units, a small answer, no Jira call', async () => {
      const all = await ok(runtime, 'scorecard.get', { cycleId, byTeam: true }, 'priya');
      const entry = runtime.log.last();
      expect(all.teams?.length).toBeGreaterThanOrEqual(20);
      expect(all.teams?.reduce((n, t) => n + t.objectives, 0)).toBe(all.summary.objectives);
      expect(all.summary.objectives).toBeGreaterThan(900);
      expect(entry?.summary.readUnits).toBeLessThanOrEqual(20);
      expect(entry?.responseBytes).toBeLessThan(20_000);
      expect(entry?.summary.jiraCalls).toBe(0);
      // Compared with the whole cycle's scorecard, which reads every objective in full.
      await ok(runtime, 'scorecard.get', { cycleId, includeInitiatives: false }, 'priya');
      const whole = runtime.log.last();
      expect(whole?.summary.readUnits ?? 0).toBeGreaterThan((entry?.summary.readUnits ?? 0) * 5);
    }, 120_000);
  });
});
