import type { Band, Confidence, Metric, TrackStatus } from '../../../src/contract';
import { binaryDone } from '../../../src/domain/progress';
import { currentLocale, t } from '../app/i18n';

/**
 * Words and number formats shared by every view. The backend computes scores, bands and pace; these
 * only turn them into text, so the same thing reads the same everywhere.
 */

/** Scores travel rounded to 3 decimals; people read two ("0.62", Dutch "0,62"), as OKR grades are given. */
export const formatScore = (score: number): string => formatsNow().score.format(score);

/**
 * Bands are grades (the Review step's language), worded so they are never mistaken for the owner's
 * confidence ("on track") or the pace status ("at risk"): one word, one meaning.
 */
export const bandWords = (band: Band): string => t(`common.band.${band}`);

/** The status language mid-cycle (domain/status.ts decides; these are its words). */
export const trackWords = (track: TrackStatus): string => t(`common.track.${track}`);
export const TRACKS: readonly TrackStatus[] = ['on_pace', 'behind', 'at_risk', 'stale', 'no_value'];

export const confidenceWords = (confidence: Confidence): string => t(`common.confidence.${confidence}`);
export const CONFIDENCES: readonly Confidence[] = ['on_track', 'at_risk', 'off_track'];

/** Intl formatters for the view's language, made once per language. */
const formats = new Map<
  string,
  { number: Intl.NumberFormat; score: Intl.NumberFormat; day: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat }
>();
const formatsFor = (locale: string) => {
  let found = formats.get(locale);
  if (found === undefined) {
    found = {
      number: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
      score: new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }),
      // Calendar days are UTC days (the backend's rule), so they are formatted in UTC.
      day: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
      dateTime: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' }),
    };
    formats.set(locale, found);
  }
  return found;
};
const formatsNow = () => formatsFor(currentLocale());

/**
 * Makes the language's formatters ahead of the first render (app/context.ts, while the catalog loads):
 * each date format loads its ICU data, a few ms apiece that a first render would otherwise wait for.
 */
export const prepareFormats = (locale: string): void => {
  formatsFor(locale);
};

const collators = new Map<string, Intl.Collator>();
/**
 * Compares names (teams, people, KPIs) in the view's language, so every list sorts alike: one collator
 * per language, because localeCompare with a locale builds one per comparison.
 */
export const compareNames = (a: string, b: string): number => {
  const locale = currentLocale();
  let collator = collators.get(locale);
  if (collator === undefined) {
    collator = new Intl.Collator(locale);
    collators.set(locale, collator);
  }
  return collator.compare(a, b);
};

/** A plain number for the view's language: "52,000" in English, "52.000" in Dutch. */
export const formatNumber = (value: number): string => formatsNow().number.format(value);

/** A metric value with its unit: "71%", "21 days", "52,000 visitors"; binary KRs read done / not done. */
export const formatValue = (value: number, metric: Pick<Metric, 'kind' | 'unit'>): string => {
  if (metric.kind === 'binary') return binaryDone(value) ? t('common.value.done') : t('common.value.notDone');
  const number = formatNumber(value);
  const unit = metric.unit?.trim() ?? (metric.kind === 'percent' ? '%' : '');
  if (unit === '') return number;
  return unit === '%' ? `${number}%` : `${number} ${unit}`;
};

/** What of a KR's metric a projection's words need: its unit, and the range it is rounded to. */
export type ProjectedMetric = Pick<Metric, 'kind' | 'unit' | 'start' | 'target'>;

/**
 * A projected value (a forecast) as precise as the KR's range makes sense of, a power of ten under 1 % of
 * it: "82.9%", not "82.86%"; "57,400 visitors", not "57,375.54". A projection is not a measurement.
 */
export const formatProjection = (value: number, metric: ProjectedMetric): string => {
  const range = Math.abs(metric.target - metric.start);
  const exponent = range === 0 ? -2 : Math.floor(Math.log10(range / 100));
  const rounded =
    exponent >= 0 ? Math.round(value / 10 ** exponent) * 10 ** exponent : Number(value.toFixed(Math.min(-exponent, 3)));
  return formatValue(rounded, metric);
};

/**
 * A KR's value against its target, read the way people say it: "86% of 92%" going up; going down,
 * "now 95, from 120 to 40 disputes" (never "95 disputes of 40 disputes").
 */
export const formatCurrentOfTarget = (
  metric: Pick<Metric, 'kind' | 'unit' | 'current' | 'start' | 'target'>,
): string => {
  if (metric.kind === 'binary') return formatValue(metric.current, metric);
  if (metric.target < metric.start) {
    const bare = { ...metric, unit: undefined };
    return t('common.value.decreasing', {
      current: formatValue(metric.current, bare),
      start: formatValue(metric.start, bare),
      target: formatValue(metric.target, metric),
    });
  }
  return t('common.value.ofTarget', {
    current: formatValue(metric.current, metric),
    target: formatValue(metric.target, metric),
  });
};

/** ISO date (YYYY-MM-DD, a calendar day) or instant, as "3 Nov". Calendar days are read as UTC days. */
export const formatDay = (iso: string): string =>
  formatsNow().day.format(new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso));
export const formatDateTime = (iso: string): string => formatsNow().dateTime.format(new Date(iso));

/** "today", "yesterday", "5 days ago": how recent a check-in is matters more than its exact time. */
export const formatAgo = (iso: string, now: number = Date.now()): string => {
  const days = Math.floor((now - Date.parse(iso)) / 86_400_000);
  if (days <= 0) return t('common.ago.today');
  if (days === 1) return t('common.ago.yesterday');
  if (days < 14) return t('common.ago.days', { count: days });
  return formatDay(iso);
};
