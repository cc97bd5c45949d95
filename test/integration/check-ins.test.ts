import { accountOf, fails, newRuntime, ok } from '../support/cadence-client';
import { aKeyResult, anActiveCycle, anObjective, paymentsSetup } from '../support/scenario';

describe('check-ins', () => {
  // Four: the generation document (which data set is live), the objective (with cycles and bands), its
  // board shard (whose key needs the objective's cycle), then one transaction writing both with the row.
  it('records a check-in in at most 4 sequential storage round trips and moves the KR', async () => {
    const runtime = newRuntime();
    const { kr1 } = await paymentsSetup(runtime);
    const { checkIn, keyResult } = await ok(runtime, 'checkIns.create', { keyResultId: kr1.id, value: 2.5, confidence: 'at_risk', note: 'Bank outage', blockers: 'FX provider' }, 'daniel');
    const summary = runtime.log.last()?.summary;
    expect(summary?.sequentialStorageRoundTrips).toBeLessThanOrEqual(4);
    expect(summary?.jiraCalls).toBe(0);
    expect(checkIn).toMatchObject({ keyResultId: kr1.id, authorAccountId: accountOf('daniel'), value: 2.5, confidence: 'at_risk', note: 'Bank outage', blockers: 'FX provider' });
    expect(keyResult).toMatchObject({ metric: { current: 2.5 }, progress: 0.5, lastCheckIn: { id: checkIn.id, value: 2.5 }, stale: false, canCheckIn: true });
    const listed = await ok(runtime, 'checkIns.list', { keyResultId: kr1.id }, 'marcus');
    expect(listed.checkIns).toEqual([checkIn]);
  });

  it('lets only the KR owner and the objective owner check in, in an open cycle', async () => {
    const runtime = newRuntime();
    const { kr1, kr2, cycle } = await paymentsSetup(runtime);
    expect(await fails(runtime, 'checkIns.create', { keyResultId: kr2.id, value: 20, confidence: 'on_track' }, 'daniel')).toMatchObject({ code: 'FORBIDDEN' });
    await ok(runtime, 'checkIns.create', { keyResultId: kr1.id, value: 3, confidence: 'on_track' }, 'priya');
    await ok(runtime, 'cycles.update', { id: cycle.id, status: 'review' }, 'elena');
    await ok(runtime, 'checkIns.create', { keyResultId: kr1.id, value: 2, confidence: 'on_track' }, 'daniel');
    await ok(runtime, 'cycles.update', { id: cycle.id, status: 'closed' }, 'elena');
    expect(await fails(runtime, 'checkIns.create', { keyResultId: kr1.id, value: 1, confidence: 'on_track' }, 'daniel')).toMatchObject({ code: 'INVALID_STATE' });
  });

  it('lands every one of 8 concurrent check-ins on KRs of the same objective', async () => {
    const runtime = newRuntime();
    const cycle = await anActiveCycle(runtime);
    const objective = await anObjective(runtime, 'priya', { cycleId: cycle.id, level: 'individual', title: 'Make payouts boringly reliable' });
    const krs = [];
    for (let i = 0; i < 8; i++) krs.push(await aKeyResult(runtime, 'priya', objective.id, { title: `Grow metric ${String(i)} from 0 to 10`, metric: { kind: 'number', start: 0, target: 10 } }));
    const results = await Promise.all(krs.map((kr, i) => ok(runtime, 'checkIns.create', { keyResultId: kr.id, value: i + 1, confidence: 'on_track' }, 'priya')));
    expect(results).toHaveLength(8);
    const view = await ok(runtime, 'objectives.get', { id: objective.id }, 'priya');
    expect(view.keyResults.map((kr) => kr.metric.current)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    for (const kr of krs) expect((await ok(runtime, 'checkIns.list', { keyResultId: kr.id }, 'priya')).checkIns).toHaveLength(1);
  });

  it('pages check-ins newest first', async () => {
    const runtime = newRuntime();
    const { kr1 } = await paymentsSetup(runtime);
    for (const value of [3.5, 3, 2.5]) await ok(runtime, 'checkIns.create', { keyResultId: kr1.id, value, confidence: 'on_track' }, 'daniel');
    // Paging goes through an index, which shows writes a moment later (as on Forge): wait that out.
    runtime.kvs.settle();
    const first = await ok(runtime, 'checkIns.list', { keyResultId: kr1.id, limit: 2 }, 'priya');
    expect(first.checkIns.map((c) => c.value)).toEqual([2.5, 3]);
    expect(first.nextCursor).toBeDefined();
    const second = await ok(runtime, 'checkIns.list', { keyResultId: kr1.id, limit: 2, cursor: first.nextCursor }, 'priya');
    expect(second.checkIns.map((c) => c.value)).toEqual([3.5]);
    expect(await fails(runtime, 'checkIns.list', { keyResultId: kr1.id, cursor: 'garbage' }, 'priya')).toMatchObject({ code: 'VALIDATION', field: 'cursor' });
  });

  it('answers a repeat of the check-in just made (a second "No change") with that check-in', async () => {
    const runtime = newRuntime();
    const { kr1 } = await paymentsSetup(runtime);
    const same = { keyResultId: kr1.id, value: 3, confidence: 'on_track', note: 'Steady week' };
    const first = await ok(runtime, 'checkIns.create', same, 'daniel');
    const again = await ok(runtime, 'checkIns.create', same, 'daniel');
    expect(again.checkIn).toEqual(first.checkIn);
    // Anything new is a new check-in: other words, another value, another person.
    await ok(runtime, 'checkIns.create', { ...same, note: 'Steady, bank fixed' }, 'daniel');
    await ok(runtime, 'checkIns.create', same, 'priya');
    runtime.kvs.settle();
    expect((await ok(runtime, 'checkIns.list', { keyResultId: kr1.id }, 'priya')).checkIns).toHaveLength(3);
  });

  it('stores one check-in when the same draft is accepted from two open forms, each with its own request id', async () => {
    const runtime = newRuntime();
    const { kr1 } = await paymentsSetup(runtime);
    const draft = { keyResultId: kr1.id, value: 3, confidence: 'on_track', note: 'Two epics done this week' };
    const [one, two] = await Promise.all([
      ok(runtime, 'checkIns.create', { ...draft, requestId: 'form-one-accept-1' }, 'daniel'),
      ok(runtime, 'checkIns.create', { ...draft, requestId: 'form-two-accept-1' }, 'daniel'),
    ]);
    expect(two.checkIn).toEqual(one.checkIn);
    // The second form's retry of its own request answers the same check-in too.
    expect((await ok(runtime, 'checkIns.create', { ...draft, requestId: 'form-two-accept-1' }, 'daniel')).checkIn).toEqual(one.checkIn);
    runtime.kvs.settle();
    expect((await ok(runtime, 'checkIns.list', { keyResultId: kr1.id }, 'priya')).checkIns).toHaveLength(1);
  });

  it('takes the value of a KR measured from its epics from them, and refuses one typed over it', async () => {
    const runtime = newRuntime();
    const { objective } = await paymentsSetup(runtime);
    const sourced = await aKeyResult(runtime, 'priya', objective.id, { title: 'Deliver 3 payout epics', metric: { kind: 'percent', start: 0, target: 100 }, progressSource: 'initiatives' });
    const refused = await fails(runtime, 'checkIns.create', { keyResultId: sourced.id, value: 55, confidence: 'on_track' }, 'priya');
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'value' });
    expect(refused.message).toMatch(/measured from its linked epics/);
    const { checkIn } = await ok(runtime, 'checkIns.create', { keyResultId: sourced.id, confidence: 'at_risk', note: 'Two epics slipped' }, 'priya');
    expect(checkIn.value).toBe(sourced.metric.current);
    // A KR measured by hand needs its value.
    const { kr2 } = { kr2: (await ok(runtime, 'objectives.get', { id: objective.id }, 'priya')).keyResults.find((k) => k.progressSource === 'manual') };
    expect(await fails(runtime, 'checkIns.create', { keyResultId: kr2?.id, confidence: 'on_track' }, 'priya')).toMatchObject({ code: 'VALIDATION', field: 'value' });
  });
});
