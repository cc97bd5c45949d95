import type { Board, Cycle, Me } from '../../../../src/contract';
import type { BoardScope } from '../../../../src/domain/board-filter';
import { api } from '../../api/client';
import type { BoardRoute, RouteHistory } from './board-route';
import { parseRoute, startHistory } from './board-route';
import { scopeOf } from './filters';
import { BOARD_MARKS, markOnce } from './perf-marks';

/**
 * The board's first calls (createHistory, then board.get of the cycle the URL names, else of the
 * current one, beside cycles.list and me.get), started as soon as the bundle runs: before mount() has
 * enabled theming and read the context (two bridge round trips) and before React has rendered anything.
 * That overlap is most of what separates the board's first rows from a plain list's
 * (bench/board-render.mjs). Each prefetched answer is used once, by the first load; reloads call the
 * resolver again.
 */
export interface BoardStart {
  readonly me: () => Promise<Me>;
  readonly cycles: () => Promise<{ cycles: Cycle[] }>;
  /** The page's history (undefined where the host has none) and what its URL named on arrival. */
  readonly route: Promise<{ history: RouteHistory | undefined; route: BoardRoute }>;
  /** With a scope, its objectives with their ancestors and descendants (domain/board-filter.ts). */
  readonly board: (cycleId: string, scope: BoardScope) => Promise<Board>;
}

/** `first` the first time, `load()` after; the prefetch is marked handled so a failure is not reported twice. */
const once = <A extends unknown[], T>(
  first: Promise<T>,
  load: (...args: A) => Promise<T>,
): ((...args: A) => Promise<T>) => {
  first.catch(() => undefined);
  let pending: Promise<T> | undefined = first;
  return (...args) => {
    const answer = pending ?? load(...args);
    pending = undefined;
    return answer;
  };
};

/** A cycle's board; without a cycleId, the current cycle's (the backend picks it as currentCycle does). */
const loadBoard = (cycleId: string | undefined, scope: BoardScope): Promise<Board> =>
  api['board.get']({
    ...(cycleId === undefined ? {} : { cycleId }),
    ...(scope.teamId === undefined ? {} : { teamId: scope.teamId }),
    ...(scope.ownerAccountId === undefined ? {} : { ownerAccountId: scope.ownerAccountId }),
  }).then((board) => {
    markOnce(BOARD_MARKS.data);
    return board;
  });

export const startBoard = (): BoardStart => {
  markOnce(BOARD_MARKS.start);
  const route = startHistory().then((history) => ({ history, route: parseRoute(history?.location) }));
  // board.get goes out beside cycles.list, not after it: the first rows wait on one resolver, not two.
  const firstBoard = route.then(({ route: { cycleId, filters } }) => {
    const scope = scopeOf(filters);
    return loadBoard(cycleId, scope).then((board) => ({ cycleId: board.cycle.id, scope, board }));
  });
  // cycles.list and me.get leave right behind board.get (callbacks on one promise run in order): a
  // runtime that answers invocations one at a time (the local one) then answers the rows' call first.
  const sent = route.then(
    () => undefined,
    () => undefined,
  );
  const cycles = sent.then(() => api['cycles.list']({}));
  const me = sent.then(() => api['me.get']({}));
  const board = once(firstBoard, () => Promise.resolve(undefined));
  return {
    me: once(me, () => api['me.get']({})),
    cycles: once(cycles, () => api['cycles.list']({})),
    route,
    // The prefetched board serves only the cycle it was fetched for, and only if it arrived; otherwise
    // (another cycle, or the prefetch failed) the board is fetched now, so a retry really retries.
    board: (cycleId, scope) =>
      board()
        .catch(() => undefined)
        .then((pre) =>
          pre?.cycleId === cycleId &&
          pre.scope.teamId === scope.teamId &&
          pre.scope.ownerAccountId === scope.ownerAccountId
            ? pre.board
            : loadBoard(cycleId, scope),
        ),
  };
};
