import { useEffect, useState } from 'react';
import type { BoardNode } from '../../../../src/contract';
import { api, ApiCallError } from '../../api/client';
import { findSubtree } from '../../components/objective-tree';
import type { BoardPages } from '../board/use-board-pages';

/** Where the objective asked for is: on the board, being looked for, not on it, or a page that failed. */
export type OpenTo =
  | { readonly status: 'found'; readonly node: BoardNode }
  | { readonly status: 'searching' }
  | { readonly status: 'missing' }
  | { readonly status: 'error'; readonly message: string; readonly retry: () => void };

/**
 * The chain from a loaded ancestor (or a root) down to the objective, by objectives.get's parent ids:
 * a parent archived, gone or of another cycle means the objective shows at the root (detached).
 */
const pathTo = async (objectiveId: string, cycleId: string, loaded: readonly BoardNode[]): Promise<string[]> => {
  const chain = [objectiveId];
  // Not found is an answer (archived since, or deleted), any other failure is an error to retry.
  const target = await api['objectives.get']({ id: objectiveId }).catch((e: unknown) => {
    if (e instanceof ApiCallError && e.code === 'NOT_FOUND') return undefined;
    throw e;
  });
  if (target?.cycleId !== cycleId || target.status === 'archived') return [];
  let parentId = target.parentObjectiveId;
  // Depth guard: stored alignment never nests this deep, and a loop must not spin.
  while (parentId !== undefined && chain.length < 64) {
    chain.unshift(parentId);
    if (findSubtree(loaded, parentId) !== undefined) break;
    const parent = await api['objectives.get']({ id: parentId }).catch(() => undefined);
    if (parent?.cycleId !== cycleId || parent.status === 'archived') {
      chain.shift();
      break;
    }
    parentId = parent.parentObjectiveId;
  }
  return chain;
};

/**
 * One objective's subtree on a board that answers a first screen: when the objective is not on it,
 * its ancestors are looked up and opened a page at a time through board.children (the board's own
 * paging, use-board-pages.ts) until it is. An empty path means it is not on this cycle's board.
 */
export const useOpenTo = (pages: BoardPages, objectiveId: string): OpenTo => {
  const board = pages.board;
  const node = board === undefined ? undefined : findSubtree(board.roots, objectiveId);
  const [path, setPath] = useState<readonly string[] | undefined>(undefined);
  const [pathError, setPathError] = useState<string | undefined>(undefined);
  const cycleId = board?.cycle.id;

  useEffect(() => {
    setPath(undefined);
    setPathError(undefined);
  }, [objectiveId, cycleId]);

  const needPath = board !== undefined && node === undefined && path === undefined && pathError === undefined;
  useEffect(() => {
    if (!needPath) return;
    let live = true;
    pathTo(objectiveId, board.cycle.id, board.roots).then(
      (p) => {
        if (live) setPath(p);
      },
      (e: unknown) => {
        if (live) setPathError(e instanceof Error ? e.message : String(e));
      },
    );
    return () => {
      live = false;
    };
    // The board's first answer is enough to start from; later pages only shorten nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per objective and cycle
  }, [needPath, objectiveId]);

  // Opens the next page on the way down, one at a time; what it waits for is in pages.states.
  const next = ((): { parentId: string | undefined; more: boolean } | undefined => {
    if (board === undefined || node !== undefined || path === undefined || path.length === 0) return undefined;
    let parent: BoardNode | undefined;
    for (const id of path) {
      const here =
        parent === undefined ? findSubtree(board.roots, id) : parent.children.find((c) => c.objective.id === id);
      if (here !== undefined) {
        parent = here;
        continue;
      }
      const more = parent === undefined ? board.rootsCursor !== undefined : parent.children.length < parent.childCount;
      return { parentId: parent?.objective.id, more };
    }
    return undefined;
  })();
  const nextState = next === undefined ? undefined : pages.states.get(next.parentId ?? '');
  const { loadMore } = pages;
  useEffect(() => {
    if (next?.more === true && nextState === undefined) loadMore(next.parentId);
  }, [next?.more, next?.parentId, nextState, loadMore]);

  if (node !== undefined) return { status: 'found', node };
  if (pathError !== undefined)
    return {
      status: 'error',
      message: pathError,
      retry: () => {
        setPathError(undefined);
      },
    };
  if (nextState?.status === 'error')
    return {
      status: 'error',
      message: nextState.message,
      retry: () => {
        loadMore(next?.parentId);
      },
    };
  if (path !== undefined && (path.length === 0 || next?.more === false)) return { status: 'missing' };
  return { status: 'searching' };
};
