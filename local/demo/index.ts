import type { LocalRuntime } from '../platform/local-runtime';
import { seedDemoOkrs } from './seed-okrs';
import { seedDemoSite } from './seed-jira';

export { DEMO_USERS, DEMO_USER_LIST } from './demo-users';
export { DEMO_PROJECTS, seedDemoSite } from './seed-jira';
export { seedDemoOkrs } from './seed-okrs';
export { EMPTY_SITE_PEOPLE, EMPTY_SITE_PROJECTS, seedEmptyJiraSite, seedEmptySite } from './seed-empty-site';

/**
 * Seeds the demo company on first run: the emulated Jira site (users, projects, epics and their child
 * issues), then the company's OKRs through the app's resolvers, with the weeks of the cycle before `now`. Returns true when anything was written.
 * With a real site (pass-through) nothing is seeded: the demo epics would not exist there.
 */
export const seedDemo = async (runtime: LocalRuntime, now: Date = new Date()): Promise<boolean> => {
  if (runtime.jira !== runtime.site) return false;
  const site = seedDemoSite(runtime.site);
  const okrs = await seedDemoOkrs(runtime, now);
  return site.seeded || okrs;
};
