import type { BoardKeyResult, CompactFinding, Finding, InitiativeSummary, KeyResultSummary } from '../../contract';
import { bandOf } from '../../domain/bands';
import { metricProgress } from '../../domain/progress';
import { isActive, keyResultScore } from '../../domain/score';
import type { ObjectiveAggregate, ObjectiveCore, StoredKeyResult } from '../model';
import { keyResultForecast } from './forecasts';
import { mayCheckIn } from './permissions';
import { isStale } from './stale';
import { keyResultTrack } from './track';
import type { ViewContext } from './views';
import { checkInOpen, isVisible, paceIn, viewRatio } from './views';

/**
 * The board's view builders: the KR summary of an objective row (board.get), the KR rows of the
 * objectives in view (board.keyResults) and compact findings. Same maths as the full views, so a row
 * and the objective opened from it always agree.
 */

/** What a board row needs of the view context: no teams, since rows never decide who may edit. */
export type RowContext = Pick<ViewContext, 'cycle' | 'bands' | 'pace' | 'now' | 'viewerAccountId' | 'access'>;

/** A KR's epics summed up; restricted ones are counted and nothing else about them is read. */
export const initiativeSummary = (kr: StoredKeyResult, aggregate: ObjectiveAggregate, view: RowContext): InitiativeSummary => {
  const s = { count: 0, restricted: 0, missing: 0, done: 0, total: 0, excluded: 0 };
  for (const i of aggregate.initiatives) {
    if (i.keyResultId !== kr.id) continue;
    s.count += 1;
    if (!isVisible(i, view.access)) {
      s.restricted += 1;
      continue;
    }
    if (i.epic.missing) s.missing += 1;
    s.done += i.epic.progress.done;
    s.total += i.epic.progress.total;
    s.excluded += i.epic.progress.excluded;
  }
  const inScope = s.total - s.excluded;
  return { ...s, ratio: inScope === 0 ? null : viewRatio(s.done / inScope) };
};

export const boardKeyResult = (kr: StoredKeyResult, aggregate: ObjectiveAggregate, view: RowContext): BoardKeyResult => {
  const progress = metricProgress(kr.metric);
  const last = kr.lastCheckIn;
  return {
    id: kr.id,
    title: kr.title,
    ownerAccountId: kr.ownerAccountId,
    weight: kr.weight,
    metric: kr.metric,
    progressSource: kr.progressSource,
    ...(kr.finalScore === undefined ? {} : { finalScore: kr.finalScore }),
    progress: viewRatio(progress),
    band: bandOf(keyResultScore(kr), view.bands),
    pace: paceIn(view.cycle, progress, view.now),
    track: keyResultTrack(kr, aggregate.objective, view.cycle, view.now, view.pace),
    ...(last === undefined ? {} : { lastCheckIn: { at: last.at, value: last.value, confidence: last.confidence } }),
    stale: isStale(kr, aggregate.objective, view.cycle, view.now),
    initiatives: initiativeSummary(kr, aggregate, view),
    canCheckIn: checkInOpen(view.cycle) && isActive(kr) && mayCheckIn(view.viewerAccountId, aggregate.objective, kr),
    forecast: keyResultForecast(kr, view.cycle, view.bands),
  };
};

/** The rows of an objective's active KRs (archived ones are left off the board), in stored order. */
export const boardKeyResults = (aggregate: ObjectiveAggregate, view: RowContext): BoardKeyResult[] =>
  aggregate.keyResults.filter(isActive).map((kr) => boardKeyResult(kr, aggregate, view));

const NO_TRACKS = { on_pace: 0, behind: 0, at_risk: 0, stale: 0, no_value: 0, total: 0 };
export const EMPTY_KEY_RESULT_SUMMARY: KeyResultSummary = { count: 0, red: 0, yellow: 0, green: 0, stale: 0, atRisk: 0, offTrack: 0, forecastMisses: 0, tracks: NO_TRACKS, owners: [] };

/**
 * What an objective's active KRs add up to: counts by band, status, staleness, latest confidence and
 * forecast disagreement (from a digest: its KRs' kept trends), and owners.
 */
export const keyResultSummary = (aggregate: ObjectiveCore, view: RowContext): KeyResultSummary => {
  const s = { ...EMPTY_KEY_RESULT_SUMMARY, tracks: { ...NO_TRACKS } };
  const owners = new Set<string>();
  for (const kr of aggregate.keyResults) {
    if (!isActive(kr)) continue;
    s.count += 1;
    s.tracks[keyResultTrack(kr, aggregate.objective, view.cycle, view.now, view.pace)] += 1;
    s.tracks.total += 1;
    s[bandOf(keyResultScore(kr), view.bands)] += 1;
    if (isStale(kr, aggregate.objective, view.cycle, view.now)) s.stale += 1;
    if (kr.lastCheckIn?.confidence === 'at_risk') s.atRisk += 1;
    if (kr.lastCheckIn?.confidence === 'off_track') s.offTrack += 1;
    if (keyResultForecast(kr, view.cycle, view.bands)?.disagreement != null) s.forecastMisses += 1;
    owners.add(kr.ownerAccountId);
  }
  return { ...s, owners: [...owners] };
};

export const compactFinding = (f: Finding): CompactFinding => ({ ruleId: f.ruleId, severity: f.severity, target: f.target });
