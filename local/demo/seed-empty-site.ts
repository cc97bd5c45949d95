import type { JiraSite } from '../platform/jira';
import type { LocalRuntime } from '../platform/local-runtime';
import type { SiteEpic, SitePerson, SiteProject } from './site-builder';
import { buildSite } from './site-builder';

/**
 * The Jira side of a company that has just installed Cadence (`npm start -- --no-seed`): one site admin
 * (the person who installed it), three colleagues who will become team members (one works in Dutch), two
 * projects with a few epics and child issues. No Cadence data at all: no cycle, team, setting or OKR, so
 * the first visit is the app's own getting-started path.
 */

type Handle = 'alex' | 'sam' | 'noor' | 'jordan';
type ProjectKey = 'WEB' | 'APP';

const EVERYONE = 'jira-software-users';

export const EMPTY_SITE_PEOPLE = {
  alex: {
    handle: 'alex',
    accountId: '6a7b8c9d0e1f2a3b4c5d6e01',
    displayName: 'Alex Morgan',
    email: 'alex.morgan@northwind.example',
    siteAdmin: true,
    timeZone: 'Europe/London',
    locale: 'en_US',
    groups: [EVERYONE, 'site-admins'],
  },
  sam: {
    handle: 'sam',
    accountId: '6a7b8c9d0e1f2a3b4c5d6e02',
    displayName: 'Sam Taylor',
    email: 'sam.taylor@northwind.example',
    siteAdmin: false,
    timeZone: 'Europe/London',
    locale: 'en_US',
    groups: [EVERYONE],
  },
  noor: {
    handle: 'noor',
    accountId: '6a7b8c9d0e1f2a3b4c5d6e03',
    displayName: 'Noor Jansen',
    email: 'noor.jansen@northwind.example',
    siteAdmin: false,
    timeZone: 'Europe/Amsterdam',
    locale: 'nl_NL',
    groups: [EVERYONE],
  },
  jordan: {
    handle: 'jordan',
    accountId: '6a7b8c9d0e1f2a3b4c5d6e04',
    displayName: 'Jordan Lee',
    email: 'jordan.lee@northwind.example',
    siteAdmin: false,
    timeZone: 'America/New_York',
    locale: 'en_US',
    groups: [EVERYONE],
  },
} as const satisfies Record<Handle, SitePerson<Handle>>;

/** Monday 6 October 2025: the issues predate the installation, so no product event fires for them. */
export const EMPTY_SITE_BASE_DATE = '2025-10-06T09:00:00.000Z';

export const EMPTY_SITE_PROJECTS: readonly SiteProject<Handle, ProjectKey>[] = [
  { key: 'WEB', name: 'Website', lead: 'sam', browse: 'everyone' },
  { key: 'APP', name: 'Mobile app', lead: 'jordan', browse: 'everyone' },
];

const EPICS: readonly SiteEpic<Handle, ProjectKey>[] = [
  {
    project: 'WEB',
    summary: 'Self-service sign-up',
    description: 'Visitors start a trial without talking to sales.',
    status: 'In Progress',
    owner: 'sam',
    labels: ['growth'],
    day: 1,
    children: [
      { type: 'Story', summary: 'Sign-up form with email verification', status: 'Done', who: 'sam' },
      { type: 'Story', summary: 'Trial workspace created on sign-up', status: 'In Progress', who: 'noor' },
      { type: 'Task', summary: 'Pricing page links to sign-up', status: 'To Do', who: 'sam' },
    ],
  },
  {
    project: 'WEB',
    summary: 'Faster page loads',
    description: 'Every page shows its content within two seconds on a mid-range phone.',
    status: 'To Do',
    owner: 'noor',
    labels: ['performance'],
    day: 4,
    children: [
      { type: 'Task', summary: 'Measure load times on the ten busiest pages', status: 'Done', who: 'noor' },
      { type: 'Story', summary: 'Serve images in modern formats', status: 'To Do', who: 'noor' },
      { type: 'Bug', summary: 'Fonts block the first paint', status: 'To Do', who: 'sam' },
    ],
  },
  {
    project: 'APP',
    summary: 'Offline mode',
    description: 'The app keeps working on a train: changes sync when the connection is back.',
    status: 'In Progress',
    owner: 'jordan',
    labels: ['mobile'],
    day: 2,
    children: [
      { type: 'Story', summary: 'Cache the last opened lists', status: 'Done', who: 'jordan' },
      { type: 'Story', summary: 'Queue edits made offline', status: 'In Review', who: 'jordan' },
      { type: 'Story', summary: 'Resolve conflicting edits', status: 'To Do', who: 'noor' },
      { type: 'Bug', summary: 'Sync spinner never stops', status: "Won't Do", who: 'jordan' },
    ],
  },
  {
    project: 'APP',
    summary: 'Push notifications',
    description: 'People hear about changes that need them without opening the app.',
    status: 'To Do',
    owner: 'sam',
    labels: ['mobile', 'engagement'],
    day: 6,
    children: [
      { type: 'Task', summary: 'Choose a push provider', status: 'Done', who: 'sam' },
      { type: 'Story', summary: 'Notify when assigned', status: 'To Do', who: 'jordan' },
    ],
  },
];

export interface EmptySiteResult {
  /** False when the site already had people (an earlier run, or the demo company): nothing was written. */
  seeded: boolean;
  users: number;
  projects: number;
  issues: number;
}

/** Seeds the empty company's Jira site; writes nothing on a site that already has people. */
export const seedEmptyJiraSite = (site: JiraSite): EmptySiteResult => {
  if (site.listUsers().length > 0) return { seeded: false, users: 0, projects: 0, issues: 0 };
  const built = buildSite(site, {
    baseDate: EMPTY_SITE_BASE_DATE,
    people: Object.values(EMPTY_SITE_PEOPLE),
    projects: EMPTY_SITE_PROJECTS,
    epics: EPICS,
    loose: [
      {
        project: 'WEB',
        type: 'Bug',
        summary: 'Footer links wrap on small screens',
        status: 'To Do',
        who: 'sam',
        day: 8,
      },
    ],
  });
  return { seeded: true, ...built };
};

/**
 * `npm start -- --no-seed`, and the empty host of the browser suites: the Jira site only, nothing stored
 * by Cadence. With a real Jira (pass-through) nothing is seeded: its own people and projects are there.
 */
export const seedEmptySite = async (runtime: LocalRuntime): Promise<boolean> => {
  if (runtime.jira !== runtime.site) return false;
  const result = seedEmptyJiraSite(runtime.site);
  await runtime.whenIdle();
  return result.seeded;
};
