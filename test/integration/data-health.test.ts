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
      expect(health.corrupt).toEqual([{ kind: 'objective', key: other.id, problem: expect.stringContaining('objective') as unknown }]);
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
});
