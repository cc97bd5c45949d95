import { Queue } from '@forge/events';

/** The queue the forecast refresh after a cycle's dates moved runs on (manifest.yml consumer `forecast-consumer`). */
export const FORECAST_QUEUE = 'cadence-forecasts';

const queue = new Queue({ key: FORECAST_QUEUE });

/** Enqueues one page of a cycle's forecast refresh: the objectives after `after` in id order ('' first). */
export const pushForecastRefresh = async (cycleId: string, after: string): Promise<void> => {
  await queue.push({ body: { cycleId, after } });
};
