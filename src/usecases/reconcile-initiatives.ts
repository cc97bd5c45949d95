import type { Cycle } from '../contract';
import type { Deps, JobState } from './ports';
import { mutateObjective } from './shared/mutate-objective';
import { applyEpicStates } from './shared/refresh-initiatives';

const WRITE_CONCURRENCY = 8;
const DAY_MS = 86_400_000;
/** Every epic is re-read once in this many daily runs (a slice a day), catching what no search can see. */
export const FULL_PASS_DAYS = 7;
/** Search is eventually consistent and `updated` has minute precision: look back a little further. */
export const OVERLAP_MINUTES = 60;

/** A stable slice number for an epic id (FNV-1a), so each day re-reads a different seventh. */
export const sliceOf = (issueId: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < issueId.length; i++) hash = Math.imul(hash ^ issueId.charCodeAt(i), 0x01000193) >>> 0;
  return hash % FULL_PASS_DAYS;
};

/**
 * Scheduled reconcile (daily): refreshes the linked epics of cycles that are not closed, in case a product
 * event was missed, reading only what changed since the last successful run:
 * 1. which linked epics changed, or had a child change, since then (with an hour's overlap):
 *    POST /rest/api/3/search/jql `(id in (…) OR parent in (…)) AND updated >= "-<n>m"`, 50 epics a query;
 * 2. those epics, plus the day's seventh of all linked epics (so an issue taken out of an epic, which no
 *    search names, is caught within a week), in full: `id in (…) OR parent in (…)`, 50 epics a query.
 * Before that it deletes data an import replaced, once its grace period is over (data-repository.ts).
 * The first run, or one after a gap longer than a week, reads every linked epic. Only objectives whose
 * snapshots changed are rewritten, each with the usual conditional write; the run time is then stored.
 *
 * Daily points budget at 8,000 linked epics (~6 children each, ~56,000 issues), Jira charging 1 point a
 * request plus 1 per issue returned: step 1 costs 160 queries plus 1 per changed issue; step 2 costs
 * 1 per issue read plus 1 a page. With 10 % of epics changing a day (~2 changed issues each):
 * 160 + 1,600 + (800 + 1,143 epics) x 7 issues + ~140 pages ≈ 15,500 points a day, 24 % of one hour of
 * Jira's 65,000-point Tier 1 quota, against ≈ 56,700 points for re-reading every epic. The first run
 * costs that 56,700. Measured in test/integration/initiatives.test.ts.
 * @returns the number of objectives rewritten.
 */
export const reconcileInitiatives = async (deps: Deps): Promise<number> => {
  // Housekeeping first: data an import replaced is deleted once nothing can still read it (best effort).
  await deps.store.cleanupRetired().catch((error: unknown) => {
    console.warn('cleanup of replaced data left for the next run', error);
  });
  const startedAt = deps.clock.now();
  const memory = deps.store.jobState('reconcile-initiatives');
  const previous = await memory.read();
  const cycles = (await deps.store.listCycles()).filter((c) => c.status !== 'closed');
  const linked = await Promise.all(
    cycles.map(async (cycle) => ({
      cycle,
      aggregates: (await deps.store.listObjectivesOfCycle(cycle.id)).filter((a) => a.initiatives.length > 0),
    })),
  );
  const epicIds = [...new Set(linked.flatMap((c) => c.aggregates.flatMap((a) => a.initiatives.map((i) => i.issueId))))];

  const incremental =
    previous !== undefined && startedAt.getTime() - Date.parse(previous.lastRunAt) <= FULL_PASS_DAYS * DAY_MS
      ? previous
      : undefined;
  const toRead = incremental ? await changedOrDue(deps, epicIds, incremental, startedAt) : new Set(epicIds);
  const written = toRead.size === 0 ? 0 : await rewrite(deps, linked, [...toRead]);

  const next: JobState = {
    lastRunAt: startedAt.toISOString(),
    lastFullRunAt: incremental ? incremental.lastFullRunAt : startedAt.toISOString(),
  };
  await memory.write(next);
  return written;
};

/** Epics changed since the last run, plus today's slice of every linked epic. */
const changedOrDue = async (
  deps: Deps,
  epicIds: readonly string[],
  previous: JobState,
  now: Date,
): Promise<Set<string>> => {
  const minutes = (now.getTime() - Date.parse(previous.lastRunAt)) / 60_000 + OVERLAP_MINUTES;
  const changed = epicIds.length === 0 ? new Set<string>() : await deps.jira.changedEpics(epicIds, minutes);
  const today = Math.floor(now.getTime() / DAY_MS) % FULL_PASS_DAYS;
  for (const id of epicIds) if (sliceOf(id) === today) changed.add(id);
  return changed;
};

const rewrite = async (
  deps: Deps,
  linked: readonly { cycle: Cycle; aggregates: Awaited<ReturnType<Deps['store']['listObjectivesOfCycle']>> }[],
  epicIds: readonly string[],
): Promise<number> => {
  const states = await deps.jira.readEpics(epicIds);
  let written = 0;
  for (const { cycle, aggregates } of linked) {
    const stale = aggregates.filter((a) => applyEpicStates(a, states, cycle, deps.clock.now()).changed);
    for (let i = 0; i < stale.length; i += WRITE_CONCURRENCY) {
      const results = await Promise.all(
        stale.slice(i, i + WRITE_CONCURRENCY).map(
          async (a) =>
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
