import type { DetachReason } from '../../domain/alignment';
import { buildAlignmentTree, rollupScore } from '../../domain/alignment';
import type { BoardScope } from '../../domain/board-filter';
import { keepInScope, keptIds } from '../../domain/board-filter';
import type { BoardTreeEntry } from './board-tree-entry';
import { objectiveOfEntry } from './board-tree-entry';

/**
 * The board's tree built from the cycle's tree index alone (no digests), and the window of it a screen
 * shows. Scores and roll-ups are always those of the full tree, whatever is shown or filtered.
 */

export interface IndexNode {
  readonly entry: BoardTreeEntry;
  readonly score: number | null;
  readonly rollup: number | null;
  /** All aligned children, in board order (compareObjectives), filters aside. */
  readonly children: readonly IndexNode[];
}

export interface IndexTree {
  readonly roots: readonly IndexNode[];
  readonly byId: ReadonlyMap<string, IndexNode>;
  readonly detached: ReadonlyMap<string, DetachReason>;
}

/**
 * The tree, ordered and checked for loops by the domain's buildAlignmentTree (on objectives rebuilt from
 * the entries), with each roll-up computed bottom-up by the domain's rollupScore from the stored own
 * scores: the same function on the same numbers in the same order as the unwindowed tree.
 * @throws DomainError ALIGNMENT_CYCLE when parent links loop.
 */
export const buildIndexTree = (cycleId: string, entries: readonly BoardTreeEntry[]): IndexTree => {
  const entryById = new Map(entries.map((e) => [e.id, e]));
  const tree = buildAlignmentTree({
    cycleId,
    objectives: entries.map((e) => objectiveOfEntry(cycleId, e)),
    keyResults: [],
  });
  const byId = new Map<string, IndexNode>();
  type Shape = (typeof tree.roots)[number];
  // Iterative post-order: a deep chain must not exhaust the stack.
  const build = (root: Shape): IndexNode => {
    const stack: { node: Shape; done: boolean }[] = [{ node: root, done: false }];
    while (stack.length > 0) {
      const top = stack.pop();
      if (top === undefined) break;
      if (!top.done) {
        stack.push({ node: top.node, done: true });
        for (const c of top.node.children) stack.push({ node: c, done: false });
        continue;
      }
      const entry = entryById.get(top.node.objective.id);
      if (entry === undefined) throw new Error(`tree node ${top.node.objective.id} has no entry`);
      const children = top.node.children.map((c) => {
        const built = byId.get(c.objective.id);
        if (built === undefined) throw new Error(`child ${c.objective.id} built out of order`);
        return built;
      });
      const rollup = rollupScore(
        entry.score,
        entry.keyResultCount,
        children.map((c) => c.rollup),
      );
      byId.set(entry.id, { entry, score: entry.score, rollup, children });
    }
    const built = byId.get(root.objective.id);
    if (built === undefined) throw new Error(`root ${root.objective.id} not built`);
    return built;
  };
  const roots = tree.roots.map(build);
  return { roots, byId, detached: new Map(tree.detached.map((d) => [d.objective.id, d.reason])) };
};

export type BoardFilter = BoardScope;

/**
 * The objectives a filter keeps: the domain's board filter rule (domain/board-filter.ts: matches by
 * team and objective owner, with their ancestors and descendants), the same the board's filter bar
 * applies. Undefined when nothing is filtered (all kept).
 */
export const keptBy = (tree: IndexTree, filter: BoardFilter): ReadonlySet<string> | undefined => {
  const kept = keepInScope(
    { roots: tree.roots, childrenOf: (n) => n.children, idOf: (n) => n.entry.id },
    (n) => n.entry,
    filter,
  );
  return kept === undefined ? undefined : keptIds(kept);
};

/** A tree as a filter shows it: the kept roots and, per node, its kept children. */
export interface FilteredTree {
  readonly tree: IndexTree;
  readonly roots: readonly IndexNode[];
  readonly childrenOf: (node: IndexNode) => readonly IndexNode[];
  /** Objectives the filter keeps (the whole tree when unfiltered). */
  readonly size: number;
  readonly has: (objectiveId: string) => boolean;
}

export const filterTree = (tree: IndexTree, filter: BoardFilter): FilteredTree => {
  const kept = keptBy(tree, filter);
  if (kept === undefined)
    return {
      tree,
      roots: tree.roots,
      childrenOf: (n) => n.children,
      size: tree.byId.size,
      has: (id) => tree.byId.has(id),
    };
  const memo = new Map<string, readonly IndexNode[]>();
  const childrenOf = (n: IndexNode): readonly IndexNode[] => {
    let list = memo.get(n.entry.id);
    if (list === undefined) {
      list = n.children.filter((c) => kept.has(c.entry.id));
      memo.set(n.entry.id, list);
    }
    return list;
  };
  return {
    tree,
    roots: tree.roots.filter((r) => kept.has(r.entry.id)),
    childrenOf,
    size: kept.size,
    has: (id) => kept.has(id),
  };
};

/** The first screen: at most this many objectives, so its answer and read units stay bounded. */
export const FIRST_SCREEN_OBJECTIVES = 100;
/** Children (or roots) a node opens with on the first screen; the rest through board.children. */
export const FIRST_SCREEN_PAGE = 50;
/** Objectives per board.children answer. */
export const CHILDREN_PAGE = 100;

/** The shown part of a tree: the open nodes with how many of their children are shown. */
export interface TreeWindow {
  readonly roots: readonly IndexNode[];
  /** Open nodes by id: the first children shown (a prefix of childrenOf). Absent: collapsed. */
  readonly open: ReadonlyMap<string, readonly IndexNode[]>;
  /** Every objective shown, roots first, then breadth-first. */
  readonly shown: readonly IndexNode[];
}

/**
 * The first screen, breadth-first: the first roots (up to `page`), then each shown node in turn opens
 * with its first children (up to `page`) while they all fit in `budget` objectives; the first node
 * whose children do not fit ends the opening, so the window is a prefix of the breadth-first order and
 * every node after it stays collapsed (its child count is shown; board.children loads them).
 */
export const firstScreen = (
  filtered: FilteredTree,
  budget = FIRST_SCREEN_OBJECTIVES,
  page = FIRST_SCREEN_PAGE,
): TreeWindow => {
  const roots = filtered.roots.slice(0, Math.min(page, budget));
  const shown: IndexNode[] = [...roots];
  const open = new Map<string, readonly IndexNode[]>();
  // The array iterator visits what is pushed while it runs: this walks the window breadth-first.
  for (const node of shown) {
    const children = filtered.childrenOf(node).slice(0, page);
    if (children.length === 0) continue;
    if (shown.length + children.length > budget) break;
    open.set(node.entry.id, children);
    shown.push(...children);
  }
  return { roots, open, shown };
};

/** Offsets as cursors: the tree is rebuilt on every call, so an offset names the same place while nothing moves. */
export const cursorOf = (offset: number): string => String(offset);
export const offsetOf = (cursor: string | undefined): number =>
  cursor === undefined ? 0 : Number.parseInt(cursor, 10);

/** One page of a node's children (or of the roots), each collapsed, and where the next page starts. */
export const childPage = (
  list: readonly IndexNode[],
  cursor: string | undefined,
  size = CHILDREN_PAGE,
): { nodes: readonly IndexNode[]; nextCursor?: string } => {
  const from = offsetOf(cursor);
  const nodes = list.slice(from, from + size);
  const next = from + nodes.length;
  return next < list.length ? { nodes, nextCursor: cursorOf(next) } : { nodes };
};
