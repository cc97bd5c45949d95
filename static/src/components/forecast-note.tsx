import type { Forecast } from '../../../src/contract';
import { currentLocale, t } from '../app/i18n';
import { confidenceWords, formatDay, formatProjection, formatScore, type ProjectedMetric } from './format';
import './forecast-note.css';

/**
 * A KR's forecast (domain/forecast.ts: the backend works it out; this only words it): "→ 61% by 31 Mar",
 * its basis in words on hover, and, when the owner's latest confidence contradicts it, a flag in words
 * and the warning colours, never colour alone.
 */

/** "At this week's trend (last 3 weeks), 61% by 31 Mar" / "At the pace since the cycle's start, …". */
export const forecastSentence = (forecast: Forecast, metric: ProjectedMetric): string => {
  const words = { value: formatProjection(forecast.value, metric), date: formatDay(forecast.by) };
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

/**
 * The flag alone. `compact` (a board row's single line): "Forecast disagrees", the rest on hover and
 * for screen readers; otherwise the whole sentence shows.
 */
export function ForecastFlag({
  forecast,
  metric,
  compact = false,
}: {
  forecast: Forecast;
  metric: ProjectedMetric;
  compact?: boolean;
}) {
  const words = disagreementWords(forecast);
  if (words === undefined) return null;
  const hint = t(`forecast.disagreesHint.${forecast.disagreement === 'optimistic' ? 'optimistic' : 'pessimistic'}`, {
    sentence: forecastSentence(forecast, metric),
  });
  return (
    <span
      className={`cad-forecast__flag${compact ? ' cad-forecast__flag--compact' : ''}`}
      data-forecast-disagrees={forecast.disagreement}
      title={compact ? `${words}. ${hint}` : hint}
    >
      <span className="cad-forecast__mark" aria-hidden="true">
        !
      </span>
      {compact ? (
        <>
          <span aria-hidden="true">{t('forecast.flag')}</span>
          <span className="cad-visually-hidden">{words}</span>
        </>
      ) : (
        words
      )}
    </span>
  );
}

/**
 * "→ 61% by Dec 31" (`compact`: "→ 61%", the cycle's end being the board's), with its sentence on
 * hover and for screen readers.
 */
export function ForecastValue({
  forecast,
  metric,
  compact = false,
}: {
  forecast: Forecast;
  metric: ProjectedMetric;
  compact?: boolean;
}) {
  const sentence = forecastSentence(forecast, metric);
  const value = formatProjection(forecast.value, metric);
  return (
    <span className="cad-forecast__value" data-forecast="" title={sentence}>
      <span aria-hidden="true">
        {compact ? t('forecast.shortest', { value }) : t('forecast.short', { value, date: formatDay(forecast.by) })}
      </span>
      <span className="cad-visually-hidden">{t('forecast.label', { sentence })}</span>
    </span>
  );
}

/** The forecast and, when it disagrees, its flag; nothing without a forecast. */
export function ForecastNote({ forecast, metric }: { forecast: Forecast | null | undefined; metric: ProjectedMetric }) {
  if (forecast === null || forecast === undefined) return null;
  return (
    <span className="cad-forecast">
      <ForecastValue forecast={forecast} metric={metric} />
      <ForecastFlag forecast={forecast} metric={metric} />
    </span>
  );
}
