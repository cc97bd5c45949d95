import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Board, BoardChildren, BoardNode } from '../../../../src/contract';
import type { BoardScope } from '../../../../src/domain/board-filter';
import { api } from '../../api/client';
import { describeError } from '../../components/errors';

/**
 * The rest of the board on demand. board.get answers a first screen (README: "The board in windows");
 * a node shown collapsed with children, or open with only some of them, and the roots past the first
 * ones, come from board.children a page at a time. Pages are grafted onto the first screen's tree, so
 * everything downstream (index, filters, rows) sees one board.
 */

/** Key of the roots in the maps below (an objective id is never empty). */
const ROOTS = '';

/** A page being fetched, or the last one that failed (with Retry). */
export type PageState = { readonly status: 'loading' } | { readonly status: 'error'; readonly message: string };

/** The first screen with every loaded page grafted in place, with its findings and detached notes. */
export const mergePages = (board: Board, pages: ReadonlyMap<string, readonly BoardChildren[]>): Board => {
  if (pages.size === 0) return board;
  const graft = (nodes: readonly BoardNode[]): BoardNode[] =>
    nodes.map((n) => {
      const more = pages.get(n.objective.id) ?? [];
      const last = more.at(-1);
      const children = graft([...n.children, ...more.flatMap((p) => p.children)]);
      const cursor = last === undefined ? n.childrenCursor : last.nextCursor;
      return {
        objective: n.objective,
        childCount: n.childCount,
        children,
        ...(cursor === undefined || children.length >= n.childCount ? {} : { childrenCursor: cursor }),
      };
    });
  const rootPages = pages.get(ROOTS) ?? [];
  const lastRoots = rootPages.at(-1);
  const rootsCursor = lastRoots === undefined ? board.rootsCursor : lastRoots.nextCursor;
  const all = [...pages.values()].flat();
  return {
    ...board,
    roots: graft([...board.roots, ...rootPages.flatMap((p) => p.children)]),
    ...(rootsCursor === undefined ? { rootsCursor: undefined } : { rootsCursor }),
    detached: [...board.detached, ...all.flatMap((p) => p.detached)],
    findings: [...board.findings, ...all.flatMap((p) => p.findings)],
  };
};

const findNode = (nodes: readonly BoardNode[], id: string): BoardNode | undefined => {
  for (const n of nodes) {
    if (n.objective.id === id) return n;
    const below = findNode(n.children, id);
    if (below !== undefined) return below;
  }
  return undefined;
};

export interface BoardPages {
  /** The board with every page loaded so far. */
  readonly board: Board | undefined;
  /** Pages in flight or failed, by parent objective id ('' for the roots). */
  readonly states: ReadonlyMap<string, PageState>;
  /** Loads the next page of a node's children (of the roots without an id). */
  readonly loadMore: (objectiveId: string | undefined) => void;
}

/**
 * Pages of one board answer. A reload (after a save) starts again from the new first screen and opens
 * again, a page each, the nodes that were opened on demand before, so the tree people were reading stays
 * open. `filter` is what board.get was asked with, and every page is asked with the same.
 */
export const useBoardPages = (first: Board | undefined, filter: BoardScope): BoardPages => {
  const [pages, setPages] = useState<ReadonlyMap<string, readonly BoardChildren[]>>(new Map());
  const [states, setStates] = useState<ReadonlyMap<string, PageState>>(new Map());
  // Nodes opened on demand, in the order they were: opened again after a reload.
  const opened = useRef<string[]>([]);
  const generation = useRef(0);
  const cycleId = first?.cycle.id;

  const board = useMemo(() => (first === undefined ? undefined : mergePages(first, pages)), [first, pages]);
  const boardRef = useRef(board);
  boardRef.current = board;
  const statesRef = useRef(states);
  statesRef.current = states;

  useEffect(() => {
    generation.current += 1;
    // Unchanged when already empty (the first answer): a new empty map would render the board again.
    setPages((p) => (p.size === 0 ? p : new Map()));
    setStates((s) => (s.size === 0 ? s : new Map()));
  }, [first]);
  useEffect(() => {
    opened.current = [];
  }, [cycleId, filter.teamId, filter.ownerAccountId]);

  const loadMore = useCallback(
    (objectiveId: string | undefined) => {
      const current = boardRef.current;
      const key = objectiveId ?? ROOTS;
      if (current === undefined || statesRef.current.get(key)?.status === 'loading') return;
      const node = objectiveId === undefined ? undefined : findNode(current.roots, objectiveId);
      if (objectiveId !== undefined && node === undefined) return;
      const cursor =
        node === undefined ? current.rootsCursor : node.children.length === 0 ? undefined : node.childrenCursor;
      if (objectiveId !== undefined && !opened.current.includes(objectiveId)) opened.current.push(objectiveId);
      const mine = generation.current;
      setStates((s) => new Map(s).set(key, { status: 'loading' }));
      api['board.children']({
        cycleId: current.cycle.id,
        ...(objectiveId === undefined ? {} : { objectiveId }),
        ...(cursor === undefined ? {} : { cursor }),
        ...(filter.teamId === undefined ? {} : { teamId: filter.teamId }),
        ...(filter.ownerAccountId === undefined ? {} : { ownerAccountId: filter.ownerAccountId }),
      }).then(
        (page) => {
          if (mine !== generation.current) return;
          setPages((p) => new Map(p).set(key, [...(p.get(key) ?? []), page]));
          setStates((s) => {
            const next = new Map(s);
            next.delete(key);
            return next;
          });
        },
        (error: unknown) => {
          if (mine !== generation.current) return;
          setStates((s) => new Map(s).set(key, { status: 'error', message: describeError(error) }));
        },
      );
    },
    [filter.teamId, filter.ownerAccountId],
  );

  // After a reload, nodes opened before are opened again once they are on the board.
  useEffect(() => {
    if (board === undefined) return;
    for (const id of opened.current) {
      const node = findNode(board.roots, id);
      if (node?.children.length === 0 && node.childCount > 0 && !states.has(id)) loadMore(id);
    }
  }, [board, states, loadMore]);

  return { board, states, loadMore };
};
