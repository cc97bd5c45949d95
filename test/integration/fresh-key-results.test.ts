import type { LocalRuntime } from '../../local/platform/local-runtime';
import { newRuntime, ok } from '../support/cadence-client';
import { aKeyResult, anActiveCycle, anObjective, aTeam, paymentsSetup } from '../support/scenario';
import { exportDocument } from '../support/export-document';
import { DAY_MS as DAY, moveAppClock } from '../support/app-clock';

/** The real time the test started at; `later` counts from it. */
let start = 0;
const later = (ms: number): void => {
  moveAppClock(ms, start);
};

/**
 * The weekly rhythm counts from when a KR began (domain/staleness.ts): a KR added today to a cycle that
 * started a month ago is due its first check-in in a week, not already overdue since the cycle start.
 */
describe('a key result added mid-cycle', () => {
  beforeEach(() => {
    start = Date.now();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  const views = async (runtime: LocalRuntime, cycleId: string, objectiveId: string, krId: string) => {
    const board = await ok(runtime, 'board.get', { cycleId }, 'priya');
    const rows = await ok(runtime, 'board.keyResults', { cycleId, objectiveIds: [objectiveId] }, 'priya');
    const view = await ok(runtime, 'objectives.get', { id: objectiveId }, 'priya');
    const lint = await ok(runtime, 'lint.run', { cycleId }, 'priya');
    return {
      board: board.roots.find((n) => n.objective.id === objectiveId)?.objective.track,
      boardStale: board.summary.stale,
      row: rows.objectives[0]?.keyResults.find((k) => k.id === krId)?.track,
      objective: view.track,
      keyResult: view.keyResults.find((k) => k.id === krId)?.track,
      staleFindings: lint.findings.filter((f) => f.ruleId === 'stale-check-in' && f.target.id === krId),
    };
  };

  it('is not stale for a week, then is stale everywhere and the quality check counts days from its creation', async () => {
    const runtime = newRuntime();
    try {
      const cycle = await anActiveCycle(runtime, 30);
      const team = await aTeam(runtime, 'Payments', ['priya']);
      const o = await anObjective(runtime, 'priya', { cycleId: cycle.id, level: 'team', teamId: team.id, title: 'Make payouts self-service' });
      const kr = await aKeyResult(runtime, 'priya', o.id, { title: 'Grow self-service payouts from 0 to 100', metric: { kind: 'number', start: 0, target: 100 } });
      expect(kr.createdAt).toBeDefined();

      // Created just now: its pace speaks (nothing done a third into the cycle is at risk), not staleness.
      const today = await views(runtime, cycle.id, o.id, kr.id);
      expect(today).toEqual({ board: 'at_risk', boardStale: 0, row: 'at_risk', objective: 'at_risk', keyResult: 'at_risk', staleFindings: [] });

      // Seven days on it is still within the week.
      later(7 * DAY - 60_000);
      expect((await views(runtime, cycle.id, o.id, kr.id)).staleFindings).toEqual([]);

      // Eight days on without a check-in: stale in every view and in the quality checks.
      later(8 * DAY + 60_000);
      const after = await views(runtime, cycle.id, o.id, kr.id);
      expect(after).toMatchObject({ board: 'stale', boardStale: 1, row: 'stale', objective: 'stale', keyResult: 'stale' });
      expect(after.staleFindings.map((f) => [f.variant, f.params.count])).toEqual([['added', 8]]);

      // A check-in then starts the week again.
      await ok(runtime, 'checkIns.create', { keyResultId: kr.id, value: 40, confidence: 'on_track' }, 'priya');
      expect(await views(runtime, cycle.id, o.id, kr.id)).toMatchObject({ board: 'on_pace', row: 'on_pace', staleFindings: [] });
    } finally {
      runtime.close();
    }
  }, 60_000);

  it('keeps its creation time through export and import; a carried-over KR starts its own week', async () => {
    const runtime = newRuntime();
    try {
      const { cycle, kr1 } = await paymentsSetup(runtime);
      runtime.kvs.settle();
      const doc = await exportDocument(runtime, 'elena');
      expect(doc.keyResults.find((k) => k.id === kr1.id)?.createdAt).toBe(kr1.createdAt);

      later(3 * DAY);
      const next = await ok(runtime, 'cycles.create', {}, 'elena');
      const { carried } = await ok(runtime, 'cycles.carryOver', { fromCycleId: cycle.id, toCycleId: next.id }, 'elena');
      const copy = await ok(runtime, 'objectives.get', { id: carried[0]?.objectiveId ?? '' }, 'priya');
      expect(copy.keyResults.map((k) => k.createdAt)).toEqual(copy.keyResults.map(() => new Date(start + 3 * DAY).toISOString()));

      // An import keeps what the document says, and documents from before createdAt still import.
      const target = newRuntime();
      try {
        await ok(target, 'data.import', { data: doc }, 'elena');
        expect((await ok(target, 'objectives.get', { id: kr1.objectiveId }, 'priya')).keyResults.find((k) => k.id === kr1.id)?.createdAt).toBe(kr1.createdAt);
        const old = { ...doc, keyResults: doc.keyResults.map(({ createdAt: _c, ...k }) => k) };
        await ok(target, 'data.import', { data: old }, 'elena');
        expect((await ok(target, 'objectives.get', { id: kr1.objectiveId }, 'priya')).keyResults.find((k) => k.id === kr1.id)?.createdAt).toBeUndefined();
      } finally {
        target.close();
      }
    } finally {
      runtime.close();
    }
  }, 60_000);
});
