import api, { route } from '@forge/api';
import type { TestSite } from './test-support';
import { actAs, createTestSite } from './test-support';

/** Scopes and points through the real @forge/api, as the app meets them on Forge. */

let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const someone = (site: TestSite['site']): string => site.listUsers()[0]?.accountId ?? 'none';

describe('scopes', () => {
  it("refuses a call the manifest's scopes do not cover, as Forge's gateway does", async () => {
    t = createTestSite({ grantedScopes: ['storage:app', 'read:jira-work'] });
    const response = await api.asApp().requestJira(route`/rest/api/3/user/bulk?accountId=${someone(t.site)}`);
    expect(response.status).toBe(401);
    expect(response.headers.get('x-failure-category')).toBe('FAILURE_CLIENT_SCOPE_CHECK');
    expect(await response.json()).toEqual({ code: 401, message: 'Unauthorized; scope does not match' });
    // The granted scope still works.
    expect((await api.asApp().requestJira(route`/rest/api/3/issue/${'PAY-4'}`)).status).toBe(200);
  });

  it('accepts the granular group in place of the classic scope, and permission checks need none', async () => {
    t = createTestSite({
      grantedScopes: ['read:application-role:jira', 'read:group:jira', 'read:user:jira', 'read:avatar:jira'],
    });
    expect((await api.asApp().requestJira(route`/rest/api/3/user/bulk?accountId=${someone(t.site)}`)).status).toBe(200);
    actAs(someone(t.site));
    const check = await api.asUser().requestJira(route`/rest/api/3/permissions/check`, {
      method: 'POST',
      body: JSON.stringify({ globalPermissions: ['ADMINISTER'] }),
      headers: { 'content-type': 'application/json' },
    });
    expect(check.status).toBe(200);
    expect((await api.asApp().requestJira(route`/rest/api/3/issue/${'PAY-4'}`)).status).toBe(401);
  });

  it("grants the repository manifest's scopes by default", async () => {
    t = createTestSite();
    expect((await api.asApp().requestJira(route`/rest/api/3/myself`)).status).toBe(200);
  });
});

describe('points', () => {
  it('charges 1 plus 1 per issue returned, and the hour runs out with a 429', async () => {
    t = createTestSite({ rateLimits: { pointsPerHour: 30 } });
    const search = () =>
      api.asApp().requestJira(route`/rest/api/3/search/jql`, {
        method: 'POST',
        body: JSON.stringify({ jql: 'project = PAY ORDER BY key', maxResults: 10, fields: ['key'] }),
        headers: { 'content-type': 'application/json' },
      });
    const first = await search();
    expect(first.status).toBe(200);
    expect(t.site.rateLimits.usage().pointsUsed).toBe(11);
    expect(first.headers.get('ratelimit-policy')).toBe('"global-app-quota";q=30;w=3600');
    expect(first.headers.get('x-ratelimit-limit')).toBe('100');
    await search();
    const third = await search();
    expect(third.headers.get('x-ratelimit-nearlimit')).toBe('true');
    const refused = await search();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('ratelimit-reason')).toBe('jira-quota-global-based');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(t.site.rateLimits.usage().pointsUsed).toBe(33);
  });

  it('charges 2 per user and per permission returned', async () => {
    t = createTestSite();
    const ids = t.site
      .listUsers()
      .slice(0, 3)
      .map((u) => u.accountId);
    await api.asApp().requestJira(route`/rest/api/3/user/bulk?accountId=${ids[0] ?? ''}&accountId=${ids[1] ?? ''}`);
    expect(t.site.rateLimits.usage().pointsUsed).toBe(1 + 2 * 2);
    await api.asApp().requestJira(route`/rest/api/3/myself`);
    expect(t.site.rateLimits.usage().pointsUsed).toBe(5 + 3);
  });
});
