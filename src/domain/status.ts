import type { CycleStatus, StatusSummary, TrackStatus } from '../contract';
import { roundTo } from './round';

/**
 * The one status language of every view (issue #11). Mid-cycle, the primary status of a KR or an
 * objective is its pace: its progress against what the cycle's calendar expects by now. The owner's
 * confidence is their word, shown beside it as a secondary signal, never mixed in. Score bands are
 * grades: they speak in review and once a cycle is closed, not mid-cycle (a KR at 0.33 two thirds of
 * the way through is behind, not "red"). Drafts are not counted anywhere.
 */
export interface StatusThresholds {
  /** Progress this far (0.0-1.0) or more below the expected line is behind. */
  readonly behindBy: number;
  /** And this far or more below it is at risk: at this pace the KR will not get near its target. */
  readonly atRiskBy: number;
}

/** The pace tolerance (domain/pace.ts DEFAULT_PACE_OPTIONS) and twice and a half that. */
export const DEFAULT_STATUS_THRESHOLDS: StatusThresholds = { behindBy: 0.1, atRiskBy: 0.25 };

export interface StatusInput {
  /** Progress on the 0.0-1.0 scale; null when nothing is measured yet. */
  readonly progress: number | null;
  /** Where progress should be by now (domain/pace.ts expectedProgress). */
  readonly expected: number;
  /** No check-in for too long (the backend's staleness rule): the figures may be out of date. */
  readonly stale: boolean;
}

/**
 * A KR's or objective's status mid-cycle. Stale comes first: a pace computed from old figures would
 * say more than anyone knows. The gap is rounded to 6 decimals, as pace rounds it.
 */
export const trackStatus = (input: StatusInput, thresholds: StatusThresholds = DEFAULT_STATUS_THRESHOLDS): TrackStatus => {
  if (input.stale) return 'stale';
  if (input.progress === null) return 'no_value';
  const shortfall = roundTo(input.expected - input.progress, 6);
  if (shortfall >= thresholds.atRiskBy) return 'at_risk';
  if (shortfall > thresholds.behindBy) return 'behind';
  return 'on_pace';
};

/** Which signal colours a view: pace while a cycle is planned or runs, grades in review and after. */
export const primarySignal = (cycle: CycleStatus): 'pace' | 'grade' => (cycle === 'review' || cycle === 'closed' ? 'grade' : 'pace');

/**
 * How many of some items are in each status: the summary a view opens with, which doubles as a filter.
 * Drafts are left out (a draft is not yet a commitment, so it counts in no figure).
 */
export const summarizeStatuses = (items: readonly { status: TrackStatus; draft: boolean }[]): StatusSummary => {
  const summary: StatusSummary = { on_pace: 0, behind: 0, at_risk: 0, stale: 0, no_value: 0, total: 0 };
  for (const item of items) {
    if (item.draft) continue;
    summary[item.status] += 1;
    summary.total += 1;
  }
  return summary;
};
