import { lazy, Suspense, useCallback, useMemo } from 'react';
import type { CheckIn, Cycle, Forecast, KeyResult } from '../../../src/contract';
import { expectedValue } from '../../../src/domain/pace';
import { currentLocale, t } from '../app/i18n';
import { useAsync } from '../api/use-api';
import { loadCycleCheckIns } from './check-in-history';
import { cycleBounds } from './cycles';
import { forecastSentence } from './forecast-note';
import { confidenceWords, formatDay, formatValue } from './format';
import type { PlotSeries } from './line-plot';
import { ErrorState, LoadingState } from './states';
import './history-chart.css';

/** uPlot is loaded only when a chart is on screen. */
export const LazyLinePlot = lazy(() => import('./line-plot'));

/** Expected values are points on a line: a binary KR's reads 0.5, not "Not done". */
const asNumber = (metric: KeyResult['metric']) => ({
  kind: metric.kind === 'binary' ? ('number' as const) : metric.kind,
  unit: metric.unit,
});

/** Rounds to the power of ten under 1 % of the KR's range: 62 % → 90 % gives 78.4 %, not 78.39 %. */
const roundToRange = (value: number, metric: KeyResult['metric']): number => {
  const range = Math.abs(metric.target - metric.start);
  if (range === 0) return value;
  const exponent = Math.floor(Math.log10(range / 100));
  return exponent >= 0 ? Math.round(value / 10 ** exponent) * 10 ** exponent : Number(value.toFixed(-exponent));
};

type CycleDays = Pick<Cycle, 'startDate' | 'endDate'>;
const expectedWords = (at: string, metric: KeyResult['metric'], cycle: CycleDays): string =>
  formatValue(roundToRange(expectedValue(metric, cycle, new Date(at)), metric), asNumber(metric));

/** A chart's words: the figure caption screen readers and print get in place of the canvas. */

const summarise = (checkIns: readonly CheckIn[], metric: KeyResult['metric'], cycle: CycleDays): string => {
  const target = t('components.history.target', {
    target: formatValue(metric.target, metric),
    day: formatDay(cycle.endDate),
  });
  const last = checkIns.at(-1);
  if (last === undefined) return `${t('components.history.none')} ${target}`;
  const latest = t('components.history.latest', {
    value: formatValue(last.value, metric),
    day: formatDay(last.at),
    expected: expectedWords(last.at, metric, cycle),
  });
  return `${latest} ${target}`;
};

/**
 * The forecast as a line (short dashes) from the latest check-in to the forecast's value at the cycle's
 * end: the forecast's own colour, the warning's when it disagrees with the owner's confidence. None
 * without a forecast or a check-in to start from.
 */
const projected = (actual: readonly [number, number][], forecast: Forecast | null, end: number): PlotSeries[] => {
  const latest = actual.at(-1);
  if (forecast === null || latest === undefined || actual.length < 2 || latest[0] >= end) return [];
  return [
    {
      label: t('forecast.chart.legend'),
      points: [latest, [end, forecast.value]],
      tone: forecast.disagreement === null ? 'forecast' : 'warning',
      dashed: 'short',
    },
  ];
};

/**
 * A KR's check-in values over its cycle against the expected straight line from its start value (at
 * the cycle start) to its target (at the cycle end), and its forecast projected to the cycle's end.
 * Data from checkIns.list. The canvas is hidden from
 * assistive tech; a caption says it in words and a table lists every point. `refreshKey` reloads it
 * (pass a counter bumped after a check-in).
 */
export function HistoryChart({
  keyResult,
  cycle,
  refreshKey = 0,
}: {
  /** With its forecast (KeyResultView's), the chart draws the projected line and says it in words. */
  keyResult: Pick<KeyResult, 'id' | 'title' | 'metric'> & { readonly forecast?: Forecast | null | undefined };
  cycle: Pick<Cycle, 'startDate' | 'endDate'>;
  refreshKey?: number;
}) {
  const { id, metric } = keyResult;
  const forecast = keyResult.forecast ?? null;
  const { startDate, endDate } = cycle;
  const history = useAsync(() => loadCycleCheckIns(id, { startDate, endDate }), [id, startDate, endDate, refreshKey]);
  const bounds = useMemo(() => cycleBounds({ startDate, endDate }), [startDate, endDate]);
  const checkIns = history.data;
  const { kind, unit, start, target } = metric;

  const series = useMemo((): PlotSeries[] => {
    const actual: [number, number][] = [
      [bounds.start, start],
      ...(checkIns ?? []).map((c): [number, number] => [Date.parse(c.at), c.value]),
    ];
    return [
      { label: t('components.history.checkIns'), points: actual, tone: 'brand', dots: true },
      {
        label: t('components.history.expected'),
        points: [
          [bounds.start, start],
          [bounds.end, target],
        ],
        tone: 'neutral',
        dashed: true,
      },
      ...projected(actual, forecast, bounds.end),
    ];
  }, [checkIns, bounds, start, target, forecast]);
  const xRange = useMemo(() => [bounds.start, bounds.end] as const, [bounds]);
  // Ticks carry only the number (and a %): a unit like "customers" goes in the axis title.
  const percent = unit?.trim() === '%' || (kind === 'percent' && (unit ?? '').trim() === '');
  const tickFormat = useMemo(
    () => new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 2, notation: 'compact' }),
    [],
  );
  const formatY = useCallback((v: number) => `${tickFormat.format(v)}${percent ? '%' : ''}`, [percent, tickFormat]);
  const trimmedUnit = unit?.trim() ?? '';
  const yLabel = percent || kind === 'binary' || trimmedUnit === '' ? undefined : trimmedUnit;

  if (checkIns === undefined) {
    return history.status === 'error' ? (
      <ErrorState error={history.error} reload={history.reload} title={t('components.history.loadFailed')} />
    ) : (
      <LoadingState inline label={t('components.history.loading')} />
    );
  }
  const caption = [
    summarise(checkIns, metric, { startDate, endDate }),
    forecast === null || checkIns.length === 0
      ? ''
      : t('forecast.chart.caption', { sentence: forecastSentence(forecast, metric) }),
  ]
    .filter((words) => words !== '')
    .join(' ');
  return (
    <figure className="cad-history">
      <figcaption className="cad-subtle">{caption}</figcaption>
      <Suspense fallback={<LoadingState inline label={t('components.history.loadingChart')} />}>
        <LazyLinePlot series={series} xRange={xRange} formatY={formatY} yLabel={yLabel} />
      </Suspense>
      <details className="cad-details">
        <summary>{t('components.history.showTable')}</summary>
        <table className="cad-table">
          <caption className="cad-visually-hidden">
            {t('components.history.tableCaption', { title: keyResult.title })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('components.history.date')}</th>
              <th scope="col">{t('components.history.value')}</th>
              <th scope="col">{t('components.history.expected')}</th>
              <th scope="col">{t('components.history.confidence')}</th>
            </tr>
          </thead>
          <tbody>
            {checkIns.map((c) => (
              <tr key={c.id}>
                <td>{formatDay(c.at)}</td>
                <td>{formatValue(c.value, metric)}</td>
                <td>{expectedWords(c.at, metric, { startDate, endDate })}</td>
                <td>{confidenceWords(c.confidence)}</td>
              </tr>
            ))}
            {checkIns.length === 0 ? (
              <tr>
                <td colSpan={4}>{t('components.history.none')}</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
