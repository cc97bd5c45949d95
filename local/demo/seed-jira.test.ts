import { openDatabase } from '../platform/db';
import { createJiraSite } from '../platform/jira';
import type { JiraIssueEvent, JiraSite } from '../platform/jira';
import { DEMO_EPICS, DEMO_LOOSE_ISSUES } from './demo-initiatives';
import { DEMO_USER_LIST, DEMO_USERS } from './demo-users';
import { DEMO_BASE_DATE, seedDemoSite } from './seed-jira';

const newSite = (): JiraSite =>
  createJiraSite(openDatabase(':memory:'), { now: () => new Date('2026-03-02T10:00:00.000Z') });

describe('seedDemoSite', () => {
  it('seeds Acme Cloud: people, four projects, twelve epics with their work', () => {
    const site = newSite();
    const events: JiraIssueEvent[] = [];
    site.onEvent((e) => events.push(e));
    const result = seedDemoSite(site);

    const subtasks = DEMO_EPICS.flatMap((e) => e.children).flatMap((c) => c.subtasks ?? []).length;
    const children = DEMO_EPICS.reduce((n, e) => n + e.children.length, 0);
    const total = DEMO_EPICS.length + children + subtasks + DEMO_LOOSE_ISSUES.length;
    expect(result).toEqual({ seeded: true, users: 9, projects: 4, issues: total });
    expect(total).toBe(68);

    expect(site.listUsers()).toHaveLength(9);
    // One colleague works in Dutch: Forge gives her views nl-NL.
    expect(
      site
        .listUsers()
        .filter((u) => u.locale !== 'en_US')
        .map((u) => [u.displayName, u.locale]),
    ).toEqual([['Sanne de Vries', 'nl_NL']]);
    expect(
      site
        .listUsers()
        .filter((u) => u.siteAdmin)
        .map((u) => u.displayName),
    ).toEqual(['Elena Petrova']);
    expect(DEMO_USER_LIST.every((u) => /^[0-9a-f]{24}$/.test(u.accountId))).toBe(true);
    expect(site.listProjects().map((p) => [p.key, p.name, p.browse.kind])).toEqual([
      ['ONB', 'Onboarding', 'everyone'],
      ['PAY', 'Payments', 'everyone'],
      ['PLAT', 'Platform', 'everyone'],
      ['SEC', 'Security', 'restricted'],
    ]);
    const sec = site.listProjects().find((p) => p.key === 'SEC');
    expect(sec?.browse).toEqual({
      kind: 'restricted',
      accountIds: [DEMO_USERS.elena.accountId, DEMO_USERS.grace.accountId, DEMO_USERS.kenji.accountId].sort(),
      groups: [],
    });

    const issues = site.listIssues();
    expect(issues).toHaveLength(total);
    const epics = issues.filter((i) => i.issueType === 'Epic');
    expect(epics).toHaveLength(12);
    for (const epic of epics) {
      const kids = issues.filter((i) => i.parentKey === epic.key);
      expect(kids.length).toBeGreaterThanOrEqual(3);
      expect(kids.length).toBeLessThanOrEqual(8);
    }
    expect(epics.map((e) => e.summary)).toEqual(
      expect.arrayContaining([
        'Enterprise onboarding playbook',
        'Weekly executive review of at-risk enterprise workspaces',
      ]),
    );
    // Mixed states, so progress and lint have something to show.
    const states = new Set(issues.map((i) => `${i.status}/${i.resolution ?? 'Unresolved'}`));
    expect([...states].sort()).toEqual(
      expect.arrayContaining([
        'Done/Done',
        'Done/Duplicate',
        "Won't Do/Won't Do",
        'In Progress/Unresolved',
        'In Review/Unresolved',
        'To Do/Unresolved',
      ]),
    );
    // Fixed dates from the base date, never from the clock; and no events for pre-install history.
    expect(issues.every((i) => i.created >= DEMO_BASE_DATE && i.created < '2026-02-01')).toBe(true);
    expect(events).toEqual([]);
  });

  it('is deterministic and idempotent', () => {
    const a = newSite();
    const b = newSite();
    seedDemoSite(a);
    seedDemoSite(b);
    expect(b.listIssues()).toEqual(a.listIssues());
    expect(seedDemoSite(a)).toEqual({ seeded: false, users: 0, projects: 0, issues: 0 });
    expect(a.listIssues()).toEqual(b.listIssues());
  });

  it('refuses to seed over a site that has some but not all of the demo projects', () => {
    const site = newSite();
    site.createProject({ key: 'PAY', name: 'Someone else’s payments' });
    expect(() => seedDemoSite(site)).toThrow('project PAY already exists');
    expect(site.listUsers()).toEqual([]);
  });
});
