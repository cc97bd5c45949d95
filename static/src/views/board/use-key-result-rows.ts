import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { api } from '../../api/client';
import { describeError } from '../../components/errors';
import type { KeyResultsState } from './rows';

/**
 * board.keyResults takes at most 100 objectives; a screenful is ~15-30, and 50 per call keeps each
 * answer near 100 KB (README: "The board in two calls"), so one scroll step is one or two calls.
 */
export const KEY_RESULT_BATCH = 50;

/**
 * The KR rows of one cycle's board, fetched in batches for the objectives on screen. When the board
 * reloads (after a save or a check-in) the rows held become stale: they stay on screen, so nothing
 * flickers, and the ones in view are fetched again. Answers to calls made before the reload land as
 * stale too, so they never pass for fresh.
 */
export class KeyResultStore {
  private states: ReadonlyMap<string, KeyResultsState> = new Map();
  private readonly listeners = new Set<() => void>();
  private readonly inFlight = new Set<string>();
  private epoch = 0;

  constructor(private readonly cycleId: string | undefined) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ReadonlyMap<string, KeyResultsState> => this.states;

  /** Whether an objective's rows should be asked for: never asked, stale, or (with `again`) failed. */
  needs(id: string, again = false): boolean {
    if (this.inFlight.has(id)) return false;
    const state = this.states.get(id);
    return state === undefined || (state.status === 'ready' && state.stale) || (again && state.status === 'error');
  }

  /** Fetches the KR rows of these objectives, skipping those that do not need it (see `needs`). */
  request(objectiveIds: readonly string[], again = false): void {
    if (this.cycleId === undefined) return;
    const wanted = [...new Set(objectiveIds)].filter((id) => this.needs(id, again));
    if (wanted.length === 0) return;
    for (const id of wanted) this.inFlight.add(id);
    // Rows not loaded yet already show as loading, and stale ones stay visible while they refresh, so
    // asking changes nothing on screen (and costs no render); only a failure retried goes back to loading.
    const retried = wanted.filter((id) => this.states.get(id)?.status === 'error');
    if (retried.length > 0) {
      const next = new Map(this.states);
      for (const id of retried) next.delete(id);
      this.states = next;
      this.notify();
    }
    for (let i = 0; i < wanted.length; i += KEY_RESULT_BATCH)
      this.fetch(this.cycleId, wanted.slice(i, i + KEY_RESULT_BATCH));
  }

  /** The board reloaded: every row held is stale from now on. */
  invalidate(): void {
    this.epoch++;
    // The first answer of a cycle finds nothing to invalidate: no update, so no extra render.
    if (this.states.size === 0 && this.inFlight.size === 0) return;
    this.inFlight.clear();
    const next = new Map<string, KeyResultsState>();
    for (const [id, state] of this.states) if (state.status === 'ready') next.set(id, { ...state, stale: true });
    this.states = next;
    this.notify();
  }

  private fetch(cycleId: string, ids: string[]): void {
    const epoch = this.epoch;
    const settle = (changes: (readonly [string, KeyResultsState])[]) => {
      if (epoch !== this.epoch) {
        // Asked before the board reloaded: keep the rows (better than a skeleton) but never as fresh.
        changes = changes.flatMap(([id, state]) =>
          state.status === 'ready' && this.states.get(id) === undefined
            ? [[id, { ...state, stale: true }] as const]
            : [],
        );
      } else {
        for (const id of ids) this.inFlight.delete(id);
      }
      this.update(changes);
    };
    api['board.keyResults']({ cycleId, objectiveIds: ids }).then(
      (answer) => {
        const rows = new Map(answer.objectives.map((o) => [o.objectiveId, o.keyResults]));
        // An objective the answer leaves out (archived meanwhile) shows as having no KR rows.
        settle(ids.map((id) => [id, { status: 'ready', rows: rows.get(id) ?? [], stale: false }]));
      },
      (error: unknown) => {
        const message = describeError(error);
        settle(ids.map((id) => [id, { status: 'error', message }]));
      },
    );
  }

  private update(changes: readonly (readonly [string, KeyResultsState])[]): void {
    if (changes.length === 0) return;
    const next = new Map(this.states);
    for (const [id, state] of changes) next.set(id, state);
    this.states = next;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/**
 * The KR rows of the cycle's board: one store per cycle; each new board answer (`generation`) makes
 * the rows held stale, to be refreshed as they come into view.
 */
export const useKeyResultRows = (
  cycleId: string | undefined,
  generation: unknown,
): { store: KeyResultStore; states: ReadonlyMap<string, KeyResultsState> } => {
  const store = useMemo(() => new KeyResultStore(cycleId), [cycleId]);
  useEffect(() => {
    if (generation !== undefined) store.invalidate();
  }, [store, generation]);
  const states = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return { store, states };
};
