import type { Band, Confidence, Metric, TrackStatus } from '../../../src/contract';

/**
 * Words and number formats shared by every view. The backend computes scores, bands and pace; these
 * only turn them into text, so the same thing reads the same everywhere.
 */

/** Scores travel rounded to 3 decimals; people read two ("0.62"), as OKR grades are usually given. */
export const formatScore = (score: number): string => score.toFixed(2);

/** Band names in the method's words (okr-method.md: red/off track, yellow/at risk, green/on track). */
/**
 * Bands are grades (the Review step's language), worded so they are never mistaken for the owner's
 * confidence ("on track") or the pace status ("at risk"): one word, one meaning.
 */
export const BAND_WORDS: Readonly<Record<Band, string>> = { red: 'fell short', yellow: 'made progress', green: 'delivered' };

/** The status language mid-cycle (domain/status.ts decides; these are its words). */
export const TRACK_WORDS: Readonly<Record<TrackStatus, string>> = {
  on_pace: 'On pace',
  behind: 'Behind',
  at_risk: 'At risk',
  stale: 'Stale',
  no_value: 'No value yet',
};
export const TRACKS: readonly TrackStatus[] = ['on_pace', 'behind', 'at_risk', 'stale', 'no_value'];

export const CONFIDENCE_WORDS: Readonly<Record<Confidence, string>> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
};
export const CONFIDENCES: readonly Confidence[] = ['on_track', 'at_risk', 'off_track'];

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

/** A metric value with its unit: "71%", "21 days", "52,000 visitors"; binary KRs read done / not done. */
export const formatValue = (value: number, metric: Pick<Metric, 'kind' | 'unit'>): string => {
  if (metric.kind === 'binary') return value >= 1 ? 'Done' : 'Not done';
  const number = numberFormat.format(value);
  const unit = metric.unit?.trim() ?? (metric.kind === 'percent' ? '%' : '');
  if (unit === '') return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
};

/**
 * A KR's value against its target, read the way people say it: "86% of 92%" going up; going down,
 * "now 95, from 120 to 40 disputes" (never "95 disputes of 40 disputes").
 */
export const formatCurrentOfTarget = (metric: Pick<Metric, 'kind' | 'unit' | 'current' | 'start' | 'target'>): string => {
  if (metric.kind === 'binary') return formatValue(metric.current, metric);
  if (metric.target < metric.start) {
    const bare = { ...metric, unit: undefined };
    return `now ${formatValue(metric.current, bare)}, from ${formatValue(metric.start, bare)} to ${formatValue(metric.target, metric)}`;
  }
  return `${formatValue(metric.current, metric)} of ${formatValue(metric.target, metric)}`;
};

const dateFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: 'numeric',
  minute: '2-digit',
});

/** ISO date (YYYY-MM-DD, a calendar day) or instant, as "3 Nov". Calendar days are read as UTC days. */
export const formatDay = (iso: string): string =>
  dateFormat.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso));
export const formatDateTime = (iso: string): string => dateTimeFormat.format(new Date(iso));

/** "today", "yesterday", "5 days ago": how recent a check-in is matters more than its exact time. */
export const formatAgo = (iso: string, now: number = Date.now()): string => {
  const days = Math.floor((now - Date.parse(iso)) / 86_400_000);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  return formatDay(iso);
};

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
