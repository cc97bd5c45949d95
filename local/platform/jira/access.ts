import type { Principal } from '../types';
import type { SiteContext } from './context';
import { JiraHttpError } from './http';
import type { IssueRecord, ProjectRecord, UserRecord } from './model';

/**
 * The permission model: a user browses a project open to everyone, or one whose browse list names
 * them or one of their groups. The app (asApp) browses every project, as a Forge app with
 * read:jira-work does on a real site.
 */
export type Caller = { kind: 'app' } | { kind: 'user'; user: UserRecord };

export const resolveCaller = (ctx: SiteContext, principal: Principal): Caller => {
  if (principal.kind === 'app') return { kind: 'app' };
  const user = ctx.directory.getUser(principal.accountId);
  // An unknown or deactivated account cannot hold a session on a real site either.
  if (!user?.active) throw new JiraHttpError(401, ['Client must be authenticated to access this resource.']);
  return { kind: 'user', user };
};

export const userMayBrowse = (user: UserRecord, project: ProjectRecord): boolean => {
  if (!user.active) return false;
  const rule = project.browse;
  if (rule.kind === 'everyone') return true;
  return rule.accountIds.includes(user.accountId) || user.groups.some((g) => rule.groups.includes(g));
};

export const callerMayBrowse = (caller: Caller, project: ProjectRecord): boolean =>
  caller.kind === 'app' || userMayBrowse(caller.user, project);

/** The projects and issues one caller can see, computed once per request. */
export interface Visibility {
  projects: ProjectRecord[];
  projectById: ReadonlyMap<string, ProjectRecord>;
  /** Visible issues in id order. */
  issues: IssueRecord[];
  /** Finds a visible issue by numeric id. */
  issueById(id: string): IssueRecord | undefined;
  /** Finds a visible issue by numeric id or (case-insensitive) key. */
  findIssue(idOrKey: string): IssueRecord | undefined;
}

export const visibilityFor = (ctx: SiteContext, caller: Caller): Visibility => {
  const projects = ctx.directory.listProjects().filter((p) => callerMayBrowse(caller, p));
  const projectById = new Map(projects.map((p) => [p.id, p]));
  const issues = ctx.issues.all().filter((i) => projectById.has(i.projectId));
  // Single lookups go to the store's indexes rather than building maps over every issue.
  const visible = (issue: IssueRecord | undefined): IssueRecord | undefined =>
    issue && projectById.has(issue.projectId) ? issue : undefined;
  const issueById = (id: string): IssueRecord | undefined => visible(ctx.issues.get(id));
  return {
    projects,
    projectById,
    issues,
    issueById,
    findIssue: (idOrKey) => (/^\d+$/.test(idOrKey) ? issueById(idOrKey) : visible(ctx.issues.findByKey(idOrKey))),
  };
};
