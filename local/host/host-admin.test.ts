import { request } from 'node:http';
import { z } from 'zod';
import type { TestHost } from './test-support';
import { ADMIN_ID, postJson, startTestHost } from './test-support';

/** The site admin JSON API and forms, and the host's refusal of foreign hosts and origins. */
let host: TestHost;

const ErrorBody = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

beforeAll(async () => {
  host = await startTestHost();
});

afterAll(async () => {
  await host.close();
});

const anEpic = (): string => {
  const epic = host.runtime.site.listIssues().find((i) => i.issueType === 'Epic' && i.projectKey === 'PAY');
  if (!epic) throw new Error('the demo site has no PAY epic');
  return epic.key;
};

describe('admin API', () => {
  const IssueBody = z.object({
    key: z.string(),
    status: z.string(),
    resolution: z.string().nullable(),
    parentKey: z.string().nullable(),
  });

  it('creates, changes and deletes issues through the site, firing the app triggers', async () => {
    const epic = anEpic();
    const created = await postJson(`${host.url}/admin/api/issues`, {
      project: 'PAY',
      issueType: 'Story',
      summary: 'Host test story',
      parent: epic,
      actor: ADMIN_ID,
    });
    expect(created.status).toBe(201);
    const key = IssueBody.parse(created.body).key;
    expect(host.runtime.log.recent().some((e) => e.call === 'issue-events')).toBe(true);

    const done = await postJson(`${host.url}/admin/api/issues/${key}`, { status: 'Done' });
    expect(IssueBody.parse(done.body)).toMatchObject({ status: 'Done', resolution: 'Done', parentKey: epic });
    const unparented = await fetch(`${host.url}/admin/api/issues/${key}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ parent: null }),
    });
    expect(IssueBody.parse(await unparented.json()).parentKey).toBeNull();

    expect((await fetch(`${host.url}/admin/api/issues/${key}`, { method: 'DELETE' })).status).toBe(200);
    expect(host.runtime.site.getIssue(key)).toBeUndefined();
    expect((await postJson(`${host.url}/admin/api/issues/${key}`, { status: 'Done' })).status).toBe(404);
  });

  it('answers the /admin forms with a redirect back to the page', async () => {
    const response = await fetch(`${host.url}/admin/api/issues`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        project: 'PAY',
        issueType: 'Task',
        summary: 'From a form',
        parent: '',
        actor: ADMIN_ID,
      }).toString(),
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/admin\?notice=Created/);
    const bad = await fetch(`${host.url}/admin/api/issues`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'project=PAY&issueType=Task&summary=x&parent=NOPE-9',
      redirect: 'manual',
    });
    expect(bad.headers.get('location')).toMatch(/^\/admin\?error=/);
  });

  it('refuses invalid changes with a 400 naming the problem', async () => {
    const answer = await postJson(`${host.url}/admin/api/issues`, {
      project: 'PAY',
      issueType: 'Sub-task',
      summary: 'orphan',
    });
    expect(answer.status).toBe(400);
    expect(ErrorBody.parse(answer.body).error.message).toContain('parent');
  });

  it('runs a scheduled trigger now', async () => {
    expect(await postJson(`${host.url}/admin/api/triggers/weekly-check-in`, {})).toMatchObject({
      status: 200,
      body: { ok: true, triggerKey: 'weekly-check-in' },
    });
    expect((await postJson(`${host.url}/admin/api/triggers/nope`, {})).status).toBe(404);
  });
});

describe('sent notifications', () => {
  it('lists the emails the app asked Jira to send, on the page and in the API', async () => {
    const epic = anEpic();
    const sent = await postJson(
      `${host.url}/rest/api/3/issue/${epic}/notify`,
      { subject: 'Check in <now>', textBody: 'Your key result waits.', to: { users: [{ accountId: ADMIN_ID }] } },
      { 'x-local-as-app': '1' },
    );
    expect(sent.status).toBe(204);
    const listed = z
      .array(z.object({ issueKey: z.string(), subject: z.string(), recipients: z.array(z.string()) }))
      .parse(await (await fetch(`${host.url}/admin/api/notifications`)).json());
    // Newest first (the weekly job run above may have sent reminders before it).
    expect(listed[0]).toEqual({ issueKey: epic, subject: 'Check in <now>', recipients: [ADMIN_ID] });
    const page = await (await fetch(`${host.url}/admin`)).text();
    expect(page).toContain('<h2>Sent notifications</h2>');
    expect(page).toContain('Check in &lt;now&gt;');
    expect(page).toContain('Your key result waits.');
  });
});

describe('request hygiene', () => {
  it('refuses cross-origin writes and foreign Host headers', async () => {
    const crossOrigin = await postJson(`${host.url}/forge/invoke`, {}, { origin: 'http://evil.example' });
    expect(crossOrigin.status).toBe(403);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(`${host.url}/`, { headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });
});
