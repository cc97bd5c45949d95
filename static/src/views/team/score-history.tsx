import { DAY_MS } from '../../../../src/domain/calendar-day';
import { Suspense, useMemo } from 'react';
import type { HistorySource, Scorecard } from '../../../../src/contract';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { t } from '../../app/i18n';
import { cycleBounds } from '../../components/cycles';
import { formatDay, formatScore } from '../../components/format';
import { LazyLinePlot } from '../../components/history-chart';
import type { PlotSeries } from '../../components/line-plot';
import { ErrorState, LoadingState } from '../../components/states';

const formatY = (v: number): string => formatScore(v);

/** A past point stands for the end of its week (the next Monday 00:00 UTC): name the Sunday. */
const pointLabel = (p: { source: HistorySource; at: string }): string =>
  p.source === 'current'
    ? t('team.history.now', { day: formatDay(p.at) })
    : t('team.history.weekEnding', { day: formatDay(new Date(Date.parse(p.at) - DAY_MS).toISOString()) });

const sourceWords = (source: HistorySource): string => t(`team.history.source.${source}`);

/**
 * The team's score (mean of its objective scores) at the end of each week of the cycle and now, from
 * `teams.history` (weekly snapshots, or check-ins for weeks before the first snapshot), as a chart with
 * the same data in a table. Reloads whenever the scorecard does, so a check-in moves the last point.
 */
export function TeamScoreHistory({ scorecard, teamId }: { scorecard: Scorecard; teamId: string }) {
  const history = useAsync(() => api['teams.history']({ cycleId: scorecard.cycle.id, teamId }), [scorecard, teamId]);
  const bounds = useMemo(() => cycleBounds(scorecard.cycle), [scorecard.cycle]);
  const points = useMemo(
    () =>
      (history.data?.points ?? []).flatMap((p) =>
        p.score === null ? [] : [{ ...p, t: Date.parse(p.at), score: p.score }],
      ),
    [history.data],
  );
  const series = useMemo(
    (): PlotSeries[] => [
      { label: t('team.history.series'), points: points.map((p) => [p.t, p.score]), tone: 'brand', dots: true },
    ],
    [points],
  );
  const xRange = useMemo(() => [bounds.start, bounds.end] as const, [bounds]);

  if (history.data === undefined) {
    return history.status === 'error' ? (
      <ErrorState error={history.error} reload={history.reload} title={t('team.history.loadError')} />
    ) : (
      <LoadingState inline label={t('team.history.loading')} />
    );
  }
  const last = points.at(-1);
  const first = points[0];
  return (
    <figure className="cad-history">
      <figcaption className="cad-subtle">
        {history.data.points.length === 0
          ? t('team.history.notStarted', { cycle: scorecard.cycle.name, day: formatDay(scorecard.cycle.startDate) })
          : last === undefined || first === undefined
            ? t('team.history.noScore')
            : t('team.history.scores', {
                now: formatScore(last.score),
                first: formatScore(first.score),
                cycle: scorecard.cycle.name,
              })}
      </figcaption>
      {points.length === 0 ? null : (
        <Suspense fallback={<LoadingState inline label={t('team.history.chartLoading')} />}>
          <LazyLinePlot series={series} xRange={xRange} formatY={formatY} />
        </Suspense>
      )}
      <details className="cad-details">
        <summary>{t('team.history.showTable')}</summary>
        <table className="cad-table">
          <caption className="cad-visually-hidden">{t('team.history.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('team.history.week')}</th>
              <th scope="col">{t('team.history.score')}</th>
              <th scope="col">{t('team.history.sourceColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.week}>
                <td>{pointLabel(p)}</td>
                <td>{formatScore(p.score)}</td>
                <td>{sourceWords(p.source)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
