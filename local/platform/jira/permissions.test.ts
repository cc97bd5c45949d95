import { route } from '@forge/api';
import { z } from 'zod';
import { DEMO_USERS } from '../../demo/demo-users';
import { getJson, jqlKeys, postJson, postSearch } from './test-requests';
import type { TestSite } from './test-support';
import { actAs, createTestSite, errorBody, issueBean, searchPage } from './test-support';

/** SEC (Security) is restricted to Grace, Kenji and Elena; Priya works in Payments. */
let t: TestSite;
beforeEach(() => {
  t = createTestSite();
});
afterEach(() => {
  t.close();
});

const NOT_FOUND = 'Issue does not exist or you do not have permission to see it.';
const idOf = (key: string): string => t.site.getIssue(key)?.id ?? 'missing';
const projectId = (key: string): number => Number(t.site.listProjects().find((p) => p.key === key)?.id);

describe('the browse permission model', () => {
  it('hides a restricted project’s issue from outsiders with the same 404 as a missing one', async () => {
    actAs(DEMO_USERS.priya.accountId);
    const hidden = await getJson(route`/rest/api/3/issue/${'SEC-2'}`, 'user');
    const missing = await getJson(route`/rest/api/3/issue/${'SEC-999'}`, 'user');
    expect(hidden).toEqual(missing);
    expect(hidden.status).toBe(404);
    expect(errorBody.parse(hidden.body).errorMessages).toEqual([NOT_FOUND]);
    expect((await getJson(route`/rest/api/3/issue/${idOf('SEC-2')}`, 'user')).status).toBe(404);
  });

  it('shows the restricted project to its members and to the app', async () => {
    actAs(DEMO_USERS.kenji.accountId);
    expect(issueBean.parse((await getJson(route`/rest/api/3/issue/${'SEC-2'}`, 'user')).body).key).toBe('SEC-2');
    expect(issueBean.parse((await getJson(route`/rest/api/3/issue/${'SEC-2'}`, 'app')).body).key).toBe('SEC-2');
  });

  it('leaves restricted issues out of search, picker and bulkfetch for outsiders', async () => {
    actAs(DEMO_USERS.priya.accountId);
    const all = await jqlKeys('ORDER BY key', 'user');
    expect(all.some((k) => k.startsWith('SEC-'))).toBe(false);
    expect(all).toHaveLength(t.site.listIssues().filter((i) => i.projectKey !== 'SEC').length);
    expect((await jqlKeys('ORDER BY key', 'app')).filter((k) => k.startsWith('SEC-'))).toHaveLength(9);

    // Naming the hidden project or issue is an error, exactly as for one that does not exist.
    const byProject = await postSearch({ jql: 'project = SEC' }, 'user');
    expect(errorBody.parse(byProject.body).errorMessages).toEqual([
      "The value 'SEC' does not exist for the field 'project'.",
    ]);
    const byKey = await postSearch({ jql: 'key = SEC-2' }, 'user');
    expect(errorBody.parse(byKey.body).errorMessages).toEqual([
      "An issue with key 'SEC-2' does not exist for field 'key'.",
    ]);
    expect(searchPage.parse((await postSearch({ jql: `id = ${idOf('SEC-2')}` }, 'user')).body).issues).toEqual([]);

    const picker = await getJson(route`/rest/api/3/issue/picker?query=${'audit'}`, 'user');
    expect(JSON.stringify(picker.body)).not.toContain('SEC-');
    const appPicker = await getJson(route`/rest/api/3/issue/picker?query=${'audit'}`, 'app');
    expect(JSON.stringify(appPicker.body)).toContain('SEC-1');

    const bulk = await postJson(route`/rest/api/3/issue/bulkfetch`, { issueIdsOrKeys: ['SEC-1', 'PAY-1'] }, 'user');
    expect(
      z
        .object({ issues: z.array(issueBean) })
        .parse(bulk.body)
        .issues.map((i) => i.key),
    ).toEqual(['PAY-1']);
  });

  it('answers 401 for an unknown or deactivated user', async () => {
    actAs('000000000000000000000000');
    expect((await getJson(route`/rest/api/3/myself`, 'user')).status).toBe(401);
    t.site.createUser({
      accountId: 'aaaaaaaaaaaaaaaaaaaaaaaa',
      displayName: 'Former Employee',
      email: 'former@acme-cloud.example',
      active: false,
    });
    actAs('aaaaaaaaaaaaaaaaaaaaaaaa');
    expect((await postSearch({ jql: 'project = PAY' }, 'user')).status).toBe(401);
  });

  it('lets group members browse a project restricted to their group', async () => {
    t.site.createProject({ key: 'FIN', name: 'Finance', browse: { groups: ['payments-team'] } });
    t.site.createIssue({ project: 'FIN', issueType: 'Task', summary: 'Close the books for January' });
    actAs(DEMO_USERS.daniel.accountId);
    expect(await jqlKeys('project = FIN', 'user')).toEqual(['FIN-1']);
    actAs(DEMO_USERS.hannah.accountId);
    expect((await postSearch({ jql: 'project = FIN' }, 'user')).status).toBe(400);
  });
});

const checkResult = z.strictObject({
  globalPermissions: z.array(z.string()),
  projectPermissions: z.array(
    z.strictObject({ permission: z.string(), projects: z.array(z.number()), issues: z.array(z.number()) }),
  ),
});

describe('POST /rest/api/3/permissions/check', () => {
  const check = async (body: unknown, as: 'user' | 'app' = 'user') => {
    const { status, body: result } = await postJson(route`/rest/api/3/permissions/check`, body, as);
    expect(status).toBe(200);
    return checkResult.parse(result);
  };
  const browse = (projects: string[], issues: string[]) => ({
    projectPermissions: [
      {
        permissions: ['BROWSE_PROJECTS'],
        projects: projects.map(projectId),
        issues: issues.map((k) => Number(idOf(k))),
      },
    ],
  });

  it('grants BROWSE_PROJECTS only where the user may browse', async () => {
    actAs(DEMO_USERS.priya.accountId);
    expect(await check(browse(['PAY', 'SEC'], ['PAY-1', 'SEC-1']))).toEqual({
      globalPermissions: [],
      projectPermissions: [
        { permission: 'BROWSE_PROJECTS', projects: [projectId('PAY')], issues: [Number(idOf('PAY-1'))] },
      ],
    });
    actAs(DEMO_USERS.grace.accountId);
    const grace = await check(browse(['PAY', 'SEC'], ['PAY-1', 'SEC-1']));
    expect(grace.projectPermissions[0]?.projects).toEqual([projectId('PAY'), projectId('SEC')]);
  });

  it('grants ADMINISTER to site admins only', async () => {
    actAs(DEMO_USERS.elena.accountId);
    expect((await check({ globalPermissions: ['ADMINISTER'] })).globalPermissions).toEqual(['ADMINISTER']);
    actAs(DEMO_USERS.marcus.accountId);
    expect((await check({ globalPermissions: ['ADMINISTER'] })).globalPermissions).toEqual([]);
    expect((await check({ globalPermissions: ['ADMINISTER'] }, 'app')).globalPermissions).toEqual([]);
  });

  it('checks another user for the app and for admins, but not for other users', async () => {
    const forPriya = { accountId: DEMO_USERS.priya.accountId, ...browse(['SEC'], ['SEC-1']) };
    expect((await check(forPriya, 'app')).projectPermissions[0]).toEqual({
      permission: 'BROWSE_PROJECTS',
      projects: [],
      issues: [],
    });
    expect((await check({ ...browse(['SEC'], []) }, 'app')).projectPermissions[0]?.projects).toEqual([
      projectId('SEC'),
    ]);
    actAs(DEMO_USERS.elena.accountId);
    expect((await check(forPriya)).projectPermissions[0]?.projects).toEqual([]);
    actAs(DEMO_USERS.marcus.accountId);
    expect((await postJson(route`/rest/api/3/permissions/check`, forPriya, 'user')).status).toBe(403);
  });

  it('fails loudly for permissions the site does not model', async () => {
    await expect(
      postJson(route`/rest/api/3/permissions/check`, {
        projectPermissions: [{ permissions: ['EDIT_ISSUES'], issues: [1] }],
      }),
    ).rejects.toThrow(/Permission 'EDIT_ISSUES' is not supported by the local Jira site/);
  });
});
