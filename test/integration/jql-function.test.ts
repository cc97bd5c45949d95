import { PM_ID, startTestHost } from '../../local/host/test-support';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import { keyResultWorkJql, objectiveWorkJql } from '../../src/contract/rhythm';
import type { DemoHandle } from '../support/cadence-client';
import { accountOf, epicKey, newRuntime, ok } from '../support/cadence-client';
import { aKeyResult, anObjective, paymentsSetup } from '../support/scenario';

/** POST /rest/api/3/search/jql on the emulated site as a user: the keys found, or Jira's error. */
const search = async (
  runtime: LocalRuntime,
  jql: string,
  as: DemoHandle = 'priya',
): Promise<{ status: number; keys: string[]; errors: string[] }> => {
  const response = await runtime.site.handle(
    {
      method: 'POST',
      path: '/rest/api/3/search/jql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jql, fields: ['key'], maxResults: 100 }),
    },
    { kind: 'user', accountId: accountOf(as) },
  );
  const body = JSON.parse(response.body) as { issues?: { key: string }[]; errorMessages?: string[] };
  return {
    status: response.status,
    keys: (body.issues ?? []).map((i) => i.key).sort(),
    errors: body.errorMessages ?? [],
  };
};

/** The epic and its child issues as the site holds them. */
const workOf = (runtime: LocalRuntime, key: string): string[] => {
  const epic = runtime.site.getIssue(key);
  if (!epic) throw new Error(`no issue ${key}`);
  return runtime.site
    .listIssues()
    .filter((i) => i.key === key || i.parentKey === key)
    .map((i) => i.key)
    .sort();
};

const setup = async () => {
  const runtime = newRuntime();
  const payments = await paymentsSetup(runtime);
  const kr = await aKeyResult(runtime, 'priya', payments.objective.id, { title: 'Ship payouts in 3 currencies' });
  const fx = epicKey(runtime, 'Multi-currency payroll payouts');
  await ok(runtime, 'initiatives.link', { keyResultId: kr.id, issueKey: fx }, 'priya');
  return { runtime, ...payments, kr, fx };
};

describe('JQL functions keyResultWork / objectiveWork in Jira search', () => {
  it('finds a KR\'s linked epics and their child issues, and everything else with not in', async () => {
    const { runtime, kr, fx } = await setup();
    const expected = workOf(runtime, fx);
    expect(expected.length).toBeGreaterThan(1);
    const found = await search(runtime, keyResultWorkJql(kr.id));
    expect(found).toMatchObject({ status: 200, keys: expected });

    const all = await search(runtime, 'project = PAY');
    const rest = await search(runtime, `project = PAY AND issue not in keyResultWork("${kr.id}")`);
    expect(rest.status).toBe(200);
    expect(rest.keys).toEqual(all.keys.filter((k) => !expected.includes(k)));
    // The clause is replaced as a whole: it combines with the rest of the query.
    expect((await search(runtime, `${keyResultWorkJql(kr.id)} AND issuetype = Epic`)).keys).toEqual([fx]);
  });

  it('answers an unknown id with the function\'s words, and a malformed call with Jira\'s 400', async () => {
    const { runtime, objective } = await setup();
    const unknown = await search(runtime, keyResultWorkJql(`${objective.id}-kzzzzzz`));
    expect(unknown.status).toBe(400);
    expect(unknown.errors[0]).toContain(`no key result with id "${objective.id}-kzzzzzz"`);
    expect((await search(runtime, objectiveWorkJql('nope'))).errors[0]).toContain('no objective with id "nope"');
    // Declared operators and argument count are the site's to check, before the app is asked.
    expect((await search(runtime, `issue = keyResultWork("x")`)).status).toBe(400);
    expect((await search(runtime, `issue in keyResultWork()`)).status).toBe(400);
    expect((await search(runtime, `assignee in keyResultWork("x")`)).status).toBe(400);
  });

  it('matches nothing for a KR without epics, everything with not in', async () => {
    const { runtime, objective } = await setup();
    const empty = await aKeyResult(runtime, 'priya', objective.id, { title: 'Cut payout failures to 1 in 1000' });
    expect(await search(runtime, keyResultWorkJql(empty.id))).toMatchObject({ status: 200, keys: [] });
    const all = await search(runtime, 'project = PAY');
    expect((await search(runtime, `project = PAY AND issue not in keyResultWork("${empty.id}")`)).keys).toEqual(all.keys);
  });

  it('follows a link and an unlink at once: the app rewrites Jira\'s stored precomputation', async () => {
    const { runtime, objective, kr, fx } = await setup();
    expect((await search(runtime, keyResultWorkJql(kr.id))).keys).toEqual(workOf(runtime, fx));
    expect(runtime.site.precomputations.list(new Date())).toHaveLength(1);

    const other = epicKey(runtime, 'Guided data import');
    const link = await ok(runtime, 'initiatives.link', { keyResultId: kr.id, issueKey: other }, 'priya');
    const both = [...workOf(runtime, fx), ...workOf(runtime, other)].sort();
    expect((await search(runtime, keyResultWorkJql(kr.id))).keys).toEqual(both);
    expect((await search(runtime, objectiveWorkJql(objective.id))).keys).toEqual(both);

    await ok(runtime, 'initiatives.unlink', { initiativeId: link.id }, 'priya');
    expect((await search(runtime, keyResultWorkJql(kr.id))).keys).toEqual(workOf(runtime, fx));
    expect((await search(runtime, objectiveWorkJql(objective.id))).keys).toEqual(workOf(runtime, fx));
    // One precomputation per call (function, field, operator, arguments): two, each rewritten in place.
    expect(runtime.site.precomputations.list(new Date())).toHaveLength(2);
  });

  it('keeps the searcher\'s permissions: one fragment for all, each sees only what they may browse', async () => {
    const { runtime, cycle } = await setup();
    const company = await anObjective(runtime, 'elena', { cycleId: cycle.id, title: 'Win the trust of enterprise buyers' });
    const kr = await aKeyResult(runtime, 'elena', company.id, { title: 'Pass 1 SOC 2 Type II audit' });
    const secret = epicKey(runtime, 'SOC 2 Type II audit readiness');
    await ok(runtime, 'initiatives.link', { keyResultId: kr.id, issueKey: secret }, 'elena');
    expect((await search(runtime, keyResultWorkJql(kr.id), 'elena')).keys).toEqual(workOf(runtime, secret));
    expect(await search(runtime, keyResultWorkJql(kr.id), 'priya')).toMatchObject({ status: 200, keys: [] });
  });

  it('lists the work on the local host\'s issue search page, where "See all work in Jira" lands', async () => {
    const host = await startTestHost();
    try {
      const { kr, fx } = await (async () => {
        const payments = await paymentsSetup(host.runtime);
        const created = await aKeyResult(host.runtime, 'priya', payments.objective.id, { title: 'Ship payouts in 3 currencies' });
        const epic = epicKey(host.runtime, 'Multi-currency payroll payouts');
        await ok(host.runtime, 'initiatives.link', { keyResultId: created.id, issueKey: epic }, 'priya');
        return { kr: created, fx: epic };
      })();
      const page = await fetch(`${host.url}/issues/?jql=${encodeURIComponent(keyResultWorkJql(kr.id))}&as=${PM_ID}`);
      const text = await page.text();
      expect(page.status).toBe(200);
      for (const key of workOf(host.runtime, fx)) expect(text).toContain(`data-issue-key="${key}"`);
      const bad = await fetch(`${host.url}/issues/?jql=${encodeURIComponent(keyResultWorkJql('nope'))}&as=${PM_ID}`);
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain('no key result with id');
    } finally {
      await host.close();
    }
  });
});
