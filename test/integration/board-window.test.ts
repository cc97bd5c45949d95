import { seedScale } from '../../bench/scale-seed';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import { createLocalRuntime } from '../../local/platform/local-runtime';
import type { BoardNode, CompactFinding } from '../../src/contract';
import { buildAlignmentTree } from '../../src/domain/alignment';
import type { AlignmentNode } from '../../src/domain/alignment';
import { digestOf } from '../../src/usecases/model';
import { compactFinding } from '../../src/usecases/shared/board-views';
import { lintDigests } from '../../src/usecases/shared/cycle-lint';
import { viewRatio } from '../../src/usecases/shared/views';
import { ok } from '../support/cadence-client';

/** 500 KB: far under Forge's 5 MB response limit, at any cycle size. */
const ANSWER_BUDGET = 500_000;

interface Seen {
  id: string;
  parentId: string | undefined;
  score: number | null;
  rollup: number | null;
}

/**
 * Opens the whole board as a person clicking every expand button would: board.get, then board.children
 * for every node with children not loaded yet (and further pages of roots), until nothing is left.
 */
const openEverything = async (runtime: LocalRuntime, cycleId: string, filter: Record<string, string> = {}) => {
  const seen: Seen[] = [];
  const findings: CompactFinding[] = [];
  const answers: { key: string; bytes: number; readUnits: number }[] = [];
  const measure = (key: string) => {
    const entry = runtime.log.last();
    answers.push({ key, bytes: entry?.responseBytes ?? 0, readUnits: entry?.summary.readUnits ?? 0 });
  };
  runtime.kvs.resetUsage();
  const board = await ok(runtime, 'board.get', { cycleId, ...filter }, 'priya');
  measure('board.get');
  findings.push(...board.findings);
  const pending: { parentId: string | undefined; cursor: string | undefined }[] = [];
  const take = (nodes: readonly BoardNode[], parentId: string | undefined) => {
    for (const n of nodes) {
      seen.push({ id: n.objective.id, parentId, score: n.objective.score, rollup: n.objective.rollup });
      take(n.children, n.objective.id);
      if (n.children.length < n.childCount) pending.push({ parentId: n.objective.id, cursor: n.childrenCursor });
    }
  };
  take(board.roots, undefined);
  if (board.rootsCursor !== undefined) pending.push({ parentId: undefined, cursor: board.rootsCursor });
  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    runtime.kvs.resetUsage();
    const page = await ok(
      runtime,
      'board.children',
      {
        cycleId,
        ...filter,
        ...(next.parentId === undefined ? {} : { objectiveId: next.parentId }),
        ...(next.cursor === undefined ? {} : { cursor: next.cursor }),
      },
      'priya',
    );
    measure('board.children');
    findings.push(...page.findings);
    expect(page.children.every((c) => c.children.length === 0)).toBe(true);
    take(page.children, next.parentId);
    if (page.nextCursor !== undefined) pending.push({ parentId: next.parentId, cursor: page.nextCursor });
  }
  return { board, seen, findings, answers };
};

const flatten = (nodes: readonly AlignmentNode[], parentId?: string): Seen[] =>
  nodes.flatMap((n) => [
    { id: n.objective.id, parentId, score: viewRatio(n.score), rollup: viewRatio(n.rollup) },
    ...flatten(n.children, n.objective.id),
  ]);

const byId = (list: readonly Seen[]): Seen[] => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
const findingKey = (f: CompactFinding): string => `${f.ruleId}|${f.target.kind}|${f.target.id}`;

const countNodes = (nodes: readonly BoardNode[]): number =>
  nodes.reduce((n, node) => n + 1 + countNodes(node.children), 0);

describe('the board in windows: a bounded first screen, the rest on demand', () => {
  let runtime: LocalRuntime;
  let cycleId: string;
  let expected: Seen[];
  let expectedFindings: string[];
  let teamId: string;
  let teamOf: Map<string, string | undefined>;
  let opened: Awaited<ReturnType<typeof openEverything>>;

  beforeAll(async () => {
    runtime = createLocalRuntime();
    const seeded = await seedScale(runtime, {
      objectives: 400,
      companyObjectives: 6,
      keyResultsPerObjective: 2,
      epicsPerKeyResult: 0,
      projects: 2,
      teams: 8,
    });
    cycleId = seeded.cycle.id;
    teamId = seeded.teams[3]?.id ?? '';
    const all = seeded.aggregates;
    teamOf = new Map(all.map((a) => [a.objective.id, a.objective.teamId]));
    // The unwindowed tree and lint, as board.get answered them before windowing.
    expected = flatten(
      buildAlignmentTree({
        cycleId,
        objectives: all.map((a) => a.objective),
        keyResults: all.flatMap((a) => a.keyResults),
      }).roots,
    );
    expectedFindings = lintDigests(seeded.cycle, all.map(digestOf), seeded.teams, new Date())
      .map(compactFinding)
      .map(findingKey)
      .sort();
    runtime.kvs.setQuota({ readUnitsPerMinute: 1e9 });
    opened = await openEverything(runtime, cycleId);
  }, 120_000);

  afterAll(() => {
    runtime.close();
  });

  it('shows at most 100 objectives first, and opening every node gives the whole tree once, with the scores of the full tree', () => {
    const { board, seen, findings, answers } = opened;
    expect(board.objectiveCount).toBe(expected.length);
    expect(countNodes(board.roots)).toBeLessThanOrEqual(100);
    expect(countNodes(board.roots)).toBeGreaterThan(6);
    // Same objectives under the same parents, each exactly once, with the same scores and roll-ups.
    expect(byId(seen)).toEqual(byId(expected));
    // Findings: those of the whole cycle's lint, every one reached by opening the board.
    expect([...new Set(findings.map(findingKey))].sort()).toEqual([...new Set(expectedFindings)]);
    for (const a of answers) expect(a.bytes).toBeLessThan(ANSWER_BUDGET);
  });

  it('keeps sibling order: a node opened page by page lists its children as the full tree does', () => {
    const childrenOf = (list: readonly Seen[], id: string | undefined) =>
      list.filter((s) => s.parentId === id).map((s) => s.id);
    for (const parent of [undefined, ...expected.map((e) => e.id)])
      expect(childrenOf(opened.seen, parent)).toEqual(childrenOf(expected, parent));
  });

  it('filtered by a team, shows its objectives with their ancestors and descendants, however deep, paged', async () => {
    const { board, seen } = await openEverything(runtime, cycleId, { teamId });
    const full = new Map(expected.map((e) => [e.id, e]));
    const inTeam = (id: string | undefined): boolean => id !== undefined && teamOf.get(id) === teamId;
    const above = (id: string | undefined): boolean =>
      id !== undefined && (inTeam(id) || above(full.get(id)?.parentId));
    const below = (id: string): boolean => inTeam(id) || expected.some((e) => e.parentId === id && below(e.id));
    const kept = expected.filter((e) => above(e.id) || below(e.id));
    expect(byId(seen)).toEqual(byId(kept));
    expect(board.objectiveCount).toBe(kept.length);
    expect(seen.filter((s) => inTeam(s.id)).length).toBe(expected.filter((e) => inTeam(e.id)).length);
  }, 60_000);
});

describe('the first screen of a 5,000-objective cycle', () => {
  it('answers far under 5 MB with the scores of the full tree, in at most 60 read units', async () => {
    const runtime = createLocalRuntime();
    try {
      const seeded = await seedScale(runtime, {
        objectives: 5000,
        companyObjectives: 10,
        keyResultsPerObjective: 1,
        epicsPerKeyResult: 0,
        projects: 2,
        teams: 125,
      });
      const all = seeded.aggregates;
      const expected = new Map(
        flatten(
          buildAlignmentTree({
            cycleId: seeded.cycle.id,
            objectives: all.map((a) => a.objective),
            keyResults: all.flatMap((a) => a.keyResults),
          }).roots,
        ).map((e) => [e.id, e]),
      );
      const board = await ok(runtime, 'board.get', { cycleId: seeded.cycle.id }, 'priya');
      const entry = runtime.log.last();
      expect(entry?.responseBytes).toBeLessThan(ANSWER_BUDGET);
      expect(entry?.summary.readUnits).toBeLessThanOrEqual(60);
      expect(board.objectiveCount).toBe(5000);
      const shown: Seen[] = [];
      const take = (nodes: readonly BoardNode[], parentId?: string): void => {
        for (const n of nodes) {
          shown.push({ id: n.objective.id, parentId, score: n.objective.score, rollup: n.objective.rollup });
          take(n.children, n.objective.id);
        }
      };
      take(board.roots);
      expect(shown.length).toBeLessThanOrEqual(100);
      for (const s of shown) expect(s).toEqual(expected.get(s.id));

      // The next load answers the same from the kept head: it reads what it shows, not the 5,000-entry index.
      const again = await ok(runtime, 'board.get', { cycleId: seeded.cycle.id }, 'priya');
      const kept = runtime.log.last()?.summary;
      expect({ ...again, generatedAt: '' }).toEqual({ ...board, generatedAt: '' });
      expect(kept?.writeUnits).toBe(0);
      expect(kept?.readUnits).toBeLessThanOrEqual(20);
      expect(kept?.readUnits).toBeLessThan((entry?.summary.readUnits ?? 0) - 15);
    } finally {
      runtime.close();
    }
  }, 180_000);
});
