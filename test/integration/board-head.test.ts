import { kvs } from '@forge/kvs';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import { fails, newRuntime, ok } from '../support/cadence-client';
import { DAY_MS, moveAppClock } from '../support/app-clock';
import { paymentsSetup } from '../support/scenario';

/**
 * The board's kept first screen (src/usecases/shared/board-head.ts): a load reads one small head instead
 * of the cycle's whole tree index, and the head answers only while nothing it was built from has moved.
 */

const load = async (runtime: LocalRuntime, input: Record<string, unknown>) => {
  const board = await ok(runtime, 'board.get', input, 'priya');
  const summary = runtime.log.last()?.summary;
  // A load that read the tree index keeps a head: its one write.
  return { board, fromTree: (summary?.writeUnits ?? 0) > 0, readUnits: summary?.readUnits ?? 0 };
};
const same = <T extends { generatedAt: string }>(board: T) => ({ ...board, generatedAt: '' });

describe('the board keeps its first screen', () => {
  let runtime: LocalRuntime;
  afterEach(() => {
    jest.useRealTimers();
    runtime.close();
  });

  it('answers from the head until the tree changes, then from the tree again', async () => {
    runtime = newRuntime();
    const { cycle, objective, kr2 } = await paymentsSetup(runtime);
    const first = await load(runtime, { cycleId: cycle.id });
    expect(first.fromTree).toBe(true);
    const second = await load(runtime, { cycleId: cycle.id });
    expect(second.fromTree).toBe(false);
    expect(same(second.board)).toEqual(same(first.board));
    expect(second.readUnits).toBeLessThanOrEqual(first.readUnits);

    // Anyone's check-in moves the tree: the next load sees the new score and roll-up.
    await ok(runtime, 'checkIns.create', { keyResultId: kr2.id, value: 40, confidence: 'on_track', requestId: 'board-head-1' }, 'priya');
    const after = await load(runtime, { cycleId: cycle.id });
    expect(after.fromTree).toBe(true);
    const before = first.board.roots.find((r) => r.objective.id === objective.id)?.objective;
    const now = after.board.roots.find((r) => r.objective.id === objective.id)?.objective;
    expect(now?.score).not.toBe(before?.score);
    expect(now?.rollup).toBe(now?.score);
    expect((await load(runtime, { cycleId: cycle.id })).fromTree).toBe(false);
  });

  it('keeps one head per filter, and builds it again when teams or settings change', async () => {
    runtime = newRuntime();
    const { cycle, team } = await paymentsSetup(runtime);
    const all = await load(runtime, { cycleId: cycle.id });
    const mine = await load(runtime, { cycleId: cycle.id, teamId: team.id });
    expect(mine.fromTree).toBe(true);
    expect((await load(runtime, { cycleId: cycle.id })).fromTree).toBe(false);
    expect((await load(runtime, { cycleId: cycle.id, teamId: team.id })).fromTree).toBe(false);
    expect(all.board.objectiveCount).toBe(1);

    await ok(runtime, 'teams.update', { id: team.id, name: 'Payouts' }, 'elena');
    const renamed = await load(runtime, { cycleId: cycle.id, teamId: team.id });
    expect(renamed.fromTree).toBe(true);
    expect(renamed.board.teams.map((t) => t.name)).toEqual(['Payouts']);

    await ok(runtime, 'settings.update', { pace: { behindBy: 0.05, atRiskBy: 0.2 } }, 'elena');
    expect((await load(runtime, { cycleId: cycle.id })).fromTree).toBe(true);
    // A filter that names nobody is refused whether or not a head exists for another filter.
    expect(await fails(runtime, 'board.get', { cycleId: cycle.id, teamId: 'no-such-team' }, 'priya')).toMatchObject({ code: 'NOT_FOUND', field: 'teamId' });
  });

  it('does not outlive a status the clock moves: a week without a check-in counts as stale', async () => {
    runtime = newRuntime();
    const { cycle } = await paymentsSetup(runtime);
    const today = await load(runtime, { cycleId: cycle.id });
    expect(today.board.summary).toMatchObject({ stale: 0, total: 1 });
    // Hours later nothing can have moved (a head lapses by itself after a day: storage's TTL).
    moveAppClock(DAY_MS / 2);
    expect((await load(runtime, { cycleId: cycle.id })).fromTree).toBe(false);
    // Built again hours before the KRs turn stale (the first head has lapsed), it answers only until then.
    moveAppClock(6.4 * DAY_MS);
    expect((await load(runtime, { cycleId: cycle.id })).board.summary).toMatchObject({ stale: 0, total: 1 });
    moveAppClock(0.2 * DAY_MS);
    const later = await load(runtime, { cycleId: cycle.id });
    expect(later.fromTree).toBe(true);
    expect(later.board.summary).toMatchObject({ stale: 1, total: 1 });
    expect(later.board.roots[0]?.objective.track).toBe('stale');
  });

  it('builds a head again when the stored one fails its schema, and data.health reports it', async () => {
    runtime = newRuntime();
    const { cycle } = await paymentsSetup(runtime);
    const first = await load(runtime, { cycleId: cycle.id });
    await kvs.entity<Record<string, unknown>>('board-shard').set(`${cycle.id}:head:all`, { cycleId: cycle.id, version: 1, data: { schemaVersion: 1, packed: 'bm90IGRlZmxhdGVk' } });
    const again = await load(runtime, { cycleId: cycle.id });
    expect(again.fromTree).toBe(true);
    expect(same(again.board)).toEqual(same(first.board));
    await kvs.entity<Record<string, unknown>>('board-shard').set(`${cycle.id}:head:all`, { cycleId: cycle.id, version: 1, data: { schemaVersion: 1, packed: 'bm90IGRlZmxhdGVk' } });
    runtime.kvs.settle();
    const health = await ok(runtime, 'data.health', {}, 'elena');
    expect(health.corrupt.map((c) => c.key)).toEqual([`${cycle.id}:head:all`]);
  });

  it('builds a head again when an admin removes a damaged board document', async () => {
    runtime = newRuntime();
    const { cycle, objective } = await paymentsSetup(runtime);
    await load(runtime, { cycleId: cycle.id });
    expect((await load(runtime, { cycleId: cycle.id })).fromTree).toBe(false);
    // The objective's row document, damaged, then removed through data.repair.
    const rowKey = `${cycle.id}:row:${objective.id}`;
    await kvs.entity<Record<string, unknown>>('board-shard').set(rowKey, { cycleId: cycle.id, version: 1, data: { schemaVersion: 1, packed: 'bm90IGRlZmxhdGVk' } });
    runtime.kvs.settle();
    expect((await ok(runtime, 'data.health', {}, 'elena')).corrupt.map((c) => c.key)).toEqual([rowKey]);
    await ok(runtime, 'data.repair', { kind: 'board-shard', key: rowKey, action: 'remove', requestId: 'repair-head-1' }, 'elena');
    expect((await load(runtime, { cycleId: cycle.id })).fromTree).toBe(true);
  });
});
