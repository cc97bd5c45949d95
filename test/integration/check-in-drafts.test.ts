import type { LocalRuntime } from '../../local/platform/local-runtime';
import type { DemoHandle } from '../support/cadence-client';
import { epicKey, fails, issueKey, newRuntime, ok } from '../support/cadence-client';
import { exportDocument } from '../support/export-document';
import { aKeyResult, anObjective, linkedPaymentsSetup, paymentsSetup } from '../support/scenario';

/** checkIns.draft through the resolver on the local runtime, against the emulated Jira (issue #13). */

/** The draft, with the Jira calls and points it cost. */
const draft = async (runtime: LocalRuntime, keyResultId: string, as: DemoHandle = 'priya') => {
  const before = runtime.site.rateLimits.usage().pointsUsed;
  const answer = await ok(runtime, 'checkIns.draft', { keyResultId }, as);
  const calls = runtime.log.last()?.calls.filter((c) => c.kind === 'jira') ?? [];
  return { draft: answer, points: runtime.site.rateLimits.usage().pointsUsed - before, calls: calls.length };
};

const keys = (list: readonly { issueKey: string }[] | undefined): string[] => (list ?? []).map((i) => i.issueKey);

describe('check-ins drafted from Jira (checkIns.draft)', () => {
  it('drafts the measured value and what moved under the epics since the last check-in; accepting it starts the next', async () => {
    const { runtime, sourced, fx } = await linkedPaymentsSetup();
    const first = await draft(runtime, sourced.id);
    expect(first.draft).toMatchObject({
      keyResultId: sourced.id,
      value: 50,
      valueSource: 'initiatives',
      since: sourced.createdAt,
    });
    // Nothing moved since the KR was added; without a check-in there is no baseline, so the epic is named as it stands.
    expect(first.draft.changes).toEqual({
      done: [],
      added: [],
      wontDo: [],
      epics: [{ issueKey: fx, summary: 'Multi-currency payroll payouts', from: null, to: 'In Progress' }],
      truncated: false,
    });
    // permissions/check and a search as the user, a search as the app: 3 calls.
    expect(first.calls).toBe(3);

    const { checkIn } = await ok(
      runtime,
      'checkIns.create',
      { keyResultId: sourced.id, confidence: first.draft.confidence },
      'priya',
    );
    expect(checkIn.epicStatuses).toEqual([{ issueId: runtime.site.getIssue(fx)?.id, statusName: 'In Progress' }]);

    const snapshot = issueKey(runtime, 'Snapshot the FX rate when payroll is approved');
    const cad = issueKey(runtime, 'Payouts in CAD');
    runtime.site.updateIssue(snapshot, { status: 'Done' });
    runtime.site.updateIssue(cad, { status: "Won't Do" });
    runtime.site.createIssue({ project: 'PAY', issueType: 'Story', summary: 'Payouts in AUD', parent: fx });
    runtime.site.updateIssue(fx, { status: 'In Review' });
    await runtime.whenIdle();

    const second = await draft(runtime, sourced.id);
    const aud = issueKey(runtime, 'Payouts in AUD');
    expect(second.draft.since).toBe(checkIn.at);
    expect(keys(second.draft.changes?.done)).toEqual([snapshot]);
    expect(keys(second.draft.changes?.wontDo)).toEqual([cad]);
    expect(keys(second.draft.changes?.added)).toEqual([aud]);
    expect(second.draft.changes?.added[0]).toMatchObject({ summary: 'Payouts in AUD', epicKey: fx });
    expect(second.draft.changes?.epics).toEqual([
      { issueKey: fx, summary: 'Multi-currency payroll payouts', from: 'In Progress', to: 'In Review' },
    ]);
    // 3 done of 4 in scope (one more excluded, one added): what the event-driven refresh stored too.
    expect(second.draft.value).toBe(75);
    const stored = await ok(runtime, 'objectives.get', { id: sourced.objectiveId }, 'priya');
    expect(stored.keyResults.find((k) => k.id === sourced.id)?.metric.current).toBe(75);
    expect(second.calls).toBe(3);
    // Points: the permission check 1 + 2 (one permission), the app's read 1 + the epic + its 6 children,
    // the viewer's search 1 + the epic + the 3 children that moved.
    expect(runtime.site.listIssues().filter((i) => i.parentKey === fx)).toHaveLength(6);
    expect(second.points).toBe(3 + (1 + 1 + 6) + (1 + 1 + 3));

    const accepted = await ok(
      runtime,
      'checkIns.create',
      { keyResultId: sourced.id, confidence: second.draft.confidence },
      'priya',
    );
    expect(accepted.checkIn.value).toBe(second.draft.value);
    const third = await draft(runtime, sourced.id);
    expect(third.draft.since).toBe(accepted.checkIn.at);
    expect(third.draft.changes).toEqual({ done: [], added: [], wontDo: [], epics: [], truncated: false });

    // An old issue moved under the epic is added too: only its changelog says so. One merely edited is not.
    const elsewhere = runtime.site
      .listIssues()
      .find((i) => i.projectKey === 'PAY' && i.issueType !== 'Epic' && i.parentKey !== null && i.parentKey !== fx);
    if (elsewhere === undefined) throw new Error('the demo site has no PAY issue under another epic');
    runtime.site.updateIssue(elsewhere.key, { parent: fx });
    runtime.site.updateIssue(aud, { summary: 'Payouts in AUD and NZD' });
    await runtime.whenIdle();
    const fourth = await draft(runtime, sourced.id);
    expect(fourth.draft.changes).toMatchObject({ done: [], wontDo: [], epics: [] });
    expect(keys(fourth.draft.changes?.added)).toEqual([elsewhere.key]);
    // Eleven resolver calls and three event-driven refreshes: slow on a loaded machine.
  }, 60_000);

  it('keeps the epics’ statuses of a check-in through export and import', async () => {
    const { runtime: source, sourced } = await linkedPaymentsSetup();
    await ok(source, 'checkIns.create', { keyResultId: sourced.id, confidence: 'on_track' }, 'priya');
    const first = await exportDocument(source, 'elena');
    expect(first.checkIns[0]?.epicStatuses).toEqual([
      { issueId: expect.any(String) as unknown, statusName: 'In Progress' },
    ]);
    const target = newRuntime();
    await ok(target, 'data.import', { data: first }, 'elena');
    target.kvs.settle();
    const second = await exportDocument(target, 'elena');
    expect({ ...second, exportedAt: first.exportedAt }).toEqual(first);
  }, 30_000);

  it('never names a restricted epic or its child issues to someone outside its project', async () => {
    const runtime = newRuntime();
    const { cycle } = await paymentsSetup(runtime);
    const company = await anObjective(runtime, 'elena', {
      cycleId: cycle.id,
      title: 'Win the trust of enterprise buyers',
    });
    const kr = await aKeyResult(runtime, 'elena', company.id, {
      title: 'Pass 1 SOC 2 Type II audit',
      metric: { kind: 'number', start: 0, target: 1 },
    });
    const secret = epicKey(runtime, 'SOC 2 Type II audit readiness');
    const open = epicKey(runtime, 'Workspace health score service');
    await ok(runtime, 'initiatives.link', { keyResultId: kr.id, issueKey: secret }, 'elena');
    await ok(runtime, 'initiatives.link', { keyResultId: kr.id, issueKey: open }, 'elena');
    runtime.site.createIssue({
      project: 'SEC',
      issueType: 'Task',
      summary: 'Penetration test of the payroll API',
      parent: secret,
    });
    runtime.site.createIssue({
      project: 'PLAT',
      issueType: 'Task',
      summary: 'Health score for dormant workspaces',
      parent: open,
    });
    await runtime.whenIdle();

    const outsider = await draft(runtime, kr.id, 'priya');
    const json = JSON.stringify(outsider.draft);
    for (const hidden of [secret, 'SOC 2 Type II audit readiness', 'Penetration test of the payroll API'])
      expect(json).not.toContain(hidden);
    expect(outsider.draft.changes?.added.map((i) => i.summary)).toEqual(['Health score for dormant workspaces']);
    expect(keys(outsider.draft.changes?.epics)).toEqual([open]);

    const insider = await draft(runtime, kr.id, 'grace');
    expect(insider.draft.changes?.added.map((i) => i.summary).sort()).toEqual([
      'Health score for dormant workspaces',
      'Penetration test of the payroll API',
    ]);
    expect(keys(insider.draft.changes?.epics).sort()).toEqual([open, secret].sort());
  }, 30_000);

  it('drafts a KR measured by hand from its latest check-in, else its start, asking Jira nothing without epics', async () => {
    const { runtime, kr2 } = await linkedPaymentsSetup();
    const none = await draft(runtime, kr2.id);
    expect(none.draft).toMatchObject({ value: 10, valueSource: 'start', changes: null });
    expect(none.calls).toBe(0);
    await ok(runtime, 'checkIns.create', { keyResultId: kr2.id, value: 14, confidence: 'at_risk' }, 'priya');
    const after = await draft(runtime, kr2.id);
    expect(after.draft).toMatchObject({ value: 14, valueSource: 'last' });
    // The forecast over the trail with the drafted value: 4 of 30 in 3 days heads well past the target.
    expect(after.draft.forecast).not.toBeNull();
    expect(after.draft).toMatchObject({ confidenceSource: 'forecast', confidence: 'on_track' });
  }, 30_000);

  it('refuses an unknown KR, and one that takes no check-in (archived), as checkIns.create would', async () => {
    const { runtime, objective, kr2 } = await linkedPaymentsSetup();
    for (const unknown of [`${objective.id}-kzzzzzz`, 'zzzzzzzzzzzz-kzzzzzz']) {
      expect(await fails(runtime, 'checkIns.draft', { keyResultId: unknown }, 'priya')).toMatchObject({
        code: 'NOT_FOUND',
        field: 'keyResultId',
      });
    }
    expect(await fails(runtime, 'checkIns.draft', { keyResultId: 'not-an-id' }, 'priya')).toMatchObject({
      code: 'VALIDATION',
    });
    await ok(runtime, 'keyResults.archive', { id: kr2.id }, 'priya');
    expect(await fails(runtime, 'checkIns.draft', { keyResultId: kr2.id }, 'priya')).toMatchObject({
      code: 'INVALID_STATE',
      field: 'keyResultId',
    });
  }, 30_000);
});
