import { composeDeps, JOB_BUDGET_MS } from '../app/compose';
import { reconcileInitiatives as reconcile } from '../usecases/reconcile-initiatives';

/** Scheduled (daily): recomputes every linked epic's progress in cycles that are not closed. */
export const reconcileInitiatives = async (): Promise<{ statusCode: number }> => {
  await reconcile(composeDeps(JOB_BUDGET_MS));
  return { statusCode: 204 };
};
