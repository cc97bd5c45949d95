import { exportDocument } from '../support/export-document';
import { epicKey, fails, newRuntime, ok, storageState } from '../support/cadence-client';
import { paymentsSetup } from '../support/scenario';

describe('data export and import', () => {
  it('round-trips exactly: export, import into an empty store, export again', async () => {
    const source = newRuntime();
    const { kr1, cycle } = await paymentsSetup(source);
    await ok(source, 'checkIns.create', { keyResultId: kr1.id, value: 3, confidence: 'at_risk', note: 'Outage' }, 'daniel');
    await ok(source, 'initiatives.link', { keyResultId: kr1.id, issueKey: epicKey(source, 'Reduce failed payout retries') }, 'priya');
    await ok(source, 'settings.update', { bands: { yellowFrom: 0.3, greenFrom: 0.6 } }, 'elena');
    await source.app.runScheduledTrigger('weekly-check-in');
    // Weekly snapshots are listed through an index, which shows them a moment later (as on Forge).
    source.kvs.settle();
    const first = await exportDocument(source, 'elena');
    expect(first).toMatchObject({ format: 'cadence-export', version: 1, cycles: [{ id: cycle.id }] });
    expect(first.checkIns).toHaveLength(1);
    expect(first.initiatives).toHaveLength(1);

    const target = newRuntime();
    const imported = await ok(target, 'data.import', { data: first }, 'elena');
    expect(imported.imported).toMatchObject({ cycles: 1, teams: 1, objectives: 1, keyResults: 2, initiatives: 1, checkIns: 1, snapshots: 1 });
    target.kvs.settle();
    const second = await exportDocument(target, 'elena');
    expect({ ...second, exportedAt: first.exportedAt }).toEqual(first);

    // The epic's cached progress is Jira's data: read again by the reconcile job after an import.
    await target.app.runScheduledTrigger('reconcile-initiatives');
    const view = await ok(target, 'objectives.get', { id: kr1.objectiveId }, 'priya');
    expect(view.keyResults[0]?.initiatives[0]).toMatchObject({ restricted: false, summary: 'Reduce failed payout retries' });
    expect(view.keyResults[0]?.lastCheckIn).toMatchObject({ value: 3 });
  });

  it('replaces the data of a non-empty store', async () => {
    const runtime = newRuntime();
    await paymentsSetup(runtime);
    const empty = newRuntime();
    const nothing = await exportDocument(empty, 'elena');
    await ok(runtime, 'data.import', { data: nothing }, 'elena');
    const after = await exportDocument(runtime, 'elena');
    expect({ ...after, exportedAt: nothing.exportedAt }).toEqual(nothing);
  });

  it('validates the whole document first, names the JSON path, and writes nothing', async () => {
    const runtime = newRuntime();
    const { kr1 } = await paymentsSetup(runtime);
    const doc = await exportDocument(runtime, 'elena');
    const before = storageState(runtime);
    const badMetric = structuredClone(doc);
    const kr = badMetric.keyResults[0];
    if (kr) kr.metric = { ...kr.metric, kind: 'binary' };
    expect(await fails(runtime, 'data.import', { data: badMetric }, 'elena')).toMatchObject({ code: 'VALIDATION', field: 'data.keyResults.0.metric.start' });
    const dangling = { ...doc, checkIns: [{ id: `${kr1.id}x-c1`, keyResultId: `${kr1.id}x`, authorAccountId: 'a', at: '2026-01-01T00:00:00.000Z', value: 1, confidence: 'on_track' }] };
    expect(await fails(runtime, 'data.import', { data: dangling }, 'elena')).toMatchObject({ code: 'VALIDATION', field: 'data.checkIns.0.keyResultId' });
    expect(await fails(runtime, 'data.import', { data: { ...doc, version: 2 } }, 'elena')).toMatchObject({ code: 'VALIDATION', field: 'data.version' });
    expect(await fails(runtime, 'data.import', { data: doc }, 'priya')).toMatchObject({ code: 'FORBIDDEN' });
    expect(storageState(runtime)).toEqual(before);
  });
});
