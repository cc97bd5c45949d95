import { exportDocument } from '../support/export-document';
import { accountOf, epicKey, fails, issueId, newRuntime, ok } from '../support/cadence-client';
import { aKeyResult, anActiveCycle, anObjective, paymentsSetup } from '../support/scenario';
import { DAY_MS, moveAppClock } from '../support/app-clock';

describe('board, scorecard, lint, issue panel and the weekly job', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('builds the alignment tree with roll-ups, filters by team and owner, and lists findings', async () => {
    const runtime = newRuntime();
    const { cycle, team, objective, kr2 } = await paymentsSetup(runtime);
    const company = await anObjective(runtime, 'elena', { cycleId: cycle.id, title: 'Lead enterprise payroll' });
    const ckr = await aKeyResult(runtime, 'elena', company.id, { title: 'Grow enterprise logos from 10 to 20', metric: { kind: 'number', start: 10, target: 20, current: 15 } });
    expect(ckr.progress).toBe(0.5);
    await ok(runtime, 'objectives.update', { id: objective.id, parentObjectiveId: company.id }, 'priya');
    await ok(runtime, 'keyResults.update', { id: kr2.id, metric: { current: 40 } }, 'priya');
    const other = await anObjective(runtime, 'marcus', { cycleId: cycle.id, level: 'individual', title: 'Coach the onboarding squad' });

    const board = await ok(runtime, 'board.get', { cycleId: cycle.id }, 'priya');
    // The generation document, then catalogs, settings and the kept head (none yet), then the tree index,
    // then the rows shown beside keeping the head.
    expect(runtime.log.last()?.summary).toMatchObject({ jiraCalls: 1, sequentialStorageRoundTrips: 4 });
    // Once kept, the head answers: no tree index, the same board.
    const again = await ok(runtime, 'board.get', { cycleId: cycle.id }, 'priya');
    expect(runtime.log.last()?.summary).toMatchObject({ jiraCalls: 1, sequentialStorageRoundTrips: 3, writeUnits: 0 });
    expect({ ...again, generatedAt: '' }).toEqual({ ...board, generatedAt: '' });
    expect(board.roots.map((r) => r.objective.id)).toEqual([company.id, other.id]);
    const root = board.roots[0];
    expect(root?.objective).toMatchObject({ score: 0.5, canEdit: false });
    expect(root?.objective.rollup).toBeCloseTo((1 * 0.5 + 0.5) / 2, 6);
    expect(root?.children[0]?.objective).toMatchObject({ id: objective.id, score: 0.5, canEdit: true });
    // KRs are summed up per objective; their rows come from board.keyResults.
    expect(root?.objective.keyResultSummary).toEqual({
      count: 1,
      red: 0,
      yellow: 1,
      green: 0,
      stale: 0,
      atRisk: 0,
      offTrack: 0,
      forecastMisses: 0,
      tracks: { on_pace: 1, behind: 0, at_risk: 0, stale: 0, no_value: 0, total: 1 },
      owners: [accountOf('elena')],
    });
    expect(root?.children[0]?.objective.keyResultSummary).toMatchObject({ count: 2, red: 1, green: 1, owners: [accountOf('daniel'), accountOf('priya')] });
    expect(JSON.stringify(board)).not.toContain('"keyResults"');
    // Findings are compact: the words come from lint.run.
    expect(board.findings.some((f) => f.ruleId === 'individual-objective-not-aligned' && f.target.id === other.id)).toBe(true);
    expect(board.findings.every((f) => Object.keys(f).sort().join() === 'ruleId,severity,target')).toBe(true);
    expect(board.teams.map((t) => t.id)).toEqual([team.id]);

    // Without a cycleId: the current cycle's board, so a first load needs no cycles.list.
    const current = await ok(runtime, 'board.get', {}, 'priya');
    expect(current.cycle.id).toBe(cycle.id);
    expect(current.roots.map((r) => r.objective.id)).toEqual(board.roots.map((r) => r.objective.id));

    const teamBoard = await ok(runtime, 'board.get', { cycleId: cycle.id, teamId: team.id }, 'priya');
    expect(teamBoard.roots.map((r) => r.objective.id)).toEqual([company.id]);
    expect(teamBoard.roots[0]?.objective.keyResultSummary).toEqual(root?.objective.keyResultSummary);
    expect(teamBoard.findings.every((f) => f.target.id !== other.id)).toBe(true);
    const mine = await ok(runtime, 'board.get', { cycleId: cycle.id, ownerAccountId: accountOf('marcus') }, 'marcus');
    expect(mine.roots.map((r) => r.objective.id)).toEqual([other.id]);

    const lint = await ok(runtime, 'lint.run', { cycleId: cycle.id }, 'daniel');
    expect(lint.findings.map((f) => f.ruleId)).toContain('objective-no-key-results');
    expect(lint.findings.find((f) => f.target.id === other.id)).toMatchObject({ variant: expect.any(String) as unknown, params: { title: other.title } });
    const teamLint = await ok(runtime, 'lint.run', { cycleId: cycle.id, teamId: team.id }, 'daniel');
    expect(teamLint.findings.every((f) => f.target.id !== other.id)).toBe(true);
    // One objective: its own findings and its KRs', none of the team's or the cycle's.
    const one = await ok(runtime, 'lint.run', { cycleId: cycle.id, objectiveId: other.id }, 'daniel');
    expect(one.findings.length).toBeGreaterThan(0);
    expect(one.findings).toEqual(lint.findings.filter((f) => f.target.id === other.id || f.target.id.startsWith(`${other.id}-`)));
    expect(await fails(runtime, 'lint.run', { cycleId: cycle.id, objectiveId: 'zzzzzzzzzzzz' }, 'daniel')).toMatchObject({ code: 'NOT_FOUND', field: 'objectiveId' });
    expect(await fails(runtime, 'lint.run', { cycleId: cycle.id, objectiveId: `${other.id}-kabcdef` }, 'daniel')).toMatchObject({ code: 'VALIDATION', field: 'objectiveId' });
  });

  it('has no current board before the first cycle, and says so naming cycleId', async () => {
    const runtime = newRuntime();
    expect(await fails(runtime, 'board.get', {}, 'priya')).toMatchObject({ code: 'NOT_FOUND', field: 'cycleId' });
  });

  it('serves the scorecard of a cycle, a team and one objective', async () => {
    const runtime = newRuntime();
    const { cycle, team, objective, kr2 } = await paymentsSetup(runtime);
    await ok(runtime, 'keyResults.update', { id: kr2.id, metric: { current: 31 } }, 'priya');
    const card = await ok(runtime, 'scorecard.get', { cycleId: cycle.id }, 'sofia');
    expect(card.summary).toMatchObject({ objectives: 1, keyResults: 2 });
    expect(card.summary.mean).toBeCloseTo(0.35, 6);
    const teamCard = await ok(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id, includeInitiatives: false }, 'sofia');
    expect(teamCard.title).toBe(`Payments · ${cycle.name}`);
    const one = await ok(runtime, 'scorecard.get', { cycleId: cycle.id, objectiveId: objective.id, includeKeyResults: false }, 'sofia');
    expect(one).toMatchObject({ title: 'Make payroll payouts boringly reliable', objectives: [{ keyResults: [] }] });
    // A draft is listed but counts in no figure: the mean and counts stay those of the published objective.
    const draft = await anObjective(runtime, 'priya', { cycleId: cycle.id, level: 'team', teamId: team.id, status: 'draft', title: 'Open payroll in two more countries' });
    await aKeyResult(runtime, 'priya', draft.id, { title: 'Sign 5 payroll customers in Spain', metric: { kind: 'number', start: 0, target: 5 } });
    const withDraft = await ok(runtime, 'scorecard.get', { cycleId: cycle.id, teamId: team.id }, 'sofia');
    expect(withDraft.objectives.map((o) => o.status).sort()).toEqual(['draft', 'published']);
    expect(withDraft.summary).toMatchObject({ objectives: 1, keyResults: 2 });
    expect(withDraft.summary.mean).toBeCloseTo(0.35, 6);
    expect(withDraft.summary.score).toBe(0.35);
  });

  it('shows the epic in context on the issue panel: the KRs it serves, their check-ins, its progress', async () => {
    const runtime = newRuntime();
    const { kr1 } = await paymentsSetup(runtime);
    const key = epicKey(runtime, 'Reduce failed payout retries');
    await ok(runtime, 'initiatives.link', { keyResultId: kr1.id, issueKey: key }, 'priya');
    await ok(runtime, 'checkIns.create', { keyResultId: kr1.id, value: 3, confidence: 'on_track' }, 'daniel');
    const issue = { id: issueId(runtime, key), key };
    const panel = await ok(runtime, 'issuePanel.get', {}, 'sofia', { issue });
    expect(panel).toMatchObject({ issue, isEpic: true, keyResults: [{ keyResult: { id: kr1.id }, recentCheckIns: [{ value: 3 }] }] });
    expect(panel.epicProgress?.total).toBeGreaterThan(0);
    const unlinked = epicKey(runtime, 'Guided data import');
    const plain = await ok(runtime, 'issuePanel.get', {}, 'sofia', { issue: { id: issueId(runtime, unlinked), key: unlinked } });
    expect(plain).toMatchObject({ isEpic: true, keyResults: [], epicProgress: { done: 0, total: 3 } });
    const secret = epicKey(runtime, 'SOC 2 Type II audit readiness');
    expect(await fails(runtime, 'issuePanel.get', {}, 'priya', { issue: { id: issueId(runtime, secret), key: secret } })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fails(runtime, 'issuePanel.get', {}, 'priya')).toMatchObject({ code: 'VALIDATION' });
  });

  it('flags stale KRs at read time and stores the weekly snapshot', async () => {
    const runtime = newRuntime();
    const cycle = await anActiveCycle(runtime, 20);
    const objective = await anObjective(runtime, 'priya', { cycleId: cycle.id, level: 'individual', title: 'Make payouts boringly reliable' });
    const stale = await aKeyResult(runtime, 'priya', objective.id, { title: 'Cut payout failures from 4 to 1', metric: { kind: 'number', start: 4, target: 1 } });
    // A KR's week counts from its creation (domain/staleness.ts): 8 days on, the first one is overdue.
    moveAppClock(8 * DAY_MS);
    const fresh = await aKeyResult(runtime, 'priya', objective.id, { title: 'Grow payouts from 10 to 20', metric: { kind: 'number', start: 10, target: 20 } });
    await ok(runtime, 'checkIns.create', { keyResultId: fresh.id, value: 15, confidence: 'on_track' }, 'priya');
    const view = await ok(runtime, 'objectives.get', { id: objective.id }, 'priya');
    expect(view.keyResults.map((k) => [k.id, k.stale])).toEqual([[stale.id, true], [fresh.id, false]]);
    const lint = await ok(runtime, 'lint.run', { cycleId: cycle.id }, 'priya');
    expect(lint.findings.filter((f) => f.ruleId === 'stale-check-in').map((f) => f.target.id)).toEqual([stale.id]);
    const board = await ok(runtime, 'board.get', { cycleId: cycle.id }, 'priya');
    expect(board.roots[0]?.objective.keyResultSummary).toMatchObject({ count: 2, stale: 1 });
    const rows = await ok(runtime, 'board.keyResults', { cycleId: cycle.id, objectiveIds: [objective.id] }, 'priya');
    expect(rows.objectives[0]?.keyResults.map((k) => [k.id, k.stale])).toEqual([[stale.id, true], [fresh.id, false]]);

    expect(await runtime.app.runScheduledTrigger('weekly-check-in')).toMatchObject({ ok: true, result: { statusCode: 204 } });
    // Weekly snapshots are listed through an index, which shows them a moment later (as on Forge).
    runtime.kvs.settle();
    const exported = await exportDocument(runtime, 'elena');
    expect(exported.snapshots).toEqual([{ cycleId: cycle.id, week: expect.stringMatching(/^\d{4}-W\d{2}$/) as unknown, values: { [stale.id]: 4, [fresh.id]: 15 } }]);
  });
});
