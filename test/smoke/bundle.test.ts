import { exportDocument } from '../support/export-document';
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { parse } from 'yaml';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import { localLicense } from '../../local/platform/runtime-globals';
import { accountOf, call, epicKey, fails, ok } from '../support/cadence-client';
import { aKeyResult, paymentsSetup } from '../support/scenario';
import { BUNDLE_FILE, bundleRuntime, ensureBundle } from './deployed-bundle';

/**
 * Smoke tests of what is deployed: the @forge/bundler output runs in the local runtime with the request
 * envelope Forge sends (event + context with principal, installContext, license, installation), so a
 * bundling problem (a dynamic require, ESM/CJS interop, a Node built-in) fails here, not on a site.
 */

beforeAll(ensureBundle, 300_000);

let runtime: LocalRuntime;
afterEach(() => {
  runtime.close();
});

describe('the bundle @forge/bundler produced', () => {
  it('exports exactly the handlers manifest.yml names, and requires nothing but Node built-ins', () => {
    runtime = bundleRuntime();
    const manifest = parse(readFileSync(`${runtime.root}/manifest.yml`, 'utf8')) as {
      modules: { function: { handler: string }[] };
    };
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the deployed artefact itself
    const bundle = require(BUNDLE_FILE) as Record<string, unknown>;
    const named = manifest.modules.function.map((f) => f.handler.replace(/^index\./, '')).sort();
    expect(Object.keys(bundle).sort()).toEqual(named);
    for (const name of named) expect(typeof bundle[name]).toBe('function');

    // Forge's runtime has no node_modules beside the bundle: every package must be inside it.
    const source = readFileSync(BUNDLE_FILE, 'utf8');
    const required = [...source.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2] ?? '');
    expect(required.filter((name) => !isBuiltin(name))).toEqual([]);
    // A require of a computed name is a dependency webpack could not see (it would fail at run time).
    expect(source.match(/\brequire\(\s*[A-Za-z_$][\w$.]*\s*\)/g) ?? []).toEqual([]);
  });

  it('answers resolvers: me.get, cycles.list, board.get after seeding, checkIns.create', async () => {
    runtime = bundleRuntime();
    expect(await ok(runtime, 'me.get', {}, 'elena')).toMatchObject({ accountId: accountOf('elena'), isSiteAdmin: true });
    expect(await ok(runtime, 'cycles.list', {}, 'priya')).toEqual({ cycles: [] });

    const { cycle, objective, kr1 } = await paymentsSetup(runtime);
    const board = await ok(runtime, 'board.get', { cycleId: cycle.id }, 'daniel');
    expect(board.cycle.id).toBe(cycle.id);
    expect(JSON.stringify(board)).toContain(objective.id);

    const checkIn = await ok(
      runtime,
      'checkIns.create',
      { keyResultId: kr1.id, value: 3, confidence: 'on_track', note: 'retries land' },
      'daniel',
    );
    expect(checkIn.keyResult.metric.current).toBe(3);
    const listed = await ok(runtime, 'checkIns.list', { keyResultId: kr1.id }, 'priya');
    expect(listed.checkIns.map((c) => c.id)).toContain(checkIn.checkIn.id);
  });

  it('runs the issue-event trigger and both scheduled jobs', async () => {
    runtime = bundleRuntime();
    const { objective } = await paymentsSetup(runtime);
    const sourced = await aKeyResult(runtime, 'priya', objective.id, {
      title: 'Deliver multi-currency payouts to 100% of planned scope',
      metric: { kind: 'percent', start: 0, target: 100, unit: '%' },
      progressSource: 'initiatives',
    });
    const epic = epicKey(runtime, 'Multi-currency payroll payouts');
    await ok(runtime, 'initiatives.link', { keyResultId: sourced.id, issueKey: epic }, 'priya');
    const current = async (): Promise<number> => {
      const view = await ok(runtime, 'objectives.get', { id: objective.id }, 'priya');
      return view.keyResults.find((k) => k.id === sourced.id)?.metric.current ?? Number.NaN;
    };
    expect(await current()).toBe(50);
    // The event comes later than the link on a real site: by then index queries see the link row.
    runtime.kvs.settle();

    const child = runtime.site.listIssues().find((i) => i.summary === 'Snapshot the FX rate when payroll is approved');
    runtime.site.updateIssue(child?.key ?? 'missing', { status: 'Done' });
    await runtime.whenIdle();
    const triggerCalls = runtime.log.recent().filter((e) => e.call === 'issue-events');
    expect(triggerCalls.length).toBeGreaterThan(0);
    expect(triggerCalls.every((e) => e.ok)).toBe(true);
    expect(await current()).toBe(75);

    for (const key of ['weekly-check-in', 'reconcile-initiatives']) {
      expect(await runtime.app.runScheduledTrigger(key)).toMatchObject({ ok: true, result: { statusCode: 204 } });
    }
  });
});

describe('licensing (app.licensing), through the bundle', () => {
  it('is a paid app: manifest.yml enables licensing', () => {
    runtime = bundleRuntime();
    const manifest = parse(readFileSync(`${runtime.root}/manifest.yml`, 'utf8')) as { app: { licensing?: unknown } };
    expect(manifest.app.licensing).toEqual({ enabled: true });
  });

  it('treats an installation without a license (development, staging, free) as licensed', async () => {
    runtime = bundleRuntime();
    expect(runtime.installation.license).toBeUndefined();
    await paymentsSetup(runtime);
  });

  it('keeps an unlicensed installation readable, refuses every write with UNLICENSED and says why', async () => {
    runtime = bundleRuntime({ license: 'active' });
    const { cycle, objective, kr1 } = await paymentsSetup(runtime);
    runtime.installation.license = localLicense('inactive');

    expect((await ok(runtime, 'cycles.list', {}, 'priya')).cycles).toHaveLength(1);
    expect((await ok(runtime, 'board.get', { cycleId: cycle.id }, 'priya')).cycle.id).toBe(cycle.id);
    expect((await ok(runtime, 'objectives.get', { id: objective.id }, 'priya')).id).toBe(objective.id);
    expect((await exportDocument(runtime, 'elena')).format).toBe('cadence-export');

    const refused = [
      await fails(runtime, 'checkIns.create', { keyResultId: kr1.id, value: 2, confidence: 'on_track' }, 'daniel'),
      await fails(runtime, 'objectives.update', { id: objective.id, title: 'Make payroll payouts dull' }, 'priya'),
      await fails(runtime, 'cycles.create', {}, 'elena'),
      // Refused before the payload is read: the license, not the input, is what is wrong.
      await fails(runtime, 'teams.create', { name: '' }, 'elena'),
    ];
    for (const error of refused) {
      expect(error).toEqual({ code: 'UNLICENSED', message: expect.stringMatching(/read-only.*license is not active/) as unknown });
    }

    runtime.installation.license = localLicense('active');
    const result = await call(runtime, 'checkIns.create', { keyResultId: kr1.id, value: 2, confidence: 'on_track' }, 'daniel');
    expect(result.ok).toBe(true);
  });
});
