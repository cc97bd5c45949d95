import type { CheckIn } from '../../contract';
import { AppError, notFound } from '../errors';
import type { ObjectiveAggregate } from '../model';
import type { Actor, Deps } from '../ports';
import { VersionConflict } from '../ports';
import { hasApplied, remember } from './applied-requests';
import { raceBackoff } from './backoff';
import { requestKey } from '../ids';

/** A pure change to one aggregate, with the side rows to write in the same transaction. */
export interface Mutation<R> {
  aggregate: ObjectiveAggregate;
  result: R;
  newCheckIns?: readonly CheckIn[];
  /** Jira issues whose links to this objective changed (linked or unlinked epics). */
  linkedIssueIds?: readonly string[];
  /** False when nothing changed: no write, the aggregate read is returned. */
  write?: boolean;
}

/**
 * How long a mutation keeps retrying lost races, in real time (not the app clock): 12 s leaves half of
 * an invocation's 25 s for the reads and the answer. A count would not do: 50 people checking in on one
 * objective at once need up to ~50 rounds for the last of them, and each round costs two round trips.
 */
export const CONFLICT_BUDGET_MS = 12_000;


/** A change made for a client request: a repeat finds its key in the aggregate and answers `replay`. */
export interface RequestOnce<R> {
  /** ids.ts requestKey; undefined when the caller sent no request id. */
  key: string | undefined;
  replay: (current: ObjectiveAggregate) => R;
}

/**
 * Read-modify-write of one objective aggregate with optimistic concurrency: read (1 round trip), apply
 * `change`, write conditionally on the version read (1 round trip). When another writer got there
 * first, the whole cycle is retried with jittered backoff for up to CONFLICT_BUDGET_MS, `change` applied
 * to what the winner wrote, so edits of different fields both land. With `once`, the request's key is
 * written with the change, and a repeat (or a retry that lost the race to its own first try) writes
 * nothing and answers `once.replay` of what is stored.
 * @throws AppError NOT_FOUND (naming `field`) when the objective does not exist; CONFLICT when retries
 *   ran out; whatever `change` throws.
 */
export const mutateObjective = async <R>(
  deps: Pick<Deps, 'store' | 'clock'>,
  objectiveId: string,
  field: string,
  change: (current: ObjectiveAggregate, now: Date) => Mutation<R> | Promise<Mutation<R>>,
  once?: RequestOnce<R>,
): Promise<{ aggregate: ObjectiveAggregate; result: R }> => {
  const started = Date.now();
  for (let attempt = 0; attempt === 0 || Date.now() - started < CONFLICT_BUDGET_MS; attempt++) {
    const current = await deps.store.getObjective(objectiveId);
    if (current === undefined) throw notFound('Objective', objectiveId, field);
    if (once !== undefined && hasApplied(current.appliedRequests, once.key)) return { aggregate: current, result: once.replay(current) };
    const now = deps.clock.now();
    const mutation = await change(current, now);
    if (mutation.write === false) return { aggregate: current, result: mutation.result };
    const applied = once?.key === undefined ? {} : { appliedRequests: remember(current.appliedRequests, once.key) };
    const aggregate = { ...mutation.aggregate, ...applied, updatedAt: now.toISOString() };
    try {
      await deps.store.writeObjective({
        aggregate,
        expectedVersion: current.version,
        ...(mutation.newCheckIns === undefined ? {} : { newCheckIns: mutation.newCheckIns }),
        ...(mutation.linkedIssueIds === undefined ? {} : { linkedIssueIds: mutation.linkedIssueIds }),
      });
      return { aggregate: { ...aggregate, version: current.version + 1 }, result: mutation.result };
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
      await raceBackoff(attempt);
    }
  }
  throw new AppError('CONFLICT', 'Someone else changed this objective at the same moment; please try again.');
};

/** The RequestOnce of a change that answers what is stored (views are built from the aggregate). */
export const once = (deps: Pick<Deps, 'ids'> & { actor: Actor }, kind: string, requestId: string | undefined): RequestOnce<undefined> => ({
  key: requestKey(deps.ids, kind, deps.actor.accountId, requestId),
  replay: () => undefined,
});
