import type { z } from 'zod';
import { issueTypeById, resolutionById, statusById } from './catalog';
import type { SiteContext } from './context';
import type { AdminIssue, IssueRecord, UserRecord } from './model';

/** A rejected admin change (bad input, unknown project or user, impossible hierarchy). */
export class JiraAdminError extends Error {
  override readonly name = 'JiraAdminError';
}

/** Admin input may come from the web host's forms, so it is parsed like any other boundary input. */
export const parseAdminInput = <T>(schema: z.ZodType<T>, input: unknown, what: string): T => {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    throw new JiraAdminError(`Invalid ${what}: ${problems}`);
  }
  return parsed.data;
};

export const requireUser = (ctx: SiteContext, accountId: string, role: string): UserRecord => {
  const user = ctx.directory.getUser(accountId);
  if (!user) throw new JiraAdminError(`Unknown ${role} accountId '${accountId}'`);
  return user;
};

export const findIssueAnyProject = (ctx: SiteContext, idOrKey: string): IssueRecord | undefined =>
  /^\d+$/.test(idOrKey) ? ctx.issues.get(idOrKey) : ctx.issues.findByKey(idOrKey);

export const requireIssue = (ctx: SiteContext, idOrKey: string): IssueRecord => {
  const issue = findIssueAnyProject(ctx, idOrKey);
  if (!issue) throw new JiraAdminError(`Unknown issue '${idOrKey}'`);
  return issue;
};

/** Keys by id, when converting many issues at once (saves a query per issue). */
export interface KeyMaps {
  projects: ReadonlyMap<string, string>;
  issues: ReadonlyMap<string, string>;
}

export const toAdminIssue = (ctx: SiteContext, issue: IssueRecord, keys?: KeyMaps): AdminIssue => {
  const status = statusById(issue.statusId);
  const projectKey = keys?.projects.get(issue.projectId) ?? ctx.directory.getProject(issue.projectId)?.key ?? '';
  const parentKey =
    issue.parentId === null ? null : (keys?.issues.get(issue.parentId) ?? ctx.issues.get(issue.parentId)?.key ?? null);
  return {
    id: issue.id,
    key: issue.key,
    projectKey,
    issueType: issueTypeById(issue.issueTypeId).name,
    summary: issue.summary,
    description: issue.description,
    status: status.name,
    statusCategory: status.category,
    resolution: issue.resolutionId === null ? null : resolutionById(issue.resolutionId).name,
    parentKey,
    assignee: issue.assigneeId,
    reporter: issue.reporterId,
    labels: [...issue.labels],
    created: issue.created,
    updated: issue.updated,
  };
};
