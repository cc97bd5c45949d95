import type { CheckIn } from '../../contract';
import { AppError, notFound } from '../errors';
import type { ObjectiveAggregate } from '../model';
import type { Deps } from '../ports';
import { VersionConflict } from '../ports';
import { raceBackoff } from './backoff';

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


/**
 * Read-modify-write of one objective aggregate with optimistic concurrency: read (1 round trip), apply
 * `change`, write conditionally on the version read (1 round trip). When another writer got there
 * first, the whole cycle is retried with jittered backoff for up to CONFLICT_BUDGET_MS.
 * @throws AppError NOT_FOUND (naming `field`) when the objective does not exist; CONFLICT when retries
 *   ran out; whatever `change` throws.
 */
export const mutateObjective = async <R>(
  deps: Pick<Deps, 'store' | 'clock'>,
  objectiveId: string,
  field: string,
  change: (current: ObjectiveAggregate, now: Date) => Mutation<R> | Promise<Mutation<R>>,
): Promise<{ aggregate: ObjectiveAggregate; result: R }> => {
  const started = Date.now();
  for (let attempt = 0; attempt === 0 || Date.now() - started < CONFLICT_BUDGET_MS; attempt++) {
    const current = await deps.store.getObjective(objectiveId);
    if (current === undefined) throw notFound('Objective', objectiveId, field);
    const now = deps.clock.now();
    const mutation = await change(current, now);
    if (mutation.write === false) return { aggregate: current, result: mutation.result };
    const aggregate = { ...mutation.aggregate, updatedAt: now.toISOString() };
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
