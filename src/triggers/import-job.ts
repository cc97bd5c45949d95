import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { composeDeps } from '../app/compose';
import { runImportStep } from '../usecases/import-paged';

/** The event body adapters/events/import-queue.ts pushes; `part` is the verify step's index. */
const StepBody = z.object({ importId: z.string().min(1), part: z.number().int().min(0) });
/** What Forge adds on a redelivery (docs:runtime-reference/async-events-api, retryContext). */
const Retry = z.object({ retryCount: z.number().int().min(0) }).optional();

/** Seconds before a step that met a storage fault runs again: long enough for a 5xx or 429 to pass. */
const RETRY_AFTER_SECONDS = 2;

/**
 * Consumer of the `cadence-import` queue: one verify step of a paged import per async event. A step
 * that met a storage fault answers InvocationError, so Forge delivers the event again (docs:
 * runtime-reference/async-events-api, "Retry"); the step is safe to repeat.
 */
export const importJob = async (event: { body?: unknown; retryContext?: unknown }): Promise<InvocationError | undefined> => {
  const body = StepBody.safeParse(event.body);
  // A malformed event is not ours to retry: logged and dropped.
  if (!body.success) {
    console.error('import-job: event body is not an import step', body.error.issues);
    return undefined;
  }
  const retry = Retry.safeParse(event.retryContext);
  const retryCount = retry.success ? (retry.data?.retryCount ?? 0) : 0;
  const outcome = await runImportStep(composeDeps(), body.data.importId, body.data.part, retryCount);
  return outcome.retry
    ? new InvocationError({ retryAfter: RETRY_AFTER_SECONDS, retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST })
    : undefined;
};
