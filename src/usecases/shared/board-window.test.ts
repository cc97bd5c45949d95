import type { KeyResult, Objective } from '../../contract';
import { buildAlignmentTree } from '../../domain/alignment';
import type { AlignmentNode } from '../../domain/alignment';
import { DomainError } from '../../domain/errors';
import { aKeyResult, anObjective } from '../../../test/support/builders';
import type { ObjectiveDigest } from '../model';
import { treeEntryOf } from './board-tree-entry';
import type { IndexNode } from './board-window';
import { buildIndexTree, childPage, filterTree, firstScreen } from './board-window';

const CYCLE = 'cycle-now';

/** A company -> team -> individual tree of n objectives with 0-4 graded KRs each (deterministic). */
const aCycleOf = (n: number): { objectives: Objective[]; keyResults: KeyResult[]; digests: ObjectiveDigest[] } => {
  const objectives: Objective[] = [];
  const keyResults: KeyResult[] = [];
  for (let i = 0; i < n; i++) {
    const level = i < 5 ? 'company' : i < 5 + Math.floor(n / 5) ? 'team' : 'individual';
    const parent =
      level === 'company' ? undefined : level === 'team' ? objectives[i % 5] : objectives[5 + (i % Math.floor(n / 5))];
    const o = anObjective({
      cycleId: CYCLE,
      level,
      title: `Objective ${String((i * 37) % n)}`,
      ownerAccountId: `acc-${String(i % 7)}`,
      ...(level === 'company' ? {} : { teamId: `team-${String(i % 4)}` }),
      ...(parent === undefined ? {} : { parentObjectiveId: parent.id }),
      ...(i % 41 === 0 && i > 5 ? { status: 'archived' as const } : {}),
    });
    objectives.push(o);
    for (let k = 0; k < i % 5; k++)
      keyResults.push(aKeyResult({ objectiveId: o.id, finalScore: ((i * 13 + k * 7) % 10) / 10, weight: 1 + (k % 3) }));
  }
  const digests = objectives.map((objective) => ({
    objective,
    keyResults: keyResults.filter((kr) => kr.objectiveId === objective.id),
    initiativeCounts: {},
    updatedAt: '',
  }));
  return { objectives, keyResults, digests };
};

const flatten = <T>(nodes: readonly T[], childrenOf: (n: T) => readonly T[]): T[] =>
  nodes.flatMap((n) => [n, ...flatten(childrenOf(n), childrenOf)]);

describe('the board tree built from the tree index', () => {
  it('has the order, scores and roll-ups of the alignment tree built from full objectives, to the last bit', () => {
    const { objectives, keyResults, digests } = aCycleOf(300);
    const full = buildAlignmentTree({ cycleId: CYCLE, objectives, keyResults });
    const index = buildIndexTree(CYCLE, digests.map(treeEntryOf));

    const expected = flatten<AlignmentNode>(full.roots, (n) => n.children).map((n) => [
      n.objective.id,
      n.score,
      n.rollup,
    ]);
    const actual = flatten<IndexNode>(index.roots, (n) => n.children).map((n) => [n.entry.id, n.score, n.rollup]);
    expect(actual).toEqual(expected);
    expect(index.byId.size).toBe(full.byId.size);
    expect([...index.detached]).toEqual(full.detached.map((d) => [d.objective.id, d.reason]));
  });

  it('refuses parent links that loop, as the alignment tree does', () => {
    const a = anObjective({ id: 'obj-a', cycleId: CYCLE, level: 'team', teamId: 't', parentObjectiveId: 'obj-b' });
    const b = anObjective({ id: 'obj-b', cycleId: CYCLE, level: 'team', teamId: 't', parentObjectiveId: 'obj-a' });
    const entries = [a, b].map((objective) =>
      treeEntryOf({ objective, keyResults: [], initiativeCounts: {}, updatedAt: '' }),
    );
    expect(() => buildIndexTree(CYCLE, entries)).toThrow(DomainError);
  });
});

describe('the first screen', () => {
  const tree = buildIndexTree(CYCLE, aCycleOf(300).digests.map(treeEntryOf));
  const all = filterTree(tree, {});

  it('shows at most the budget, breadth-first: roots, then each node opens with its first children while they fit', () => {
    const window = firstScreen(all, 20, 8);
    expect(window.shown.length).toBeLessThanOrEqual(20);
    expect(window.roots.map((r) => r.entry.id)).toEqual(tree.roots.slice(0, 8).map((r) => r.entry.id));
    // Breadth-first: the open nodes are the first shown nodes with children, in order.
    const withChildren = window.shown.filter((n) => n.children.length > 0).map((n) => n.entry.id);
    expect([...window.open.keys()]).toEqual(withChildren.slice(0, window.open.size));
    for (const [id, children] of window.open) expect(children).toEqual(tree.byId.get(id)?.children.slice(0, 8));
  });

  it('with a large budget is the whole tree', () => {
    const window = firstScreen(all, 10_000, 10_000);
    expect(window.shown).toHaveLength(tree.byId.size);
  });

  it('and pages of children reach every objective exactly once', () => {
    const window = firstScreen(all, 30, 10);
    const seen: string[] = window.shown.map((n) => n.entry.id);
    const rest = (list: readonly IndexNode[], from: number): void => {
      let cursor: string | undefined = from === 0 ? undefined : String(from);
      do {
        const page = childPage(list, cursor, 7);
        for (const n of page.nodes) {
          seen.push(n.entry.id);
          rest(n.children, 0);
        }
        cursor = page.nextCursor;
      } while (cursor !== undefined);
    };
    const walkShown = (nodes: readonly IndexNode[]): void => {
      for (const n of nodes) {
        const open = window.open.get(n.entry.id) ?? [];
        walkShown(open);
        if (open.length < n.children.length) rest(n.children, open.length);
      }
    };
    walkShown(window.roots);
    if (window.roots.length < tree.roots.length) rest(tree.roots, window.roots.length);
    expect(seen.sort()).toEqual([...tree.byId.keys()].sort());
  });
});

describe('filters', () => {
  const tree = buildIndexTree(CYCLE, aCycleOf(120).digests.map(treeEntryOf));

  it('keep the matches with their ancestors and descendants, and never change a score', () => {
    const filtered = filterTree(tree, { ownerAccountId: 'acc-3' });
    const kept = flatten(filtered.roots, filtered.childrenOf);
    expect(kept.length).toBe(filtered.size);
    for (const n of kept) {
      const matchUp = (id: string | undefined): boolean =>
        id !== undefined &&
        (tree.byId.get(id)?.entry.ownerAccountId === 'acc-3' || matchUp(tree.byId.get(id)?.entry.parentObjectiveId));
      const matchDown = (m: IndexNode): boolean => m.entry.ownerAccountId === 'acc-3' || m.children.some(matchDown);
      expect(matchUp(n.entry.id) || matchDown(n)).toBe(true);
      expect(n.rollup).toBe(tree.byId.get(n.entry.id)?.rollup);
    }
    const ownedKept = kept.filter((n) => n.entry.ownerAccountId === 'acc-3').length;
    expect(ownedKept).toBe([...tree.byId.values()].filter((n) => n.entry.ownerAccountId === 'acc-3').length);
  });

  it('with none set keep everything', () => {
    expect(filterTree(tree, {}).size).toBe(tree.byId.size);
    expect(filterTree(tree, { teamId: 'team-none' }).roots).toEqual([]);
  });
});
