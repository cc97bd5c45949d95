import type { LocalRuntime } from '../platform/local-runtime';
import { seedDemoSite } from './seed-jira';

export { DEMO_USERS, DEMO_USER_LIST } from './demo-users';
export { DEMO_PROJECTS, seedDemoSite } from './seed-jira';

/**
 * Seeds the demo company on first run: the emulated Jira site (users, projects, epics and their child
 * issues). Returns true when anything was written. In pass-through mode the real site is left alone.
 */
export const seedDemo = (runtime: LocalRuntime): Promise<boolean> => {
  const site = seedDemoSite(runtime.site);
  return Promise.resolve(site.seeded);
};
