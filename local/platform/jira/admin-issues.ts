import { z } from 'zod';
import type { IssueTypeDef } from './catalog';
import type { ResolutionName } from './catalog';
import {
  ISSUE_TYPE_NAMES,
  RESOLUTION_NAMES,
  STATUS_NAMES,
  issueTypeById,
  issueTypeNamed,
  resolutionNamed,
  statusById,
  statusNamed,
} from './catalog';
import { diffIssues, updateEventTypeName } from './changelog';
import type { SiteContext } from './context';
import type { EventBus } from './events';
import { JiraAdminError, parseAdminInput, requireIssue, requireUser } from './admin-shared';
import { parseFieldSelection } from './fields';
import type { IssueRecord } from './model';
import { createRenderLookup, renderIssue } from './render-issue';
import type { IssueJson } from './render-issue';
import { nextSequenceValue } from './schema';
import type { Db } from '../db';

/** Issue changes made "in Jira" (by the web host, the demo seed or a test); each fires its product event. */

export interface AdminDeps {
  ctx: SiteContext;
  db: Db;
  bus: EventBus;
  /** Runs `fn` in one database transaction; events are delivered after it commits. */
  transact<T>(fn: () => T): T;
}

const timestamp = z.union([z.date(), z.iso.datetime()]).transform((v) => new Date(v).toISOString());
const label = z.string().regex(/^\S+$/, 'Labels cannot contain spaces');

export const createIssueInput = z.strictObject({
  project: z.string(),
  issueType: z.enum(ISSUE_TYPE_NAMES),
  summary: z.string().min(1).max(255),
  description: z.string().default(''),
  status: z.enum(STATUS_NAMES).default('To Do'),
  /** Defaults to what the workflow sets for the status (Done -> Done, Won't Do -> Won't Do, else none). */
  resolution: z.enum(RESOLUTION_NAMES).nullable().optional(),
  /** Key or id of the parent: an epic for standard issues, a standard issue for sub-tasks. */
  parent: z.string().nullable().optional(),
  assignee: z.string().nullable().optional(),
  /** Defaults to the actor, else the project lead. */
  reporter: z.string().optional(),
  labels: z.array(label).default([]),
  dueDate: z.iso.date().nullable().optional(),
  created: timestamp.optional(),
  updated: timestamp.optional(),
  /** The acting user, sent as the event's atlassianId (defaults to the reporter). */
  actor: z.string().optional(),
});
export type CreateIssueInput = z.input<typeof createIssueInput>;

export const updateIssueInput = z.strictObject({
  summary: z.string().min(1).max(255).optional(),
  description: z.string().optional(),
  status: z.enum(STATUS_NAMES).optional(),
  /** When omitted on a status change, the workflow's default for the new status applies. */
  resolution: z.enum(RESOLUTION_NAMES).nullable().optional(),
  parent: z.string().nullable().optional(),
  assignee: z.string().nullable().optional(),
  labels: z.array(label).optional(),
  at: timestamp.optional(),
  actor: z.string().optional(),
});
export type UpdateIssueInput = z.input<typeof updateIssueInput>;

export const deleteIssueInput = z.strictObject({ actor: z.string().optional() });
export type DeleteIssueInput = z.input<typeof deleteIssueInput>;

const eventIssue = (ctx: SiteContext, issue: IssueRecord): IssueJson =>
  renderIssue(ctx, createRenderLookup(ctx), issue, parseFieldSelection(['*all'], '*all'));

/** Jira's standard hierarchy: sub-task -> standard issue -> epic; sub-tasks stay in their parent's project. */
const resolveParent = (
  ctx: SiteContext,
  type: IssueTypeDef,
  projectId: string,
  parentRef: string | null | undefined,
): string | null => {
  if (parentRef === null || parentRef === undefined) {
    if (type.hierarchyLevel < 0) throw new JiraAdminError('A sub-task needs a parent issue');
    return null;
  }
  if (type.hierarchyLevel > 0)
    throw new JiraAdminError(`An ${type.name} cannot have a parent (the site has no level above epics)`);
  const parent = requireIssue(ctx, parentRef);
  const parentType = issueTypeById(parent.issueTypeId);
  if (parentType.hierarchyLevel !== type.hierarchyLevel + 1) {
    const expected = type.hierarchyLevel === 0 ? 'an Epic' : 'a Story, Task or Bug';
    throw new JiraAdminError(`The parent of a ${type.name} must be ${expected}; ${parent.key} is a ${parentType.name}`);
  }
  if (type.hierarchyLevel < 0 && parent.projectId !== projectId)
    throw new JiraAdminError('A sub-task must be in its parent\u2019s project');
  return parent.id;
};

const resolutionId = (name: ResolutionName | null): string | null => (name === null ? null : resolutionNamed(name).id);

export const createIssue = (deps: AdminDeps, raw: CreateIssueInput): IssueRecord => {
  const { ctx } = deps;
  const input = parseAdminInput(createIssueInput, raw, 'issue');
  const project = /^\d+$/.test(input.project)
    ? ctx.directory.getProject(input.project)
    : ctx.directory.findProjectByKey(input.project);
  if (!project) throw new JiraAdminError(`Unknown project '${input.project}'`);
  const type = issueTypeNamed(input.issueType);
  const reporter = input.reporter ?? input.actor ?? project.leadAccountId;
  [input.assignee, reporter, input.actor].forEach((id) => {
    if (typeof id === 'string') requireUser(ctx, id, 'user');
  });
  const status = statusNamed(input.status);
  const resolution = input.resolution !== undefined ? input.resolution : status.defaultResolution;
  const created = input.created ?? ctx.now().toISOString();
  const updated = input.updated ?? created;

  return deps.transact(() => {
    const parentId = resolveParent(ctx, type, project.id, input.parent);
    const id = ctx.issues.nextId();
    const issue: IssueRecord = {
      id,
      key: `${project.key}-${ctx.directory.nextIssueNumber(project.id)}`,
      projectId: project.id,
      issueTypeId: type.id,
      statusId: status.id,
      resolutionId: resolutionId(resolution),
      parentId,
      summary: input.summary,
      description: input.description,
      assigneeId: input.assignee ?? null,
      reporterId: reporter,
      created,
      updated,
      resolutionDate: resolution === null ? null : updated,
      dueDate: input.dueDate ?? null,
      labels: input.labels,
      rank: Number(id),
    };
    ctx.issues.insert(issue);
    const actor = input.actor ?? reporter ?? undefined;
    deps.bus.emit(() => ({
      eventType: 'avi:jira:created:issue',
      selfGenerated: false,
      issue: eventIssue(ctx, issue),
      ...(actor === undefined ? {} : { atlassianId: actor }),
      jiraEventTypeName: 'issue_created',
    }));
    return issue;
  });
};

export const updateIssue = (deps: AdminDeps, idOrKey: string, raw: UpdateIssueInput): IssueRecord => {
  const { ctx } = deps;
  const input = parseAdminInput(updateIssueInput, raw, 'issue change');
  [input.assignee, input.actor].forEach((id) => {
    if (typeof id === 'string') requireUser(ctx, id, 'user');
  });
  return deps.transact(() => {
    const before = requireIssue(ctx, idOrKey);
    const nextStatusId = input.status === undefined ? before.statusId : statusNamed(input.status).id;
    const resolutionName =
      input.resolution !== undefined
        ? input.resolution
        : nextStatusId !== before.statusId
          ? statusById(nextStatusId).defaultResolution
          : undefined;
    const nextResolutionId = resolutionName === undefined ? before.resolutionId : resolutionId(resolutionName);
    const type = issueTypeById(before.issueTypeId);
    const at = input.at ?? ctx.now().toISOString();
    const after: IssueRecord = {
      ...before,
      summary: input.summary ?? before.summary,
      description: input.description ?? before.description,
      statusId: nextStatusId,
      resolutionId: nextResolutionId,
      parentId: input.parent === undefined ? before.parentId : resolveParent(ctx, type, before.projectId, input.parent),
      assigneeId: input.assignee === undefined ? before.assigneeId : input.assignee,
      labels: input.labels ?? before.labels,
      updated: at,
      resolutionDate: nextResolutionId === null ? null : before.resolutionId === null ? at : before.resolutionDate,
    };
    const items = diffIssues(ctx, before, after);
    if (items.length === 0) return before;
    ctx.issues.update(after);
    const statusChanged = before.statusId !== after.statusId;
    const changelogId = String(nextSequenceValue(deps.db, 'changelog', 10000));
    ctx.changelog.add({ id: changelogId, issueId: after.id, created: at, authorId: input.actor ?? null, items });
    deps.bus.emit(() => ({
      eventType: 'avi:jira:updated:issue',
      selfGenerated: false,
      issue: eventIssue(ctx, after),
      ...(input.actor === undefined ? {} : { atlassianId: input.actor }),
      jiraEventTypeName: updateEventTypeName(before, after, items),
      changelog: { id: changelogId, items },
      ...(statusChanged
        ? {
            associatedStatuses: [before.statusId, after.statusId].map((id) => ({ id, name: statusById(id).name })),
          }
        : {}),
    }));
    return after;
  });
};

/**
 * Deletes an issue with its sub-tasks; an epic's children stay, without a parent. Only the one
 * deleted event fires: Jira sends no cascading events on delete.
 */
export const deleteIssue = (deps: AdminDeps, idOrKey: string, raw: DeleteIssueInput = {}): void => {
  const { ctx } = deps;
  const input = parseAdminInput(deleteIssueInput, raw, 'issue deletion');
  if (input.actor !== undefined) requireUser(ctx, input.actor, 'user');
  deps.transact(() => {
    const issue = requireIssue(ctx, idOrKey);
    // Rendered before the rows go; the closure below only hands it over.
    const payload = eventIssue(ctx, issue);
    for (const child of ctx.issues.childrenOf(issue.id)) {
      if (issueTypeById(child.issueTypeId).hierarchyLevel < 0) {
        ctx.issues.delete(child.id);
        ctx.changelog.deleteFor(child.id);
      } else ctx.issues.update({ ...child, parentId: null });
    }
    ctx.issues.delete(issue.id);
    ctx.changelog.deleteFor(issue.id);
    deps.bus.emit(() => ({
      eventType: 'avi:jira:deleted:issue',
      selfGenerated: false,
      issue: payload,
      ...(input.actor === undefined ? {} : { atlassianId: input.actor }),
      jiraEventTypeName: 'issue_deleted',
    }));
  });
};
