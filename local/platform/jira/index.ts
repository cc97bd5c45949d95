/** The emulated Jira Cloud site (and the pass-through to a real one) for the local Forge runtime. */
export { createJiraSite, DEFAULT_APP_ACCOUNT, DEFAULT_SITE_URL } from './site';
export type { JiraSite, JiraSiteOptions } from './site';
export { createPassThroughSite } from './pass-through';
export type { PassThroughOptions } from './pass-through';
export { JiraAdminError } from './admin-shared';
export { userMayBrowse } from './access';
export { createProjectInput, createUserInput } from './admin-directory';
export type { CreateProjectInput, CreateUserInput } from './admin-directory';
export { createIssueInput, deleteIssueInput, updateIssueInput } from './admin-issues';
export type { CreateIssueInput, DeleteIssueInput, UpdateIssueInput } from './admin-issues';
export type {
  ChangelogItem,
  IssueCreatedEvent,
  IssueDeletedEvent,
  IssueUpdatedEvent,
  JiraEventListener,
  JiraIssueEvent,
} from './events';
export type { AdminIssue, BrowseRule, ProjectRecord, UserRecord } from './model';
export type { IssueJson } from './render-issue';
export type { SentNotification } from './store-notifications';
export { ISSUE_TYPES, RESOLUTIONS, STATUSES, STATUS_CATEGORIES } from './catalog';
export type { IssueTypeName, ResolutionName, StatusName } from './catalog';
