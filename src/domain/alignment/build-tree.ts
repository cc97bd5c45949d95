import type { KeyResult, Objective } from '../../contract';
import { DomainError } from '../errors';
import { isActive, objectiveScore } from '../score';
import { loopText } from './describe';
import { findLoops } from './find-loops';
import { compareObjectives } from './level-order';
import { rollupScore } from './rollup';
import type { AlignmentNode, AlignmentTree, DetachedObjective } from './types';

const byObjective = (a: AlignmentNode, b: AlignmentNode): number => compareObjectives(a.objective, b.objective);

const activeKeyResultsByObjective = (keyResults: readonly KeyResult[]): Map<string, KeyResult[]> => {
  const byObjectiveId = new Map<string, KeyResult[]>();
  for (const kr of keyResults) {
    if (!isActive(kr)) continue;
    const list = byObjectiveId.get(kr.objectiveId);
    if (list === undefined) byObjectiveId.set(kr.objectiveId, [kr]);
    else list.push(kr);
  }
  return byObjectiveId;
};

/**
 * The alignment tree of one cycle (company -> team -> individual through parentObjectiveId), with each
 * objective's own score and its roll-up (see rollupScore). Objectives of other cycles and archived ones
 * are left out; an objective whose parent is archived or not in this cycle becomes a root and is listed
 * in `detached`, so the board can say why. Drafts are included: planning is when alignment is done.
 *
 * Throws DomainError ALIGNMENT_CYCLE naming the objectives when stored parent links loop: we reject
 * rather than guess which link to cut. O(n log n) in objectives (sorting siblings), O(n) in KRs.
 */
export const buildAlignmentTree = (input: {
  cycleId: string;
  objectives: readonly Objective[];
  keyResults: readonly KeyResult[];
}): AlignmentTree => {
  const anyCycle = new Map<string, Objective>();
  const inTree = new Map<string, Objective>();
  for (const o of input.objectives) {
    anyCycle.set(o.id, o);
    if (o.cycleId === input.cycleId && o.status !== 'archived') inTree.set(o.id, o);
  }
  const parentOf = (o: Objective): Objective | undefined =>
    o.parentObjectiveId === undefined ? undefined : inTree.get(o.parentObjectiveId);

  const loops = findLoops(inTree.values(), (o) => o.id, parentOf);
  if (loops.length > 0) {
    throw new DomainError(
      'ALIGNMENT_CYCLE',
      `The alignment cannot be shown as a tree because parent links loop: ${loops.map(loopText).join('; ')}. ` +
        'Change the parent of one objective in each loop.',
      'parentObjectiveId',
    );
  }

  const childrenOf = new Map<string, Objective[]>();
  const rootObjectives: Objective[] = [];
  const detached: DetachedObjective[] = [];
  for (const o of inTree.values()) {
    const parent = parentOf(o);
    if (parent !== undefined) {
      const siblings = childrenOf.get(parent.id);
      if (siblings === undefined) childrenOf.set(parent.id, [o]);
      else siblings.push(o);
      continue;
    }
    rootObjectives.push(o);
    const parentId = o.parentObjectiveId;
    if (parentId !== undefined) {
      const reason = anyCycle.get(parentId)?.status === 'archived' ? 'parent-archived' : 'parent-missing';
      detached.push({ objective: o, parentObjectiveId: parentId, reason });
    }
  }

  // Breadth-first from the roots: without loops every objective is reached, parents before children.
  const topDown: Objective[] = [];
  let depth = 0;
  for (let level = rootObjectives; level.length > 0; depth += 1) {
    const next: Objective[] = [];
    for (const o of level) {
      topDown.push(o);
      for (const child of childrenOf.get(o.id) ?? []) next.push(child);
    }
    level = next;
  }

  // Bottom-up, so each node is built once with its children's roll-ups already known.
  const keyResultsOf = activeKeyResultsByObjective(input.keyResults);
  const builtChildren = new Map<string, AlignmentNode[]>();
  const byId = new Map<string, AlignmentNode>();
  const roots: AlignmentNode[] = [];
  for (const objective of topDown.reverse()) {
    const keyResults = keyResultsOf.get(objective.id) ?? [];
    const children = (builtChildren.get(objective.id) ?? []).sort(byObjective);
    const score = objectiveScore(keyResults);
    const rollup = rollupScore(
      score,
      keyResults.length,
      children.map((c) => c.rollup),
    );
    const node: AlignmentNode = { objective, keyResults, score, rollup, children };
    byId.set(objective.id, node);
    const parent = parentOf(objective);
    if (parent === undefined) {
      roots.push(node);
      continue;
    }
    const siblings = builtChildren.get(parent.id);
    if (siblings === undefined) builtChildren.set(parent.id, [node]);
    else siblings.push(node);
  }

  return { cycleId: input.cycleId, roots: roots.sort(byObjective), byId, detached, depth };
};
