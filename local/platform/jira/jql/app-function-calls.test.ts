import { seedDemoSite } from '../../../demo/seed-jira';
import { openDatabase } from '../../db';
import type { Principal } from '../../types';
import { createJiraSite } from '../site';
import type { JqlFunctionModule } from './app-functions';
import { FAILURE_CACHE_MS, PRECOMPUTATION_TTL_MS } from './precomputations';

const MODULE: JqlFunctionModule = {
  key: 'epic-work',
  name: 'epicWork',
  arguments: [{ name: 'epic', required: true }],
  types: ['issue'],
  operators: ['in', 'not in'],
  function: 'fn',
};

/** A site whose app answers `answer(payload)`; the clock is the test's. */
const siteWith = (answer: (payload: unknown) => unknown) => {
  let now = new Date('2026-03-02T10:00:00.000Z');
  const db = openDatabase(':memory:');
  const site = createJiraSite(db, { now: () => now });
  seedDemoSite(site);
  const calls: unknown[] = [];
  site.connectJqlFunctions({
    modules: [MODULE],
    functionKeyOf: (key) => `ari:cloud:ecosystem::extension/app/env/static/${key}`,
    invoke: (_module, payload) => {
      calls.push(payload);
      return Promise.resolve().then(() => answer(payload));
    },
  });
  const request = async (method: 'GET' | 'POST', path: string, body?: unknown, principal: Principal = { kind: 'app' }) => {
    const response = await site.handle(
      { method, path, headers: {}, body: body === undefined ? undefined : JSON.stringify(body) },
      principal,
    );
    return { status: response.status, json: JSON.parse(response.body || '{}') as Record<string, unknown> };
  };
  const search = async (jql: string) => {
    const { status, json } = await request('POST', '/rest/api/3/search/jql', { jql, fields: ['key'] });
    const issues = (json.issues ?? []) as { key: string }[];
    return { status, keys: issues.map((i) => i.key).sort(), errors: (json.errorMessages ?? []) as string[] };
  };
  const firstEpic = site.listIssues().find((i) => i.issueType === 'Epic' || i.parentKey === null);
  if (!firstEpic) throw new Error('the demo site has no issues');
  return {
    site,
    calls,
    request,
    search,
    key: firstEpic.key,
    move: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    close: () => db.close(),
  };
};

describe('app JQL functions on the emulated site', () => {
  it('hands the app Jira\'s payload, replaces the clause with its fragment and stores it (no second call)', async () => {
    const t = siteWith(() => ({ jql: 'key = PAY-1' }));
    expect(await t.search('issue in epicWork("x")')).toMatchObject({ status: 200, keys: ['PAY-1'] });
    expect(t.calls).toEqual([
      {
        precomputationId: expect.any(String) as unknown,
        clause: { field: 'issue', type: ['issue'], operator: 'in', functionName: 'epicWork', arguments: ['x'] },
      },
    ]);
    await t.search('issue in epicWork("x") AND project = PAY');
    expect(t.calls).toHaveLength(1);
    t.close();
  });

  it('keeps serving the stored fragment until the app updates it through the REST API', async () => {
    let fragment = 'key = PAY-1';
    const t = siteWith(() => ({ jql: fragment }));
    await t.search('issue in epicWork("x")');
    fragment = 'key = PAY-2';
    expect((await t.search('issue in epicWork("x")')).keys).toEqual(['PAY-1']);
    const listed = await t.request('GET', '/rest/api/3/jql/function/computation');
    expect(listed.json).toMatchObject({ total: 1, isLast: true, values: [{ functionName: 'epicWork', arguments: ['x'], value: 'key = PAY-1' }] });
    const [stored] = listed.json.values as { id: string }[];
    expect((await t.request('POST', '/rest/api/3/jql/function/computation', { values: [{ id: stored?.id, value: fragment }] })).status).toBe(200);
    expect((await t.search('issue in epicWork("x")')).keys).toEqual(['PAY-2']);
    // Only apps may read or write precomputations; a bad fragment or an unknown id changes nothing.
    expect((await t.request('GET', '/rest/api/3/jql/function/computation', undefined, { kind: 'user', accountId: t.site.listUsers()[0]?.accountId ?? '' })).status).toBe(403);
    expect((await t.request('POST', '/rest/api/3/jql/function/computation', { values: [{ id: stored?.id, value: 'key = = 1' }] })).status).toBe(400);
    expect((await t.request('POST', '/rest/api/3/jql/function/computation', { values: [{ id: 'gone', value: 'key = PAY-1' }] })).status).toBe(404);
    expect((await t.request('POST', '/rest/api/3/jql/function/computation?skipNotFoundPrecomputations=true', { values: [{ id: 'gone', value: 'key = PAY-1' }] })).json).toEqual({ notFoundPrecomputationIDs: ['gone'] });
    t.close();
  });

  it('drops a precomputation unused for 7 days and asks the app again', async () => {
    const t = siteWith(() => ({ jql: 'key = PAY-1' }));
    await t.search('issue in epicWork("x")');
    t.move(PRECOMPUTATION_TTL_MS - 1000);
    await t.search('issue in epicWork("x")');
    expect(t.calls).toHaveLength(1);
    t.move(PRECOMPUTATION_TTL_MS + 1000);
    await t.search('issue in epicWork("x")');
    expect(t.calls).toHaveLength(2);
    t.close();
  });

  it('shows the app\'s error, caches a failure for a minute, and stores it only when asked', async () => {
    let answer: unknown = { error: 'No such epic.' };
    const t = siteWith(() => answer);
    expect(await t.search('issue in epicWork("x")')).toMatchObject({ status: 400, errors: ['No such epic.'] });
    answer = { jql: 'key = PAY-1' };
    expect((await t.search('issue in epicWork("x")')).status).toBe(400);
    t.move(FAILURE_CACHE_MS + 1);
    expect((await t.search('issue in epicWork("x")')).keys).toEqual(['PAY-1']);

    answer = { error: 'Stored.', storeErrorAsPrecomputation: true };
    await t.search('issue in epicWork("y")');
    t.move(FAILURE_CACHE_MS + 1);
    expect((await t.search('issue in epicWork("y")')).errors).toEqual(['Stored.']);
    expect(t.calls).toHaveLength(3);
    t.close();
  });

  it('refuses what the module does not declare, bad fragments and too many values', async () => {
    let answer: unknown = { jql: 'key = PAY-1' };
    const t = siteWith(() => answer);
    expect((await t.search('issue = epicWork("x")')).errors[0]).toContain("operator '='");
    expect((await t.search('assignee in epicWork("x")')).errors[0]).toContain("field 'assignee'");
    expect((await t.search('issue in epicWork()')).errors[0]).toContain('takes 1 argument');
    answer = { jql: 'key = = PAY-1' };
    expect((await t.search('issue in epicWork("a")')).errors[0]).toContain('not valid');
    answer = { jql: `id in (${Array.from({ length: 1001 }, (_, i) => String(i + 1)).join(', ')})` };
    expect((await t.search('issue in epicWork("b")')).errors[0]).toContain('over the limit of 1000');
    answer = 'issue = 1';
    expect((await t.search('issue in epicWork("c")')).errors[0]).toContain('neither {jql} nor {error}');
    expect(t.calls).toHaveLength(3);
    // A function the app does not declare stays the site's usual 400.
    expect((await t.search('issue in otherWork("x")')).errors[0]).toContain('is not emulated');
    t.close();
  });
});
