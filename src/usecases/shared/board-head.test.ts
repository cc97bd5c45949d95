import { DEFAULT_BANDS } from '../../contract';
import { DEFAULT_STATUS_THRESHOLDS } from '../../domain/status';
import { aCycle, aTeam } from '../../../test/support/builders';
import type { BoardTreeEntry } from './board-tree-entry';
import { buildBoardHead, headAnswers, headFingerprint, headKeyOf, headWindow } from './board-head';
import type { IndexNode } from './board-window';
import { buildIndexTree, filterTree, firstScreen } from './board-window';

const cycle = aCycle({ id: 'cycle-now', status: 'active', startDate: '2026-10-01', endDate: '2026-12-31' });
const settings = { bands: DEFAULT_BANDS, pace: { ...DEFAULT_STATUS_THRESHOLDS } };
const now = new Date('2026-11-15T12:00:00Z');

/** A company -> team -> individual index of n entries; every 23rd team entry archived (its children detached). */
const entriesOf = (n: number): BoardTreeEntry[] => {
  const entries: BoardTreeEntry[] = [];
  for (let i = 0; i < n; i++) {
    const level = i < 4 ? 'company' : i < 4 + Math.floor(n / 4) ? 'team' : 'individual';
    const parent = level === 'company' ? undefined : level === 'team' ? entries[i % 4] : entries[4 + (i % Math.floor(n / 4))];
    const archived = level === 'team' && i % 23 === 0;
    entries.push({
      id: `obj-${String(i).padStart(4, '0')}`,
      ...(parent === undefined ? {} : { parentObjectiveId: parent.id }),
      level,
      status: archived ? 'archived' : i % 9 === 0 ? 'draft' : 'published',
      ...(level === 'company' ? {} : { teamId: `team-${String(i % 3)}` }),
      ownerAccountId: `acc-${String(i % 5)}`,
      title: archived ? '' : `Objective ${String((i * 31) % n)}`,
      score: i % 6 === 0 ? null : ((i * 7) % 10) / 10,
      keyResultCount: i % 6 === 0 ? 0 : 1 + (i % 3),
      freshestCheckInAt: now.getTime() - (i % 9) * 86_400_000 - 1_800_000,
    });
  }
  return entries;
};

const ids = (nodes: readonly IndexNode[]): string[] => nodes.map((n) => n.entry.id);

const headOf = (entries: readonly BoardTreeEntry[], scope: { teamId?: string }, budget: number, page: number) => {
  const filtered = filterTree(buildIndexTree(cycle.id, entries), scope);
  const window = firstScreen(filtered, budget, page);
  const head = buildBoardHead({
    stamp: 's1',
    fingerprint: 'f1',
    cycle,
    settings,
    entries,
    inScope: entries,
    filtered,
    window,
    summary: { on_pace: 0, behind: 0, at_risk: 0, stale: 0, no_value: 0, total: 0 },
    forecastMisses: 0,
    detached: [],
    scopeFindings: [],
    now,
  });
  return { filtered, window, head };
};

describe('the board head', () => {
  it.each([
    [120, {}, 100, 50],
    [400, {}, 30, 8],
    [400, { teamId: 'team-1' }, 100, 50],
  ])('gives back the window firstScreen chose, with child counts, for %i objectives %j', (n, scope, budget, page) => {
    const { filtered, window, head } = headOf(entriesOf(n), scope, budget, page);
    const kept = headWindow(head);
    expect(ids(kept.window.roots)).toEqual(ids(window.roots));
    expect(ids(kept.window.shown)).toEqual(ids(window.shown));
    expect([...kept.window.open].map(([id, children]) => [id, ids(children)])).toEqual(
      [...window.open].map(([id, children]) => [id, ids(children)]),
    );
    for (const node of window.shown) {
      expect(kept.childCount.get(node.entry.id)).toBe(filtered.childrenOf(node).length);
      const same = kept.window.shown.find((k) => k.entry.id === node.entry.id);
      expect([same?.score, same?.rollup]).toEqual([node.score, node.rollup]);
    }
    expect(head.rootCount).toBe(filtered.roots.length);
    expect(head.objectiveCount).toBe(filtered.size);
  });

  it('keeps the entries up the parent links of the shown objectives that are not shown (the alignment rules walk them)', () => {
    const entries = entriesOf(120);
    // A window of the roots alone: every shown objective is a root, so nothing above is missing.
    expect(headOf(entries, {}, 4, 4).head.ancestors).toEqual([]);
    // Filtered to one owner's objectives, the kept tree still starts at the company roots.
    const { head, window } = headOf(entries, { teamId: 'team-2' }, 100, 50);
    const shown = new Set(ids(window.shown));
    for (const a of head.ancestors) expect(shown.has(a.id)).toBe(false);
  });

  it('answers only for its stamp and fingerprint, and until the first moment a status could move', () => {
    const { head } = headOf(entriesOf(120), {}, 100, 50);
    expect(head.validUntil).not.toBeNull();
    const until = head.validUntil ?? 0;
    expect(until).toBeGreaterThan(now.getTime());
    expect(headAnswers(head, 's1', 'f1', now)).toBe(true);
    expect(headAnswers(head, 's2', 'f1', now)).toBe(false);
    expect(headAnswers(head, 's1', 'f2', now)).toBe(false);
    expect(headAnswers(head, 's1', 'f1', new Date(until))).toBe(false);
    expect(headAnswers(undefined, 's1', 'f1', now)).toBe(false);
    expect(headAnswers({ ...head, validUntil: null }, 's1', 'f1', new Date(until + 1e12))).toBe(true);
  });

  it('is keyed per filter in the characters storage keys allow, and fingerprints what it depends on beside the tree', () => {
    const keys = [headKeyOf({}), headKeyOf({ teamId: 't1' }), headKeyOf({ ownerAccountId: '712020:ab-cd' }), headKeyOf({ teamId: 't1', ownerAccountId: 'a1' })];
    expect(keys).toEqual(['all', 'team.t1', 'owner.712020:ab-cd', 'team.t1.owner.a1']);
    for (const key of keys) expect(key).toMatch(/^[a-zA-Z0-9:._\s-#]+$/);
    const base = { cycle, settings, teams: [aTeam({ id: 't1', name: 'Payments' })], scope: {} };
    expect(headFingerprint(base)).toBe(headFingerprint({ ...base }));
    expect(headFingerprint({ ...base, teams: [aTeam({ id: 't1', name: 'Payouts' })] })).not.toBe(headFingerprint(base));
    expect(headFingerprint({ ...base, cycle: { ...cycle, status: 'review' } })).not.toBe(headFingerprint(base));
    expect(headFingerprint({ ...base, scope: { teamId: 't1' } })).not.toBe(headFingerprint(base));
  });
});
