/** The alignment tree: company -> team -> individual objectives linked by parentObjectiveId. */
export { buildAlignmentTree } from './build-tree';
export { LEVEL_RANK, compareObjectives } from './level-order';
export { rollupScore } from './rollup';
export type { AlignmentNode, AlignmentTree, DetachReason, DetachedObjective } from './types';
export { validateParent } from './validate-parent';
