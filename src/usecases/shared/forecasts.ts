import type { BandConfig, Forecast } from '../../contract';
import { DEFAULT_BANDS } from '../../contract';
import type { TrailPoint } from '../../domain/forecast';
import { addToTrail, forecastDisagreement, forecastOf, trailOf } from '../../domain/forecast';
import type { CycleDates } from '../../domain/pace';
import { isActive } from '../../domain/score';
import type { StoredKeyResult } from '../model';

/**
 * A KR's forecast as every view shows it (domain/forecast.ts holds the rule), from what the KR keeps:
 * its trail in the aggregate, or in a digest its latest value and kept trend. The same inputs either
 * way, so a board row and the objective opened from it show the same forecast.
 */

type ForecastFields = Pick<StoredKeyResult, 'metric' | 'trail' | 'trend' | 'lastCheckIn'>;

export const keyResultForecast = (kr: ForecastFields, cycle: CycleDates, bands: BandConfig): Forecast | null =>
  forecastOf({
    metric: kr.metric,
    trail: trailOf(kr),
    ...(kr.trend === undefined ? {} : { trend: kr.trend }),
    cycle,
    confidence: kr.lastCheckIn?.confidence,
    bands,
  });

/**
 * The forecast's score kept on the KR for the tree index (model.ts forecastScore); absent without a
 * forecast. A score needs no bands: they only decide the disagreement, on every read.
 */
export const withForecastScore = (kr: StoredKeyResult, cycle: CycleDates): StoredKeyResult => {
  const { forecastScore: _old, ...rest } = kr;
  const forecast = keyResultForecast(kr, cycle, DEFAULT_BANDS);
  return forecast === null ? rest : { ...rest, forecastScore: forecast.score };
};

/**
 * The KR with a value put on its trail (a check-in, or a new value measured from its epics), and its
 * kept forecast score worked out again. A KR stored before trails starts its trail from its latest check-in.
 */
export const withTrailPoint = (kr: StoredKeyResult, point: TrailPoint, cycle: CycleDates): StoredKeyResult =>
  withForecastScore({ ...kr, trail: addToTrail(trailOf(kr), point) }, cycle);

/**
 * What an objective's tree index entry keeps for the board's "forecast disagrees" count: the lowest kept
 * forecast score among active KRs whose owner said on track, and the highest among those off track.
 * Scores rather than a verdict, so a change of the settings' bands needs no rewrite.
 */
export interface ForecastWatch {
  readonly onTrackMin: number | null;
  readonly offTrackMax: number | null;
}

export const forecastWatchOf = (keyResults: readonly StoredKeyResult[]): ForecastWatch | undefined => {
  let onTrackMin: number | null = null;
  let offTrackMax: number | null = null;
  for (const kr of keyResults) {
    const score = kr.forecastScore;
    if (!isActive(kr) || score === undefined) continue;
    const confidence = kr.lastCheckIn?.confidence;
    if (confidence === 'on_track') onTrackMin = onTrackMin === null ? score : Math.min(onTrackMin, score);
    if (confidence === 'off_track') offTrackMax = offTrackMax === null ? score : Math.max(offTrackMax, score);
  }
  return onTrackMin === null && offTrackMax === null ? undefined : { onTrackMin, offTrackMax };
};

/** Whether an objective's watch holds a disagreement under these bands (the domain's forecastDisagreement). */
export const watchDisagrees = (watch: ForecastWatch | undefined, bands: BandConfig): boolean =>
  watch !== undefined &&
  ((watch.onTrackMin !== null && forecastDisagreement('on_track', watch.onTrackMin, bands) !== null) ||
    (watch.offTrackMax !== null && forecastDisagreement('off_track', watch.offTrackMax, bands) !== null));
