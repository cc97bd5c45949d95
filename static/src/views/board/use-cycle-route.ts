import { useCallback, useEffect, useRef, useState } from 'react';
import type { RouteHistory } from './board-route';
import { cycleIdInRoute, cycleRoute } from './board-route';
import type { BoardStart } from './board-start';

/**
 * The cycle the page URL names, kept in step both ways: `choose` puts a cycle people pick into the URL
 * (a new history entry), and Back or Forward brings the board to the cycle of that entry. Undefined
 * until someone picks or navigates: the cycle named on arrival comes with the cycle list (board-start).
 */
export const useCycleRoute = (start: BoardStart): { chosen: string | undefined; choose: (cycleId: string) => void } => {
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const history = useRef<RouteHistory | undefined>(undefined);

  useEffect(() => {
    let live = true;
    let unlisten: (() => void) | undefined;
    void start.route.then((route) => {
      if (!live || route.history === undefined) return;
      history.current = route.history;
      unlisten = route.history.listen((location) => {
        setChosen(cycleIdInRoute(location));
      });
    });
    return () => {
      live = false;
      unlisten?.();
    };
  }, [start]);

  const choose = useCallback((cycleId: string) => {
    setChosen(cycleId);
    const h = history.current;
    if (h !== undefined && cycleIdInRoute(h.location) !== cycleId) h.push(cycleRoute(cycleId));
  }, []);

  return { chosen, choose };
};
