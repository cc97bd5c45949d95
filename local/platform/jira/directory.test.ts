import { route } from '@forge/api';
import { z } from 'zod';
import { DEMO_USERS } from '../../demo/demo-users';
import { DEFAULT_APP_ACCOUNT } from './site';
import { getJson, postJson } from './test-requests';
import type { TestSite } from './test-support';
import { actAs, createTestSite } from './test-support';

let t: TestSite;
beforeEach(() => {
  t = createTestSite();
});
afterEach(() => {
  t.close();
});

const user = z.looseObject({
  accountId: z.string(),
  displayName: z.string(),
  emailAddress: z.string(),
  active: z.boolean(),
  accountType: z.string(),
});
const pageBean = <T extends z.ZodType>(value: T) =>
  z.looseObject({
    values: z.array(value),
    isLast: z.boolean(),
    startAt: z.number(),
    maxResults: z.number(),
    total: z.number(),
  });
const project = z.looseObject({ id: z.string(), key: z.string(), name: z.string(), isPrivate: z.boolean() });

describe('GET /rest/api/3/myself', () => {
  it('returns the acting user with groups', async () => {
    actAs(DEMO_USERS.elena.accountId);
    const { status, body } = await getJson(route`/rest/api/3/myself?expand=groups`, 'user');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      accountId: DEMO_USERS.elena.accountId,
      displayName: 'Elena Petrova',
      accountType: 'atlassian',
      timeZone: 'Europe/Berlin',
      groups: { size: 3 },
    });
    expect(JSON.stringify(body)).toContain('{"name":"site-admins","groupId":');
  });

  it('returns the app’s own account for asApp', async () => {
    const { status, body } = await getJson(route`/rest/api/3/myself`, 'app');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      accountId: DEFAULT_APP_ACCOUNT.accountId,
      accountType: 'app',
      displayName: 'Cadence',
    });
  });
});

describe('GET /rest/api/3/user/search', () => {
  it('matches display names and emails by substring, case-insensitively', async () => {
    const names = async (query: string): Promise<string[]> =>
      z
        .array(user)
        .parse((await getJson(route`/rest/api/3/user/search?query=${query}`)).body)
        .map((u) => u.displayName);
    expect(await names('chen')).toEqual(['Marcus Chen']);
    expect(await names('MÜLLER')).toEqual(['Hannah Müller']);
    expect(await names('hannah.mueller@')).toEqual(['Hannah Müller']);
    expect(await names('acme-cloud')).toHaveLength(9);
    expect(await names('zzz')).toEqual([]);
  });

  it('requires a query or an accountId', async () => {
    expect((await getJson(route`/rest/api/3/user/search`)).status).toBe(400);
    const byId = await getJson(route`/rest/api/3/user/search?accountId=${DEMO_USERS.grace.accountId}`);
    expect(
      z
        .array(user)
        .parse(byId.body)
        .map((u) => u.displayName),
    ).toEqual(['Grace Liu']);
  });
});

describe('GET /rest/api/3/user/bulk', () => {
  it('returns a PageBean of the known accounts, in request order', async () => {
    const { status, body } = await getJson(
      route`/rest/api/3/user/bulk?accountId=${DEMO_USERS.kenji.accountId}&accountId=${'unknown'}&accountId=${DEMO_USERS.priya.accountId}`,
    );
    expect(status).toBe(200);
    const page = pageBean(user).parse(body);
    expect(page.values.map((u) => u.displayName)).toEqual(['Kenji Watanabe', 'Priya Raman']);
    expect(page).toMatchObject({ isLast: true, startAt: 0, maxResults: 10, total: 2 });
  });

  it('pages with startAt and maxResults, and needs an accountId', async () => {
    const { body } = await getJson(
      route`/rest/api/3/user/bulk?accountId=${DEMO_USERS.kenji.accountId}&accountId=${DEMO_USERS.priya.accountId}&maxResults=${1}&startAt=${1}`,
    );
    expect(pageBean(user).parse(body)).toMatchObject({
      isLast: true,
      total: 2,
      values: [expect.objectContaining({ displayName: 'Priya Raman' })],
    });
    expect((await getJson(route`/rest/api/3/user/bulk`)).status).toBe(400);
  });
});

describe('GET /rest/api/3/project/search', () => {
  const keys = async (path: ReturnType<typeof route>, as: 'user' | 'app' = 'user') =>
    pageBean(project).parse((await getJson(path, as)).body);

  it('lists only the projects the user may browse', async () => {
    actAs(DEMO_USERS.priya.accountId);
    const page = await keys(route`/rest/api/3/project/search`);
    expect(page.values.map((p) => p.key)).toEqual(['ONB', 'PAY', 'PLAT']);
    expect(page).toMatchObject({ total: 3, isLast: true, startAt: 0, maxResults: 50 });
    actAs(DEMO_USERS.grace.accountId);
    expect((await keys(route`/rest/api/3/project/search`)).values.map((p) => [p.key, p.isPrivate])).toEqual([
      ['ONB', false],
      ['PAY', false],
      ['PLAT', false],
      ['SEC', true],
    ]);
    expect((await keys(route`/rest/api/3/project/search`, 'app')).total).toBe(4);
  });

  it('filters by keys and query, orders and pages', async () => {
    actAs(DEMO_USERS.grace.accountId);
    expect(
      (await keys(route`/rest/api/3/project/search?keys=${'PAY'}&keys=${'SEC'}`)).values.map((p) => p.key),
    ).toEqual(['PAY', 'SEC']);
    expect((await keys(route`/rest/api/3/project/search?query=${'form'}`)).values.map((p) => p.name)).toEqual([
      'Platform',
    ]);
    expect((await keys(route`/rest/api/3/project/search?orderBy=${'-name'}`)).values.map((p) => p.name)).toEqual([
      'Security',
      'Platform',
      'Payments',
      'Onboarding',
    ]);
    const first = await keys(route`/rest/api/3/project/search?maxResults=${3}`);
    expect(first).toMatchObject({ isLast: false, total: 4 });
    expect(first.nextPage).toMatch(/startAt=3/);
    expect(
      (await keys(route`/rest/api/3/project/search?maxResults=${3}&startAt=${3}`)).values.map((p) => p.key),
    ).toEqual(['SEC']);
  });
});

describe('endpoints the site does not emulate', () => {
  it('fail loudly, naming the method and path', async () => {
    await expect(getJson(route`/rest/api/3/issue/${'PAY-1'}/changelog`)).rejects.toThrow(
      'GET /rest/api/3/issue/PAY-1/changelog is not supported by the local Jira site',
    );
    await expect(postJson(route`/rest/api/3/issue`, { fields: {} })).rejects.toThrow(
      'POST /rest/api/3/issue is not supported by the local Jira site',
    );
    await expect(getJson(route`/rest/api/2/search?jql=${'project = PAY'}`)).rejects.toThrow(
      'GET /rest/api/2/search is not supported',
    );
  });
});
