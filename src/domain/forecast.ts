import type { BandConfig, Confidence, Forecast, ForecastDisagreement, Metric } from '../contract';
import { DEFAULT_BANDS } from '../contract';
import { bandOf } from './bands';
import { DAY_MS, isoDateOf } from './calendar-day';
import { isoWeek } from './iso-week';
import type { CycleDates } from './pace';
import { cycleSpan } from './pace';
import { metricProgress } from './progress';
import { roundTo } from './round';

/**
 * Where a KR is heading: a straight line through its recent values, carried to the cycle's end. Simple on
 * purpose, so an owner can check it in their head and the words can say what it did ("at this week's
 * trend, 61 % by Dec 31"): a KR's few weekly values do not support anything cleverer.
 */

/** One value of a KR at an instant: a check-in, or a measurement from its epics. */
export interface TrailPoint {
  readonly at: string;
  readonly value: number;
}

/** A KR keeps the latest value of each of its last TRAIL_WEEKS ISO weeks with a value: enough for a 4-week trend. */
export const TRAIL_WEEKS = 6;

/** The trend reads the values of the 4 weeks up to the latest one. */
export const TREND_WINDOW_DAYS = 28;

/** Points less than a day apart give no slope worth extrapolating over a quarter. */
const MIN_SPAN_DAYS = 1;

/**
 * The trail with `point` added: a value in a week the trail already has replaces that week's (the week's
 * latest value stands), oldest first, the last TRAIL_WEEKS weeks kept. A point older than the week it
 * would replace is ignored (a late, out-of-order write must not roll the trail back).
 */
export const addToTrail = (trail: readonly TrailPoint[], point: TrailPoint): TrailPoint[] => {
  const week = isoWeek(new Date(point.at));
  const sameWeek = trail.find((p) => isoWeek(new Date(p.at)) === week);
  if (sameWeek !== undefined && Date.parse(sameWeek.at) > Date.parse(point.at)) return [...trail];
  const others = trail.filter((p) => p !== sameWeek);
  const next = [...others, { at: point.at, value: point.value }].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return next.slice(-TRAIL_WEEKS);
};

/** A KR's trail, or its latest check-in alone for a KR stored before trails existed. */
export const trailOf = (kr: {
  readonly trail?: readonly TrailPoint[] | undefined;
  readonly lastCheckIn?: TrailPoint | undefined;
}): readonly TrailPoint[] => {
  if (kr.trail !== undefined && kr.trail.length > 0) return kr.trail;
  return kr.lastCheckIn === undefined ? [] : [{ at: kr.lastCheckIn.at, value: kr.lastCheckIn.value }];
};

/** A straight line's slope in value per day, and the whole weeks of trail it was drawn from (at least 1). */
export interface Trend {
  readonly perDay: number;
  readonly weeks: number;
}

/**
 * The least-squares slope of the trail's points from TREND_WINDOW_DAYS before its latest point on; null
 * with fewer than two such points or when they span less than a day. Depends on the trail only (not on
 * "now"), so it can be worked out when the trail is written and kept beside it.
 */
export const trendOf = (trail: readonly TrailPoint[]): Trend | null => {
  const latest = trail[trail.length - 1];
  if (latest === undefined) return null;
  const end = Date.parse(latest.at);
  const points = trail
    .map((p) => ({ x: (Date.parse(p.at) - end) / DAY_MS, y: p.value }))
    .filter((p) => p.x >= -TREND_WINDOW_DAYS);
  if (points.length < 2) return null;
  const span = -Math.min(...points.map((p) => p.x));
  if (span < MIN_SPAN_DAYS) return null;
  const meanX = points.reduce((s, p) => s + p.x, 0) / points.length;
  const meanY = points.reduce((s, p) => s + p.y, 0) / points.length;
  const sxx = points.reduce((s, p) => s + (p.x - meanX) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - meanX) * (p.y - meanY), 0);
  return { perDay: sxy / sxx, weeks: Math.max(1, Math.round(span / 7)) };
};

/** The strong disagreements between an owner's word and the forecast (null: they agree well enough). */
export const forecastDisagreement = (
  confidence: Confidence | undefined,
  forecastScore: number,
  bands: BandConfig = DEFAULT_BANDS,
): ForecastDisagreement | null => {
  if (confidence === 'on_track' && bandOf(forecastScore, bands) === 'red') return 'optimistic';
  if (confidence === 'off_track' && bandOf(forecastScore, bands) === 'green') return 'pessimistic';
  return null;
};

/** The confidence a forecast suggests to an owner drafting a check-in: green on track, yellow at risk, red off track. */
export const suggestedConfidence = (forecastScore: number, bands: BandConfig = DEFAULT_BANDS): Confidence => {
  const band = bandOf(forecastScore, bands);
  if (band === 'green') return 'on_track';
  return band === 'yellow' ? 'at_risk' : 'off_track';
};

export interface ForecastInput {
  readonly metric: Pick<Metric, 'kind' | 'start' | 'target'>;
  /** The KR's values, oldest first (trailOf). */
  readonly trail: readonly TrailPoint[];
  /** trendOf(trail), when the caller kept it instead of the trail; worked out from the trail otherwise. */
  readonly trend?: Trend | null | undefined;
  readonly cycle: CycleDates;
  /** The owner's latest word, for the disagreement. */
  readonly confidence?: Confidence | undefined;
  readonly bands?: BandConfig | undefined;
}

/**
 * The KR's value and score at the cycle's end if it keeps moving as it has: along its trend (the slope of
 * the last 4 weeks of its trail) from its latest value, or, with one value only (or values too close
 * together), along the line from the cycle's start value to its latest value. Null for a binary KR (done or
 * not has no trend), with no value yet, or with a single value taken on the cycle's first day.
 * The value is extrapolated as is (it may overshoot the target or fall below the start); its score is
 * clamped to 0-1 like every score.
 */
export const forecastOf = (input: ForecastInput): Forecast | null => {
  const { metric, trail, cycle } = input;
  if (metric.kind === 'binary') return null;
  const latest = trail[trail.length - 1];
  if (latest === undefined) return null;
  const { start, end } = cycleSpan(cycle);
  const latestAt = Date.parse(latest.at);
  const trend = input.trend === undefined ? trendOf(trail) : input.trend;
  let perDay: number;
  let weeks: number;
  let basis: Forecast['basis'];
  if (trend !== null) {
    ({ perDay, weeks } = trend);
    basis = 'trend';
  } else {
    const days = (latestAt - start) / DAY_MS;
    if (days < MIN_SPAN_DAYS) return null;
    perDay = (latest.value - metric.start) / days;
    weeks = Math.max(1, Math.round(days / 7));
    basis = 'since-start';
  }
  const daysLeft = Math.max(0, (end - latestAt) / DAY_MS);
  const value = latest.value + perDay * daysLeft;
  const score = metricProgress({ kind: metric.kind, start: metric.start, target: metric.target, current: value });
  const rounded = roundTo(score, 3);
  return {
    value: roundTo(value, 3),
    score: rounded,
    by: isoDateOf(new Date(end - DAY_MS)),
    basis,
    weeks,
    disagreement: forecastDisagreement(input.confidence, rounded, input.bands),
  };
};
