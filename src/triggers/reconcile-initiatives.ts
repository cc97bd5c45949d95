import { composeDeps, JOB_BUDGET_MS } from '../app/compose';
import { reconcileInitiatives as reconcile } from '../usecases/reconcile-initiatives';
import { refreshWorkPrecomputations } from '../usecases/resolve-work-jql';
import { workProblemWords } from './jql-function';

/** Scheduled (daily): recomputes every linked epic's progress in cycles that are not closed. */
export const reconcileInitiatives = async (): Promise<{ statusCode: number }> => {
  const deps = composeDeps(JOB_BUDGET_MS);
  await reconcile(deps);
  // Every JQL function precomputation against the stored links: catches a refresh a link change missed
  // and KRs gone with an import or repair (then the searcher reads why).
  await refreshWorkPrecomputations(deps, undefined, workProblemWords);
  return { statusCode: 204 };
};
