import { cycleWindow } from '../../src/domain/cycle-window';
import { epicKey, fails, newRuntime, ok } from '../support/cadence-client';
import { aKeyResult, anObjective, paymentsSetup } from '../support/scenario';

describe('the end of a cycle: grading and carry-over', () => {
  it('grades only during review, and returns the graded scorecard', async () => {
    const runtime = newRuntime();
    const { cycle, objective, kr1, kr2 } = await paymentsSetup(runtime);
    const payload = { cycleId: cycle.id, grades: [{ keyResultId: kr1.id, score: 0.7, reason: 'Failures fell after the bank fix, past the last check-in.' }, { keyResultId: kr2.id, score: 0.4, reason: 'Twelve signed customers went live after the last check-in.' }], retrospectives: [{ objectiveId: objective.id, learned: 'Bank outages drove most failures.' }] };
    expect(await fails(runtime, 'cycles.grade', payload, 'priya')).toMatchObject({ code: 'INVALID_STATE', field: 'cycleId' });
    await ok(runtime, 'cycles.update', { id: cycle.id, status: 'review' }, 'elena');
    expect(await fails(runtime, 'cycles.grade', payload, 'marcus')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fails(runtime, 'cycles.grade', { cycleId: cycle.id, grades: [{ keyResultId: `${objective.id}-kzzzzzz`, score: 1 }] }, 'priya')).toMatchObject({ code: 'NOT_FOUND', field: 'grades.0.keyResultId' });
    const card = await ok(runtime, 'cycles.grade', payload, 'priya');
    expect(card.objectives[0]).toMatchObject({ retrospective: { learned: 'Bank outages drove most failures.' }, keyResults: [{ finalScore: 0.7 }, { finalScore: 0.4 }] });
    expect(card.summary.mean).toBeCloseTo(0.55, 6);
  });

  it('carries unfinished objectives over as linked drafts, once', async () => {
    const runtime = newRuntime();
    const { cycle, objective, kr1, team } = await paymentsSetup(runtime);
    const company = await anObjective(runtime, 'elena', { cycleId: cycle.id, title: 'Lead enterprise payroll' });
    const done = await aKeyResult(runtime, 'elena', company.id, { title: 'Sign 2 design partners', metric: { kind: 'number', start: 0, target: 2, current: 2 } });
    expect(done.progress).toBe(1);
    await ok(runtime, 'objectives.update', { id: objective.id, parentObjectiveId: company.id }, 'priya');
    await ok(runtime, 'checkIns.create', { keyResultId: kr1.id, value: 3, confidence: 'at_risk' }, 'daniel');
    await ok(runtime, 'initiatives.link', { keyResultId: kr1.id, issueKey: epicKey(runtime, 'Reduce failed payout retries') }, 'priya');
    const next = await ok(runtime, 'cycles.create', {}, 'elena');
    expect(await fails(runtime, 'cycles.carryOver', { fromCycleId: cycle.id, toCycleId: next.id }, 'priya')).toMatchObject({ code: 'FORBIDDEN' });

    const { carried } = await ok(runtime, 'cycles.carryOver', { fromCycleId: cycle.id, toCycleId: next.id }, 'elena');
    expect(carried.map((c) => c.fromObjectiveId)).toEqual([objective.id]);
    const copyId = carried[0]?.objectiveId ?? '';
    const copy = await ok(runtime, 'objectives.get', { id: copyId }, 'priya');
    expect(copy).toMatchObject({ cycleId: next.id, status: 'draft', carriedFromObjectiveId: objective.id, teamId: team.id });
    expect(copy.parentObjectiveId).toBeUndefined();
    expect(copy.keyResults[0]).toMatchObject({ metric: { start: 3, current: 3, target: 1 } });
    expect(copy.keyResults[0]?.initiatives).toHaveLength(1);
    expect(copy.keyResults[0]?.lastCheckIn).toBeUndefined();

    const again = await ok(runtime, 'cycles.carryOver', { fromCycleId: cycle.id, toCycleId: next.id }, 'elena');
    expect(again.carried).toEqual(carried);
    const both = await ok(runtime, 'cycles.carryOver', { fromCycleId: cycle.id, toCycleId: next.id, objectiveIds: [company.id, objective.id] }, 'elena');
    const companyCopy = both.carried[0]?.objectiveId ?? '';
    expect(both.carried[1]?.objectiveId).toBe(copyId);
    expect((await ok(runtime, 'objectives.get', { id: companyCopy }, 'elena')).carriedFromObjectiveId).toBe(company.id);
    const original = await ok(runtime, 'objectives.get', { id: objective.id }, 'priya');
    expect(original).toMatchObject({ cycleId: cycle.id, status: 'published', parentObjectiveId: company.id });
  });
  it('proposes the current quarter for a new cycle when the next one after the latest is already over', async () => {
    const runtime = newRuntime();
    // A site back after a pause: its last cycle ended more than a quarter ago.
    await ok(runtime, 'cycles.create', { kind: 'quarterly', name: 'Q1 2024', startDate: '2024-01-01', endDate: '2024-03-31' }, 'elena');
    const proposed = await ok(runtime, 'cycles.create', { kind: 'quarterly' }, 'elena');
    const today = cycleWindow('quarterly', new Date());
    expect({ startDate: proposed.startDate, endDate: proposed.endDate, name: proposed.name }).toEqual(today);
    // Planned ahead: with this quarter's cycle in place, the next one is the quarter after it.
    const next = await ok(runtime, 'cycles.create', { kind: 'quarterly' }, 'elena');
    expect(next.startDate > today.endDate).toBe(true);
  });
});
