import type { LocalRuntime } from '../../local/platform/local-runtime';
import type { DemoHandle } from '../support/cadence-client';
import { accountOf, epicKey, fails, newRuntime, ok } from '../support/cadence-client';
import { aKeyResult, anActiveCycle, anObjective } from '../support/scenario';
import { moveAppClock } from '../support/app-clock';
import { EPIC_LIST_FRESH_MS } from '../../src/usecases/get-coverage';

/**
 * coverage.get through the real resolver on the local runtime: the demo site's in-progress epics are
 * PAY-1, PAY-12 (Payments), PLAT-1, PLAT-8 (Platform), SEC-1 (Security, which only grace, kenji and
 * elena may browse) and three in Onboarding.
 */

const aTeamWith = (runtime: LocalRuntime, name: string, jiraProjectKeys: string[], members: DemoHandle[] = []) =>
  ok(runtime, 'teams.create', { name, memberAccountIds: members.map(accountOf), jiraProjectKeys }, 'elena');

const setup = async () => {
  const runtime = newRuntime();
  const cycle = await anActiveCycle(runtime);
  const payments = await aTeamWith(runtime, 'Payments', ['PAY'], ['priya', 'daniel']);
  const platform = await aTeamWith(runtime, 'Platform', ['PLAT', 'SEC']);
  const objective = await anObjective(runtime, 'priya', { cycleId: cycle.id, level: 'team', teamId: payments.id, title: 'Make payroll payouts boringly reliable' });
  const kr = await aKeyResult(runtime, 'priya', objective.id, { title: 'Grow multi-currency payroll customers from 10 to 40', metric: { kind: 'number', start: 10, target: 40 } });
  return { runtime, cycle, payments, platform, objective, kr };
};

describe('coverage.get', () => {
  it('counts only the epics the viewer may browse: a restricted project is in no figure and no list for someone outside it', async () => {
    const { runtime, cycle, platform } = await setup();
    const secret = epicKey(runtime, 'SOC 2 Type II audit readiness');

    const outside = await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: platform.id }, 'priya');
    expect(outside.teams).toEqual([
      { teamId: platform.id, name: 'Platform', projectKeys: ['PLAT', 'SEC'], inProgress: 2, covered: 0, ratio: 0 },
    ]);
    expect(outside.uncovered.map((e) => e.issueKey).sort()).toEqual([epicKey(runtime, 'EU data residency'), epicKey(runtime, 'Workspace health score')].sort());
    expect(JSON.stringify(outside)).not.toContain(secret);
    expect(JSON.stringify(outside)).not.toContain('SOC 2');

    const inside = await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: platform.id }, 'grace');
    expect(inside.total).toEqual({ inProgress: 3, covered: 0, ratio: 0 });
    expect(inside.uncovered).toContainEqual({
      issueId: runtime.site.getIssue(secret)?.id,
      issueKey: secret,
      summary: 'SOC 2 Type II audit readiness',
      projectKey: 'SEC',
      statusName: 'In Progress',
      teamId: platform.id,
    });
  });

  it('rises when an uncovered epic is linked to a KR of the cycle, and falls again when that KR is archived', async () => {
    const { runtime, cycle, payments, kr } = await setup();
    const payouts = epicKey(runtime, 'Multi-currency payroll payouts');
    const before = await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: payments.id }, 'daniel');
    expect(before.total).toEqual({ inProgress: 2, covered: 0, ratio: 0 });
    expect(before.uncovered.map((e) => e.issueKey)).toContain(payouts);

    await ok(runtime, 'initiatives.link', { keyResultId: kr.id, issueKey: payouts }, 'priya');
    const after = await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: payments.id }, 'daniel');
    expect(after.total).toEqual({ inProgress: 2, covered: 1, ratio: 0.5 });
    expect(after.uncovered.map((e) => e.issueKey)).not.toContain(payouts);
    expect(after.uncoveredCount).toBe(1);

    await ok(runtime, 'keyResults.archive', { id: kr.id }, 'priya');
    expect((await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: payments.id }, 'daniel')).total.covered).toBe(0);
  });

  it('counts a link only in its own cycle, and not when its objective is archived', async () => {
    const { runtime, cycle, payments, objective, kr } = await setup();
    await ok(runtime, 'initiatives.link', { keyResultId: kr.id, issueKey: epicKey(runtime, 'Multi-currency payroll payouts') }, 'priya');
    const next = await ok(runtime, 'cycles.create', { name: 'Next', startDate: '2031-01-01', endDate: '2031-03-31' }, 'elena');
    expect((await ok(runtime, 'coverage.get', { cycleId: next.id, teamId: payments.id }, 'priya')).total.covered).toBe(0);
    expect((await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: payments.id }, 'priya')).total.covered).toBe(1);
    await ok(runtime, 'objectives.archive', { id: objective.id }, 'priya');
    expect((await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: payments.id }, 'priya')).total.covered).toBe(0);
  });

  it('over the whole cycle: every team with projects, in name order, an epic in two teams\' projects counted once in the total', async () => {
    const { runtime, cycle, payments, platform } = await setup();
    const security = await aTeamWith(runtime, 'Security', ['SEC']);
    await aTeamWith(runtime, 'Design', []);
    const whole = await ok(runtime, 'coverage.get', { cycleId: cycle.id, limit: 2 }, 'grace');
    expect(whole.teams.map((t) => [t.name, t.inProgress])).toEqual([
      ['Payments', 2],
      ['Platform', 3],
      ['Security', 1],
    ]);
    expect(whole.total).toEqual({ inProgress: 5, covered: 0, ratio: 0 });
    expect(whole.uncoveredCount).toBe(5);
    expect(whole.uncovered.map((e) => e.teamId)).toEqual([payments.id, payments.id]);
    // SEC-1 is listed once, under the first team by name whose projects hold it.
    const all = await ok(runtime, 'coverage.get', { cycleId: cycle.id }, 'grace');
    expect(all.uncovered.filter((e) => e.projectKey === 'SEC').map((e) => e.teamId)).toEqual([platform.id]);
    expect(all.uncovered.map((e) => e.teamId)).not.toContain(security.id);
  });

  it('refuses an unknown cycle or team with NOT_FOUND in words, and asks Jira nothing for them', async () => {
    const { runtime, cycle } = await setup();
    expect(await fails(runtime, 'coverage.get', { cycleId: 'nope' }, 'priya')).toMatchObject({ code: 'NOT_FOUND', field: 'cycleId' });
    expect(runtime.log.last()?.summary.jiraCalls).toBe(0);
    const team = await fails(runtime, 'coverage.get', { cycleId: cycle.id, teamId: 'nope' }, 'priya');
    expect(team).toMatchObject({ code: 'NOT_FOUND', field: 'teamId', message: expect.stringContaining('team') as unknown });
    expect(runtime.log.last()?.summary.jiraCalls).toBe(0);
  });

  it('reads only the link documents of the epics found and the rows of the objectives they name: more objectives elsewhere cost nothing', async () => {
    const { runtime, cycle, payments, kr } = await setup();
    await ok(runtime, 'initiatives.link', { keyResultId: kr.id, issueKey: epicKey(runtime, 'Multi-currency payroll payouts') }, 'priya');
    const cost = async () => {
      await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: payments.id }, 'priya');
      const s = runtime.log.last()?.summary;
      return { storageCalls: s?.storageCalls, readUnits: s?.readUnits, jiraCalls: s?.jiraCalls, jiraPoints: s?.jiraPoints };
    };
    // One project search and one page of search results (1 point a call plus 1 an object).
    expect(await cost()).toMatchObject({ jiraCalls: 2, jiraPoints: 2 + 1 + 2 });
    // Then the epics come from the cache: the project search only.
    const small = await cost();
    expect(small).toMatchObject({ jiraCalls: 1, jiraPoints: 2 });
    for (let i = 0; i < 10; i++) {
      const o = await anObjective(runtime, 'elena', { cycleId: cycle.id, title: `Get customer cohort ${String(i)} live within a week` });
      await aKeyResult(runtime, 'elena', o.id, { title: `Cut cohort ${String(i)} onboarding from 30 to 7 days`, metric: { kind: 'number', start: 30, target: 7 } });
    }
    expect(await cost()).toEqual(small);
  });
});

describe('coverage.get keeps Jira\'s epic list a few minutes', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  /** The Jira calls of the last invocation: how many, their points, and whether one was the epic search. */
  const jiraOf = (runtime: LocalRuntime) => {
    const entry = runtime.log.last();
    const calls = entry?.calls.filter((c) => c.kind === 'jira') ?? [];
    return {
      calls: calls.length,
      points: entry?.summary.jiraPoints,
      searched: calls.some((c) => c.operation.includes('/search/jql')),
    };
  };

  it('a second call within five minutes makes no Jira search, only the viewer\'s project check; after five minutes it searches again', async () => {
    const { runtime, cycle, platform } = await setup();
    const first = await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: platform.id }, 'grace');
    expect(jiraOf(runtime)).toEqual({ calls: 2, points: 1 + 2 + 1 + 3, searched: true });

    moveAppClock(EPIC_LIST_FRESH_MS - 1_000);
    const warm = await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: platform.id }, 'kenji');
    expect(jiraOf(runtime)).toEqual({ calls: 1, points: 1 + 2, searched: false });
    expect({ ...warm, generatedAt: first.generatedAt }).toEqual(first);

    moveAppClock(2_000);
    await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: platform.id }, 'grace');
    expect(jiraOf(runtime)).toEqual({ calls: 2, points: 1 + 2 + 1 + 3, searched: true });
  });

  it('never hands a viewer epics cached for someone who may browse more projects, nor the other way round', async () => {
    const { runtime, cycle, platform } = await setup();
    const secret = 'SOC 2 Type II audit readiness';

    await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: platform.id }, 'grace');
    const outside = await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: platform.id }, 'priya');
    // priya may browse PLAT only: another project set, so her own search, and nothing of SEC.
    expect(jiraOf(runtime)).toMatchObject({ calls: 2, searched: true });
    expect(outside.total.inProgress).toBe(2);
    expect(JSON.stringify(outside)).not.toContain(secret);

    // Her list (PLAT only) is cached now; grace's set is PLAT and SEC, so she still sees SEC-1.
    const inside = await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: platform.id }, 'kenji');
    expect(jiraOf(runtime)).toMatchObject({ calls: 1, searched: false });
    expect(inside.total.inProgress).toBe(3);
    expect(JSON.stringify(inside)).toContain(secret);

    // And priya again: her own set's list, from the cache, still without SEC.
    const again = await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: platform.id }, 'priya');
    expect(jiraOf(runtime)).toMatchObject({ calls: 1, searched: false });
    expect(JSON.stringify(again)).not.toContain(secret);
  });

  it('linking an epic raises the figure at once while the list comes from the cache', async () => {
    const { runtime, cycle, payments, kr } = await setup();
    expect((await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: payments.id }, 'daniel')).total.covered).toBe(0);
    await ok(runtime, 'initiatives.link', { keyResultId: kr.id, issueKey: epicKey(runtime, 'Multi-currency payroll payouts') }, 'priya');
    const after = await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: payments.id }, 'daniel');
    expect(jiraOf(runtime)).toMatchObject({ calls: 1, searched: false });
    expect(after.total).toEqual({ inProgress: 2, covered: 1, ratio: 0.5 });
  });

  it('a cache that cannot be read or written costs only the saving: the view answers from Jira', async () => {
    const { runtime, cycle, payments } = await setup();
    const expected = await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: payments.id }, 'daniel');

    // A damaged cached value is a miss (and is written over).
    const cacheKeys = () => runtime.db.prepare("SELECT key FROM kvs_items WHERE key LIKE 'coverage-epics:%'").all() as { key: string }[];
    const [head] = cacheKeys();
    if (head === undefined) throw new Error('nothing cached');
    runtime.kvs.handle('set', { key: head.key, value: { schemaVersion: 1, epics: 'not a list' } });
    expect({ ...(await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: payments.id }, 'daniel')), generatedAt: expected.generatedAt }).toEqual(expected);
    expect(jiraOf(runtime)).toMatchObject({ searched: true });

    // Storage refusing every call on the cache's keys: still the same answer, asked of Jira each time.
    const handle = runtime.kvs.handle.bind(runtime.kvs);
    runtime.kvs.handle = (operation, body) =>
      JSON.stringify(body).includes('coverage-epics:')
        ? { status: 503, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 'SERVICE_UNAVAILABLE', message: 'down (test)' }) }
        : handle(operation, body);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      runtime.kvs.handle('delete', { key: head.key });
      for (let i = 0; i < 2; i++) {
        const answer = await ok(runtime, 'coverage.get', { cycleId: cycle.id, teamId: payments.id }, 'daniel');
        expect({ ...answer, generatedAt: expected.generatedAt }).toEqual(expected);
        expect(jiraOf(runtime)).toMatchObject({ searched: true });
      }
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('not cached'), expect.anything());
    } finally {
      warn.mockRestore();
      runtime.kvs.handle = handle;
    }
  });
});
