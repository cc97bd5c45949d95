import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { composeDeps } from '../app/compose';
import { AppError } from '../usecases/errors';
import { refreshForecastsStep } from '../usecases/refresh-forecasts';

/** The event body adapters/events/forecast-queue.ts pushes. */
const Body = z.object({ cycleId: z.string().min(1), after: z.string() });

/** Seconds before a page that met a storage fault runs again: long enough for a 5xx or 429 to pass. */
const RETRY_AFTER_SECONDS = 2;

/**
 * Consumer of the `cadence-forecasts` queue: one page of a cycle's forecast refresh per async event,
 * then the next page as a new event. A page that met storage trouble (UNAVAILABLE) asks Forge to
 * deliver the event again (docs: runtime-reference/async-events-api, "Retry"); every page is safe to
 * repeat, since an objective already refreshed is not written again.
 */
export const forecastJob = async (event: { body?: unknown }): Promise<InvocationError | undefined> => {
  const body = Body.safeParse(event.body);
  // A malformed event is not ours to retry: logged and dropped.
  if (!body.success) {
    console.error('forecast-job: event body is not a forecast refresh page', body.error.issues);
    return undefined;
  }
  const deps = composeDeps();
  try {
    const next = await refreshForecastsStep(deps, body.data.cycleId, body.data.after);
    if (next !== undefined) await deps.store.queueForecastRefresh(body.data.cycleId, next);
    return undefined;
  } catch (error) {
    if (error instanceof AppError && (error.code === 'UNAVAILABLE' || error.code === 'CONFLICT'))
      return new InvocationError({ retryAfter: RETRY_AFTER_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST });
    throw error;
  }
};
