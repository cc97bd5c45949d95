import { accountOf, fails, newRuntime, ok } from '../support/cadence-client';
import { aKeyResult, anObjective, paymentsSetup } from '../support/scenario';

/** Payments with a company objective above it: kr1 at 2 of 4% -> 1% (2/3), kr2 at 12 of 10 -> 40 (1/15). */
const boardSetup = async () => {
  const runtime = newRuntime();
  const setup = await paymentsSetup(runtime);
  const company = await anObjective(runtime, 'elena', { cycleId: setup.cycle.id, title: 'Lead enterprise payroll' });
  await aKeyResult(runtime, 'elena', company.id, { title: 'Grow enterprise logos from 10 to 20', metric: { kind: 'number', start: 10, target: 20, current: 15 } });
  await ok(runtime, 'objectives.update', { id: setup.objective.id, parentObjectiveId: company.id }, 'priya');
  await ok(runtime, 'checkIns.create', { keyResultId: setup.kr1.id, value: 2, confidence: 'at_risk' }, 'daniel');
  await ok(runtime, 'keyResults.update', { id: setup.kr2.id, metric: { current: 12 } }, 'priya');
  return { runtime, ...setup, company };
};

describe('the board: a light tree from board.get, KR rows from board.keyResults', () => {
  // Round trips: the generation document (which data set is live), then the reads themselves.
  it('serves the KR rows of the objectives asked for, in that order, in two storage round trips and one Jira call', async () => {
    const { runtime, cycle, objective, company, kr1, kr2 } = await boardSetup();
    const archived = await aKeyResult(runtime, 'priya', objective.id, { title: 'Grow payout volume from 1 to 2' });
    await ok(runtime, 'keyResults.archive', { id: archived.id }, 'priya');

    const rows = await ok(runtime, 'board.keyResults', { cycleId: cycle.id, objectiveIds: [objective.id, company.id] }, 'priya');
    expect(runtime.log.last()?.summary).toMatchObject({ jiraCalls: 1, sequentialStorageRoundTrips: 2 });
    expect(rows.objectives.map((o) => o.objectiveId)).toEqual([objective.id, company.id]);
    const [mine, theirs] = rows.objectives;
    expect(mine?.keyResults.map((k) => k.id)).toEqual([kr1.id, kr2.id]);
    expect(mine?.keyResults[0]).toMatchObject({
      progress: 0.667,
      band: 'yellow',
      lastCheckIn: { value: 2, confidence: 'at_risk' },
      stale: false,
      canCheckIn: true,
      initiatives: { count: 0, restricted: 0, ratio: null },
    });
    expect(mine?.keyResults[1]).toMatchObject({ progress: 0.067, band: 'red', canCheckIn: true });
    expect(theirs?.keyResults).toEqual([expect.objectContaining({ progress: 0.5, canCheckIn: false })]);

    const asMarcus = await ok(runtime, 'board.keyResults', { cycleId: cycle.id, objectiveIds: [objective.id] }, 'marcus');
    expect(asMarcus.objectives[0]?.keyResults.map((k) => k.canCheckIn)).toEqual([false, false]);
  });

  it('rounds scores, progress and ratios to 3 decimals in every view, and agrees with the rows', async () => {
    const { runtime, cycle, objective, company } = await boardSetup();
    const board = await ok(runtime, 'board.get', { cycleId: cycle.id }, 'priya');
    const node = board.roots[0]?.children[0]?.objective;
    // (2/3 + 1/15) / 2 = 11/30
    expect(node).toMatchObject({ id: objective.id, score: 0.367, band: 'red' });
    // Red by its band, yet on pace three days into the cycle: mid-cycle, pace is the status (#11).
    expect(node?.keyResultSummary).toEqual({
      count: 2,
      red: 1,
      yellow: 1,
      green: 0,
      stale: 0,
      atRisk: 1,
      offTrack: 0,
      forecastMisses: 0,
      tracks: { on_pace: 2, behind: 0, at_risk: 0, stale: 0, no_value: 0, total: 2 },
      owners: [accountOf('daniel'), accountOf('priya')],
    });
    expect(node?.track).toBe('on_pace');
    expect(board.roots[0]?.objective).toMatchObject({ id: company.id, score: 0.5, rollup: 0.433 });
    expect(board.cycle.elapsed).toBe(Math.round(board.cycle.elapsed * 1000) / 1000);

    const view = await ok(runtime, 'objectives.get', { id: objective.id }, 'priya');
    expect(view.score).toBe(0.367);
    expect(view.keyResults.map((k) => k.progress)).toEqual([0.667, 0.067]);
  });

  it('keeps one shape whatever the filter', async () => {
    const { runtime, cycle, team, objective } = await boardSetup();
    const full = await ok(runtime, 'board.get', { cycleId: cycle.id }, 'priya');
    const filtered = await ok(runtime, 'board.get', { cycleId: cycle.id, teamId: team.id, ownerAccountId: accountOf('priya') }, 'priya');
    const keysOf = (o: object | undefined): string => Object.keys(o ?? {}).sort().join();
    expect(keysOf(filtered)).toBe(keysOf(full));
    expect(keysOf(filtered.roots[0]?.children[0]?.objective)).toBe(keysOf(full.roots[0]?.children[0]?.objective));
    expect(filtered.roots[0]?.children.map((c) => c.objective.id)).toEqual([objective.id]);
    expect(JSON.stringify(filtered)).not.toContain('"keyResults"');
  });

  it('refuses objectives that do not exist or belong to another cycle, naming the entry', async () => {
    const { runtime, cycle, objective } = await boardSetup();
    const next = await ok(runtime, 'cycles.create', {}, 'elena');
    const later = await anObjective(runtime, 'priya', { cycleId: next.id, level: 'individual', title: 'Plan the next payouts' });
    const elsewhere = await fails(runtime, 'board.keyResults', { cycleId: cycle.id, objectiveIds: [objective.id, later.id] }, 'priya');
    expect(elsewhere).toMatchObject({ code: 'VALIDATION', field: 'objectiveIds.1' });
    const unknown = await fails(runtime, 'board.keyResults', { cycleId: cycle.id, objectiveIds: [objective.id, 'zzzzzzzzzzzz'] }, 'priya');
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', field: 'objectiveIds.1', message: expect.stringContaining('zzzzzzzzzzzz') as unknown });
  });

  it('reads a full window of 100 objectives in two storage round trips', async () => {
    const { runtime, cycle } = await boardSetup();
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) ids.push((await anObjective(runtime, 'priya', { cycleId: cycle.id, level: 'individual', title: `Coach squad ${String(i)}` })).id);
    const rows = await ok(runtime, 'board.keyResults', { cycleId: cycle.id, objectiveIds: ids }, 'priya');
    expect(rows.objectives.map((o) => o.objectiveId)).toEqual(ids);
    expect(runtime.log.last()?.summary).toMatchObject({ jiraCalls: 1, sequentialStorageRoundTrips: 2 });
    expect(runtime.log.last()?.summary.storageCalls).toBeLessThanOrEqual(7);
  });
});
