import type { LocalRuntime } from '../../local/platform/local-runtime';
import { epicKey, fails, issueKey, newRuntime, ok, storageState } from '../support/cadence-client';
import { aKeyResult, anObjective, linkedPaymentsSetup, paymentsSetup } from '../support/scenario';


const sourcedKr = async (runtime: LocalRuntime, objectiveId: string, krId: string) => {
  const view = await ok(runtime, 'objectives.get', { id: objectiveId }, 'priya');
  const kr = view.keyResults.find((k) => k.id === krId);
  if (kr === undefined) throw new Error('KR missing');
  return kr;
};

describe('initiatives (Jira epics under KRs)', () => {
  it('links an epic with its progress from child issues, and sets the initiatives-sourced KR', async () => {
    const { runtime, objective, sourced, initiative, fx } = await linkedPaymentsSetup();
    expect(initiative).toMatchObject({
      restricted: false,
      issueKey: fx,
      summary: 'Multi-currency payroll payouts',
      statusCategory: 'indeterminate',
      projectKey: 'PAY',
      missing: false,
      progress: { done: 2, total: 5, excluded: 1, ratio: 0.5 },
    });
    const kr = await sourcedKr(runtime, objective.id, sourced.id);
    expect(kr.metric.current).toBe(50);
    expect(kr.initiatives).toHaveLength(1);
    expect(await fails(runtime, 'initiatives.link', { keyResultId: sourced.id, issueKey: fx }, 'priya')).toMatchObject({ code: 'VALIDATION', field: 'issueKey' });
  });

  it('refuses non-epics, unknown issues and epics the user cannot see, storing nothing', async () => {
    const runtime = newRuntime();
    const { kr1 } = await paymentsSetup(runtime);
    const before = storageState(runtime);
    const story = issueKey(runtime, 'Payouts in EUR and GBP');
    expect(await fails(runtime, 'initiatives.link', { keyResultId: kr1.id, issueKey: story }, 'priya')).toMatchObject({ code: 'ISSUE_NOT_LINKABLE', field: 'issueKey', message: expect.stringContaining('is not an epic') as unknown });
    expect(await fails(runtime, 'initiatives.link', { keyResultId: kr1.id, issueKey: 'PAY-9999' }, 'priya')).toMatchObject({ code: 'ISSUE_NOT_LINKABLE', field: 'issueKey' });
    const secret = epicKey(runtime, 'SOC 2 Type II audit readiness');
    const invisible = await fails(runtime, 'initiatives.link', { keyResultId: kr1.id, issueKey: secret }, 'priya');
    expect(invisible).toMatchObject({ code: 'ISSUE_NOT_LINKABLE', field: 'issueKey', message: expect.stringContaining('not visible to you') as unknown });
    expect(await fails(runtime, 'initiatives.link', { keyResultId: kr1.id, issueKey: epicKey(runtime, 'Guided data import') }, 'marcus')).toMatchObject({ code: 'FORBIDDEN' });
    expect(storageState(runtime)).toEqual(before);
  });

  it('never leaks a restricted epic to someone outside its project', async () => {
    const runtime = newRuntime();
    const { cycle } = await paymentsSetup(runtime);
    const company = await anObjective(runtime, 'elena', { cycleId: cycle.id, title: 'Win the trust of enterprise buyers' });
    const kr = await aKeyResult(runtime, 'elena', company.id, { title: 'Pass 1 SOC 2 Type II audit', metric: { kind: 'number', start: 0, target: 1 } });
    const secret = epicKey(runtime, 'SOC 2 Type II audit readiness');
    await ok(runtime, 'initiatives.link', { keyResultId: kr.id, issueKey: secret }, 'elena');
    await ok(runtime, 'initiatives.link', { keyResultId: kr.id, issueKey: epicKey(runtime, 'Workspace health score service') }, 'elena');

    const responses = [
      await ok(runtime, 'objectives.get', { id: company.id }, 'priya'),
      await ok(runtime, 'board.get', { cycleId: cycle.id }, 'priya'),
      await ok(runtime, 'board.keyResults', { cycleId: cycle.id, objectiveIds: [company.id] }, 'priya'),
      await ok(runtime, 'scorecard.get', { cycleId: cycle.id }, 'priya'),
    ];
    for (const response of responses) {
      const json = JSON.stringify(response);
      expect(json).not.toContain(secret);
      expect(json).not.toContain('SOC 2 Type II audit readiness');
    }
    const view = responses[0];
    expect(view && 'keyResults' in view && view.keyResults[0]?.initiatives.map((i) => i.restricted)).toEqual([true, false]);
    const seen = await ok(runtime, 'objectives.get', { id: company.id }, 'grace');
    expect(JSON.stringify(seen)).toContain('SOC 2 Type II audit readiness');
    const rows = await ok(runtime, 'board.keyResults', { cycleId: cycle.id, objectiveIds: [company.id] }, 'priya');
    expect(rows.objectives[0]?.keyResults[0]?.initiatives).toMatchObject({ count: 2, restricted: 1 });
    const granted = await ok(runtime, 'board.keyResults', { cycleId: cycle.id, objectiveIds: [company.id] }, 'grace');
    expect(granted.objectives[0]?.keyResults[0]?.initiatives).toMatchObject({ count: 2, restricted: 0 });
  });

  it('refreshes progress on product events: a child moved to Done, re-parented, and the epic deleted', async () => {
    const { runtime, objective, sourced, fx } = await linkedPaymentsSetup();
    runtime.site.updateIssue(issueKey(runtime, 'Snapshot the FX rate when payroll is approved'), { status: 'Done' });
    await runtime.whenIdle();
    let kr = await sourcedKr(runtime, objective.id, sourced.id);
    expect(kr.initiatives[0]).toMatchObject({ progress: { done: 3, total: 5, excluded: 1, ratio: 0.75 } });
    expect(kr.metric.current).toBe(75);

    // A new child added after the cycle started is flagged as added scope.
    runtime.site.createIssue({ project: 'PAY', issueType: 'Story', summary: 'Payouts in AUD', parent: fx });
    await runtime.whenIdle();
    kr = await sourcedKr(runtime, objective.id, sourced.id);
    expect(kr.initiatives[0]).toMatchObject({ progress: { done: 3, total: 6, addedAfterStart: 1, ratio: 0.6 } });

    // Re-parented away: the old parent is refreshed too.
    runtime.site.updateIssue(issueKey(runtime, 'Payouts in AUD'), { parent: epicKey(runtime, 'Reduce failed payout retries') });
    await runtime.whenIdle();
    kr = await sourcedKr(runtime, objective.id, sourced.id);
    expect(kr.initiatives[0]).toMatchObject({ progress: { total: 5, ratio: 0.75 } });

    runtime.site.deleteIssue(fx);
    await runtime.whenIdle();
    kr = await sourcedKr(runtime, objective.id, sourced.id);
    expect(kr.initiatives).toHaveLength(1);
    expect(kr.initiatives[0]).toMatchObject({ restricted: false, missing: true, summary: 'Multi-currency payroll payouts' });
  });

  it('catches up with changes that sent no event on the scheduled reconcile', async () => {
    const { runtime, objective, sourced } = await linkedPaymentsSetup();
    runtime.site.transaction(() => runtime.site.updateIssue(issueKey(runtime, 'Payouts in CAD'), { status: 'Done' }), { silent: true });
    await runtime.whenIdle();
    expect((await sourcedKr(runtime, objective.id, sourced.id)).metric.current).toBe(50);
    const outcome = await runtime.app.runScheduledTrigger('reconcile-initiatives');
    expect(outcome).toMatchObject({ ok: true, result: { statusCode: 204 } });
    const kr = await sourcedKr(runtime, objective.id, sourced.id);
    expect(kr.metric.current).toBe(75);
    expect(kr.initiatives[0]).toMatchObject({ progress: { done: 3, ratio: 0.75 } });
  });

  it('unlinks an initiative', async () => {
    const { runtime, objective, sourced, initiative } = await linkedPaymentsSetup();
    expect(await fails(runtime, 'initiatives.unlink', { initiativeId: initiative.id }, 'marcus')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await ok(runtime, 'initiatives.unlink', { initiativeId: initiative.id }, 'daniel')).toEqual({ initiativeId: initiative.id });
    expect((await sourcedKr(runtime, objective.id, sourced.id)).initiatives).toEqual([]);
    expect(await fails(runtime, 'initiatives.unlink', { initiativeId: initiative.id }, 'daniel')).toMatchObject({ code: 'NOT_FOUND', field: 'initiativeId' });
  });
});
