import type { CompactFinding, Cycle, Settings, StatusSummary, Team } from '../../contract';
import type { BoardScope } from '../../domain/board-filter';
import type { BoardTreeEntry } from './board-tree-entry';
import type { FilteredTree, IndexNode, TreeWindow } from './board-window';
import { entryTrackHorizon } from './track';

/**
 * The board's first screen as the whole tree index decides it, kept per cycle and filter so that a board
 * load reads one small document instead of the cycle's whole index (whose size grows with the cycle).
 *
 * It holds only what the tree decides: the window (which objectives, with their scores, roll-ups and
 * child counts), the counts over the whole cycle and the findings about teams and people. Rows, KPIs and
 * the findings about the objectives shown are read fresh on every load, as without it.
 *
 * A head answers only while all three hold:
 * - the cycle's tree stamp is the one it was built from. Every writer of a tree index document sets a new
 *   stamp in the same transaction (adapters/kvs/board-head-repository.ts), and a head is built from a tree
 *   read after its stamp, so a head never outlives the tree it came from;
 * - the cycle, settings, teams and filter are those it was built with (`fingerprint`);
 * - no objective in scope can have changed status with the clock (`validUntil`, domain/track-horizon.ts).
 */
export interface HeadNode {
  readonly entry: BoardTreeEntry;
  readonly score: number | null;
  readonly rollup: number | null;
  /** Children the filter keeps, shown or not. */
  readonly childCount: number;
  /** How many of them the first screen opens with (the next ones in breadth-first order). */
  readonly open: number;
}

export interface BoardHead {
  readonly stamp: string;
  readonly fingerprint: string;
  /** Epoch ms; null: only a write or a change of the cycle ends it. */
  readonly validUntil: number | null;
  readonly rootCount: number;
  readonly objectiveCount: number;
  /** The window's objectives, breadth-first (firstScreen's `shown`): the roots shown come first. */
  readonly nodes: readonly HeadNode[];
  readonly rootsShown: number;
  readonly summary: StatusSummary;
  readonly forecastMisses: number;
  readonly detached: readonly { objectiveId: string; reason: 'parent-archived' | 'parent-missing' }[];
  /** Ancestors of the shown objectives that are not shown (archived parents): the alignment rules walk them. */
  readonly ancestors: readonly BoardTreeEntry[];
  /** Findings about the teams and people in scope (whole-cycle rules). */
  readonly scopeFindings: readonly CompactFinding[];
}

/** Which head a filter reads: one per filter combination of a cycle (in the characters storage keys allow). */
export const headKeyOf = (scope: BoardScope): string =>
  [scope.teamId === undefined ? '' : `team.${scope.teamId}`, scope.ownerAccountId === undefined ? '' : `owner.${scope.ownerAccountId}`]
    .filter((part) => part !== '')
    .join('.') || 'all';

/** FNV-1a over the UTF-16 units, in two 32-bit lanes: a change detector, not a secret. */
const hash = (text: string): string => {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x5bd1e995) >>> 0;
  }
  return a.toString(36) + b.toString(36) + String(text.length);
};

/** What a head depends on beside the tree: the cycle (dates, status), settings (bands, pace), teams and filter. */
export const headFingerprint = (input: { cycle: Cycle; settings: Settings; teams: readonly Team[]; scope: BoardScope }): string =>
  hash(JSON.stringify([input.cycle, input.settings, input.teams, headKeyOf(input.scope)]));

export const headAnswers = (head: BoardHead | undefined, stamp: string, fingerprint: string, now: Date): head is BoardHead =>
  head?.stamp === stamp &&
  head.fingerprint === fingerprint &&
  (head.validUntil === null || now.getTime() < head.validUntil);

/** Entries up the parent links of the shown objectives that are not shown themselves. */
const ancestorsOf = (shown: readonly IndexNode[], entries: readonly BoardTreeEntry[]): BoardTreeEntry[] => {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const seen = new Set(shown.map((n) => n.entry.id));
  const found: BoardTreeEntry[] = [];
  for (const node of shown) {
    let parentId = node.entry.parentObjectiveId;
    while (parentId !== undefined && !seen.has(parentId)) {
      seen.add(parentId);
      const parent = byId.get(parentId);
      if (parent === undefined) break;
      found.push(parent);
      parentId = parent.parentObjectiveId;
    }
  }
  return found;
};

export const buildBoardHead = (input: {
  stamp: string;
  fingerprint: string;
  cycle: Cycle;
  settings: Settings;
  entries: readonly BoardTreeEntry[];
  inScope: readonly BoardTreeEntry[];
  filtered: FilteredTree;
  window: TreeWindow;
  summary: StatusSummary;
  forecastMisses: number;
  detached: BoardHead['detached'];
  scopeFindings: readonly CompactFinding[];
  now: Date;
}): BoardHead => {
  const { cycle, filtered, window, now } = input;
  let validUntil = Infinity;
  for (const e of input.inScope) {
    if (e.status !== 'published') continue; // drafts count in no figure
    const score = filtered.tree.byId.get(e.id)?.score ?? null;
    validUntil = Math.min(validUntil, entryTrackHorizon(e, score, cycle, now, input.settings.pace));
  }
  return {
    stamp: input.stamp,
    fingerprint: input.fingerprint,
    validUntil: Number.isFinite(validUntil) ? Math.floor(validUntil) : null,
    rootCount: filtered.roots.length,
    objectiveCount: filtered.size,
    nodes: window.shown.map((n) => ({
      entry: n.entry,
      score: n.score,
      rollup: n.rollup,
      childCount: filtered.childrenOf(n).length,
      open: window.open.get(n.entry.id)?.length ?? 0,
    })),
    rootsShown: window.roots.length,
    summary: input.summary,
    forecastMisses: input.forecastMisses,
    detached: input.detached,
    ancestors: ancestorsOf(window.shown, input.entries),
    scopeFindings: input.scopeFindings,
  };
};

/** The window a head keeps, as firstScreen gave it, and each shown node's child count. */
export const headWindow = (head: BoardHead): { window: TreeWindow; childCount: ReadonlyMap<string, number> } => {
  const shown: IndexNode[] = head.nodes.map((n) => ({ entry: n.entry, score: n.score, rollup: n.rollup, children: [] }));
  const open = new Map<string, readonly IndexNode[]>();
  // Breadth-first: the children each node opens with follow the roots, in the order the nodes come.
  let next = head.rootsShown;
  head.nodes.forEach((n, i) => {
    if (n.open === 0) return;
    const node = shown[i];
    if (node !== undefined) open.set(node.entry.id, shown.slice(next, next + n.open));
    next += n.open;
  });
  return {
    window: { roots: shown.slice(0, head.rootsShown), open, shown },
    childCount: new Map(head.nodes.map((n) => [n.entry.id, n.childCount])),
  };
};
