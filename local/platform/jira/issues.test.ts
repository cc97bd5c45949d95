import { route } from '@forge/api';
import { z } from 'zod';
import { getJson, postJson } from './test-requests';
import type { TestSite } from './test-support';
import { createTestSite, errorBody, issueBean } from './test-support';

let t: TestSite;
beforeEach(() => {
  t = createTestSite();
});
afterEach(() => {
  t.close();
});

const idOf = (key: string): string => t.site.getIssue(key)?.id ?? 'missing';

describe('GET /rest/api/3/issue/{idOrKey}', () => {
  it('returns all fields by default, by key or by id', async () => {
    const byKey = await getJson(route`/rest/api/3/issue/${'PAY-4'}`);
    expect(byKey.status).toBe(200);
    const issue = issueBean.parse(byKey.body);
    expect(issue).toMatchObject({ id: idOf('PAY-4'), key: 'PAY-4' });
    expect(issue.fields).toMatchObject({
      summary: 'Snapshot the FX rate when payroll is approved',
      parent: { key: 'PAY-1' },
      resolution: null,
    });
    expect(issueBean.parse((await getJson(route`/rest/api/3/issue/${idOf('PAY-4')}`)).body).key).toBe('PAY-4');
    expect(issueBean.parse((await getJson(route`/rest/api/3/issue/${'pay-4'}`)).body).key).toBe('PAY-4');
  });

  it('honours ?fields= and lists sub-tasks', async () => {
    const { body } = await getJson(route`/rest/api/3/issue/${'ONB-16'}?fields=${'summary,subtasks'}&expand=${'names'}`);
    const issue = issueBean.parse(body);
    expect(Object.keys(issue.fields).sort()).toEqual(['subtasks', 'summary']);
    expect(issue.fields.subtasks).toMatchObject([
      { key: 'ONB-17', fields: { issuetype: { hierarchyLevel: -1 } } },
      { key: 'ONB-18' },
    ]);
  });

  it('answers 404 with Jira’s message for a missing issue', async () => {
    const { status, body } = await getJson(route`/rest/api/3/issue/${'PAY-999'}`);
    expect(status).toBe(404);
    expect(errorBody.parse(body).errorMessages).toEqual([
      'Issue does not exist or you do not have permission to see it.',
    ]);
  });
});

const bulkResult = z.strictObject({ issues: z.array(issueBean), issueErrors: z.array(z.unknown()) });

describe('POST /rest/api/3/issue/bulkfetch', () => {
  it('returns the found issues in id order with the requested fields', async () => {
    const { status, body } = await postJson(route`/rest/api/3/issue/bulkfetch`, {
      issueIdsOrKeys: ['PAY-3', idOf('ONB-2'), 'pay-1'],
      fields: ['summary', 'status'],
    });
    expect(status).toBe(200);
    const result = bulkResult.parse(body);
    expect(result.issues.map((i) => i.key)).toEqual(['ONB-2', 'PAY-1', 'PAY-3']);
    expect(Object.keys(result.issues[0]?.fields ?? {}).sort()).toEqual(['status', 'summary']);
  });

  it('leaves missing issues out of both lists, as Jira documents', async () => {
    const result = bulkResult.parse(
      (await postJson(route`/rest/api/3/issue/bulkfetch`, { issueIdsOrKeys: ['PAY-2', 'PAY-999', '99999'] })).body,
    );
    expect(result.issues.map((i) => i.key)).toEqual(['PAY-2']);
    expect(result.issueErrors).toEqual([]);
    expect(result.issues[0]?.fields).toHaveProperty('summary');
  });

  it('rejects more than 100 ids', async () => {
    const ids = Array.from({ length: 101 }, (_, n) => `PAY-${n + 1}`);
    expect((await postJson(route`/rest/api/3/issue/bulkfetch`, { issueIdsOrKeys: ids })).status).toBe(400);
  });
});

const pickerResult = z.object({
  sections: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      sub: z.string(),
      issues: z.array(
        z.object({
          id: z.number(),
          key: z.string(),
          keyHtml: z.string(),
          img: z.string(),
          summary: z.string(),
          summaryText: z.string(),
        }),
      ),
    }),
  ),
});

describe('GET /rest/api/3/issue/picker', () => {
  const pick = async (query: string, currentJQL?: string) => {
    const path =
      currentJQL === undefined
        ? route`/rest/api/3/issue/picker?query=${query}`
        : route`/rest/api/3/issue/picker?query=${query}&currentJQL=${currentJQL}`;
    const { status, body } = await getJson(path);
    expect(status).toBe(200);
    const [section] = pickerResult.parse(body).sections;
    return section;
  };

  it('finds issues by summary words with highlighting', async () => {
    const section = await pick('playbook onb');
    expect(section).toMatchObject({ id: 'cs', label: 'Current Search' });
    expect(section?.issues.map((i) => i.key)).toEqual(['ONB-2', 'ONB-1']);
    expect(section?.issues[1]).toEqual({
      id: Number(idOf('ONB-1')),
      key: 'ONB-1',
      keyHtml: 'ONB-1',
      img: '/icons/issuetype/epic.svg',
      summary: 'Enterprise <b>onb</b>oarding <b>playbook</b>',
      summaryText: 'Enterprise onboarding playbook',
    });
  });

  it('finds issues by key prefix, the exact key first', async () => {
    const section = await pick('PAY-1');
    expect(section?.issues[0]).toMatchObject({ key: 'PAY-1', keyHtml: '<b>PAY-1</b>' });
    expect(section?.issues[1]).toMatchObject({ key: 'PAY-17', keyHtml: '<b>PAY-1</b>7' });
    expect(section?.issues.map((i) => i.key).sort()).toEqual([
      'PAY-1',
      'PAY-10',
      'PAY-11',
      'PAY-12',
      'PAY-13',
      'PAY-14',
      'PAY-15',
      'PAY-16',
      'PAY-17',
    ]);
  });

  it('respects currentJQL', async () => {
    const section = await pick('enterprise', 'issuetype = Epic');
    expect(section?.issues.map((i) => i.key).sort()).toEqual(['ONB-1', 'ONB-8', 'PAY-12', 'PLAT-13', 'PLAT-8']);
    expect(section?.sub).toBe('Showing 5 of 5 matching issues');
    const bad = await getJson(route`/rest/api/3/issue/picker?query=${'x'}&currentJQL=${'issuetype = '}`);
    expect(bad.status).toBe(400);
  });
});
