import { resolutionById, statusById } from './catalog';
import type { SiteContext } from './context';
import type { ChangelogItem } from './events';
import type { IssueRecord } from './model';

/**
 * The changelog items Jira writes for an edit, in a fixed order. Parent changes use Jira's
 * `IssueParentAssociation` field name with fieldId `parent`; ids go in from/to, names in the strings.
 */
export const diffIssues = (ctx: SiteContext, before: IssueRecord, after: IssueRecord): ChangelogItem[] => {
  const items: ChangelogItem[] = [];
  const item = (
    field: string,
    fieldId: string,
    from: string | null,
    fromString: string | null,
    to: string | null,
    toString: string | null,
  ) => items.push({ field, fieldtype: 'jira', fieldId, from, fromString, to, toString });
  const userName = (accountId: string | null): string | null =>
    accountId === null ? null : (ctx.directory.getUser(accountId)?.displayName ?? accountId);
  const issueKey = (id: string | null): string | null => (id === null ? null : (ctx.issues.get(id)?.key ?? null));
  const resolutionName = (id: string | null): string | null => (id === null ? null : resolutionById(id).name);

  if (before.summary !== after.summary) item('summary', 'summary', null, before.summary, null, after.summary);
  if (before.description !== after.description)
    item('description', 'description', null, before.description, null, after.description);
  if (before.assigneeId !== after.assigneeId) {
    item(
      'assignee',
      'assignee',
      before.assigneeId,
      userName(before.assigneeId),
      after.assigneeId,
      userName(after.assigneeId),
    );
  }
  if (before.statusId !== after.statusId) {
    item(
      'status',
      'status',
      before.statusId,
      statusById(before.statusId).name,
      after.statusId,
      statusById(after.statusId).name,
    );
  }
  if (before.resolutionId !== after.resolutionId) {
    item(
      'resolution',
      'resolution',
      before.resolutionId,
      resolutionName(before.resolutionId),
      after.resolutionId,
      resolutionName(after.resolutionId),
    );
  }
  if (before.parentId !== after.parentId) {
    item(
      'IssueParentAssociation',
      'parent',
      before.parentId,
      issueKey(before.parentId),
      after.parentId,
      issueKey(after.parentId),
    );
  }
  if (before.labels.join(' ') !== after.labels.join(' ')) {
    item('labels', 'labels', null, before.labels.join(' ') || null, null, after.labels.join(' ') || null);
  }
  return items;
};

/** Jira's `jiraEventTypeName` for an edit: resolving and reopening have their own event types. */
export const updateEventTypeName = (
  before: IssueRecord,
  after: IssueRecord,
  items: readonly ChangelogItem[],
): string => {
  if (before.resolutionId === null && after.resolutionId !== null) return 'issue_resolved';
  if (before.resolutionId !== null && after.resolutionId === null) return 'issue_reopened';
  if (items.length === 1 && items[0]?.fieldId === 'assignee') return 'issue_assigned';
  return items.some((i) => i.fieldId === 'status') ? 'issue_generic' : 'issue_updated';
};
