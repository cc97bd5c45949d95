import { composeDeps, JOB_BUDGET_MS } from '../app/compose';
import { runWeeklyJob } from '../usecases/run-weekly-job';

/** Scheduled (weekly): the KR snapshot for history charts, with stale KRs flagged. */
export const weeklyJob = async (): Promise<{ statusCode: number }> => {
  await runWeeklyJob(composeDeps(JOB_BUDGET_MS));
  return { statusCode: 204 };
};
