import type { BoardNode, BoardObjective, CompactFinding, Cycle, Finding, Team } from '../../contract';
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

/**
 * The window's nodes as the board answers them: open nodes with their first children, the rest collapsed.
 * `childCountOf`: how many children the filter keeps under a node, shown or not.
 */
export const windowNodes = (
  cycleId: string,
  childCountOf: (node: IndexNode) => number,
  window: Pick<TreeWindow, 'open'>,
  nodes: readonly IndexNode[],
  rows: ReadonlyMap<string, ObjectiveDigest>,
  view: ViewContext,
): BoardNode[] => {
  const nodeOf = (n: IndexNode): BoardNode => {
    const all = childCountOf(n);
    const open = window.open.get(n.entry.id) ?? [];
    return {
      objective: boardObjective(cycleId, n, rows.get(n.entry.id), view),
      childCount: all,
      children: open.map(nodeOf),
      ...(open.length > 0 && open.length < all ? { childrenCursor: cursorOf(open.length) } : {}),
    };
  };
  return nodes.map(nodeOf);
};

/** A filtered tree's child counts, for windowNodes. */
export const keptChildCount =
  (filtered: FilteredTree) =>
  (node: IndexNode): number =>
    filtered.childrenOf(node).length;

const isAboutObjectives = (f: { target: { kind: string } }): boolean => f.target.kind === 'objective' || f.target.kind === 'keyResult';

/**
 * The cycle's lint over the shown objectives in full (from their digests) and `others` as the index knows
 * them, which is all the cross-objective rules (alignment, too many objectives) read. Findings the partial
 * objectives would raise on their own are about objectives not shown: findingsFor drops them.
 */
const lintWindow = (input: { cycle: Cycle; others: readonly BoardTreeEntry[]; shown: readonly ObjectiveDigest[]; teams: readonly Team[]; now: Date }): Finding[] => {
  const full = new Set(input.shown.map((d) => d.objective.id));
  const partial = input.others
    .filter((e) => !full.has(e.id))
    .map((e) => ({
      objective: objectiveOfEntry(input.cycle.id, e),
      keyResults: [],
      initiativeCounts: {},
      updatedAt: '',
    }));
  return lintDigests(input.cycle, [...input.shown, ...partial], input.teams, input.now);
};

/**
 * Findings about the objectives shown (and, with `withScope`, about the teams and people in scope) as
 * the whole cycle's lint finds them: the shown objectives in full, every other one as the index knows it.
 */
export const windowFindings = (input: {
  cycle: Cycle;
  entries: readonly BoardTreeEntry[];
  shown: readonly ObjectiveDigest[];
  teams: readonly Team[];
  now: Date;
  scope: BoardFilter;
  withScope: boolean;
}): CompactFinding[] =>
  findingsFor(lintWindow({ ...input, others: input.entries }), input.shown, input.scope)
    .filter((f) => input.withScope || isAboutObjectives(f))
    .map(compactFinding);

const findingKey = (f: CompactFinding): string => `${f.ruleId}|${f.target.kind}|${f.target.id}`;

/**
 * The board's findings about a window: about the shown objectives and their KRs, from their digests and
 * their ancestors (the rules about one objective read only it and, for alignment, the objectives up its
 * parent links, so these are what the whole cycle's lint says about them); then about the teams and
 * people in scope: those the whole tree index raises (`fromIndex`, kept in the board's head) and those the
 * shown objectives' KRs raise (a team whose scored objectives all reached 1.0), each once.
 */
export const boardFindings = (input: {
  cycle: Cycle;
  ancestors: readonly BoardTreeEntry[];
  shown: readonly ObjectiveDigest[];
  teams: readonly Team[];
  now: Date;
  scope: BoardFilter;
  fromIndex: readonly CompactFinding[];
}): CompactFinding[] => {
  const found = findingsFor(lintWindow({ ...input, others: input.ancestors }), input.shown, input.scope).map(compactFinding);
  const aboutScope = [...input.fromIndex];
  const seen = new Set(aboutScope.map(findingKey));
  for (const f of found) {
    if (isAboutObjectives(f) || seen.has(findingKey(f))) continue;
    seen.add(findingKey(f));
    aboutScope.push(f);
  }
  return [...found.filter(isAboutObjectives), ...aboutScope];
};

/** Findings about the teams and people in scope that the tree index alone raises (too many objectives). */
export const indexScopeFindings = (input: {
  cycle: Cycle;
  entries: readonly BoardTreeEntry[];
  teams: readonly Team[];
  now: Date;
  scope: BoardFilter;
}): CompactFinding[] =>
  findingsFor(lintWindow({ ...input, others: input.entries, shown: [] }), [], input.scope)
    .filter((f) => !isAboutObjectives(f))
    .map(compactFinding);
