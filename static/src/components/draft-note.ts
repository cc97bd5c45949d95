import type { CheckInDraft, Confidence, Forecast, IssueRef, WorkChanges } from '../../../src/contract';
import { t } from '../app/i18n';
import { formatDay, formatProjection, formatScore, type ProjectedMetric } from './format';

/**
 * A drafted check-in (checkIns.draft) in words: the note it proposes, in the viewer's language, and the
 * pieces the draft's summary shows. Words only: what changed and the forecast are the backend's
 * (domain/forecast.ts); nothing here decides a rule.
 */

/** The note has room for 2000 characters (CheckInSchema); a few names say enough. */
const NAMED_IN_NOTE = 5;
const SUMMARY_CHARS = 50;
const NOTE_MAX = 2000;

/** The issue lists of WorkChanges, in the order the note and the summary read them. */
export const ISSUE_LISTS = ['done', 'added', 'wontDo'] as const;
export type IssueList = (typeof ISSUE_LISTS)[number];

/** One list of a draft's changes: its issues, and whether the backend cut it at 20 (so the count is "at least"). */
export interface ChangeLine {
  readonly list: IssueList;
  readonly issues: readonly IssueRef[];
  readonly cut: boolean;
}

/** The backend cuts each list at 20 and says so once for all; a list that long is the one that was cut. */
const CUT_AT = 20;

/** The non-empty issue lists of the changes, in reading order. */
export const changeLines = (changes: WorkChanges): ChangeLine[] =>
  ISSUE_LISTS.filter((list) => changes[list].length > 0).map((list) => ({
    list,
    issues: changes[list],
    cut: changes.truncated && changes[list].length >= CUT_AT,
  }));

/** Whether anything moved under the epics: an issue done, added or dropped, or an epic's status. */
export const hasChanges = (changes: WorkChanges | null): boolean =>
  changes !== null && (changeLines(changes).length > 0 || changes.epics.length > 0);

/** What the latest check-in said, as every KR view carries it. */
export interface LastSaid {
  readonly value: number;
  readonly confidence: Confidence;
}

/**
 * "Nothing changed since …": the draft proposes what the latest check-in said (value and confidence) and
 * no work moved. The owner may still accept it to confirm the week. (Doubles: the form's request id makes
 * a retried accept one check-in; the backend's repeat rule, domain/check-in-repeat.ts, folds identical
 * check-ins sent without one.)
 */
export const draftUnchanged = (
  draft: Pick<CheckInDraft, 'value' | 'confidence' | 'changes'>,
  last: LastSaid | undefined,
): boolean => last?.value === draft.value && last.confidence === draft.confidence && !hasChanges(draft.changes);

/** "3 issues done", "at least 20 issues done" (a cut list). */
export const lineCount = (line: ChangeLine): string =>
  t(`draft.count.${line.cut ? `${line.list}AtLeast` : line.list}`, { count: line.issues.length });

const cutText = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

/** "WEB-12 Login", its summary cut to fit a note. */
export const issueName = (issue: Pick<IssueRef, 'issueKey' | 'summary'>): string =>
  `${issue.issueKey} ${cutText(issue.summary.trim(), SUMMARY_CHARS)}`.trim();

/** "epic WEB-3 moved from To Do to In Progress"; without a recorded status, only where it stands ("epic WEB-3: In Progress"). */
export const epicChange = (epic: WorkChanges['epics'][number]): string =>
  epic.from === null
    ? t('draft.epicChange.now', { key: epic.issueKey, to: epic.to })
    : t('draft.epicChange.moved', { key: epic.issueKey, from: epic.from, to: epic.to });

/** Names, then "and 3 more" past `max`. */
const named = (names: readonly string[], max: number): string => {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? t('draft.andMore', { names: shown, count: names.length - max }) : shown;
};

/** "If the trend of the last 3 weeks holds: 61% by 31 Dec (score 0.61)." */
export const forecastSentence = (forecast: Forecast, metric: ProjectedMetric): string => {
  const params = {
    // Rounded as the board's forecast is, so the two read the same figure.
    value: formatProjection(forecast.value, metric),
    day: formatDay(forecast.by),
    score: formatScore(forecast.score),
  };
  return forecast.basis === 'trend'
    ? t('draft.forecast.trend', { ...params, count: forecast.weeks })
    : t('draft.forecast.sinceStart', params);
};

/** The sentence about the work since `since`; empty when the KR links no epic. */
export const changesSentence = (changes: WorkChanges | null, since: string): string => {
  if (changes === null) return '';
  const day = formatDay(since);
  if (!hasChanges(changes)) return t('draft.note.nothingMoved', { day });
  // Done issues are named (what the week achieved); added and dropped ones are counted.
  const issues = changeLines(changes).map((line) =>
    line.list === 'done'
      ? t('draft.note.namedList', { count: lineCount(line), names: named(line.issues.map(issueName), NAMED_IN_NOTE) })
      : lineCount(line),
  );
  const epics = named(changes.epics.map(epicChange), NAMED_IN_NOTE);
  const parts = [issues.join(', '), epics].filter((p) => p !== '');
  return t('draft.note.since', { day, changes: parts.join('; ') });
};

/**
 * The note a draft proposes: what changed under the epics since the last check-in, then the forecast.
 * "Since 24 Nov: 3 issues done (WEB-12 Login, …), 1 added; epic WEB-3 moved from To Do to In Progress.
 * If the trend of the last 3 weeks holds: 61% by 31 Dec (score 0.61)." An unchanged week (draftUnchanged)
 * says only that nothing moved.
 */
export const draftNote = (
  draft: Pick<CheckInDraft, 'value' | 'confidence' | 'changes' | 'since' | 'forecast'>,
  metric: ProjectedMetric,
  last: LastSaid | undefined,
): string => {
  // Confirming an unchanged week says just that: the forecast's figures shift by the minute, and words
  // that differ each time would make two confirmations look like news.
  const forecast =
    draft.forecast === null || draftUnchanged(draft, last) ? '' : forecastSentence(draft.forecast, metric);
  const text = [changesSentence(draft.changes, draft.since), forecast].filter((s) => s !== '').join(' ');
  return cutText(text, NOTE_MAX);
};
