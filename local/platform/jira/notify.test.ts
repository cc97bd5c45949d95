import api, { route } from '@forge/api';
import { DEMO_USERS } from '../../demo';
import { DEFAULT_APP_ACCOUNT } from './site';
import type { TestSite } from './test-support';
import { actAs, createTestSite, errorBody } from './test-support';
import { postJson } from './test-requests';

/** POST /rest/api/3/issue/{issueIdOrKey}/notify through the real @forge/api, as the app meets it on Forge. */

let t: TestSite | undefined;
afterEach(() => {
  t?.close();
  t = undefined;
});

const site = (): TestSite['site'] => {
  t ??= createTestSite();
  return t.site;
};

const to = (...accountIds: string[]) => ({
  reporter: false,
  assignee: false,
  watchers: false,
  voters: false,
  users: accountIds.map((accountId) => ({ accountId })),
});
const secEpic = (): string => {
  const epic = site()
    .listIssues()
    .find((i) => i.projectKey === 'SEC' && i.issueType === 'Epic');
  if (epic === undefined) throw new Error('the demo has a Security epic');
  return epic.key;
};
const notify = (issue: string, body: unknown, as: 'app' | 'user' = 'app') =>
  postJson(route`/rest/api/3/issue/${issue}/notify`, body, as);
const message = (body: unknown): string => errorBody.parse(body).errorMessages.join(' ');

describe('issue notify', () => {
  it('queues the email (204, no body) and records it for the admin page, newest first', async () => {
    site();
    const first = await notify('PAY-1', {
      subject: 'Check in',
      textBody: 'Please',
      htmlBody: '<p>Please</p>',
      to: to(DEMO_USERS.daniel.accountId),
    });
    expect(first).toEqual({ status: 204, body: undefined });
    await notify('PAY-1', { textBody: 'Again', to: to(DEMO_USERS.priya.accountId) });
    const [latest, earlier] = site().listNotifications();
    expect(earlier).toMatchObject({
      issueKey: 'PAY-1',
      sentBy: DEFAULT_APP_ACCOUNT.accountId,
      subject: 'Check in',
      textBody: 'Please',
      htmlBody: '<p>Please</p>',
      recipients: [DEMO_USERS.daniel.accountId],
      withheld: [],
      sentAt: '2026-03-02T10:00:00.000Z',
    });
    // Without a subject Jira uses the issue key and summary.
    expect(latest?.subject).toMatch(/^PAY-1: /);
  });

  it('leaves out people who may not browse the issue, and those `restrict` excludes', async () => {
    const sec = secEpic();
    const people = [DEMO_USERS.grace.accountId, DEMO_USERS.priya.accountId];
    expect((await notify(sec, { textBody: 'x', to: to(...people) })).status).toBe(204);
    expect(site().listNotifications()[0]).toMatchObject({
      recipients: [DEMO_USERS.grace.accountId],
      withheld: [DEMO_USERS.priya.accountId],
    });
    await notify('PAY-1', {
      textBody: 'x',
      to: to(...people),
      restrict: { groups: [{ name: 'security-team' }], permissions: [{ key: 'BROWSE_PROJECTS' }] },
    });
    expect(site().listNotifications()[0]).toMatchObject({
      recipients: [DEMO_USERS.grace.accountId],
      withheld: [DEMO_USERS.priya.accountId],
    });
  });

  it('sends to the reporter, the assignee and group members when asked', async () => {
    const issue = site().createIssue({
      project: 'PAY',
      issueType: 'Story',
      summary: 'Notify me',
      reporter: DEMO_USERS.priya.accountId,
      assignee: DEMO_USERS.daniel.accountId,
    });
    expect((await notify(issue.key, { textBody: 'x', to: { reporter: true, assignee: true } })).status).toBe(204);
    expect(site().listNotifications()[0]?.recipients.sort()).toEqual(
      [DEMO_USERS.daniel.accountId, DEMO_USERS.priya.accountId].sort(),
    );
    expect((await notify(issue.key, { textBody: 'x', to: { groups: [{ name: 'security-team' }] } })).status).toBe(204);
    const members = site()
      .listUsers()
      .filter((u) => u.groups.includes('security-team'))
      .map((u) => u.accountId);
    expect(site().listNotifications()[0]?.recipients.sort()).toEqual(members.sort());
    expect(members).toContain(DEMO_USERS.grace.accountId);
  });

  it('answers 400 with no recipient, a bad recipient, the caller itself or an unassigned issue, as Jira documents', async () => {
    site();
    const noOne = await notify('PAY-1', { textBody: 'x' });
    expect(noOne.status).toBe(400);
    expect(message(noOne.body)).toBe('No recipients were defined for notification.');
    expect((await notify('PAY-1', { textBody: 'x', to: to() })).status).toBe(400);
    expect(message((await notify('PAY-1', { to: to('nobody-here') })).body)).toMatch(/recipient is invalid/);
    expect(message((await notify('PAY-1', { to: to(DEFAULT_APP_ACCOUNT.accountId) })).body)).toMatch(
      /recipient is invalid/,
    );
    const unassigned = site().createIssue({ project: 'PAY', issueType: 'Story', summary: 'Nobody on it' });
    expect(message((await notify(unassigned.key, { to: { assignee: true } })).body)).toMatch(/unassigned/);
    actAs(DEMO_USERS.priya.accountId);
    expect(message((await notify('PAY-1', { to: to(DEMO_USERS.priya.accountId) }, 'user')).body)).toBe(
      'The recipient is the same as the calling user.',
    );
    // NotificationRecipientsRestrictions takes no other properties.
    expect((await notify('PAY-1', { to: to(DEMO_USERS.daniel.accountId), restrict: { users: [] } })).status).toBe(400);
    expect(site().listNotifications()).toEqual([]);
  });

  it('answers 404 for an issue that does not exist or the caller may not browse', async () => {
    const sec = secEpic();
    expect((await notify('PAY-99999', { to: to(DEMO_USERS.daniel.accountId) })).status).toBe(404);
    actAs(DEMO_USERS.priya.accountId);
    expect((await notify(sec, { to: to(DEMO_USERS.grace.accountId) }, 'user')).status).toBe(404);
  });

  it('fails loudly for watchers and voters, which the local site does not model', async () => {
    site();
    await expect(notify('PAY-1', { to: { watchers: true } })).rejects.toThrow(/no watchers or votes/);
  });

  it('needs send:notification:jira or the classic write:jira-work, and costs one point', async () => {
    t = createTestSite({ grantedScopes: ['read:jira-work'] });
    const refused = await api.asApp().requestJira(route`/rest/api/3/issue/${'PAY-1'}/notify`, {
      method: 'POST',
      body: JSON.stringify({ to: to(DEMO_USERS.daniel.accountId) }),
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('x-failure-category')).toBe('FAILURE_CLIENT_SCOPE_CHECK');
    t.close();
    for (const scopes of [['send:notification:jira'], ['write:jira-work']]) {
      t = createTestSite({ grantedScopes: scopes });
      const before = t.site.rateLimits.usage().pointsUsed;
      expect((await notify('PAY-1', { to: to(DEMO_USERS.daniel.accountId) })).status).toBe(204);
      expect(t.site.rateLimits.usage().pointsUsed - before).toBe(1);
      t.close();
      t = undefined;
    }
  });

  it('tells the site address through serverInfo, with no scope', async () => {
    t = createTestSite({ grantedScopes: [] });
    const info = await api.asApp().requestJira(route`/rest/api/3/serverInfo`);
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ baseUrl: 'https://acme-cloud.atlassian.net', deploymentType: 'Cloud' });
  });
});
