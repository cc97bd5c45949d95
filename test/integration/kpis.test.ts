import { kvs } from '@forge/kvs';
import { accountOf, call, fails, newRuntime, ok } from '../support/cadence-client';
import { DAY_MS, moveAppClock } from '../support/app-clock';
import type { ExportDocument } from '../../src/contract';
import { countsOf } from '../../src/contract';
import { exportDocument, exportPages } from '../support/export-document';
import { anActiveCycle, aTeam, anObjective } from '../support/scenario';

// Several resolver calls a test, and the paged import's events: generous time for a busy machine.
jest.setTimeout(60_000);

/** A Payments team of Priya and Daniel, and a cycle to put objectives in. */
const setup = async () => {
  const runtime = newRuntime();
  const cycle = await anActiveCycle(runtime);
  const team = await aTeam(runtime, 'Payments', ['priya', 'daniel']);
  return { runtime, cycle, team };
};

const withoutTime = ({ exportedAt: _e, ...doc }: ExportDocument) => doc;

const latency = { name: 'Checkout latency p95', unit: 'ms', direction: 'down', healthy: { max: 400 } } as const;

afterEach(() => {
  jest.useRealTimers();
});

describe('kpis: a team’s KPIs beside its OKRs', () => {
  it('creates a KPI, records readings that become its value, and flags it outside its healthy range', async () => {
    const { runtime, team } = await setup();
    const kpi = await ok(runtime, 'kpis.save', { teamId: team.id, ...latency }, 'priya');
    expect(kpi).toMatchObject({ teamId: team.id, name: latency.name, unit: 'ms', status: 'active', health: 'no_value', moveIsGood: null, canEdit: true });
    expect(kpi.current).toBeUndefined();

    const first = await ok(runtime, 'kpis.record', { kpiId: kpi.id, value: 520, note: 'Black Friday' }, 'daniel');
    expect(first).toMatchObject({ current: 520, health: 'high', moveIsGood: null });
    const second = await ok(runtime, 'kpis.record', { kpiId: kpi.id, value: 380 }, 'priya');
    expect(second).toMatchObject({ current: 380, previous: 520, health: 'healthy', moveIsGood: true });

    // Read by key: the list shows the reading at once; everyone reads, only members may edit.
    const listed = await ok(runtime, 'kpis.list', { teamId: team.id }, 'marcus');
    expect(listed.kpis).toEqual([expect.objectContaining({ id: kpi.id, current: 380, previous: 520, health: 'healthy', canEdit: false })]);
    expect((await ok(runtime, 'kpis.list', { teamId: team.id }, 'daniel')).kpis[0]?.canEdit).toBe(true);
    // The company's KPIs are another list; the list says who may add to it, also when it is empty.
    expect(await ok(runtime, 'kpis.list', {}, 'priya')).toEqual({ kpis: [], canEdit: false });
    expect(await ok(runtime, 'kpis.list', {}, 'elena')).toEqual({ kpis: [], canEdit: true });

    // A KPI that should stay up, and falls under its minimum: low.
    const conversion = await ok(runtime, 'kpis.save', { teamId: team.id, name: 'Checkout conversion', unit: '%', direction: 'up', healthy: { min: 60, max: 90 } }, 'priya');
    const low = await ok(runtime, 'kpis.record', { kpiId: conversion.id, value: 55 }, 'priya');
    expect(low).toMatchObject({ health: 'low' });

    runtime.kvs.settle();
    const readings = await ok(runtime, 'kpis.readings', { kpiId: kpi.id, limit: 1 }, 'marcus');
    expect(readings.readings).toEqual([expect.objectContaining({ kpiId: kpi.id, value: 380, authorAccountId: accountOf('priya') })]);
    const rest = await ok(runtime, 'kpis.readings', { kpiId: kpi.id, limit: 5, cursor: readings.nextCursor }, 'marcus');
    expect(rest.readings).toEqual([expect.objectContaining({ value: 520, note: 'Black Friday', authorAccountId: accountOf('daniel') })]);

    // The board names every active KPI with its health, for rows that respond to one.
    const board = await ok(runtime, 'board.get', {}, 'marcus');
    expect(board.kpis).toEqual(
      expect.arrayContaining([
        { id: kpi.id, teamId: team.id, name: latency.name, unit: 'ms', current: 380, health: 'healthy' },
        { id: conversion.id, teamId: team.id, name: 'Checkout conversion', unit: '%', current: 55, health: 'low' },
      ]),
    );
  });

  it('lets members and OKR admins change a team’s KPIs, and only OKR admins the company’s, judged on the result', async () => {
    const { runtime, team } = await setup();
    const other = await aTeam(runtime, 'Platform', ['marcus']);
    expect(await fails(runtime, 'kpis.save', { teamId: team.id, ...latency }, 'marcus')).toMatchObject({ code: 'FORBIDDEN', field: 'teamId' });
    expect(await fails(runtime, 'kpis.save', { ...latency }, 'priya')).toMatchObject({ code: 'FORBIDDEN' });
    const company = await ok(runtime, 'kpis.save', { name: 'Monthly churn', unit: '%', direction: 'down', healthy: { max: 2 } }, 'elena');
    expect(company.teamId).toBeUndefined();
    expect(await fails(runtime, 'kpis.record', { kpiId: company.id, value: 1.5 }, 'priya')).toMatchObject({ code: 'FORBIDDEN' });
    expect((await ok(runtime, 'kpis.list', {}, 'priya')).kpis[0]?.canEdit).toBe(false);
    expect((await ok(runtime, 'kpis.list', {}, 'elena')).kpis[0]?.canEdit).toBe(true);

    const kpi = await ok(runtime, 'kpis.save', { teamId: team.id, ...latency }, 'priya');
    expect(await fails(runtime, 'kpis.record', { kpiId: kpi.id, value: 300 }, 'marcus')).toMatchObject({ code: 'FORBIDDEN' });
    // Moving it to another team needs rights on both: Priya is not in Platform, Marcus not in Payments.
    expect(await fails(runtime, 'kpis.save', { id: kpi.id, teamId: other.id, ...latency }, 'priya')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fails(runtime, 'kpis.save', { id: kpi.id, teamId: other.id, ...latency }, 'marcus')).toMatchObject({ code: 'FORBIDDEN' });
    const moved = await ok(runtime, 'kpis.save', { id: kpi.id, teamId: other.id, ...latency }, 'elena');
    expect(moved.teamId).toBe(other.id);

    // Unknown KPI, unknown team, archived KPI: refused in words.
    expect(await fails(runtime, 'kpis.save', { id: 'nokpi0000000', teamId: team.id, ...latency }, 'priya')).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect(await fails(runtime, 'kpis.save', { teamId: 'noteam000000', ...latency }, 'elena')).toMatchObject({ code: 'NOT_FOUND', field: 'teamId' });
    expect(await fails(runtime, 'kpis.record', { kpiId: 'nokpi0000000', value: 1 }, 'elena')).toMatchObject({ code: 'NOT_FOUND', field: 'kpiId' });
    expect(await fails(runtime, 'kpis.readings', { kpiId: 'nokpi0000000' }, 'elena')).toMatchObject({ code: 'NOT_FOUND', field: 'kpiId' });
    await ok(runtime, 'kpis.save', { id: kpi.id, teamId: other.id, ...latency, status: 'archived' }, 'marcus');
    expect(await fails(runtime, 'kpis.record', { kpiId: kpi.id, value: 300 }, 'marcus')).toMatchObject({ code: 'INVALID_STATE', field: 'kpiId' });
    expect((await ok(runtime, 'kpis.list', { teamId: other.id }, 'marcus')).kpis).toEqual([]);
    expect((await ok(runtime, 'kpis.list', { teamId: other.id, includeArchived: true }, 'marcus')).kpis).toHaveLength(1);
    // A bad range is the schema's refusal.
    expect(await fails(runtime, 'kpis.save', { teamId: team.id, ...latency, healthy: { min: 5, max: 1 } }, 'priya')).toMatchObject({ code: 'VALIDATION', field: 'healthy.max' });
  });

  it('keeps at most 10 active KPIs a team, and a repeated request creates one', async () => {
    const { runtime, team } = await setup();
    const payload = { teamId: team.id, ...latency, requestId: 'req-kpi-1' };
    const first = await ok(runtime, 'kpis.save', payload, 'priya');
    expect((await ok(runtime, 'kpis.save', payload, 'priya')).id).toBe(first.id);
    for (let i = 1; i < 10; i++) await ok(runtime, 'kpis.save', { ...latency, teamId: team.id, name: `KPI ${String(i)}` }, 'priya');
    const refused = await fails(runtime, 'kpis.save', { ...latency, teamId: team.id, name: 'One more' }, 'priya');
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'teamId' });
    expect(refused.message).toContain('already has 10 active KPIs');
    // Archiving one makes room.
    await ok(runtime, 'kpis.save', { ...latency, id: first.id, teamId: team.id, status: 'archived' }, 'priya');
    await ok(runtime, 'kpis.save', { ...latency, teamId: team.id, name: 'One more' }, 'priya');
    // The same reading request, sent twice, is recorded once.
    const kpiId = (await ok(runtime, 'kpis.list', { teamId: team.id }, 'priya')).kpis[0]?.id ?? '';
    const reading = { kpiId, value: 410, requestId: 'req-reading-1' };
    await ok(runtime, 'kpis.record', reading, 'priya');
    await ok(runtime, 'kpis.record', reading, 'priya');
    runtime.kvs.settle();
    expect((await ok(runtime, 'kpis.readings', { kpiId }, 'priya')).readings).toHaveLength(1);
  });

  it('lands two readings recorded at once, the newer as the current value', async () => {
    const { runtime, team } = await setup();
    const kpi = await ok(runtime, 'kpis.save', { teamId: team.id, ...latency }, 'priya');
    // In the same millisecond (the app's clock held still): the list and the KPI must still agree on which
    // reading is the newest, whichever transaction wins.
    moveAppClock(0);
    const [a, b] = await Promise.all([
      call(runtime, 'kpis.record', { kpiId: kpi.id, value: 450 }, 'priya'),
      call(runtime, 'kpis.record', { kpiId: kpi.id, value: 350 }, 'daniel'),
    ]);
    expect(a.ok && b.ok).toBe(true);
    runtime.kvs.settle();
    const readings = (await ok(runtime, 'kpis.readings', { kpiId: kpi.id }, 'priya')).readings;
    expect(readings.map((r) => r.value).sort()).toEqual([350, 450]);
    const [newest, before] = readings;
    const listed = (await ok(runtime, 'kpis.list', { teamId: team.id }, 'priya')).kpis[0];
    expect(listed).toMatchObject({ current: newest?.value, previous: before?.value });
  });

  it('answers the values as of a moment: the newest reading at or before it', async () => {
    const { runtime, team } = await setup();
    const kpi = await ok(runtime, 'kpis.save', { teamId: team.id, ...latency }, 'priya');
    const start = Date.now();
    moveAppClock(0, start - 20 * DAY_MS);
    await ok(runtime, 'kpis.record', { kpiId: kpi.id, value: 600 }, 'priya');
    moveAppClock(0, start - 10 * DAY_MS);
    await ok(runtime, 'kpis.record', { kpiId: kpi.id, value: 500 }, 'priya');
    moveAppClock(0, start - DAY_MS);
    await ok(runtime, 'kpis.record', { kpiId: kpi.id, value: 300 }, 'priya');
    jest.useRealTimers();
    runtime.kvs.settle();

    const asOf = new Date(start - 5 * DAY_MS).toISOString();
    const then = await ok(runtime, 'kpis.list', { teamId: team.id, asOf }, 'marcus');
    expect(then.asOf).toBe(asOf);
    expect(then.kpis).toEqual([expect.objectContaining({ current: 500, previous: 600, health: 'high', moveIsGood: true })]);
    const before = await ok(runtime, 'kpis.list', { teamId: team.id, asOf: new Date(start - 30 * DAY_MS).toISOString() }, 'marcus');
    expect(before.kpis).toEqual([expect.objectContaining({ health: 'no_value', moveIsGood: null })]);
    expect(before.kpis[0]?.current).toBeUndefined();
    expect((await ok(runtime, 'kpis.list', { teamId: team.id }, 'marcus')).kpis[0]).toMatchObject({ current: 300, previous: 500, health: 'healthy' });
  });

  it('lets an objective respond to its team’s KPI or a company KPI, nothing else', async () => {
    const { runtime, cycle, team } = await setup();
    const other = await aTeam(runtime, 'Platform', ['marcus', 'priya']);
    const own = await ok(runtime, 'kpis.save', { teamId: team.id, ...latency }, 'priya');
    const theirs = await ok(runtime, 'kpis.save', { teamId: other.id, ...latency }, 'marcus');
    const company = await ok(runtime, 'kpis.save', { name: 'Monthly churn', unit: '%', direction: 'down', healthy: { max: 2 } }, 'elena');
    const base = { cycleId: cycle.id, level: 'team', teamId: team.id };

    const linked = await anObjective(runtime, 'priya', { ...base, title: 'Make checkout fast again', kpiId: own.id });
    expect(linked.kpiId).toBe(own.id);
    expect((await anObjective(runtime, 'priya', { ...base, title: 'Keep customers', kpiId: company.id })).kpiId).toBe(company.id);
    const refused = await fails(runtime, 'objectives.create', { ...base, title: 'Borrowed KPI', kpiId: theirs.id }, 'priya');
    expect(refused).toMatchObject({ code: 'VALIDATION', field: 'kpiId' });
    expect(refused.message).toContain("must be a KPI of the objective's team or of the company");
    expect(await fails(runtime, 'objectives.create', { ...base, title: 'Ghost KPI', kpiId: 'nokpi0000000' }, 'priya')).toMatchObject({ code: 'NOT_FOUND', field: 'kpiId' });

    // Update: another team's KPI refused; moving the objective away from its KPI's team refused; null clears.
    expect(await fails(runtime, 'objectives.update', { id: linked.id, kpiId: theirs.id }, 'priya')).toMatchObject({ code: 'VALIDATION', field: 'kpiId' });
    expect(await fails(runtime, 'objectives.update', { id: linked.id, teamId: other.id }, 'priya')).toMatchObject({ code: 'VALIDATION', field: 'kpiId' });
    const cleared = await ok(runtime, 'objectives.update', { id: linked.id, kpiId: null }, 'priya');
    expect(cleared.kpiId).toBeUndefined();
    await ok(runtime, 'kpis.save', { id: own.id, teamId: team.id, ...latency, status: 'archived' }, 'priya');
    expect(await fails(runtime, 'objectives.update', { id: linked.id, kpiId: own.id }, 'priya')).toMatchObject({ code: 'VALIDATION', field: 'kpiId' });
  });

  it('exports KPIs and their readings, and imports them back (and documents from before them)', async () => {
    const { runtime, team } = await setup();
    const kpi = await ok(runtime, 'kpis.save', { teamId: team.id, ...latency }, 'priya');
    await ok(runtime, 'kpis.record', { kpiId: kpi.id, value: 520 }, 'priya');
    await ok(runtime, 'kpis.record', { kpiId: kpi.id, value: 380, note: 'Cache warmed' }, 'priya');
    runtime.kvs.settle();
    const doc = await exportDocument(runtime);
    expect(doc.kpis).toEqual([expect.objectContaining({ id: kpi.id, name: latency.name, current: 380 })]);
    expect(doc.kpiReadings?.map((r) => r.value).sort()).toEqual([380, 520]);

    const fresh = newRuntime();
    await ok(fresh, 'data.import', { data: doc }, 'elena');
    fresh.kvs.settle();
    const listed = (await ok(fresh, 'kpis.list', { teamId: team.id }, 'priya')).kpis;
    expect(listed).toEqual([expect.objectContaining({ id: kpi.id, current: 380, previous: 520, health: 'healthy' })]);
    expect((await ok(fresh, 'kpis.readings', { kpiId: kpi.id }, 'priya')).readings.map((r) => r.value)).toEqual([380, 520]);
    expect(withoutTime(await exportDocument(fresh))).toEqual(withoutTime(doc));
    const health = await ok(fresh, 'data.health', {}, 'elena');
    expect(health.corrupt).toEqual([]);

    // The paged import takes them too: KPIs on the first page, readings after the rest.
    const pages = await exportPages(runtime);
    const paged = newRuntime();
    const { importId } = await ok(paged, 'data.import.start', { requestId: 'kpi-import-0001', header: { format: 'cadence-export', version: 1, counts: countsOf(doc) } }, 'elena');
    for (const [i, { format: _f, version: _v, exportedAt: _e, ...part }] of pages.entries()) {
      await ok(paged, 'data.import.append', { importId, requestId: `kpi-part-${String(i).padStart(4, '0')}`, part }, 'elena');
    }
    await ok(paged, 'data.import.finish', { importId }, 'elena');
    await paged.events.drain();
    expect(await ok(paged, 'data.import.status', { importId }, 'elena')).toMatchObject({ state: 'done' });
    paged.kvs.settle();
    expect(withoutTime(await exportDocument(paged))).toEqual(withoutTime(doc));

    // A document from before KPIs imports, with none.
    const { kpis: _kpis, kpiReadings: _readings, ...old } = doc;
    const older = newRuntime();
    await ok(older, 'data.import', { data: old }, 'elena');
    expect((await ok(older, 'kpis.list', { teamId: team.id }, 'priya')).kpis).toEqual([]);
  });

  it('lists a damaged reading or KPI in data.health, skips a damaged KPI in views, and repairs them', async () => {
    const { runtime, team } = await setup();
    const kpi = await ok(runtime, 'kpis.save', { teamId: team.id, ...latency }, 'priya');
    const other = await ok(runtime, 'kpis.save', { teamId: team.id, ...latency, name: 'Payout failures' }, 'priya');
    const recorded = await ok(runtime, 'kpis.record', { kpiId: kpi.id, value: 380, requestId: 'req-reading-9' }, 'priya');
    runtime.kvs.settle();
    const readingId = (await ok(runtime, 'kpis.readings', { kpiId: kpi.id }, 'priya')).readings[0]?.id ?? '';
    const rows = kvs.entity<Record<string, unknown>>('kpi-reading');
    const good = await rows.get(readingId);
    await rows.set(readingId, { ...good, data: { schemaVersion: 1, value: 'lots' } });
    // A KPI item that fails its schema is left out of the list, never fatal to it.
    const catalogs = kvs.entity<Record<string, unknown>>('catalog');
    const catalog = (await catalogs.get('kpis')) as { version: number; data: { schemaVersion: 1; items: Record<string, unknown>[] } };
    const items = catalog.data.items.map((k) => (k.id === other.id ? { ...k, healthy: {} } : k));
    await catalogs.set('kpis', { ...catalog, data: { ...catalog.data, items } });
    expect((await ok(runtime, 'kpis.list', { teamId: team.id }, 'priya')).kpis.map((k) => k.id)).toEqual([recorded.id]);

    runtime.kvs.settle();
    const health = await ok(runtime, 'data.health', {}, 'elena');
    expect(health.corrupt.map((c) => [c.kind, c.key])).toEqual(expect.arrayContaining([['kpi-reading', readingId], ['catalog', 'kpis']]));
    await ok(runtime, 'data.repair', { kind: 'kpi-reading', key: readingId, action: 'replace', record: good, requestId: 'repair-kpi-0001' }, 'elena');
    await ok(runtime, 'data.repair', { kind: 'catalog', key: 'kpis', action: 'replace', record: catalog, requestId: 'repair-kpi-0002' }, 'elena');
    runtime.kvs.settle();
    expect((await ok(runtime, 'data.health', {}, 'elena')).corrupt).toEqual([]);
    expect((await ok(runtime, 'kpis.list', { teamId: team.id }, 'priya')).kpis).toHaveLength(2);
  });

  it('costs little: kpis.list of a team of 5 KPIs and kpis.record', async () => {
    const { runtime, team } = await setup();
    for (let i = 0; i < 5; i++) {
      const kpi = await ok(runtime, 'kpis.save', { ...latency, teamId: team.id, name: `KPI ${String(i)}` }, 'priya');
      await ok(runtime, 'kpis.record', { kpiId: kpi.id, value: 100 * i }, 'priya');
    }
    const kpiId = (await ok(runtime, 'kpis.list', { teamId: team.id }, 'priya')).kpis[0]?.id ?? '';
    runtime.kvs.resetUsage();
    await ok(runtime, 'kpis.list', { teamId: team.id }, 'priya');
    const list = runtime.log.last()?.summary;
    await ok(runtime, 'kpis.record', { kpiId, value: 42 }, 'priya');
    const record = runtime.log.last()?.summary;
    runtime.kvs.settle();
    await ok(runtime, 'kpis.list', { teamId: team.id, asOf: new Date().toISOString() }, 'priya');
    const asOf = runtime.log.last()?.summary;
    const units = { list, record, asOf };
    console.log(
      `KPI budgets: ${JSON.stringify(Object.fromEntries(Object.entries(units).map(([k, s]) => [k, { read: s?.readUnits, write: s?.writeUnits, trips: s?.sequentialStorageRoundTrips }])))}`,
    );
    expect(list?.readUnits).toBeLessThanOrEqual(4);
    expect(list?.writeUnits).toBe(0);
    expect(record?.readUnits).toBeLessThanOrEqual(6);
    expect(record?.writeUnits).toBeLessThanOrEqual(4);
    expect(asOf?.readUnits).toBeLessThanOrEqual(10);
  });
});
