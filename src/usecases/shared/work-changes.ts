import type { IssueRef, WorkChanges } from '../../contract';
import { startOfDayUtc } from '../../domain/calendar-day';
import { EXCLUDED_RESOLUTIONS } from '../epic-progress';
import type { WorkIssue } from '../ports';

/**
 * What a drafted check-in says moved under a KR's linked epics (issue #13). Pure: the issues come from
 * one search as the viewer (JiraGateway.epicWorkForUser), so only issues they may browse are ever named.
 */

/** Each list names at most this many issues: a note to read, not a report. */
export const WORK_LIST_LIMIT = 20;

/**
 * Where a draft counts changes from: the latest check-in; without one, when the KR was added or the
 * cycle began (00:00 UTC of its start date), whichever is later.
 */
export const changesSince = (input: {
  readonly lastCheckInAt: string | undefined;
  readonly keyResultCreatedAt: string | undefined;
  readonly cycleStartDate: string;
}): string => {
  if (input.lastCheckInAt !== undefined) return new Date(Date.parse(input.lastCheckInAt)).toISOString();
  const start = startOfDayUtc(input.cycleStartDate);
  const created = input.keyResultCreatedAt === undefined ? Number.NaN : Date.parse(input.keyResultCreatedAt);
  return new Date(Number.isNaN(created) ? start : Math.max(start, created)).toISOString();
};

const byKey = (a: { issueKey: string }, b: { issueKey: string }): number =>
  a.issueKey.localeCompare(b.issueKey, 'en', { numeric: true });

export interface WorkChangesInput {
  /** The linked epics the viewer may browse, in the KR's order; children of any other epic are never listed. */
  readonly epicIds: readonly string[];
  readonly issues: readonly WorkIssue[];
  /** ISO instant. */
  readonly since: string;
  /** Each epic's status name when the latest check-in was made; undefined when it recorded none. */
  readonly baseline: ReadonlyMap<string, string> | undefined;
}

/**
 * Child issues created since then, or moved under the epic since then (parentSetAt), are `added`; resolved since then as Won't Do or Duplicate (the
 * resolutions epic-progress takes out of scope) `wontDo`; resolved since then in a done status `done`.
 * An issue can be both added and done. Epics are listed when their status differs from the baseline
 * (every epic, `from` null, when there is none). Lists in key order, each cut at WORK_LIST_LIMIT.
 */
export const workChanges = (input: WorkChangesInput): WorkChanges => {
  const since = Date.parse(input.since);
  const epics = new Map(input.issues.filter((i) => input.epicIds.includes(i.id)).map((i) => [i.id, i]));
  const done: IssueRef[] = [];
  const added: IssueRef[] = [];
  const wontDo: IssueRef[] = [];
  for (const issue of input.issues) {
    const epic = issue.parentId === undefined ? undefined : epics.get(issue.parentId);
    if (epic === undefined || epics.has(issue.id)) continue;
    const ref: IssueRef = { issueId: issue.id, issueKey: issue.key, summary: issue.summary, epicKey: epic.key };
    const addedAt = Math.max(
      Date.parse(issue.created),
      issue.parentSetAt === undefined ? Number.NEGATIVE_INFINITY : Date.parse(issue.parentSetAt),
    );
    if (addedAt >= since) added.push(ref);
    const resolvedSince = issue.resolved !== undefined && Date.parse(issue.resolved) >= since;
    if (!resolvedSince) continue;
    if (issue.resolution !== undefined && EXCLUDED_RESOLUTIONS.has(issue.resolution)) wontDo.push(ref);
    else if (issue.statusCategory === 'done') done.push(ref);
  }
  const moved = input.epicIds
    .map((id) => epics.get(id))
    .filter((e): e is WorkIssue => e !== undefined)
    .map((e) => ({ issueKey: e.key, summary: e.summary, from: input.baseline?.get(e.id) ?? null, to: e.statusName }))
    .filter((e) => e.from !== e.to);
  const cut = (list: IssueRef[]): IssueRef[] => list.sort(byKey).slice(0, WORK_LIST_LIMIT);
  return {
    done: cut(done),
    added: cut(added),
    wontDo: cut(wontDo),
    epics: moved,
    truncated: [done, added, wontDo].some((list) => list.length > WORK_LIST_LIMIT),
  };
};
