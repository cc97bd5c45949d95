import { Suspense, useMemo } from 'react';
import type { CheckIn, Scorecard } from '../../../../src/contract';
import { useAsync } from '../../api/use-api';
import { loadCycleCheckIns } from '../../components/check-in-history';
import { cycleBounds } from '../../components/cycles';
import { formatDay, formatScore } from '../../components/format';
import { LazyLinePlot } from '../../components/history-chart';
import type { PlotSeries } from '../../components/line-plot';
import { ErrorState, LoadingState } from '../../components/states';
import { teamScoreSeries } from './team-score';

const loadAll = async (scorecard: Scorecard): Promise<Map<string, CheckIn[]>> => {
  const krs = scorecard.objectives.flatMap((o) => o.keyResults);
  const lists = await Promise.all(krs.map((kr) => loadCycleCheckIns(kr.id, scorecard.cycle)));
  return new Map(krs.map((kr, i) => [kr.id, lists[i] ?? []]));
};

const formatY = (v: number): string => formatScore(v);

/**
 * The team's score (mean of its objective scores) at the end of each week of the cycle, derived from
 * the check-ins of its KRs (see score-history.ts), as a chart with the same data in a table.
 */
export function TeamScoreHistory({ scorecard }: { scorecard: Scorecard }) {
  const history = useAsync(() => loadAll(scorecard), [scorecard]);
  const bounds = useMemo(() => cycleBounds(scorecard.cycle), [scorecard.cycle]);
  const points = useMemo(
    () => (history.data === undefined ? [] : teamScoreSeries(scorecard.objectives, history.data, bounds, Date.now())),
    [history.data, scorecard.objectives, bounds],
  );
  const series = useMemo((): PlotSeries[] => [{ label: 'Team score', points, tone: 'brand', dots: true }], [points]);
  const xRange = useMemo(() => [bounds.start, bounds.end] as const, [bounds]);

  if (history.data === undefined) {
    return history.status === 'error' ? (
      <ErrorState error={history.error} reload={history.reload} title="The score history could not load" />
    ) : (
      <LoadingState inline label="Loading the score history…" />
    );
  }
  const last = points.at(-1);
  const first = points[0];
  return (
    <figure className="cad-history">
      <figcaption className="cad-subtle">
        {last === undefined || first === undefined
          ? 'No score yet: the team’s objectives have no key results.'
          : `Team score ${formatScore(last[1])} now, from ${formatScore(first[1])} at the start of ${scorecard.cycle.name}. Weekly values are derived from check-ins.`}
      </figcaption>
      {points.length === 0 ? null : (
        <Suspense fallback={<LoadingState inline label="Loading chart…" />}>
          <LazyLinePlot series={series} xRange={xRange} formatY={formatY} />
        </Suspense>
      )}
      <details className="cad-details">
        <summary>Show the team score as a table</summary>
        <table className="cad-table">
          <caption className="cad-visually-hidden">Team score by week</caption>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              <th scope="col">Team score</th>
            </tr>
          </thead>
          <tbody>
            {points.map(([t, score]) => (
              <tr key={t}>
                <td>{formatDay(new Date(t).toISOString())}</td>
                <td>{formatScore(score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
