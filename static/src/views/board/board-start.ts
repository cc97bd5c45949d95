import type { Board, Cycle, Me } from '../../../../src/contract';
import type { BoardScope } from '../../../../src/domain/board-filter';
import { api } from '../../api/client';
import type { Prefetched } from '../../api/settled';
import { prefetched, settledValue } from '../../api/settled';
import type { BoardRoute, RouteHistory } from './board-route';
import { parseRoute, startHistory } from './board-route';
import { scopeOf } from './filters';
import { BOARD_MARKS, markOnce } from './perf-marks';

/**
 * The board's first calls (createHistory, then board.get of the cycle the URL names, else of the
 * current one, beside cycles.list and me.get), started as soon as the bundle runs: before mount() has
 * enabled theming and read the context (two bridge round trips) and before React has rendered anything.
 * That overlap is most of what separates the board's first rows from a plain list's
 * (bench/board-render.mjs). Each prefetched answer is used once, by the first load (api/settled.ts);
 * reloads call the resolver again. An answer that is in when React renders the board for the first time
 * is shown by that render (`take`), with no loading state between.
 */
export interface BoardStart {
  readonly me: Prefetched<[], Me>;
  readonly cycles: Prefetched<[], { cycles: Cycle[] }>;
  /** The page's history (undefined where the host has none) and what its URL named on arrival. */
  readonly route: Promise<{ history: RouteHistory | undefined; route: BoardRoute }>;
  /** The route, if it is known already. */
  readonly arrivedRoute: () => BoardRoute | undefined;
  /** Settles once the first board.get has answered, or failed. */
  readonly firstAnswered: Promise<void>;
  /**
   * A cycle's board (undefined: the current cycle's, which the backend picks as currentCycle does); with
   * a scope, its objectives with their ancestors and descendants (domain/board-filter.ts).
   */
  readonly board: Prefetched<[cycleId: string | undefined, scope: BoardScope], Board>;
}

const loadBoard = (cycleId: string | undefined, scope: BoardScope): Promise<Board> =>
  api['board.get']({
    ...(cycleId === undefined ? {} : { cycleId }),
    ...(scope.teamId === undefined ? {} : { teamId: scope.teamId }),
    ...(scope.ownerAccountId === undefined ? {} : { ownerAccountId: scope.ownerAccountId }),
  }).then((board) => {
    markOnce(BOARD_MARKS.data);
    return board;
  });

/** The first board, with what it was asked for: it serves only the same cycle (or none) and scope. */
interface FirstBoard {
  readonly cycleId: string | undefined;
  readonly scope: BoardScope;
  readonly board: Board;
}

/** The route's promise with a synchronous read of it once it has arrived. */
const routed = (route: BoardStart['route']): Pick<BoardStart, 'route' | 'arrivedRoute'> => {
  const arrived = settledValue(route);
  return { route, arrivedRoute: () => arrived()?.route };
};

export const startBoard = (): BoardStart => {
  markOnce(BOARD_MARKS.start);
  const route = startHistory().then((history) => ({ history, route: parseRoute(history?.location) }));
  // board.get goes out beside cycles.list, not after it: the first rows wait on one resolver, not two.
  const firstBoard = route.then(({ route: { cycleId, filters } }): Promise<FirstBoard> => {
    const scope = scopeOf(filters);
    return loadBoard(cycleId, scope).then((board) => ({ cycleId, scope, board }));
  });
  // cycles.list and me.get leave right behind board.get (callbacks on one promise run in order): a
  // runtime that answers invocations one at a time (the local one) then answers the rows' call first.
  const sent = route.then(
    () => undefined,
    () => undefined,
  );
  const board = prefetched(
    firstBoard,
    (cycleId: string | undefined, scope: BoardScope) =>
      loadBoard(cycleId, scope).then((b) => ({ cycleId, scope, board: b })),
    (first, cycleId, scope) =>
      first.cycleId === cycleId &&
      first.scope.teamId === scope.teamId &&
      first.scope.ownerAccountId === scope.ownerAccountId,
  );
  return {
    me: prefetched(
      sent.then(() => api['me.get']({})),
      () => api['me.get']({}),
    ),
    cycles: prefetched(
      sent.then(() => api['cycles.list']({})),
      () => api['cycles.list']({}),
    ),
    ...routed(route),
    firstAnswered: firstBoard.then(
      () => undefined,
      () => undefined,
    ),
    board: {
      get: (cycleId, scope) => board.get(cycleId, scope).then((b) => b.board),
      take: (cycleId, scope) => board.take(cycleId, scope)?.board,
    },
  };
};

/** The board built again (after a cycle closed in the review): from the URL as it is now, every call asked anew. */
export const restartBoard = (start: BoardStart): BoardStart => ({
  ...start,
  ...routed(start.route.then(({ history }) => ({ history, route: parseRoute(history?.location) }))),
});
