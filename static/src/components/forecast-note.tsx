import type { Forecast, Metric } from '../../../src/contract';
import { currentLocale, t } from '../app/i18n';
import { confidenceWords, formatDay, formatScore, formatValue } from './format';
import './forecast-note.css';

/**
 * A KR's forecast (domain/forecast.ts: the backend works it out; this only words it): "→ 61% by 31 Mar",
 * its basis in words on hover, and, when the owner's latest confidence contradicts it, a flag in words
 * and the warning colours, never colour alone.
 */

type ForecastMetric = Pick<Metric, 'kind' | 'unit'>;

/** "At this week's trend (last 3 weeks), 61% by 31 Mar" / "At the pace since the cycle's start, …". */
export const forecastSentence = (forecast: Forecast, metric: ForecastMetric): string => {
  const words = { value: formatValue(forecast.value, metric), date: formatDay(forecast.by) };
  return forecast.basis === 'trend'
    ? t('forecast.basis.trend', { count: forecast.weeks, ...words })
    : t('forecast.basis.sinceStart', words);
};

/** "Forecast disagrees: on track, but heading for 0.31"; undefined when they agree. */
export const disagreementWords = (forecast: Forecast): string | undefined => {
  if (forecast.disagreement === null) return undefined;
  const said = forecast.disagreement === 'optimistic' ? 'on_track' : 'off_track';
  return t('forecast.disagrees', {
    confidence: confidenceWords(said).toLocaleLowerCase(currentLocale()),
    score: formatScore(forecast.score),
  });
};

/** The flag alone (rows that place it apart from the forecast). */
export function ForecastFlag({ forecast, metric }: { forecast: Forecast; metric: ForecastMetric }) {
  const words = disagreementWords(forecast);
  if (words === undefined) return null;
  return (
    <span
      className="cad-forecast__flag"
      data-forecast-disagrees={forecast.disagreement}
      title={t(`forecast.disagreesHint.${forecast.disagreement === 'optimistic' ? 'optimistic' : 'pessimistic'}`, {
        sentence: forecastSentence(forecast, metric),
      })}
    >
      <span className="cad-forecast__mark" aria-hidden="true">
        !
      </span>
      {words}
    </span>
  );
}

/** "→ 61% by 31 Mar" with its sentence on hover and for screen readers. */
export function ForecastValue({ forecast, metric }: { forecast: Forecast; metric: ForecastMetric }) {
  const sentence = forecastSentence(forecast, metric);
  return (
    <span className="cad-forecast__value" data-forecast="" title={sentence}>
      <span aria-hidden="true">
        {t('forecast.short', { value: formatValue(forecast.value, metric), date: formatDay(forecast.by) })}
      </span>
      <span className="cad-visually-hidden">{t('forecast.label', { sentence })}</span>
    </span>
  );
}

/** The forecast and, when it disagrees, its flag; nothing without a forecast. */
export function ForecastNote({ forecast, metric }: { forecast: Forecast | null | undefined; metric: ForecastMetric }) {
  if (forecast === null || forecast === undefined) return null;
  return (
    <span className="cad-forecast">
      <ForecastValue forecast={forecast} metric={metric} />
      <ForecastFlag forecast={forecast} metric={metric} />
    </span>
  );
}
