import { useCallback, useEffect, useRef, useState } from 'react';
import type { BoardRoute, RouteHistory } from './board-route';
import { locationOf, parseRoute } from './board-route';
import type { BoardStart } from './board-start';
import type { FiltersUpdate } from './filter-bar';
import { NO_FILTERS } from './filters';

const DEFAULT_ROUTE: BoardRoute = { cycleId: undefined, filters: NO_FILTERS };

/** What the URL named when the page opened: at once if board-start has read it already, else once it has. */
export const useArrived = (start: BoardStart): BoardRoute | undefined => {
  const [arrived, setArrived] = useState(start.arrivedRoute);
  useEffect(() => {
    let live = true;
    void start.route.then(({ route }) => {
      if (live) setArrived(route);
    });
    return () => {
      live = false;
    };
  }, [start]);
  return arrived;
};

/**
 * The board's cycle, selected objective and filters, kept in step with the page URL both ways: picking
 * a cycle or selecting an objective adds a history entry (clearing the selection replaces it), changing a filter replaces the current one (a search typed letter by letter should not
 * fill Back), and Back or Forward bring the board to that entry. `arrived` is what the URL named when
 * the page opened (board-start reads it before the first board.get), used until anything moves.
 */
export const useBoardRoute = (
  start: BoardStart,
  arrived: BoardRoute | undefined,
): {
  route: BoardRoute;
  chooseCycle: (cycleId: string) => void;
  selectObjective: (objectiveId: string | undefined) => void;
  updateFilters: FiltersUpdate;
} => {
  const [moved, setMoved] = useState<BoardRoute | undefined>(undefined);
  const route = moved ?? arrived ?? DEFAULT_ROUTE;
  // Updates are functions of the latest route, also between a change and the render it causes.
  const latest = useRef(route);
  latest.current = route;
  const history = useRef<RouteHistory | undefined>(undefined);

  useEffect(() => {
    let live = true;
    let unlisten: (() => void) | undefined;
    void start.route.then(({ history: h }) => {
      if (!live || h === undefined) return;
      history.current = h;
      unlisten = h.listen((location) => {
        setMoved(parseRoute(location));
      });
    });
    return () => {
      live = false;
      unlisten?.();
    };
  }, [start]);

  const go = useCallback((next: BoardRoute, how: 'push' | 'replace') => {
    latest.current = next;
    setMoved(next);
    const h = history.current;
    if (h === undefined) return;
    const to = locationOf(next);
    if (to.pathname !== h.location.pathname || to.search !== h.location.search) h[how](to);
  }, []);

  const chooseCycle = useCallback(
    (cycleId: string) => {
      // A selection belongs to the cycle left behind.
      go({ ...latest.current, cycleId, objectiveId: undefined }, 'push');
    },
    [go],
  );
  const selectObjective = useCallback(
    (objectiveId: string | undefined) => {
      if (objectiveId === latest.current.objectiveId) return;
      go({ ...latest.current, objectiveId }, objectiveId === undefined ? 'replace' : 'push');
    },
    [go],
  );
  const updateFilters = useCallback<FiltersUpdate>(
    (update) => {
      const filters = update(latest.current.filters);
      if (filters !== latest.current.filters) go({ ...latest.current, filters }, 'replace');
    },
    [go],
  );
  return { route, chooseCycle, selectObjective, updateFilters };
};
