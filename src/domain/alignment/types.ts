import type { KeyResult, Objective } from '../../contract';

/** One objective in the alignment tree, with what the board shows beside it. */
export interface AlignmentNode {
  readonly objective: Objective;
  /** Active KRs of this objective, in input order; archived KRs never count. */
  readonly keyResults: readonly KeyResult[];
  /** The objective's own score (weighted mean of its active KRs); null when it has none. */
  readonly score: number | null;
  /** Own score blended with the aligned children's roll-ups: see rollupScore. */
  readonly rollup: number | null;
  /** Aligned children: company first, then team, then individual, then by title. */
  readonly children: readonly AlignmentNode[];
}

/**
 * Why an objective with a parent link is shown as a root. 'parent-missing' also covers a parent that
 * exists only in another cycle (validateParent forbids that, so it means the data changed under us).
 */
export type DetachReason = 'parent-archived' | 'parent-missing';

export interface DetachedObjective {
  readonly objective: Objective;
  readonly parentObjectiveId: string;
  readonly reason: DetachReason;
}

export interface AlignmentTree {
  readonly cycleId: string;
  /** Objectives with no parent in this cycle's tree, ordered like children. */
  readonly roots: readonly AlignmentNode[];
  /** Every node of the tree by objective id. */
  readonly byId: ReadonlyMap<string, AlignmentNode>;
  /** Objectives that point at a parent the tree cannot show, so they became roots; in input order. */
  readonly detached: readonly DetachedObjective[];
  /** Number of levels in the deepest chain: 0 for an empty tree, 1 when nothing is aligned. */
  readonly depth: number;
}
