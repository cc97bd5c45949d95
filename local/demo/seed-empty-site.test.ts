import type { Result } from '../../src/contract';
import { createLocalRuntime } from '../platform/local-runtime';
import type { LocalRuntime } from '../platform/local-runtime';
import { seedDemoSite } from './seed-jira';
import { EMPTY_SITE_PEOPLE, seedEmptySite } from './seed-empty-site';

/** `npm start -- --no-seed`: the Jira side of a company that has just installed Cadence, and no Cadence data. */
const invoke = async (runtime: LocalRuntime, functionKey: string, accountId: string): Promise<Result<unknown>> => {
  const outcome = await runtime.app.invokeResolver({ moduleKey: 'cadence-board', functionKey, payload: {}, accountId });
  if (!outcome.ok) throw new Error(`${functionKey}: ${outcome.error.code} ${outcome.error.message}`);
  return outcome.result as Result<unknown>;
};

describe('seedEmptySite', () => {
  let runtime: LocalRuntime;
  beforeEach(() => {
    runtime = createLocalRuntime();
  });
  afterEach(() => {
    runtime.close();
  });

  it('seeds one site admin, colleagues (one in Dutch), projects with epics and their work', async () => {
    const events: unknown[] = [];
    runtime.site.onEvent((e) => events.push(e));
    await expect(seedEmptySite(runtime)).resolves.toBe(true);

    const users = runtime.site.listUsers();
    expect(users.filter((u) => u.siteAdmin).map((u) => u.displayName)).toEqual(['Alex Morgan']);
    expect(users.filter((u) => !u.siteAdmin)).toHaveLength(3);
    expect(users.find((u) => u.accountId === EMPTY_SITE_PEOPLE.noor.accountId)?.locale).toBe('nl_NL');

    expect(runtime.site.listProjects().map((p) => [p.key, p.name, p.browse.kind])).toEqual([
      ['APP', 'Mobile app', 'everyone'],
      ['WEB', 'Website', 'everyone'],
    ]);
    const issues = runtime.site.listIssues();
    const epics = issues.filter((i) => i.issueType === 'Epic');
    expect(epics.map((e) => e.projectKey).sort()).toEqual(['APP', 'APP', 'WEB', 'WEB']);
    for (const epic of epics) expect(issues.filter((i) => i.parentKey === epic.key).length).toBeGreaterThanOrEqual(2);
    // History from before the installation: no product events for the app.
    expect(events).toEqual([]);
  });

  it('stores nothing of Cadence: no cycle, team, settings or objective', async () => {
    await seedEmptySite(runtime);
    expect(runtime.db.prepare('SELECT COUNT(*) AS n FROM kvs_items').get()).toEqual({ n: 0 });
    const admin = EMPTY_SITE_PEOPLE.alex.accountId;
    expect(await invoke(runtime, 'cycles.list', admin)).toEqual({ ok: true, data: { cycles: [] } });
    expect(await invoke(runtime, 'teams.list', admin)).toEqual({ ok: true, data: { teams: [] } });
  });

  it('is idempotent and leaves a site that already has people alone', async () => {
    await seedEmptySite(runtime);
    const before = runtime.site.listIssues();
    await expect(seedEmptySite(runtime)).resolves.toBe(false);
    expect(runtime.site.listIssues()).toEqual(before);

    const demo = createLocalRuntime();
    try {
      seedDemoSite(demo.site);
      await expect(seedEmptySite(demo)).resolves.toBe(false);
      expect(demo.site.listProjects().map((p) => p.key)).not.toContain('WEB');
    } finally {
      demo.close();
    }
  });
});
