import type { IssueTypeName, JiraSite, ResolutionName, StatusName } from '../platform/jira';
import { STATUSES } from '../platform/jira';

/**
 * Writes a company's Jira side (people, projects, epics with child work, loose issues) onto the emulated
 * site: what the demo company and the empty site share. Dates are fixed offsets from a base date, never
 * the clock, so every run makes the same issues with the same keys.
 */

export interface SitePerson<H extends string> {
  handle: H;
  accountId: string;
  displayName: string;
  email: string;
  siteAdmin: boolean;
  timeZone: string;
  /** Jira's form (`en_US`, `nl_NL`): the language Forge gives this person's views. */
  locale: string;
  groups: readonly string[];
}

export interface SiteWork<H extends string> {
  type: 'Story' | 'Task' | 'Bug';
  summary: string;
  status: StatusName;
  /** Only when it differs from the workflow default (e.g. Done as a Duplicate). */
  resolution?: ResolutionName;
  who: H;
  subtasks?: readonly { summary: string; status: StatusName; who: H }[];
}

export interface SiteEpic<H extends string, P extends string> {
  project: P;
  summary: string;
  description: string;
  status: StatusName;
  owner: H;
  labels: readonly string[];
  /** Days after the base date; children follow a day apart. */
  day: number;
  children: readonly SiteWork<H>[];
}

export interface SiteProject<H extends string, P extends string> {
  key: P;
  name: string;
  lead: H;
  /** 'everyone', or the only people who may browse the project. */
  browse: 'everyone' | readonly H[];
}

export interface SiteSpec<H extends string, P extends string> {
  baseDate: string;
  people: readonly SitePerson<H>[];
  projects: readonly SiteProject<H, P>[];
  epics: readonly SiteEpic<H, P>[];
  loose: readonly (SiteWork<H> & { project: P; day: number })[];
}

export interface BuiltSite {
  users: number;
  projects: number;
  issues: number;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Work that moved was last touched a few days after creation; finished work a week later. */
const touchedAfter = (status: StatusName): number => {
  const category = STATUSES.find((s) => s.name === status)?.category;
  return category === 'done' ? 8 * DAY : category === 'indeterminate' ? 3 * DAY : 0;
};

/**
 * Writes the spec in one transaction with events off: this history predates the app's installation, so
 * no product events fire. People already on the site (same account id) are kept as they are.
 */
export const buildSite = <H extends string, P extends string>(site: JiraSite, spec: SiteSpec<H, P>): BuiltSite =>
  site.transaction(
    () => {
      const at = (offsetMs: number): string => new Date(Date.parse(spec.baseDate) + offsetMs).toISOString();
      const accountId = (handle: H): string => {
        const person = spec.people.find((p) => p.handle === handle);
        if (!person) throw new Error(`site spec: no person '${handle}'`);
        return person.accountId;
      };
      const known = new Set(site.listUsers().map((u) => u.accountId));
      const newPeople = spec.people.filter((u) => !known.has(u.accountId));
      for (const person of newPeople) {
        site.createUser({
          accountId: person.accountId,
          displayName: person.displayName,
          email: person.email,
          siteAdmin: person.siteAdmin,
          timeZone: person.timeZone,
          locale: person.locale,
          groups: [...person.groups],
        });
      }
      for (const project of spec.projects) {
        site.createProject({
          key: project.key,
          name: project.name,
          lead: accountId(project.lead),
          browse: project.browse === 'everyone' ? 'everyone' : { accountIds: project.browse.map(accountId) },
        });
      }

      let issues = 0;
      type Work = Pick<SiteWork<H>, 'summary' | 'status' | 'resolution' | 'who'>;
      const create = (project: P, issueType: IssueTypeName, work: Work, createdMs: number, parent?: string): string => {
        issues += 1;
        return site.createIssue({
          project,
          issueType,
          summary: work.summary,
          status: work.status,
          ...(work.resolution === undefined ? {} : { resolution: work.resolution }),
          ...(parent === undefined ? {} : { parent }),
          assignee: accountId(work.who),
          reporter: accountId(spec.projects.find((p) => p.key === project)?.lead ?? work.who),
          created: at(createdMs),
          updated: at(createdMs + touchedAfter(work.status)),
        }).key;
      };

      for (const epic of spec.epics) {
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
      for (const loose of spec.loose) create(loose.project, loose.type, loose, loose.day * DAY);

      return { users: newPeople.length, projects: spec.projects.length, issues };
    },
    { silent: true },
  );
