import { z } from 'zod';
import type { Deps } from './ports';
import { refreshEpics } from './refresh-epics';

/** The parts of an avi:jira:*:issue event we read; everything else is ignored. */
const IssueEvent = z.object({
  eventType: z.string(),
  issue: z.object({
    id: z.string(),
    fields: z.object({ parent: z.object({ id: z.string() }).nullish() }).loose().optional(),
  }),
  changelog: z
    .object({
      items: z.array(z.object({ field: z.string().optional(), fieldId: z.string().optional(), from: z.string().nullish(), to: z.string().nullish() }).loose()),
    })
    .nullish(),
});

const PARENT_FIELDS = new Set(['IssueParentAssociation', 'Parent', 'parent']);

/**
 * The epics an issue event may concern: the issue itself (an epic that changed or was deleted), its
 * parent (a child issue that moved, was added or removed), and, when it was re-parented, the old and new
 * parents from the changelog.
 */
export const epicsConcerned = (event: unknown): string[] => {
  const parsed = IssueEvent.safeParse(event);
  if (!parsed.success) return [];
  const { issue, changelog } = parsed.data;
  const ids = new Set<string>([issue.id]);
  const parent = issue.fields?.parent?.id;
  if (parent !== undefined) ids.add(parent);
  for (const item of changelog?.items ?? []) {
    if (!PARENT_FIELDS.has(item.field ?? '') && item.fieldId !== 'parent') continue;
    for (const id of [item.from, item.to]) if (typeof id === 'string' && id !== '') ids.add(id);
  }
  return [...ids];
};

/**
 * Product event avi:jira:created|updated|deleted:issue: refreshes the linked epics it concerns.
 * Jira: POST /rest/api/3/search/jql as the app, only when a concerned epic is linked.
 */
export const handleIssueEvent = (deps: Deps, event: unknown): Promise<number> => refreshEpics(deps, epicsConcerned(event));
