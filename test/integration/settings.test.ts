import { groupIdOf } from '../../local/platform/jira/routes/groups';
import { call, newRuntime, ok } from '../support/cadence-client';
import { aKeyResult, anActiveCycle, anObjective, aTeam } from '../support/scenario';

/**
 * Settings (issue #12): bands, pace thresholds and the OKR admin group, each changed on its own; the pace
 * thresholds decide every view's status; OKR admins are Jira admins and the group's members.
 */
const PAYMENTS_GROUP = { groupId: groupIdOf('payments-team'), name: 'payments-team' };

describe('settings', () => {
  it('answers the defaults, and changes only the parts given', async () => {
    const runtime = newRuntime();
    expect(await ok(runtime, 'settings.get', {}, 'hannah')).toEqual({
      bands: { yellowFrom: 0.4, greenFrom: 0.7 },
      pace: { behindBy: 0.1, atRiskBy: 0.25 },
    });
    await ok(runtime, 'settings.update', { pace: { behindBy: 0.15, atRiskBy: 0.3 } }, 'elena');
    await ok(runtime, 'settings.update', { bands: { yellowFrom: 0.3, greenFrom: 0.6 } }, 'elena');
    await ok(runtime, 'settings.update', { adminGroup: PAYMENTS_GROUP }, 'elena');
    expect(await ok(runtime, 'settings.get', {}, 'hannah')).toEqual({
      bands: { yellowFrom: 0.3, greenFrom: 0.6 },
      pace: { behindBy: 0.15, atRiskBy: 0.3 },
      adminGroup: PAYMENTS_GROUP,
    });
    expect(await ok(runtime, 'settings.update', { adminGroup: null }, 'elena')).toEqual({
      bands: { yellowFrom: 0.3, greenFrom: 0.6 },
      pace: { behindBy: 0.15, atRiskBy: 0.3 },
    });
  });

  it('refuses pace thresholds out of order, naming the field', async () => {
    const runtime = newRuntime();
    const result = await call(runtime, 'settings.update', { pace: { behindBy: 0.3, atRiskBy: 0.2 } }, 'elena');
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'pace.atRiskBy' } });
  });

  it('answers a repeated request with the settings as stored, writing nothing', async () => {
    const runtime = newRuntime();
    const requestId = 'settings-request-0001';
    await ok(runtime, 'settings.update', { pace: { behindBy: 0.2, atRiskBy: 0.4 }, requestId }, 'elena');
    await ok(runtime, 'settings.update', { pace: { behindBy: 0.05, atRiskBy: 0.5 } }, 'elena');
    const again = await ok(runtime, 'settings.update', { pace: { behindBy: 0.2, atRiskBy: 0.4 }, requestId }, 'elena');
    expect(again.pace).toEqual({ behindBy: 0.05, atRiskBy: 0.5 });
  });

  it('judges pace with the thresholds: raising behindBy turns a behind KR on pace on the board', async () => {
    const runtime = newRuntime();
    // 60 days into a 90-day cycle: about two thirds expected; 50 of 100 is some 0.17 short.
    const cycle = await anActiveCycle(runtime, 60);
    const team = await aTeam(runtime, 'Payments', ['priya']);
    const o = await anObjective(runtime, 'priya', { cycleId: cycle.id, level: 'team', teamId: team.id, title: 'Make payouts cheaper' });
    const kr = await aKeyResult(runtime, 'priya', o.id, { title: 'Grow from 0 to 100', metric: { kind: 'number', start: 0, target: 100 } });
    await ok(runtime, 'checkIns.create', { keyResultId: kr.id, value: 50, confidence: 'on_track' }, 'priya');
    const tracks = async () => {
      const board = await ok(runtime, 'board.get', { cycleId: cycle.id }, 'priya');
      const rows = await ok(runtime, 'board.keyResults', { cycleId: cycle.id, objectiveIds: [o.id] }, 'priya');
      return { objective: board.roots[0]?.objective.track, keyResult: rows.objectives[0]?.keyResults[0]?.track, summary: board.summary.behind };
    };
    expect(await tracks()).toEqual({ objective: 'behind', keyResult: 'behind', summary: 1 });
    await ok(runtime, 'settings.update', { pace: { behindBy: 0.2, atRiskBy: 0.4 } }, 'elena');
    expect(await tracks()).toEqual({ objective: 'on_pace', keyResult: 'on_pace', summary: 0 });
  });
});
