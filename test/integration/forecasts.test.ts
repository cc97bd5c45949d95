import { DAY_MS, moveAppClock } from '../support/app-clock';
import { accountOf, newRuntime, ok } from '../support/cadence-client';
import { exportDocument } from '../support/export-document';
import { paymentsSetup } from '../support/scenario';

/**
 * Forecast vs confidence (issue #13): a KR's check-ins over three weeks draw its trend; every view shows
 * where it is heading, and the board counts the objectives whose owners' word the forecast contradicts.
 */

/** Payments, its multi-currency KR (10 -> 40) checked in on track at 11, 11.5 and 12 a week apart. */
const threeWeeksOnTrack = async () => {
  const runtime = newRuntime();
  const setup = await paymentsSetup(runtime);
  for (const [week, value] of [11, 11.5, 12].entries()) {
    if (week > 0) moveAppClock(7 * DAY_MS);
    await ok(runtime, 'checkIns.create', { keyResultId: setup.kr2.id, value, confidence: 'on_track' }, 'priya');
  }
  return { runtime, ...setup };
};

describe('forecasts', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('follows three weeks of check-ins into objectives.get, board.keyResults and the board’s count, and survives export and import', async () => {
    // 10 -> 40 customers; rising half a customer a week while the owner says on track.
    const { runtime, cycle, objective, kr1, kr2 } = await threeWeeksOnTrack();

    const view = await ok(runtime, 'objectives.get', { id: objective.id }, 'priya');
    const forecast = view.keyResults.find((kr) => kr.id === kr2.id)?.forecast;
    // 0.5 a week from 12, 73 days before the cycle's end: about 17.2, a score of 0.24 (red).
    expect(forecast).toMatchObject({ basis: 'trend', weeks: 2, by: cycle.endDate, disagreement: 'optimistic' });
    expect(forecast?.value).toBeCloseTo(12 + (73 * 0.5) / 7, 0);
    expect(forecast?.score).toBeLessThan(0.4);
    // No check-in yet on the other KR: nothing to go on.
    expect(view.keyResults.find((kr) => kr.id === kr1.id)?.forecast).toBeNull();

    const rows = await ok(runtime, 'board.keyResults', { cycleId: cycle.id, objectiveIds: [objective.id] }, 'priya');
    expect(rows.objectives[0]?.keyResults.find((kr) => kr.id === kr2.id)?.forecast).toEqual(forecast);

    const board = await ok(runtime, 'board.get', { cycleId: cycle.id }, 'priya');
    expect(board.forecastMisses).toBe(1);
    expect(board.roots[0]?.objective.keyResultSummary.forecastMisses).toBe(1);
    const scorecard = await ok(runtime, 'scorecard.get', { cycleId: cycle.id }, 'priya');
    expect(scorecard.summary.forecastMisses).toBe(1);
    // The board's filters narrow the count as they narrow the summary.
    const elsewhere = await ok(runtime, 'board.get', { cycleId: cycle.id, ownerAccountId: accountOf('daniel') }, 'priya');
    expect(elsewhere.forecastMisses).toBe(0);

    // The owner's word now agrees: at risk never disagrees strongly.
    await ok(runtime, 'checkIns.create', { keyResultId: kr2.id, value: 12, confidence: 'at_risk' }, 'priya');
    expect((await ok(runtime, 'board.get', { cycleId: cycle.id }, 'priya')).forecastMisses).toBe(0);

    // Off track on a KR heading past its target (4% -> 1%, already at 2% after 17 days): pessimistic.
    await ok(runtime, 'checkIns.create', { keyResultId: kr1.id, value: 2, confidence: 'off_track' }, 'daniel');
    const after = await ok(runtime, 'objectives.get', { id: objective.id }, 'priya');
    expect(after.keyResults.find((kr) => kr.id === kr1.id)?.forecast).toMatchObject({
      basis: 'since-start',
      score: 1,
      disagreement: 'pessimistic',
    });
    const again = await ok(runtime, 'board.get', { cycleId: cycle.id }, 'priya');
    expect(again.forecastMisses).toBe(1);
    expect(again.roots[0]?.objective.keyResultSummary.forecastMisses).toBe(1);

    // Export -> import keeps each KR's trail, so the forecasts read the same afterwards.
    const doc = await exportDocument(runtime, 'elena');
    expect(doc.keyResults.find((kr) => kr.id === kr2.id)?.trail).toHaveLength(3);
    const target = newRuntime();
    await ok(target, 'data.import', { data: doc }, 'elena');
    target.kvs.settle();
    const imported = await ok(target, 'objectives.get', { id: objective.id }, 'priya');
    expect(imported.keyResults.map((kr) => kr.forecast)).toEqual(after.keyResults.map((kr) => kr.forecast));
    expect((await ok(target, 'board.get', { cycleId: cycle.id }, 'priya')).forecastMisses).toBe(1);
  }, 60_000);

  it('keeps the board’s count in step when a KR’s target changes', async () => {
    const { runtime, cycle, kr2 } = await threeWeeksOnTrack();
    expect((await ok(runtime, 'board.get', { cycleId: cycle.id }, 'priya')).forecastMisses).toBe(1);
    // Heading for about 17: with 18 as the target the forecast scores green, and on track agrees with it.
    await ok(runtime, 'keyResults.update', { id: kr2.id, metric: { target: 18 } }, 'priya');
    expect((await ok(runtime, 'board.get', { cycleId: cycle.id }, 'priya')).forecastMisses).toBe(0);
  }, 60_000);

  it('keeps the board’s count in step when the cycle’s dates move, through async events a page at a time', async () => {
    const { runtime, cycle, kr2 } = await threeWeeksOnTrack();
    // Heading for about 17 of 18 by the cycle's end: on track agrees.
    await ok(runtime, 'keyResults.update', { id: kr2.id, metric: { target: 18 } }, 'priya');
    expect((await ok(runtime, 'board.get', { cycleId: cycle.id }, 'priya')).forecastMisses).toBe(0);
    // The cycle now ends in ten days: about 12.7 of 18 by then, red, and the owner still says on track.
    const endDate = new Date(Date.now() + 10 * DAY_MS).toISOString().slice(0, 10);
    await ok(runtime, 'cycles.update', { id: cycle.id, endDate }, 'elena');
    await runtime.events.drain();
    const board = await ok(runtime, 'board.get', { cycleId: cycle.id }, 'priya');
    expect(board.forecastMisses).toBe(1);
    expect(board.roots[0]?.objective.keyResultSummary.forecastMisses).toBe(1);
    expect((await ok(runtime, 'scorecard.get', { cycleId: cycle.id }, 'priya')).summary.forecastMisses).toBe(1);
  }, 60_000);
});
