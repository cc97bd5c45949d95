import type { JqlFunctionRuntime } from './jql/app-function-calls';
import type { DirectoryStore } from './store-directory';
import type { ChangelogStore } from './store-changelog';
import type { IssueStore } from './store-issues';
import type { NotificationStore } from './store-notifications';

/** What every part of the emulated site shares: its stores and how it names itself. */
export interface SiteContext {
  directory: DirectoryStore;
  issues: IssueStore;
  /** Each issue's change history (expand=changelog). */
  changelog: ChangelogStore;
  /** Base of `self` links, e.g. `https://acme-cloud.atlassian.net`. */
  siteUrl: string;
  /** The app's own Atlassian account, what `asApp()` acts as (returned by /myself). */
  appAccount: { accountId: string; displayName: string };
  now: () => Date;
  /** Emails apps asked the site to send (POST /rest/api/3/issue/{issueIdOrKey}/notify). */
  notifications: NotificationStore;
  /** The installed app's JQL functions (set once the app host exists); absent, they are unknown functions. */
  jqlFunctions?: JqlFunctionRuntime;
}
