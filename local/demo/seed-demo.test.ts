import type { Board, Result } from '../../src/contract';
import { createLocalRuntime } from '../platform/local-runtime';
import { DEMO_USERS } from './demo-users';
import { seedDemo } from './index';

/** The demo company seeds through the app's own resolvers, once, and shows a living board. */
describe('demo seed', () => {
  it('creates a cycle with aligned OKRs, linked epics and check-ins, only on first run', async () => {
    const runtime = createLocalRuntime();
    try {
      await expect(seedDemo(runtime)).resolves.toBe(true);
      await expect(seedDemo(runtime)).resolves.toBe(false);

      const list = await runtime.app.invokeResolver({
        moduleKey: 'cadence-board',
        functionKey: 'cycles.list',
        payload: {},
        accountId: DEMO_USERS.priya.accountId,
      });
      const cycles =
        (list.ok ? (list.result as Result<{ cycles: { id: string; status: string }[] }>) : undefined) ?? undefined;
      expect(cycles?.ok && cycles.data.cycles.map((c) => c.status)).toEqual(['active']);
      const cycleId = cycles?.ok ? cycles.data.cycles[0]?.id : undefined;

      const outcome = await runtime.app.invokeResolver({
        moduleKey: 'cadence-board',
        functionKey: 'board.get',
        payload: { cycleId },
        accountId: DEMO_USERS.priya.accountId,
      });
      const board = outcome.ok ? (outcome.result as Result<Board>) : undefined;
      expect(board?.ok).toBe(true);
      if (!board?.ok) return;
      expect(board.data.roots.map((n) => n.objective.level)).toEqual(['company', 'company']);
      const enterprise = board.data.roots.find((n) => n.objective.title.startsWith('Make our first enterprise'));
      expect(enterprise?.children.map((c) => c.objective.level)).toEqual(['team', 'team', 'team', 'team']);
      // The deliberate flaws are there for the quality checks to coach on.
      expect(board.data.findings.map((f) => f.ruleId)).toEqual(
        expect.arrayContaining(['key-result-is-activity', 'key-result-measures-output', 'stale-check-in']),
      );
      // Priya is not in the restricted Security project: its epics never reach her.
      expect(JSON.stringify(board.data)).not.toContain('SOC 2 Type II audit readiness');
    } finally {
      runtime.close();
    }
  });
});
