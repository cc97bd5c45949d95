import type { Cycle } from '../contract';
import type { Deps } from './ports';
import { mutateObjective } from './shared/mutate-objective';
import { applyEpicStates } from './shared/refresh-initiatives';

/**
 * Re-reads the given epics as the app (POST /rest/api/3/search/jql, ≤ 50 epics a query) and updates the
 * cached snapshot in every objective that links them (found through the by-issue lookup rows), with
 * the current value of initiatives-sourced KRs. Issues that are not linked epics cost one storage
 * round trip and no Jira call. A deleted epic is marked missing, never dropped.
 * @returns the number of objectives rewritten.
 */
export const refreshEpics = async (deps: Deps, issueIds: readonly string[]): Promise<number> => {
  const links = await deps.store.listLinksByIssue(issueIds);
  if (links.length === 0) return 0;
  const [states, cycles] = await Promise.all([deps.jira.readEpics(links.map((l) => l.issueId)), deps.store.listCycles()]);
  const cycleById = new Map<string, Cycle>(cycles.map((c) => [c.id, c]));
  const objectiveIds = [...new Set(links.map((l) => l.objectiveId))];
  const written = await Promise.all(
    objectiveIds.map(async (id) => {
      try {
        const { result } = await mutateObjective(deps, id, 'objectiveId', (current, now) => {
          const cycle = cycleById.get(current.objective.cycleId);
          if (cycle === undefined) return { aggregate: current, result: false, write: false };
          const { aggregate, changed } = applyEpicStates(current, states, cycle, now);
          return { aggregate, result: changed, write: changed };
        });
        return result;
      } catch {
        // A lookup row may outlive its objective; the reconcile job catches anything missed here.
        return false;
      }
    }),
  );
  return written.filter(Boolean).length;
};
