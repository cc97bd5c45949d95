import { DEMO_USERS } from '../../demo/demo-users';
import type { AdminIssue } from './model';
import { jqlError, jqlKeys } from './test-requests';
import type { TestSite } from './test-support';
import { actAs, createTestSite } from './test-support';

/** The JQL subset, checked against an oracle computed from the admin view of the demo site. */
let t: TestSite;
beforeEach(() => {
  t = createTestSite();
});
afterEach(() => {
  t.close();
});

const sorted = (keys: string[]): string[] => [...keys].sort();
const where = (keep: (issue: AdminIssue) => boolean): string[] =>
  sorted(
    t.site
      .listIssues()
      .filter(keep)
      .map((i) => i.key),
  );
const matching = async (jql: string): Promise<string[]> => sorted(await jqlKeys(jql));

describe('JQL fields', () => {
  it('matches key, issuekey and id, case-insensitively', async () => {
    expect(await matching('key = pay-3')).toEqual(['PAY-3']);
    expect(await matching('issuekey in (PAY-3, ONB-2)')).toEqual(['ONB-2', 'PAY-3']);
    const id = t.site.getIssue('PAY-3')?.id ?? '';
    expect(await matching(`id = ${id}`)).toEqual(['PAY-3']);
    expect(await matching('key != PAY-3 AND project = PAY')).toEqual(
      where((i) => i.projectKey === 'PAY' && i.key !== 'PAY-3'),
    );
  });

  it('matches children of an epic by parent, and issues without one', async () => {
    expect(await matching('parent = PAY-1')).toEqual(['PAY-2', 'PAY-3', 'PAY-4', 'PAY-5', 'PAY-6']);
    expect(await matching('parent in (PAY-1, PAY-7)')).toEqual(
      where((i) => i.parentKey === 'PAY-1' || i.parentKey === 'PAY-7'),
    );
    expect(await matching('parent is EMPTY AND issuetype != Epic')).toEqual(['ONB-25', 'PAY-17', 'PLAT-17']);
    expect(await matching('parent = ONB-16')).toEqual(['ONB-17', 'ONB-18']);
  });

  it('matches project by key, name or id', async () => {
    const pay = where((i) => i.projectKey === 'PAY');
    expect(await matching('project = PAY')).toEqual(pay);
    expect(await matching('project = "Payments"')).toEqual(pay);
    const id = t.site.listProjects().find((p) => p.key === 'PAY')?.id ?? '';
    expect(await matching(`project = ${id}`)).toEqual(pay);
    expect(await matching('project not in (PAY, ONB, PLAT)')).toEqual(where((i) => i.projectKey === 'SEC'));
  });

  it('matches issuetype and its alias type', async () => {
    expect(await matching('issuetype = Epic')).toEqual(where((i) => i.issueType === 'Epic'));
    expect(await matching('type in (Bug, "Sub-task")')).toEqual(
      where((i) => i.issueType === 'Bug' || i.issueType === 'Sub-task'),
    );
  });

  it('matches status and statusCategory', async () => {
    expect(await matching('status = "In Review"')).toEqual(where((i) => i.status === 'In Review'));
    expect(await matching('status in (Done, "Won\'t Do")')).toEqual(where((i) => i.statusCategory === 'done'));
    expect(await matching('statusCategory = done')).toEqual(where((i) => i.statusCategory === 'done'));
    expect(await matching('statusCategory = "In Progress"')).toEqual(
      where((i) => i.statusCategory === 'indeterminate'),
    );
    expect(await matching('statusCategory != "To Do"')).toEqual(where((i) => i.statusCategory !== 'new'));
  });

  it('matches resolution, including EMPTY and Unresolved', async () => {
    expect(await matching('resolution = Duplicate')).toEqual(['ONB-13', 'PAY-11', 'PLAT-16']);
    expect(await matching('resolution = "Won\'t Do"')).toEqual(where((i) => i.resolution === "Won't Do"));
    const unresolved = where((i) => i.resolution === null);
    expect(await matching('resolution = Unresolved')).toEqual(unresolved);
    expect(await matching('resolution is EMPTY')).toEqual(unresolved);
    expect(await matching('resolution is not EMPTY')).toEqual(where((i) => i.resolution !== null));
    // As on Jira, != never matches issues whose field is empty.
    expect(await matching('resolution != Done')).toEqual(
      where((i) => i.resolution !== null && i.resolution !== 'Done'),
    );
  });

  it('matches assignee by account id, email or name, and currentUser()', async () => {
    const daniels = where((i) => i.assignee === DEMO_USERS.daniel.accountId);
    expect(await matching(`assignee = ${DEMO_USERS.daniel.accountId}`)).toEqual(daniels);
    expect(await matching(`assignee = "${DEMO_USERS.daniel.email}"`)).toEqual(daniels);
    expect(await matching('assignee = "Daniel Okafor"')).toEqual(daniels);
    actAs(DEMO_USERS.daniel.accountId);
    expect(sorted(await jqlKeys('assignee = currentUser()', 'user'))).toEqual(daniels);
    expect(await matching('assignee = currentUser()')).toEqual([]);
    expect(await matching('assignee is EMPTY')).toEqual([]);
  });

  it('matches reporter and labels', async () => {
    expect(await matching(`reporter = ${DEMO_USERS.priya.accountId} AND issuetype = Epic`)).toEqual([
      'PAY-1',
      'PAY-12',
    ]);
    expect(await matching('labels = retention')).toEqual(['ONB-8', 'PLAT-1']);
    expect(await matching('labels is EMPTY AND issuetype = Epic')).toEqual([]);
  });

  it('searches text and summary by words, case-insensitively, with prefix wildcards', async () => {
    expect(await matching('summary ~ "playbook"')).toEqual(['ONB-1', 'ONB-2', 'ONB-6', 'ONB-7']);
    expect(await matching('summary ~ "PLAYBOOK enterprise"')).toEqual(['ONB-1', 'ONB-2']);
    expect(await matching('text ~ "go-live"')).toEqual(['ONB-1']);
    expect(await matching('summary ~ "onboard*"')).toEqual(['ONB-1', 'ONB-2', 'ONB-25']);
    expect(await matching('summary !~ playbook AND project = ONB AND parent = ONB-1')).toEqual([
      'ONB-3',
      'ONB-4',
      'ONB-5',
    ]);
    expect(await matching('description is EMPTY AND issuetype = Epic')).toEqual([]);
  });
});

describe('JQL logic', () => {
  it('combines clauses with AND, OR, NOT and parentheses', async () => {
    expect(await matching('project = PAY AND status = Done OR project = SEC AND status = Done')).toEqual([
      'PAY-10',
      'PAY-11',
      'PAY-13',
      'PAY-2',
      'PAY-3',
      'PAY-7',
      'PAY-8',
      'PAY-9',
      'SEC-2',
    ]);
    expect(await matching('project = SEC AND (status = Done OR issuetype = Epic)')).toEqual([
      'SEC-1',
      'SEC-2',
      'SEC-6',
    ]);
    expect(await matching('project = SEC AND NOT (status = Done OR issuetype = Epic)')).toEqual([
      'SEC-3',
      'SEC-4',
      'SEC-5',
      'SEC-7',
      'SEC-8',
      'SEC-9',
    ]);
    expect(await matching('project = SEC AND NOT status = "To Do"')).toEqual(
      where((i) => i.projectKey === 'SEC' && i.status !== 'To Do'),
    );
  });

  it('orders by key, created, updated and rank in either direction', async () => {
    expect(await jqlKeys('parent = PAY-1 ORDER BY key DESC')).toEqual(['PAY-6', 'PAY-5', 'PAY-4', 'PAY-3', 'PAY-2']);
    expect(await jqlKeys('project = PAY AND issuetype = Epic ORDER BY key')).toEqual(['PAY-1', 'PAY-7', 'PAY-12']);
    expect(await jqlKeys('issuetype = Epic AND project = SEC ORDER BY created ASC')).toEqual(['SEC-1', 'SEC-6']);
    expect(await jqlKeys('issuetype = Epic AND project = SEC ORDER BY created DESC')).toEqual(['SEC-6', 'SEC-1']);
    expect(await jqlKeys('parent = PAY-7 ORDER BY updated DESC, key ASC')).toEqual([
      'PAY-11',
      'PAY-10',
      'PAY-9',
      'PAY-8',
    ]);
    expect(await jqlKeys('parent = PAY-12 ORDER BY Rank ASC')).toEqual(['PAY-13', 'PAY-14', 'PAY-15', 'PAY-16']);
    expect(await jqlKeys('parent = PAY-12 ORDER BY status DESC, key')).toEqual([
      'PAY-13',
      'PAY-15',
      'PAY-14',
      'PAY-16',
    ]);
  });

  it('lists newest first without ORDER BY and allows unbounded queries locally', async () => {
    const all = await jqlKeys('');
    expect(all).toHaveLength(t.site.listIssues().length);
    expect(all.slice(0, 2)).toEqual(['PLAT-16', 'PLAT-17']);
    expect(await jqlKeys('ORDER BY key')).toHaveLength(all.length);
  });
});

describe('JQL errors', () => {
  it.each([
    ['created > startOfDay()', 'created > startOfDay()'],
    ['status WAS Done', 'status WAS Done'],
    ['status CHANGED', 'status CHANGED'],
    ['project = PAY AND priority = High', 'priority = High'],
    ['assignee in membersOf("jira-software-users")', 'assignee in membersOf("jira-software-users")'],
    ['project = PAY ORDER BY priority DESC', 'ORDER BY priority DESC'],
    ['issue.property[okr].id = 1', 'issue.property[okr].id = 1'],
  ])('rejects the unsupported clause in %s with a 400 naming it', async (jql, clause) => {
    const { status, message } = await jqlError(jql);
    expect(status).toBe(400);
    expect(message).toContain(`'${clause}'`);
    expect(message).toContain('is not supported by the local Jira site');
  });

  it('rejects syntax errors with a Jira-like message', async () => {
    const { status, message } = await jqlError('project = PAY AND');
    expect(status).toBe(400);
    expect(message).toMatch(/^Error in the JQL Query: .*\(line 1, character 18\)\.$/);
    expect((await jqlError('status in (Done')).status).toBe(400);
  });

  it('rejects values and issue keys that do not exist, as Jira does', async () => {
    expect(await jqlError('status = Shipped')).toEqual({
      status: 400,
      message: "The value 'Shipped' does not exist for the field 'status'.",
    });
    expect(await jqlError('parent = PAY-999')).toEqual({
      status: 400,
      message: "An issue with key 'PAY-999' does not exist for field 'parent'.",
    });
    expect(await jqlError('assignee = "Nobody Here"')).toEqual({
      status: 400,
      message: "The value 'Nobody Here' does not exist for the field 'assignee'.",
    });
  });

  it('rejects operators a field does not take', async () => {
    expect(await jqlError('summary = "Payouts in CAD"')).toEqual({
      status: 400,
      message: "The operator '=' is not supported by the 'summary' field.",
    });
    expect((await jqlError('status ~ Done')).message).toContain('is not supported by the local Jira site');
    expect((await jqlError('status is Done')).status).toBe(400);
    expect((await jqlError('summary ~ "--"')).message).toBe(
      "The field 'summary' does not support searching for an empty string.",
    );
  });
});
