import { route } from '@forge/api';
import { z } from 'zod';
import { DEMO_USERS } from '../../../demo/demo-users';
import { getJson } from '../test-requests';
import type { TestSite } from '../test-support';
import { actAs, createTestSite } from '../test-support';
import { groupIdOf } from './groups';

let t: TestSite;
beforeEach(() => {
  t = createTestSite();
});
afterEach(() => {
  t.close();
});

const found = z.strictObject({
  header: z.string(),
  total: z.number(),
  groups: z.array(z.strictObject({ name: z.string(), html: z.string(), groupId: z.string(), labels: z.array(z.unknown()) })),
});
const pick = async (query: string, as: 'user' | 'app' = 'user') => {
  const { status, body } = await getJson(route`/rest/api/3/groups/picker?query=${query}&maxResults=20`, as);
  expect(status).toBe(200);
  return found.parse(body);
};

describe('GET /rest/api/3/groups/picker', () => {
  it('finds groups whose names contain the query, sorted, with the picker header and highlighted html', async () => {
    actAs(DEMO_USERS.elena.accountId);
    const answer = await pick('team');
    expect(answer.groups.map((g) => g.name)).toEqual(['onboarding-team', 'payments-team', 'platform-team', 'security-team']);
    expect(answer).toMatchObject({ header: 'Showing 4 of 4 matching groups', total: 4 });
    expect(answer.groups[1]).toEqual({
      name: 'payments-team',
      html: 'payments-<strong>team</strong>',
      groupId: groupIdOf('payments-team'),
      labels: [],
    });
  });

  it('is case-sensitive unless asked, and caps the list at maxResults', async () => {
    actAs(DEMO_USERS.elena.accountId);
    expect((await pick('TEAM')).total).toBe(0);
    const { status, body } = await getJson(route`/rest/api/3/groups/picker?query=TEAM&caseInsensitive=true&maxResults=2`, 'user');
    expect(status).toBe(200);
    expect(found.parse(body)).toMatchObject({ header: 'Showing 2 of 4 matching groups', total: 4 });
  });

  it('leaves out excluded groups, and refuses exclude with excludeId', async () => {
    actAs(DEMO_USERS.elena.accountId);
    const byName = await getJson(route`/rest/api/3/groups/picker?query=team&exclude=payments-team`, 'user');
    expect(found.parse(byName.body).groups.map((g) => g.name)).not.toContain('payments-team');
    const byId = await getJson(route`/rest/api/3/groups/picker?query=team&excludeId=${groupIdOf('security-team')}`, 'user');
    expect(found.parse(byId.body).groups.map((g) => g.name)).not.toContain('security-team');
    const both = await getJson(route`/rest/api/3/groups/picker?query=team&exclude=a&excludeId=b`, 'user');
    expect(both.status).toBe(400);
  });

  it('finds only an exact name for a user without Browse users and groups (not a site admin)', async () => {
    actAs(DEMO_USERS.priya.accountId);
    expect((await pick('team')).groups).toEqual([]);
    expect((await pick('payments-team')).groups.map((g) => g.name)).toEqual(['payments-team']);
  });

  it('answers the app every group (read:jira-user)', async () => {
    expect((await pick('team', 'app')).total).toBe(4);
  });
});

describe('GET /rest/api/3/myself?expand=groups', () => {
  it('lists the groups with their ids only when expanded', async () => {
    actAs(DEMO_USERS.elena.accountId);
    const plain = z.looseObject({ groups: z.object({ size: z.number(), items: z.array(z.unknown()) }) });
    expect(plain.parse((await getJson(route`/rest/api/3/myself`, 'user')).body).groups).toEqual({ size: 3, items: [] });
    const expanded = await getJson(route`/rest/api/3/myself?expand=groups`, 'user');
    expect(plain.parse(expanded.body).groups.items).toContainEqual({
      name: 'security-team',
      groupId: groupIdOf('security-team'),
      self: `https://acme-cloud.atlassian.net/rest/api/3/group?groupId=${groupIdOf('security-team')}`,
    });
  });
});
