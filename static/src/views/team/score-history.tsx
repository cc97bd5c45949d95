import { Suspense, useMemo } from 'react';
import type { HistorySource, Scorecard } from '../../../../src/contract';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { cycleBounds } from '../../components/cycles';
import { formatDay, formatScore } from '../../components/format';
import { LazyLinePlot } from '../../components/history-chart';
import type { PlotSeries } from '../../components/line-plot';
import { ErrorState, LoadingState } from '../../components/states';

const formatY = (v: number): string => formatScore(v);

const DAY_MS = 86_400_000;

/** A past point stands for the end of its week (the next Monday 00:00 UTC): name the Sunday. */
const pointLabel = (p: { source: HistorySource; at: string }): string =>
  p.source === 'current'
    ? `Now (${formatDay(p.at)})`
    : `Week ending ${formatDay(new Date(Date.parse(p.at) - DAY_MS).toISOString())}`;

const SOURCE_WORDS: Readonly<Record<HistorySource, string>> = {
  snapshot: 'Weekly snapshot',
  'check-ins': 'From check-ins',
  current: 'Now',
};

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
    (): PlotSeries[] => [{ label: 'Team score', points: points.map((p) => [p.t, p.score]), tone: 'brand', dots: true }],
    [points],
  );
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
        {history.data.points.length === 0
          ? `${scorecard.cycle.name} starts on ${formatDay(scorecard.cycle.startDate)}: the history begins then.`
          : last === undefined || first === undefined
            ? 'No score yet: the team’s objectives have no key results.'
            : `Team score ${formatScore(last.score)} now, from ${formatScore(first.score)} at the end of the first week of ${scorecard.cycle.name}.`}
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
              <th scope="col">Week</th>
              <th scope="col">Team score</th>
              <th scope="col">Source</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.week}>
                <td>{pointLabel(p)}</td>
                <td>{formatScore(p.score)}</td>
                <td>{SOURCE_WORDS[p.source]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
