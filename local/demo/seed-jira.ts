import type { IssueTypeName, JiraSite, StatusName } from '../platform/jira';
import { STATUSES } from '../platform/jira';
import type { DemoChild, DemoProjectKey } from './demo-initiatives';
import { DEMO_EPICS, DEMO_LOOSE_ISSUES } from './demo-initiatives';
import type { DemoUserHandle } from './demo-users';
import { DEMO_USER_LIST, DEMO_USERS } from './demo-users';

/** Seeds Acme Cloud's Jira site: people, projects (Security restricted to three people), epics and their work. */

/** Monday 5 January 2026, the first day of the demo company's Q1: every demo date is relative to it. */
export const DEMO_BASE_DATE = '2026-01-05T09:00:00.000Z';

export const DEMO_PROJECTS: readonly {
  key: DemoProjectKey;
  name: string;
  lead: DemoUserHandle;
  /** 'everyone', or the only people who may browse the project. */
  browse: 'everyone' | readonly DemoUserHandle[];
}[] = [
  { key: 'PAY', name: 'Payments', lead: 'priya', browse: 'everyone' },
  { key: 'ONB', name: 'Onboarding', lead: 'marcus', browse: 'everyone' },
  { key: 'PLAT', name: 'Platform', lead: 'sofia', browse: 'everyone' },
  { key: 'SEC', name: 'Security', lead: 'grace', browse: ['grace', 'kenji', 'elena'] },
];

export interface SeedResult {
  /** False when the site already held the demo company (nothing was written). */
  seeded: boolean;
  users: number;
  projects: number;
  issues: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const at = (offsetMs: number): string => new Date(Date.parse(DEMO_BASE_DATE) + offsetMs).toISOString();

/** Work that moved was last touched a few days after creation; finished work a week later. */
const touchedAfter = (status: StatusName): number => {
  const category = STATUSES.find((s) => s.name === status)?.category;
  return category === 'done' ? 8 * DAY : category === 'indeterminate' ? 3 * DAY : 0;
};

const accountId = (handle: DemoUserHandle): string => DEMO_USERS[handle].accountId;

/**
 * Idempotent: when every demo project already exists it writes nothing. Everything is written in one
 * transaction with events off: this history predates the app's installation, so no product events fire.
 */
export const seedDemoSite = (site: JiraSite): SeedResult => {
  const existing = new Set(site.listProjects().map((p) => p.key));
  if (DEMO_PROJECTS.every((p) => existing.has(p.key))) return { seeded: false, users: 0, projects: 0, issues: 0 };
  const clash = DEMO_PROJECTS.find((p) => existing.has(p.key));
  if (clash) throw new Error(`Cannot seed the demo company: project ${clash.key} already exists but the others do not`);

  return site.transaction(
    () => {
      const known = new Set(site.listUsers().map((u) => u.accountId));
      const newUsers = DEMO_USER_LIST.filter((u) => !known.has(u.accountId));
      for (const user of newUsers) {
        site.createUser({
          accountId: user.accountId,
          displayName: user.displayName,
          email: user.email,
          siteAdmin: user.siteAdmin,
          timeZone: user.timeZone,
          groups: [...user.groups],
        });
      }
      for (const project of DEMO_PROJECTS) {
        site.createProject({
          key: project.key,
          name: project.name,
          lead: accountId(project.lead),
          browse: project.browse === 'everyone' ? 'everyone' : { accountIds: project.browse.map(accountId) },
        });
      }

      let issues = 0;
      type Work = Pick<DemoChild, 'summary' | 'status' | 'resolution' | 'who'>;
      const create = (
        project: DemoProjectKey,
        issueType: IssueTypeName,
        child: Work,
        createdMs: number,
        parent?: string,
      ): string => {
        issues += 1;
        return site.createIssue({
          project,
          issueType,
          summary: child.summary,
          status: child.status,
          ...(child.resolution === undefined ? {} : { resolution: child.resolution }),
          ...(parent === undefined ? {} : { parent }),
          assignee: accountId(child.who),
          reporter: accountId(DEMO_PROJECTS.find((p) => p.key === project)?.lead ?? child.who),
          created: at(createdMs),
          updated: at(createdMs + touchedAfter(child.status)),
        }).key;
      };

      for (const epic of DEMO_EPICS) {
        const epicCreated = epic.day * DAY;
        issues += 1;
        const epicKey = site.createIssue({
          project: epic.project,
          issueType: 'Epic',
          summary: epic.summary,
          description: epic.description,
          status: epic.status,
          assignee: accountId(epic.owner),
          reporter: accountId(epic.owner),
          labels: [...epic.labels],
          created: at(epicCreated),
          updated: at(epicCreated + touchedAfter(epic.status)),
        }).key;
        epic.children.forEach((child, n) => {
          const childCreated = epicCreated + (n + 1) * DAY + n * HOUR;
          const childKey = create(epic.project, child.type, child, childCreated, epicKey);
          (child.subtasks ?? []).forEach((sub, s) => {
            create(epic.project, 'Sub-task', sub, childCreated + (s + 1) * HOUR, childKey);
          });
        });
      }
      for (const loose of DEMO_LOOSE_ISSUES) create(loose.project, loose.type, loose, loose.day * DAY);

      return { seeded: true, users: newUsers.length, projects: DEMO_PROJECTS.length, issues };
    },
    { silent: true },
  );
};
