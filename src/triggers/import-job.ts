import { z } from 'zod';
import { composeDeps } from '../app/compose';
import { runImportStep } from '../usecases/import-paged';

/** The event body adapters/events/import-queue.ts pushes. */
const StepBody = z.object({ importId: z.string().min(1), part: z.number().int().min(0) });

/** Consumer of the `cadence-import` queue: one verify step of a paged import per async event. */
export const importJob = async (event: { body?: unknown }): Promise<void> => {
  const body = StepBody.safeParse(event.body);
  // A malformed event is not ours to retry: logged and dropped.
  if (!body.success) {
    console.error('import-job: event body is not an import step', body.error.issues);
    return;
  }
  await runImportStep(composeDeps(), body.data.importId, body.data.part);
};
