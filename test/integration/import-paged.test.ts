import type { ExportDocument, ExportPage } from '../../src/contract';
import { countsOf } from '../../src/contract';
import { fails, newRuntime, ok } from '../support/cadence-client';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import { exportDocument, exportPages, storeOfClones } from '../support/export-document';
import { aTeam, paymentsSetup } from '../support/scenario';

/**
 * Paged export and import (issue #9): data.export answers pages that put together give the document;
 * data.import.start / append / finish stage an import larger than one invoke, verified and switched on
 * by async events, with progress in data.import.status. The live data stays whole whatever fails.
 */

const partOf = ({ format: _f, version: _v, exportedAt: _e, ...part }: ExportPage) => part;

const withoutTime = ({ exportedAt: _e, ...doc }: ExportDocument) => doc;

/** Starts a paged import of `pages` and appends every page as one part. */
const stage = async (runtime: LocalRuntime, pages: ExportPage[], total: ExportDocument): Promise<string> => {
  const { importId } = await ok(
    runtime,
    'data.import.start',
    { requestId: 'paged-import-0001', header: { format: 'cadence-export', version: 1, counts: countsOf(total) } },
    'elena',
  );
  for (const [i, page] of pages.entries()) {
    await ok(
      runtime,
      'data.import.append',
      { importId, requestId: `paged-part-${String(i).padStart(4, '0')}`, part: partOf(page) },
      'elena',
    );
  }
  return importId;
};

let source: LocalRuntime;
let pages: ExportPage[];
let doc: ExportDocument;

beforeAll(async () => {
  source = await storeOfClones(60);
  pages = await exportPages(source);
  doc = await exportDocument(source);
}, 60_000);

describe('paged export', () => {
  it('answers pages far under the response limit that put together give the whole document', () => {
    expect(pages.length).toBeGreaterThan(3);
    expect(doc.objectives).toHaveLength(60);
    expect(doc.checkIns).toHaveLength(60);
    for (const page of pages) expect(Buffer.byteLength(JSON.stringify(page))).toBeLessThan(1024 * 1024);
  });

  it('refuses a cursor it did not give, and one from before an import', async () => {
    expect(await fails(source, 'data.export', { cursor: 'bm90LWEtY3Vyc29y' }, 'elena')).toMatchObject({
      code: 'VALIDATION',
      field: 'cursor',
    });
    const first = await ok(source, 'data.export', {}, 'elena');
    await ok(source, 'data.import', { data: doc }, 'elena');
    expect(await fails(source, 'data.export', { cursor: first.nextCursor }, 'elena')).toMatchObject({
      code: 'CONFLICT',
    });
  });
});

describe('paged import', () => {
  it('stages a document larger than one invoke in parts, reports progress, and switches it on through async events', async () => {
    const target = newRuntime();
    await paymentsSetup(target);
    const importId = await stage(target, pages, doc);
    const staged = await ok(target, 'data.import.status', { importId }, 'elena');
    expect(staged).toMatchObject({ state: 'staging', verified: 0 });
    expect(staged.written).toBe(staged.expected);
    // Nothing is visible before the switch.
    expect((await exportDocument(target)).objectives).toHaveLength(1);

    expect(await ok(target, 'data.import.finish', { importId }, 'elena')).toMatchObject({ state: 'verifying' });
    await target.events.drain();
    const done = await ok(target, 'data.import.status', { importId }, 'elena');
    expect(done).toMatchObject({ state: 'done', verified: done.expected });
    target.kvs.settle();
    expect(withoutTime(await exportDocument(target))).toEqual(withoutTime(doc));
  }, 60_000);

  it('writes a repeated append once', async () => {
    const target = newRuntime();
    const { importId } = await ok(
      target,
      'data.import.start',
      { requestId: 'paged-import-0002', header: { format: 'cadence-export', version: 1, counts: countsOf(doc) } },
      'elena',
    );
    const [head] = pages;
    if (head === undefined) throw new Error('no page');
    const once = await ok(
      target,
      'data.import.append',
      { importId, requestId: 'paged-part-same', part: partOf(head) },
      'elena',
    );
    const twice = await ok(
      target,
      'data.import.append',
      { importId, requestId: 'paged-part-same', part: partOf(head) },
      'elena',
    );
    expect(twice.written).toBe(once.written);
    expect(once.written).toBeGreaterThan(0);
  });

  it('refuses anyone but a site admin', async () => {
    const target = newRuntime();
    expect(
      await fails(
        target,
        'data.import.start',
        { requestId: 'paged-import-0003', header: { format: 'cadence-export', version: 1, counts: countsOf(doc) } },
        'priya',
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('fails without touching the live data when another import changed the data before its switch', async () => {
    const target = newRuntime();
    await paymentsSetup(target);
    const importId = await stage(target, pages, doc);
    // A one-shot import lands before the paged one is switched on: the paged import's switch must lose.
    const before = await exportDocument(target);
    await ok(target, 'data.import', { data: before }, 'elena');
    await ok(target, 'data.import.finish', { importId }, 'elena');
    await target.events.drain();
    const status = await ok(target, 'data.import.status', { importId }, 'elena');
    expect(status).toMatchObject({ state: 'failed', error: expect.stringMatching(/another import/) as unknown });
    target.kvs.settle();
    expect(withoutTime(await exportDocument(target))).toEqual(withoutTime(before));
  }, 60_000);

  it('fails without touching the live data when verification finds the staged import incomplete', async () => {
    const target = newRuntime();
    await paymentsSetup(target);
    const before = await exportDocument(target);
    const [head] = pages;
    if (head === undefined) throw new Error('no page');
    // Only the first part arrives: the header's counts do not add up, so verification refuses the switch.
    const { importId } = await ok(
      target,
      'data.import.start',
      { requestId: 'paged-import-0009', header: { format: 'cadence-export', version: 1, counts: countsOf(doc) } },
      'elena',
    );
    await ok(target, 'data.import.append', { importId, requestId: 'paged-part-only', part: partOf(head) }, 'elena');
    await ok(target, 'data.import.finish', { importId }, 'elena');
    await target.events.drain();
    const status = await ok(target, 'data.import.status', { importId }, 'elena');
    expect(status.state).toBe('failed');
    expect(status.error).toMatch(/not whole/);
    target.kvs.settle();
    expect(withoutTime(await exportDocument(target))).toEqual(withoutTime(before));
  }, 60_000);

  it('counts KPIs and their readings too: a header that names them is held to them', async () => {
    const source = newRuntime();
    const team = await aTeam(source, 'Payments', ['priya']);
    const kpi = await ok(source, 'kpis.save', { teamId: team.id, name: 'Checkout latency p95', unit: 'ms', direction: 'down', healthy: { max: 400 } }, 'priya');
    await ok(source, 'kpis.record', { kpiId: kpi.id, value: 520 }, 'priya');
    await ok(source, 'kpis.record', { kpiId: kpi.id, value: 380 }, 'priya');
    source.kvs.settle();
    const full = await exportDocument(source);
    expect(countsOf(full)).toMatchObject({ kpis: 1, kpiReadings: 2 });
    const target = newRuntime();
    await paymentsSetup(target);
    const before = await exportDocument(target);
    // Every section arrives but one of the two readings: the import must not switch on without it.
    const { format: _f, version: _v, exportedAt: _e, ...part } = full;
    const { importId } = await ok(
      target,
      'data.import.start',
      { requestId: 'paged-import-kpis', header: { format: 'cadence-export', version: 1, counts: countsOf(full) } },
      'elena',
    );
    await ok(
      target,
      'data.import.append',
      { importId, requestId: 'paged-part-kpis', part: { ...part, kpiReadings: (part.kpiReadings ?? []).slice(0, 1) } },
      'elena',
    );
    await ok(target, 'data.import.finish', { importId }, 'elena');
    await target.events.drain();
    const status = await ok(target, 'data.import.status', { importId }, 'elena');
    // One team, one KPI, two readings: the progress counts them all.
    expect(status).toMatchObject({ state: 'failed', expected: 4, written: 3 });
    expect(status.error).toMatch(/1 of 2 kpiReadings were sent/);
    target.kvs.settle();
    expect(withoutTime(await exportDocument(target))).toEqual(withoutTime(before));
  }, 60_000);
});
