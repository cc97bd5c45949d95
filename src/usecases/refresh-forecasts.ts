import { isActive } from '../domain/score';
import { AppError } from './errors';
import type { Deps } from './ports';
import { mutateObjective } from './shared/mutate-objective';
import { withForecastScore } from './shared/forecasts';

/** Objectives per event: each is a read and a conditional write, far inside the consumer's 55 s. */
export const FORECAST_REFRESH_PAGE = 25;

/**
 * One page of the refresh a change of a cycle's dates starts (cycles.update): every KR keeps the score
 * its forecast reaches at the cycle's end (shared/forecasts.ts withForecastScore), and the board's
 * "forecast disagrees" count reads those kept scores from the tree index, so each objective of the cycle
 * is written again with scores for the new end. The page is the next objectives after `after` in id
 * order (ids, not offsets: an objective removed meanwhile moves no other one out of its page), read with
 * the cycle as stored now, so a second change of dates meanwhile is honoured by whichever step runs
 * last. An objective whose kept scores already match is not written. Returns the id to go on after, or
 * undefined when the cycle is done (or gone).
 */
export const refreshForecastsStep = async (deps: Pick<Deps, 'store' | 'clock'>, cycleId: string, after: string): Promise<string | undefined> => {
  const cycle = await deps.store.getCycle(cycleId);
  if (cycle === undefined) return undefined;
  const ids = (await deps.store.readBoardTree(cycleId))
    .map((e) => e.id)
    .filter((id) => id > after)
    .sort();
  const page = ids.slice(0, FORECAST_REFRESH_PAGE);
  for (const id of page) {
    try {
      await mutateObjective(deps, id, 'objectiveId', (current) => {
        const keyResults = current.keyResults.map((kr) => (isActive(kr) ? withForecastScore(kr, cycle) : kr));
        const moved = keyResults.some((kr, i) => kr.forecastScore !== current.keyResults[i]?.forecastScore);
        return { aggregate: { ...current, keyResults }, result: undefined, write: moved };
      });
    } catch (error) {
      // Removed since the index was read: nothing of it to refresh.
      if (!(error instanceof AppError && error.code === 'NOT_FOUND')) throw error;
    }
  }
  return ids.length > page.length ? page.at(-1) : undefined;
};
