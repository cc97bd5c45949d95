import type { CheckIn, KeyResultView, ObjectiveView } from '../../../../src/contract';
import { objectiveScore } from '../../../../src/domain/score';
import { WEEK_MS } from '../../components/cycles';

/**
 * The team's score week by week, derived in the UI from check-ins, because the backend offers no
 * history read: the weekly job stores `kr-snapshot` documents, but no resolver returns them. STOPGAP:
 * replace with a `history.get` resolver over those snapshots (reported as a backend gap).
 *
 * Past points use the domain's own scoring (src/domain/score.ts) on each KR's value at that time, so
 * the maths is never written twice. Today's point is the mean of the objective scores the backend
 * computed, so the line ends on the same number the page shows.
 */

/** The team's score now: the plain mean of its objectives' scores (as the backend computed them). */
export const meanObjectiveScore = (objectives: readonly Pick<ObjectiveView, 'score'>[]): number | null => {
  const scores = objectives.map((o) => o.score).filter((s): s is number => s !== null);
  return scores.length === 0 ? null : scores.reduce((a, b) => a + b, 0) / scores.length;
};

const valueAt = (kr: KeyResultView, checkIns: readonly CheckIn[], t: number): number => {
  let value = kr.metric.start;
  for (const c of checkIns) {
    if (Date.parse(c.at) > t) break;
    value = c.value;
  }
  return value;
};

/** The objective's score at `t`: the domain's weighted mean over each KR's value at that time. */
const objectiveScoreAt = (
  objective: ObjectiveView,
  checkIns: ReadonlyMap<string, readonly CheckIn[]>,
  t: number,
): number | null =>
  objectiveScore(
    objective.keyResults.map((kr) => ({
      status: kr.status,
      weight: kr.weight,
      metric: { ...kr.metric, current: valueAt(kr, checkIns.get(kr.id) ?? [], t) },
    })),
  );

/**
 * [time, score] at the end of each week of the cycle so far, then now. `checkIns` are per KR, oldest
 * first (loadCycleCheckIns).
 */
export const teamScoreSeries = (
  objectives: readonly ObjectiveView[],
  checkIns: ReadonlyMap<string, readonly CheckIn[]>,
  bounds: { start: number; end: number },
  now: number,
): [number, number][] => {
  const until = Math.min(now, bounds.end);
  const points: [number, number][] = [];
  for (let t = bounds.start; t < until; t += WEEK_MS) {
    const scores = objectives.map((o) => objectiveScoreAt(o, checkIns, t)).filter((s): s is number => s !== null);
    if (scores.length > 0) points.push([t, scores.reduce((a, b) => a + b, 0) / scores.length]);
  }
  const current = meanObjectiveScore(objectives);
  if (current !== null && now <= bounds.end) points.push([now, current]);
  return points;
};
