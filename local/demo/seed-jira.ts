import type { JiraSite } from '../platform/jira';
import type { DemoProjectKey } from './demo-initiatives';
import { DEMO_EPICS, DEMO_LOOSE_ISSUES } from './demo-initiatives';
import type { DemoUserHandle } from './demo-users';
import { DEMO_USERS } from './demo-users';
import { buildSite } from './site-builder';

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

/**
 * Idempotent: when every demo project already exists it writes nothing. Everything is written in one
 * transaction with events off: this history predates the app's installation, so no product events fire.
 */
export const seedDemoSite = (site: JiraSite): SeedResult => {
  const existing = new Set(site.listProjects().map((p) => p.key));
  if (DEMO_PROJECTS.every((p) => existing.has(p.key))) return { seeded: false, users: 0, projects: 0, issues: 0 };
  const clash = DEMO_PROJECTS.find((p) => existing.has(p.key));
  if (clash) throw new Error(`Cannot seed the demo company: project ${clash.key} already exists but the others do not`);
  const built = buildSite(site, {
    baseDate: DEMO_BASE_DATE,
    people: (Object.keys(DEMO_USERS) as DemoUserHandle[]).map((handle) => ({ handle, ...DEMO_USERS[handle] })),
    projects: DEMO_PROJECTS,
    epics: DEMO_EPICS,
    loose: DEMO_LOOSE_ISSUES,
  });
  return { seeded: true, ...built };
};
