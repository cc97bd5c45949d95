import { DEMO_USERS } from '../../demo/demo-users';
import type { IssueUpdatedEvent, JiraIssueEvent } from './events';
import type { TestSite } from './test-support';
import { TEST_NOW, createTestSite } from './test-support';

let t: TestSite;
let events: JiraIssueEvent[];
beforeEach(() => {
  t = createTestSite();
  events = [];
  t.site.onEvent((event) => events.push(event));
});
afterEach(() => {
  t.close();
});

const idOf = (key: string): string => t.site.getIssue(key)?.id ?? 'missing';

const onlyUpdate = (): IssueUpdatedEvent => {
  expect(events).toHaveLength(1);
  const [event] = events;
  if (event?.eventType !== 'avi:jira:updated:issue')
    throw new Error(`expected one update event, got ${JSON.stringify(events)}`);
  return event;
};

describe('admin changes fire the product events Jira sends', () => {
  it('fires avi:jira:created:issue with the new issue', () => {
    const created = t.site.createIssue({
      project: 'PAY',
      issueType: 'Story',
      summary: 'Payouts in AUD',
      parent: 'PAY-1',
      assignee: DEMO_USERS.daniel.accountId,
      actor: DEMO_USERS.priya.accountId,
    });
    expect(created).toMatchObject({
      key: 'PAY-18',
      status: 'To Do',
      resolution: null,
      parentKey: 'PAY-1',
      reporter: DEMO_USERS.priya.accountId,
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: 'avi:jira:created:issue',
      selfGenerated: false,
      atlassianId: DEMO_USERS.priya.accountId,
      jiraEventTypeName: 'issue_created',
      issue: {
        id: created.id,
        key: 'PAY-18',
        fields: {
          summary: 'Payouts in AUD',
          issuetype: { id: '10001', name: 'Story', hierarchyLevel: 0 },
          status: { name: 'To Do', statusCategory: { key: 'new', name: 'To Do' } },
          project: { id: t.site.listProjects().find((p) => p.key === 'PAY')?.id, key: 'PAY', name: 'Payments' },
          parent: { id: idOf('PAY-1'), key: 'PAY-1' },
          resolution: null,
          created: '2026-03-02T10:00:00.000+0000',
          updated: '2026-03-02T10:00:00.000+0000',
        },
      },
    });
  });

  it('fires a status change with status and resolution changelog items', () => {
    t.site.updateIssue('PAY-4', { status: 'Done', actor: DEMO_USERS.daniel.accountId });
    const event = onlyUpdate();
    expect(event).toMatchObject({
      selfGenerated: false,
      atlassianId: DEMO_USERS.daniel.accountId,
      jiraEventTypeName: 'issue_resolved',
      issue: {
        key: 'PAY-4',
        fields: { status: { name: 'Done' }, resolution: { name: 'Done' }, updated: '2026-03-02T10:00:00.000+0000' },
      },
      associatedStatuses: [
        { id: '3', name: 'In Progress' },
        { id: '10003', name: 'Done' },
      ],
    });
    expect(event.changelog.id).toMatch(/^\d+$/);
    expect(event.changelog).toEqual({
      id: event.changelog.id,
      items: [
        {
          field: 'status',
          fieldtype: 'jira',
          fieldId: 'status',
          from: '3',
          fromString: 'In Progress',
          to: '10003',
          toString: 'Done',
        },
        {
          field: 'resolution',
          fieldtype: 'jira',
          fieldId: 'resolution',
          from: null,
          fromString: null,
          to: '10000',
          toString: 'Done',
        },
      ],
    });
    expect(t.site.getIssue('PAY-4')).toMatchObject({ status: 'Done', resolution: 'Done', updated: TEST_NOW });
  });

  it('clears the resolution when work is reopened, and keeps an explicit one', () => {
    t.site.updateIssue('PAY-2', { status: 'In Progress' });
    expect(onlyUpdate()).toMatchObject({
      jiraEventTypeName: 'issue_reopened',
      changelog: { items: [{ field: 'status' }, { field: 'resolution', to: null, fromString: 'Done' }] },
    });
    expect(onlyUpdate()).not.toHaveProperty('atlassianId');
    events.length = 0;
    t.site.updateIssue('PAY-2', { status: 'Done', resolution: 'Duplicate' });
    expect(t.site.getIssue('PAY-2')?.resolution).toBe('Duplicate');
  });

  it('fires a re-parent as an IssueParentAssociation item', () => {
    t.site.updateIssue('PAY-5', { parent: 'PAY-12', actor: DEMO_USERS.priya.accountId });
    const event = onlyUpdate();
    expect(event.changelog.items).toEqual([
      {
        field: 'IssueParentAssociation',
        fieldtype: 'jira',
        fieldId: 'parent',
        from: idOf('PAY-1'),
        fromString: 'PAY-1',
        to: idOf('PAY-12'),
        toString: 'PAY-12',
      },
    ]);
    expect(event.issue.fields.parent).toMatchObject({ id: idOf('PAY-12'), key: 'PAY-12' });
    expect(event).not.toHaveProperty('associatedStatuses');
    events.length = 0;
    t.site.updateIssue('PAY-5', { parent: null });
    expect(onlyUpdate().changelog.items[0]).toMatchObject({
      from: idOf('PAY-12'),
      fromString: 'PAY-12',
      to: null,
      toString: null,
    });
    expect(onlyUpdate().issue.fields).not.toHaveProperty('parent');
  });

  it('fires summary and assignee changes', () => {
    t.site.updateIssue('PAY-5', { summary: 'Payouts in CAD and MXN', assignee: DEMO_USERS.priya.accountId });
    expect(onlyUpdate().changelog.items).toEqual([
      {
        field: 'summary',
        fieldtype: 'jira',
        fieldId: 'summary',
        from: null,
        fromString: 'Payouts in CAD',
        to: null,
        toString: 'Payouts in CAD and MXN',
      },
      {
        field: 'assignee',
        fieldtype: 'jira',
        fieldId: 'assignee',
        from: DEMO_USERS.daniel.accountId,
        fromString: 'Daniel Okafor',
        to: DEMO_USERS.priya.accountId,
        toString: 'Priya Raman',
      },
    ]);
    events.length = 0;
    t.site.updateIssue('PAY-5', { assignee: null });
    expect(onlyUpdate()).toMatchObject({
      jiraEventTypeName: 'issue_assigned',
      changelog: { items: [{ to: null, toString: null }] },
    });
  });

  it('fires nothing for a change that changes nothing', () => {
    t.site.updateIssue('PAY-5', { summary: 'Payouts in CAD', status: 'To Do' });
    expect(events).toEqual([]);
  });

  it('fires one deleted event; sub-tasks go with their parent and an epic’s children stay', () => {
    t.site.deleteIssue('ONB-16', { actor: DEMO_USERS.hannah.accountId });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      eventType: 'avi:jira:deleted:issue',
      atlassianId: DEMO_USERS.hannah.accountId,
      issue: { key: 'ONB-16' },
    });
    expect(['ONB-16', 'ONB-17', 'ONB-18'].map((k) => t.site.getIssue(k))).toEqual([undefined, undefined, undefined]);
    events.length = 0;
    t.site.deleteIssue('PAY-7');
    expect(events.map((e) => e.eventType)).toEqual(['avi:jira:deleted:issue']);
    expect(t.site.getIssue('PAY-8')?.parentKey).toBeNull();
    // Keys are never reused.
    expect(t.site.createIssue({ project: 'PAY', issueType: 'Task', summary: 'New task' }).key).toBe('PAY-18');
  });

  it('delivers a transaction’s events after it commits, and none if it rolls back', () => {
    t.site.transaction(() => {
      t.site.updateIssue('PAY-5', { status: 'In Progress' });
      t.site.updateIssue('PAY-16', { status: 'In Progress' });
      expect(events).toEqual([]);
    });
    expect(events.map((e) => e.issue.key)).toEqual(['PAY-5', 'PAY-16']);
    events.length = 0;
    expect(() =>
      t.site.transaction(() => {
        t.site.updateIssue('PAY-5', { status: 'Done' });
        throw new Error('abort');
      }),
    ).toThrow('abort');
    expect(events).toEqual([]);
    expect(t.site.getIssue('PAY-5')?.status).toBe('In Progress');
    t.site.transaction(() => t.site.updateIssue('PAY-5', { status: 'Done' }), { silent: true });
    expect(events).toEqual([]);
  });

  it('stops delivering after unsubscribing', () => {
    const seen: string[] = [];
    const stop = t.site.onEvent((e) => seen.push(e.eventType));
    stop();
    t.site.updateIssue('PAY-5', { status: 'In Progress' });
    expect(seen).toEqual([]);
    expect(events).toHaveLength(1);
  });

  it('reports a failing listener after the change is committed', () => {
    t.site.onEvent(() => {
      throw new Error('trigger crashed');
    });
    expect(() => t.site.updateIssue('PAY-5', { status: 'In Progress' })).toThrow(
      'a Jira event listener failed after the change was committed',
    );
    expect(t.site.getIssue('PAY-5')?.status).toBe('In Progress');
    expect(events).toHaveLength(1);
  });

  it('produces payloads the runtime’s trigger host accepts', () => {
    t.site.updateIssue('PAY-5', { status: 'In Progress' });
    const accepted: ({ eventType: string; selfGenerated?: boolean; atlassianId?: string } & Record<string, unknown>)[] =
      events;
    expect(JSON.parse(JSON.stringify(accepted))).toEqual(events);
  });
});
