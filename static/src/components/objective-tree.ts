import type { BoardNode, BoardObjective } from '../../../src/contract';

/** The alignment tree of board.get, flattened depth-first in the board's order, with each depth. */
export const flattenTree = (roots: readonly BoardNode[]): { objective: BoardObjective; depth: number }[] => {
  const out: { objective: BoardObjective; depth: number }[] = [];
  const walk = (nodes: readonly BoardNode[], depth: number) => {
    for (const node of nodes) {
      out.push({ objective: node.objective, depth });
      walk(node.children, depth + 1);
    }
  };
  walk(roots, 0);
  return out;
};

/** The subtree rooted at an objective, if it is in the tree. */
export const findSubtree = (roots: readonly BoardNode[], objectiveId: string): BoardNode | undefined => {
  for (const node of roots) {
    if (node.objective.id === objectiveId) return node;
    const below = findSubtree(node.children, objectiveId);
    if (below) return below;
  }
  return undefined;
};

const LEVEL_WORDS: Readonly<Record<BoardObjective['level'], string>> = {
  company: 'Company',
  team: 'Team',
  individual: 'Individual',
};
export const levelWords = (level: BoardObjective['level']): string => LEVEL_WORDS[level];

/** Option text for an objective picker: indented by depth so the alignment reads in a plain <select>. */
export const objectiveOptionLabel = (objective: Pick<BoardObjective, 'title' | 'level'>, depth: number): string =>
  `${'\u00a0\u00a0'.repeat(depth)}${depth > 0 ? '↳ ' : ''}${objective.title} (${LEVEL_WORDS[objective.level].toLowerCase()})`;
