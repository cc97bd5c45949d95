import { kvs } from '@forge/kvs';
import { fails, newRuntime, ok } from '../support/cadence-client';
import { anObjective, paymentsSetup } from '../support/scenario';

/** A record that fails its schema is left out of views, never fatal, and listed for admins (issue #10). */
describe('corrupt records', () => {
  it('are skipped by the views that list them and reported by data.health', async () => {
    const runtime = newRuntime();
    try {
      const { cycle, objective, team } = await paymentsSetup(runtime);
      const other = await anObjective(runtime, 'marcus', { cycleId: cycle.id, level: 'individual', title: 'Coach the onboarding squad' });
      // data.health enumerates through an index, which shows writes a moment later (as on Forge).
      runtime.kvs.settle();
      expect(await ok(runtime, 'data.health', {}, 'elena')).toMatchObject({ corrupt: [] });

      // Storage hands back a record an older or broken release wrote: the right attributes, a bad payload.
      await kvs.entity<Record<string, unknown>>('objective').set(other.id, { cycleId: cycle.id, version: 9, updatedAt: 'x', data: { schemaVersion: 1, objective: { id: other.id } } });

      const rows = await ok(runtime, 'board.keyResults', { cycleId: cycle.id, objectiveIds: [objective.id, other.id] }, 'priya');
      expect(rows.objectives.map((o) => o.objectiveId)).toEqual([objective.id]);
      const scorecard = await ok(runtime, 'scorecard.get', { cycleId: cycle.id }, 'priya');
      expect(scorecard.objectives.map((o) => o.id)).toEqual([objective.id]);
      expect((await ok(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id }, 'priya')).objectives).toHaveLength(1);
      // The board stands on its digests, which are whole: the objective is still on it.
      expect((await ok(runtime, 'board.get', { cycleId: cycle.id }, 'priya')).roots.map((r) => r.objective.id)).toContain(other.id);

      runtime.kvs.settle();
      const health = await ok(runtime, 'data.health', {}, 'elena');
      // Two objectives, two catalogs, and one or two board shards (ids are random, so are their shards).
      expect(health.checked).toBeGreaterThanOrEqual(5);
      expect(health.corrupt).toEqual([
        { kind: 'objective', key: other.id, problem: expect.stringContaining('objective') as unknown, raw: expect.stringContaining(other.id) as unknown, rawTruncated: false },
      ]);
      expect(await fails(runtime, 'data.health', {}, 'priya')).toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      runtime.close();
    }
  });

  it('board.get answers NOT_FOUND for an owner who is nobody, an empty board for a person without objectives', async () => {
    const runtime = newRuntime();
    try {
      const { cycle } = await paymentsSetup(runtime);
      expect(await fails(runtime, 'board.get', { cycleId: cycle.id, ownerAccountId: 'nobody-at-all-0001' }, 'priya')).toMatchObject({ code: 'NOT_FOUND', field: 'ownerAccountId' });
      const sofia = await ok(runtime, 'me.get', {}, 'sofia');
      expect((await ok(runtime, 'board.get', { cycleId: cycle.id, ownerAccountId: sofia.accountId }, 'priya')).roots).toEqual([]);
    } finally {
      runtime.close();
    }
  });

  it('data.repair puts a corrected objective back through the safe write (on the board again), removes another, and touches nothing whole', async () => {
    const runtime = newRuntime();
    try {
      const { cycle, objective } = await paymentsSetup(runtime);
      const broken = await anObjective(runtime, 'marcus', { cycleId: cycle.id, level: 'individual', title: 'Coach the onboarding squad' });
      const doomed = await anObjective(runtime, 'marcus', { cycleId: cycle.id, level: 'individual', title: 'Mentor two new hires' });
      const good = await kvs.entity<Record<string, unknown>>('objective').get(broken.id);
      const damage = (value: Record<string, unknown>) => ({ ...value, data: { schemaVersion: 1, objective: { id: (value.data as { objective: { id: string } }).objective.id } } });
      const goodDoomed = await kvs.entity<Record<string, unknown>>('objective').get(doomed.id);
      if (good === undefined || goodDoomed === undefined) throw new Error('objectives not stored');
      await kvs.entity<Record<string, unknown>>('objective').set(broken.id, damage(good));
      await kvs.entity<Record<string, unknown>>('objective').set(doomed.id, damage(goodDoomed));
      runtime.kvs.settle();
      const health = await ok(runtime, 'data.health', {}, 'elena');
      expect(health.corrupt.map((c) => c.key).sort()).toEqual([broken.id, doomed.id].sort());
      const listed = health.corrupt.find((c) => c.key === broken.id);
      expect(JSON.parse(listed?.raw ?? 'null')).toEqual(damage(good));

      // Not corrupt: refused, whatever the action.
      expect(await fails(runtime, 'data.repair', { kind: 'objective', key: objective.id, action: 'remove', requestId: 'repair-0001' }, 'elena')).toMatchObject({ code: 'CONFLICT', field: 'key' });
      expect(await fails(runtime, 'data.repair', { kind: 'objective', key: objective.id, action: 'replace', record: good, requestId: 'repair-0002' }, 'elena')).toMatchObject({ code: 'CONFLICT' });
      // Only OKR admins.
      expect(await fails(runtime, 'data.repair', { kind: 'objective', key: broken.id, action: 'remove', requestId: 'repair-0003' }, 'priya')).toMatchObject({ code: 'FORBIDDEN' });
      // A payload that still fails its schema is the caller's mistake, and changes nothing.
      expect(await fails(runtime, 'data.repair', { kind: 'objective', key: broken.id, action: 'replace', record: damage(good), requestId: 'repair-0004' }, 'elena')).toMatchObject({ code: 'VALIDATION', field: 'record' });

      await ok(runtime, 'data.repair', { kind: 'objective', key: broken.id, action: 'replace', record: good, requestId: 'repair-0005' }, 'elena');
      const rows = await ok(runtime, 'board.keyResults', { cycleId: cycle.id, objectiveIds: [objective.id, broken.id] }, 'priya');
      expect(rows.objectives.map((o) => o.objectiveId)).toEqual([objective.id, broken.id]);
      expect((await ok(runtime, 'objectives.get', { id: broken.id }, 'marcus')).title).toBe('Coach the onboarding squad');

      await ok(runtime, 'data.repair', { kind: 'objective', key: doomed.id, action: 'remove', requestId: 'repair-0006' }, 'elena');
      // Removing again answers the same, writing nothing.
      await ok(runtime, 'data.repair', { kind: 'objective', key: doomed.id, action: 'remove', requestId: 'repair-0007' }, 'elena');
      const board = await ok(runtime, 'board.get', { cycleId: cycle.id }, 'priya');
      expect(board.roots.map((r) => r.objective.id)).not.toContain(doomed.id);
      expect(board.roots.map((r) => r.objective.id)).toEqual(expect.arrayContaining([objective.id, broken.id]));
      runtime.kvs.settle();
      expect((await ok(runtime, 'data.health', {}, 'elena')).corrupt).toEqual([]);
      expect((await ok(runtime, 'objectives.get', { id: objective.id }, 'priya')).title).toBe(objective.title);
    } finally {
      runtime.close();
    }
  });
});
