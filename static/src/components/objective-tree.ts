import type { BoardNode, BoardObjective } from '../../../src/contract';
import { currentLocale, t } from '../app/i18n';

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

/** "Company", "Team", "Individual": an objective's level as a label. */
export const levelWords = (level: BoardObjective['level']): string => t(`components.level.${level}`);

/** Option text for an objective picker: indented by depth so the alignment reads in a plain <select>. */
export const objectiveOptionLabel = (objective: Pick<BoardObjective, 'title' | 'level'>, depth: number): string =>
  `${'\u00a0\u00a0'.repeat(depth)}${depth > 0 ? '↳ ' : ''}${t('components.level.option', {
    title: objective.title,
    level: t(`components.level.${objective.level}`).toLocaleLowerCase(currentLocale()),
  })}`;
