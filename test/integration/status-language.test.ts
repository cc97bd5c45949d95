import { newRuntime, ok } from '../support/cadence-client';
import { aKeyResult, anActiveCycle, anObjective, aTeam } from '../support/scenario';
import { DAY_MS, moveAppClock } from '../support/app-clock';

/**
 * One status language (issue #11): mid-cycle, a KR's and an objective's status is their pace against the
 * cycle's calendar (domain/status.ts), stale when no check-in is recent; drafts count in no figure.
 */
describe('status language', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('says on pace, behind, at risk and stale two thirds into a cycle, the same in every view, drafts left out', async () => {
    const runtime = newRuntime();
    // 60 days into a 90-day cycle (once the clock has moved 8 days): about two thirds is expected by now.
    const cycle = await anActiveCycle(runtime, 52);
    const team = await aTeam(runtime, 'Payments', ['priya']);
    const withValue = async (title: string, value: number | undefined, status = 'published') => {
      const o = await anObjective(runtime, 'priya', { cycleId: cycle.id, level: 'team', teamId: team.id, title, status });
      const kr = await aKeyResult(runtime, 'priya', o.id, { title: `${title}: grow from 0 to 100`, metric: { kind: 'number', start: 0, target: 100 } });
      if (value !== undefined) await ok(runtime, 'checkIns.create', { keyResultId: kr.id, value, confidence: 'on_track' }, 'priya');
      return { o, kr };
    };
    // Created 8 days ago and never checked in since (a KR's week counts from its creation: domain/staleness.ts).
    const stale = await withValue('Make payouts self-service', undefined);
    moveAppClock(8 * DAY_MS);
    const onPace = await withValue('Make payouts arrive on time', 62);
    const behind = await withValue('Make payouts cheaper', 50);
    const atRisk = await withValue('Make payouts transparent', 33);
    await withValue('Open payouts in Spain', 10, 'draft');

    const expected = { [onPace.o.id]: 'on_pace', [behind.o.id]: 'behind', [atRisk.o.id]: 'at_risk', [stale.o.id]: 'stale' };
    for (const [id, track] of Object.entries(expected)) {
      const view = await ok(runtime, 'objectives.get', { id }, 'priya');
      expect({ id, objective: view.track, keyResult: view.keyResults[0]?.track }).toEqual({ id, objective: track, keyResult: track });
    }
    const rows = await ok(runtime, 'board.keyResults', { cycleId: cycle.id, objectiveIds: Object.keys(expected) }, 'priya');
    expect(rows.objectives.map((o) => o.keyResults[0]?.track)).toEqual(Object.values(expected));

    const card = await ok(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id }, 'sofia');
    expect(card.summary.tracks).toEqual({ on_pace: 1, behind: 1, at_risk: 1, stale: 1, no_value: 0, total: 4 });
    expect(card.summary.objectives).toBe(4);
    // The board counts the same from its tree index alone (stale included), under the same filter.
    const board = await ok(runtime, 'board.get', { cycleId: cycle.id, teamId: team.id }, 'priya');
    expect(board.summary).toEqual(card.summary.tracks);
    const byId = new Map(board.roots.map((n) => [n.objective.id, n.objective.track]));
    for (const [id, track] of Object.entries(expected)) expect(byId.get(id)).toBe(track);
  });
});
