import type { BoardNode, BoardObjective, CompactFinding, Cycle, Team } from '../../contract';
import { bandOf } from '../../domain/bands';
import { expectedProgress } from '../../domain/pace';
import { trackStatus } from '../../domain/status';
import type { ObjectiveDigest } from '../model';
import type { BoardTreeEntry } from './board-tree-entry';
import { objectiveOfEntry } from './board-tree-entry';
import { compactFinding, EMPTY_KEY_RESULT_SUMMARY, keyResultSummary } from './board-views';
import type { BoardFilter, FilteredTree, IndexNode, TreeWindow } from './board-window';
import { cursorOf } from './board-window';
import { findingsFor, lintDigests } from './cycle-lint';
import type { ViewContext } from './views';
import { objectiveTrack } from './track';
import { paceIn, viewRatio } from './views';

/** Board nodes from the tree index (structure, scores, roll-ups) and the digests of the objectives shown (the rest of a row). */

/** A row: scores from the index (the full tree's), everything else from the digest. */
export const boardObjective = (
  cycleId: string,
  node: IndexNode,
  digest: ObjectiveDigest | undefined,
  view: ViewContext,
): BoardObjective => {
  // Without its digest (a row document that failed its schema) the row still shows what the index knows.
  const source = digest?.objective ?? objectiveOfEntry(cycleId, node.entry);
  // Retrospectives and carried lessons are the objective panel's and the review's, not a board row's.
  const { cycleId: _c, description: _d, retrospective: _r, authorship: _a, lessons: _l, ...objective } = source;
  return {
    ...objective,
    score: viewRatio(node.score),
    rollup: viewRatio(node.rollup),
    band: node.score === null ? null : bandOf(node.score, view.bands),
    pace: paceIn(view.cycle, node.score, view.now),
    // Without its digest the KRs are unknown, so whether it is stale is too: the pace of its score stands.
    track:
      digest === undefined
        ? trackStatus({ progress: node.score, expected: expectedProgress(view.cycle, view.now), stale: false }, view.pace)
        : objectiveTrack(digest, node.score, view.cycle, view.now, view.pace),
    canEdit: digest !== undefined && view.canEdit(digest),
    keyResultSummary: digest === undefined ? EMPTY_KEY_RESULT_SUMMARY : keyResultSummary(digest, view),
  };
};

/** The window's nodes as the board answers them: open nodes with their first children, the rest collapsed. */
export const windowNodes = (
  cycleId: string,
  filtered: FilteredTree,
  window: Pick<TreeWindow, 'open'>,
  nodes: readonly IndexNode[],
  rows: ReadonlyMap<string, ObjectiveDigest>,
  view: ViewContext,
): BoardNode[] => {
  const nodeOf = (n: IndexNode): BoardNode => {
    const all = filtered.childrenOf(n);
    const open = window.open.get(n.entry.id) ?? [];
    return {
      objective: boardObjective(cycleId, n, rows.get(n.entry.id), view),
      childCount: all.length,
      children: open.map(nodeOf),
      ...(open.length > 0 && open.length < all.length ? { childrenCursor: cursorOf(open.length) } : {}),
    };
  };
  return nodes.map(nodeOf);
};

/**
 * Findings about the objectives shown (and, with `withScope`, about the teams and people in scope) as
 * the whole cycle's lint finds them: the shown objectives in full from their digests, every other one
 * as the index knows it, which is all the cross-objective rules (alignment, too many objectives) read.
 * Findings the partial objectives would raise on their own are about objectives not shown: dropped.
 */
export const windowFindings = (input: {
  cycle: Cycle;
  entries: readonly BoardTreeEntry[];
  shown: readonly ObjectiveDigest[];
  teams: readonly Team[];
  now: Date;
  scope: BoardFilter;
  withScope: boolean;
}): CompactFinding[] => {
  const full = new Set(input.shown.map((d) => d.objective.id));
  const partial = input.entries
    .filter((e) => !full.has(e.id))
    .map((e) => ({
      objective: objectiveOfEntry(input.cycle.id, e),
      keyResults: [],
      initiativeCounts: {},
      updatedAt: '',
    }));
  const all = lintDigests(input.cycle, [...input.shown, ...partial], input.teams, input.now);
  return findingsFor(all, input.shown, input.scope)
    .filter((f) => input.withScope || f.target.kind === 'objective' || f.target.kind === 'keyResult')
    .map(compactFinding);
};
