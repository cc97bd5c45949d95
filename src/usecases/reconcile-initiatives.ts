import type { Deps } from './ports';
import { mutateObjective } from './shared/mutate-objective';
import { applyEpicStates } from './shared/refresh-initiatives';

const WRITE_CONCURRENCY = 8;

/**
 * Scheduled reconcile: recomputes every initiative of the cycles that are not closed, in case a product
 * event was missed (or after an import). Epics are read as the app in batches of 50
 * (POST /rest/api/3/search/jql); only objectives whose snapshots changed are rewritten, each with the
 * usual conditional write.
 * @returns the number of objectives rewritten.
 */
export const reconcileInitiatives = async (deps: Deps): Promise<number> => {
  const cycles = (await deps.store.listCycles()).filter((c) => c.status !== 'closed');
  let written = 0;
  for (const cycle of cycles) {
    const aggregates = (await deps.store.listObjectivesOfCycle(cycle.id)).filter((a) => a.initiatives.length > 0);
    if (aggregates.length === 0) continue;
    const states = await deps.jira.readEpics(aggregates.flatMap((a) => a.initiatives.map((i) => i.issueId)));
    const stale = aggregates.filter((a) => applyEpicStates(a, states, cycle, deps.clock.now()).changed);
    for (let i = 0; i < stale.length; i += WRITE_CONCURRENCY) {
      const results = await Promise.all(
        stale.slice(i, i + WRITE_CONCURRENCY).map(async (a) =>
          (
            await mutateObjective(deps, a.objective.id, 'objectiveId', (current, now) => {
              const { aggregate, changed } = applyEpicStates(current, states, cycle, now);
              return { aggregate, result: changed, write: changed };
            })
          ).result,
        ),
      );
      written += results.filter(Boolean).length;
    }
  }
  return written;
};
