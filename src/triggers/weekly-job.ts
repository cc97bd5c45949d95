import { catalogFor } from '../adapters/i18n';
import { composeDeps, JOB_BUDGET_MS } from '../app/compose';
import { runWeeklyJob } from '../usecases/run-weekly-job';

/** Scheduled (weekly): the KR snapshot for history charts, with stale KRs flagged; then the owners' reminders. */
export const weeklyJob = async (): Promise<{ statusCode: number }> => {
  const { reminders } = await runWeeklyJob(composeDeps(JOB_BUDGET_MS), async (locale) => {
    const words = await catalogFor(locale);
    return (key, params) => words.translate(key, params);
  });
  // One line for `forge logs`: who was told, and who Cadence had no way to reach.
  console.log(
    `weekly reminders ${reminders.week}: ${String(reminders.owners)} owners with stale key results, ${String(reminders.sent)} sent, ` +
      `${String(reminders.alreadyReminded)} already reminded this week, ${String(reminders.unreachable)} unreachable ` +
      `(no linked epic they may browse), ${String(reminders.refused)} refused by Jira`,
  );
  return { statusCode: 204 };
};
