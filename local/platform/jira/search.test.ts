import { route } from '@forge/api';
import { z } from 'zod';
import { DEMO_USERS } from '../../demo/demo-users';
import { getJson, jqlKeys, postSearch } from './test-requests';
import type { TestSite } from './test-support';
import { createTestSite, errorBody, searchPage } from './test-support';

let t: TestSite;
beforeEach(() => {
  t = createTestSite();
});
afterEach(() => {
  t.close();
});

describe('POST /rest/api/3/search/jql', () => {
  it('pages with nextPageToken, which is absent on the last page', async () => {
    const keys: string[] = [];
    const pageSizes: number[] = [];
    let token: string | undefined;
    for (;;) {
      const { status, body } = await postSearch({
        jql: 'project = PAY ORDER BY key',
        maxResults: 7,
        ...(token ? { nextPageToken: token } : {}),
      });
      expect(status).toBe(200);
      const page = searchPage.parse(body);
      keys.push(...page.issues.map((i) => i.key));
      pageSizes.push(page.issues.length);
      if (page.isLast) {
        expect(body).not.toHaveProperty('nextPageToken');
        break;
      }
      token = page.nextPageToken;
      expect(token).toEqual(expect.any(String));
    }
    expect(pageSizes).toEqual([7, 7, 3]);
    expect(keys).toEqual(await jqlKeys('project = PAY ORDER BY key'));
  });

  it('rejects a page token from another query', async () => {
    const first = searchPage.parse((await postSearch({ jql: 'project = PAY', maxResults: 1 })).body);
    const { status, body } = await postSearch({ jql: 'project = ONB', nextPageToken: first.nextPageToken });
    expect(status).toBe(400);
    expect(errorBody.parse(body).errorMessages[0]).toMatch(/nextPageToken/);
    expect((await postSearch({ jql: 'project = PAY', nextPageToken: 'not-a-token' })).status).toBe(400);
  });

  it('returns ids only (no fields) by default', async () => {
    const page = searchPage.parse((await postSearch({ jql: 'key = PAY-1' })).body);
    expect(page.issues).toEqual([
      expect.objectContaining({
        id: t.site.getIssue('PAY-1')?.id,
        key: 'PAY-1',
        self: `https://acme-cloud.atlassian.net/rest/api/3/issue/${t.site.getIssue('PAY-1')?.id ?? ''}`,
        fields: {},
      }),
    ]);
  });

  it('returns the requested fields, *all, *navigable and exclusions', async () => {
    const fieldsOf = async (fields: string[]): Promise<string[]> =>
      Object.keys(
        searchPage.parse((await postSearch({ jql: 'key = PAY-2', fields })).body).issues[0]?.fields ?? {},
      ).sort();
    expect(await fieldsOf(['summary', 'status', 'parent'])).toEqual(['parent', 'status', 'summary']);
    expect(await fieldsOf(['summary,issuetype'])).toEqual(['issuetype', 'summary']);
    const all = await fieldsOf(['*all']);
    expect(all).toEqual(
      ['assignee', 'created', 'creator', 'description', 'duedate', 'issuetype', 'labels', 'parent', 'project'].concat([
        'reporter',
        'resolution',
        'resolutiondate',
        'security',
        'status',
        'subtasks',
        'summary',
        'updated',
      ]),
    );
    expect(await fieldsOf(['*navigable'])).toEqual(all);
    expect(await fieldsOf(['*all', '-description'])).toEqual(all.filter((f) => f !== 'description'));
    expect(await fieldsOf(['id', 'key', 'customfield_10016'])).toEqual([]);
  });

  it('renders fields in the REST v3 shapes', async () => {
    const page = searchPage.parse((await postSearch({ jql: 'key = ONB-13', fields: ['*all'] })).body);
    const fields = page.issues[0]?.fields;
    expect(fields).toMatchObject({
      summary: 'Export the at-risk list to CSV',
      issuetype: { name: 'Story', hierarchyLevel: 0, subtask: false },
      status: { name: 'Done', statusCategory: { key: 'done', name: 'Done' } },
      resolution: { name: 'Duplicate' },
      parent: { key: 'ONB-8', fields: { summary: 'Weekly executive review of at-risk enterprise workspaces' } },
      project: { key: 'ONB', name: 'Onboarding', projectTypeKey: 'software' },
      assignee: {
        displayName: 'Hannah Müller',
        avatarUrls: { '48x48': `/avatars/${DEMO_USERS.hannah.accountId}.svg?s=48` },
      },
      created: '2026-01-12T13:00:00.000+0000',
      description: null,
    });
    const epic = searchPage.parse(
      (await postSearch({ jql: 'key = ONB-1', fields: ['description', 'parent', 'labels'] })).body,
    ).issues[0];
    expect(epic?.fields).toEqual({
      description: {
        type: 'doc',
        version: 1,
        content: [{ type: 'paragraph', content: [{ type: 'text', text: t.site.getIssue('ONB-1')?.description }] }],
      },
      labels: ['enterprise', 'q1-okr'],
    });
  });

  it('caps pages at 100 issues with fields and 5000 with ids or keys only', async () => {
    t.site.transaction(() => {
      for (let n = 0; n < 120; n += 1)
        t.site.createIssue({ project: 'PLAT', issueType: 'Task', summary: `Load test task ${n}` });
    });
    const withFields = searchPage.parse(
      (await postSearch({ jql: 'project = PLAT', maxResults: 1000, fields: ['summary'] })).body,
    );
    expect(withFields.issues).toHaveLength(100);
    expect(withFields.isLast).toBe(false);
    const idsOnly = searchPage.parse(
      (await postSearch({ jql: 'project = PLAT', maxResults: 1000, fields: ['id', 'key'] })).body,
    );
    expect(idsOnly.issues).toHaveLength(137);
    expect(idsOnly.isLast).toBe(true);
    expect(searchPage.parse((await postSearch({ jql: 'project = PLAT' })).body).issues).toHaveLength(50);
  });

  it("adds each issue's 40 most recent histories under expand=changelog, newest first, and none without it", async () => {
    const [from, to] = t.site.listIssues().filter((i) => i.issueType === 'Epic' && i.projectKey === 'PAY');
    const story = t.site.listIssues().find((i) => i.issueType !== 'Epic' && i.parentKey === from?.key);
    if (from === undefined || to === undefined || story === undefined)
      throw new Error('the demo site has no PAY epics with children');
    const hannah = DEMO_USERS.hannah.accountId;
    t.site.updateIssue(story.key, { parent: to.key, actor: hannah, at: '2026-02-01T10:00:00.000Z' });
    for (let n = 0; n < 44; n += 1) t.site.updateIssue(story.key, { summary: `Renamed ${String(n)}` });
    const changelog = z.object({
      startAt: z.number(),
      maxResults: z.number(),
      total: z.number(),
      histories: z.array(
        z.object({
          id: z.string(),
          author: z.object({ accountId: z.string() }).optional(),
          created: z.string(),
          items: z.array(
            z.object({
              field: z.string(),
              fieldtype: z.string(),
              fieldId: z.string(),
              from: z.string().nullable(),
              fromString: z.string().nullable(),
              to: z.string().nullable(),
              toString: z.string().nullable(),
            }),
          ),
        }),
      ),
    });
    const answer = z.object({ issues: z.array(z.object({ key: z.string(), changelog })) });
    const expanded = answer.parse((await postSearch({ jql: `key = ${story.key}`, expand: 'names,changelog' })).body);
    const log = expanded.issues[0]?.changelog;
    expect(log?.total).toBe(45);
    expect(log?.histories).toHaveLength(40);
    expect(log?.histories[0]?.items).toEqual([expect.objectContaining({ field: 'summary', toString: 'Renamed 43' })]);
    // The move under the other epic is the 45th most recent: beyond what a search returns.
    expect(log?.histories.some((h) => h.items.some((i) => i.fieldId === 'parent'))).toBe(false);

    const moved = t.site.listIssues().find((i) => i.issueType !== 'Epic' && i.parentKey === from.key);
    if (moved === undefined) throw new Error('the epic has one child only');
    t.site.updateIssue(moved.key, { parent: to.key, actor: hannah, at: '2026-02-02T10:00:00.000Z' });
    const one = answer.parse((await postSearch({ jql: `key = ${moved.key}`, expand: 'changelog' })).body).issues[0]
      ?.changelog;
    expect(one?.histories).toEqual([
      {
        id: expect.any(String) as unknown,
        author: expect.objectContaining({ accountId: hannah }) as unknown,
        created: '2026-02-02T10:00:00.000+0000',
        items: [
          {
            field: 'IssueParentAssociation',
            fieldtype: 'jira',
            fieldId: 'parent',
            from: from.id,
            fromString: from.key,
            to: to.id,
            toString: to.key,
          },
        ],
      },
    ]);
    const plain = (await postSearch({ jql: `key = ${moved.key}` })).body;
    expect(JSON.stringify(plain)).not.toContain('changelog"');
  });

  it('answers malformed requests with 400', async () => {
    expect((await postSearch({ jql: 'project = PAY', maxResults: 0 })).status).toBe(400);
    expect((await postSearch({ jql: 'project = PAY', startAt: 5 })).status).toBe(400);
    expect((await postSearch({ jql: 42 })).status).toBe(400);
  });

  it('fails loudly for fields the site does not model', async () => {
    await expect(postSearch({ jql: 'key = PAY-1', fields: ['priority'] })).rejects.toThrow(
      /Issue field 'priority' is not supported by the local Jira site/,
    );
  });
});

describe('GET /rest/api/3/search/jql', () => {
  it('takes the same parameters from the query string', async () => {
    const jql = 'parent = PAY-1 ORDER BY key';
    const { status, body } = await getJson(
      route`/rest/api/3/search/jql?jql=${jql}&maxResults=${2}&fields=${'summary,status'}`,
    );
    expect(status).toBe(200);
    const page = searchPage.parse(body);
    expect(page.issues.map((i) => [i.key, Object.keys(i.fields).sort()])).toEqual([
      ['PAY-2', ['status', 'summary']],
      ['PAY-3', ['status', 'summary']],
    ]);
    const next = await getJson(route`/rest/api/3/search/jql?jql=${jql}&nextPageToken=${page.nextPageToken ?? ''}`);
    expect(searchPage.parse(next.body).issues.map((i) => i.key)).toEqual(['PAY-4', 'PAY-5', 'PAY-6']);
  });
});
