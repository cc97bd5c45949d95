import type { LocalRuntime } from '../../local/platform/local-runtime';
import { exportDocument } from '../support/export-document';
import { fails, newRuntime, ok } from '../support/cadence-client';
import { aKeyResult, anActiveCycle, anObjective, aTeam } from '../support/scenario';

/**
 * Improve (issue #14 part 2): closing a cycle carries objectives on (keep, rewrite) or lets them go
 * (drop); a carried objective brings its retrospective as lessons, and review.lessons shows the cycle
 * before's retrospectives while the next one is set.
 */

// Each test builds its site through the API; on a loaded machine the first one pays the warm-up too.
jest.setTimeout(30_000);

/**
 * A cycle in review with Payments' objective (Priya's, with a retrospective), the company's (Elena's, with
 * a retrospective), Payments' second objective without one, and an individual objective to drop; and the
 * cycle after it.
 */
const setup = async (runtime: LocalRuntime = newRuntime()) => {
  const cycle = await anActiveCycle(runtime);
  const team = await aTeam(runtime, 'Payments', ['priya', 'daniel']);
  const payouts = await anObjective(runtime, 'priya', { cycleId: cycle.id, level: 'team', teamId: team.id, title: 'Make payroll payouts boringly reliable' });
  const kr = await aKeyResult(runtime, 'priya', payouts.id, { title: 'Reduce failed payouts from 4% to 1%', metric: { kind: 'percent', start: 4, target: 1, unit: '%' } });
  const quiet = await anObjective(runtime, 'priya', { cycleId: cycle.id, level: 'team', teamId: team.id, title: 'Make payroll support quiet' });
  await aKeyResult(runtime, 'priya', quiet.id, { title: 'Cut payroll tickets from 40 to 10 a week', metric: { kind: 'number', start: 40, target: 10 } });
  const company = await anObjective(runtime, 'elena', { cycleId: cycle.id, title: 'Lead enterprise payroll' });
  await aKeyResult(runtime, 'elena', company.id, { title: 'Sign 2 design partners', metric: { kind: 'number', start: 0, target: 2 } });
  const mine = await anObjective(runtime, 'daniel', { cycleId: cycle.id, level: 'individual', title: 'Learn the payout stack' });
  await ok(runtime, 'cycles.update', { id: cycle.id, status: 'review' }, 'elena');
  await ok(runtime, 'cycles.grade', { cycleId: cycle.id, retrospectives: [{ objectiveId: payouts.id, drove: 'The bank fix.', learned: 'Ask banks for outage notices.' }] }, 'priya');
  await ok(runtime, 'cycles.grade', { cycleId: cycle.id, retrospectives: [{ objectiveId: company.id, didNot: 'Sales cycles ran long.' }] }, 'elena');
  const next = await ok(runtime, 'cycles.create', {}, 'elena');
  return { runtime, cycle, team, payouts, kr, quiet, company, mine, next };
};

describe('carry-over with choices', () => {
  it('keeps, rewrites and drops, carries the retrospective as lessons, and copies nothing twice', async () => {
    const { runtime, cycle, team, payouts, quiet, company, mine, next } = await setup();
    const choices = [
      { objectiveId: payouts.id, action: 'keep' },
      { objectiveId: company.id, action: 'rewrite', title: 'Win enterprise payroll' },
      { objectiveId: quiet.id, action: 'keep' },
      { objectiveId: mine.id, action: 'drop' },
    ];
    expect(await fails(runtime, 'cycles.carryOver', { fromCycleId: cycle.id, toCycleId: next.id, choices }, 'priya')).toMatchObject({ code: 'FORBIDDEN' });
    const first = await ok(runtime, 'cycles.carryOver', { fromCycleId: cycle.id, toCycleId: next.id, choices, requestId: 'req-carry-000001' }, 'elena');
    expect(first.carried.map((c) => c.fromObjectiveId)).toEqual([payouts.id, company.id, quiet.id]);
    expect(first.dropped).toEqual([mine.id]);
    const copyOf = new Map(first.carried.map((c) => [c.fromObjectiveId, c.objectiveId]));

    const kept = await ok(runtime, 'objectives.get', { id: copyOf.get(payouts.id) ?? '' }, 'priya');
    expect(kept).toMatchObject({
      cycleId: next.id,
      status: 'draft',
      title: payouts.title,
      teamId: team.id,
      carriedFromObjectiveId: payouts.id,
      lessons: { fromObjectiveId: payouts.id, fromCycleId: cycle.id, title: payouts.title, retrospective: { drove: 'The bank fix.', learned: 'Ask banks for outage notices.' } },
    });
    expect(kept.retrospective).toBeUndefined();
    const rewritten = await ok(runtime, 'objectives.get', { id: copyOf.get(company.id) ?? '' }, 'elena');
    expect(rewritten).toMatchObject({ title: 'Win enterprise payroll', lessons: { title: 'Lead enterprise payroll', retrospective: { didNot: 'Sales cycles ran long.' } } });
    // No retrospective, no lessons.
    expect((await ok(runtime, 'objectives.get', { id: copyOf.get(quiet.id) ?? '' }, 'priya')).lessons).toBeUndefined();

    // Again, with or without the request id: the same copies, nothing new.
    expect(await ok(runtime, 'cycles.carryOver', { fromCycleId: cycle.id, toCycleId: next.id, choices, requestId: 'req-carry-000001' }, 'elena')).toEqual(first);
    expect(await ok(runtime, 'cycles.carryOver', { fromCycleId: cycle.id, toCycleId: next.id, choices }, 'elena')).toEqual(first);
    const board = await ok(runtime, 'board.get', { cycleId: next.id }, 'elena');
    expect(board.objectiveCount).toBe(3);
    // Lessons are the panel's, not a board row's.
    expect(board.roots.map((n) => n.objective).find((o) => o.id === copyOf.get(payouts.id))).not.toHaveProperty('lessons');

    // review.get of the closed cycle says where each went.
    await ok(runtime, 'cycles.update', { id: cycle.id, status: 'closed' }, 'elena');
    const review = await ok(runtime, 'review.get', { cycleId: cycle.id, teamId: team.id }, 'priya');
    expect(review.objectives.map((o) => [o.id, o.carriedToObjectiveId])).toEqual([
      [payouts.id, copyOf.get(payouts.id)],
      [quiet.id, copyOf.get(quiet.id)],
    ]);
  });

  it('refuses objectives of another cycle and mixed or incomplete choices, naming the field', async () => {
    const { runtime, cycle, payouts, next } = await setup();
    const elsewhere = await anObjective(runtime, 'elena', { cycleId: next.id, title: 'Open the Nordics' });
    expect(await fails(runtime, 'cycles.carryOver', { fromCycleId: cycle.id, toCycleId: next.id, choices: [{ objectiveId: payouts.id, action: 'keep' }, { objectiveId: elsewhere.id, action: 'keep' }] }, 'elena')).toMatchObject({ code: 'NOT_FOUND', field: 'choices.1.objectiveId' });
    expect(await fails(runtime, 'cycles.carryOver', { fromCycleId: cycle.id, toCycleId: next.id, choices: [{ objectiveId: payouts.id, action: 'rewrite' }] }, 'elena')).toMatchObject({ code: 'VALIDATION', field: 'choices.0.title' });
    expect(await fails(runtime, 'cycles.carryOver', { fromCycleId: cycle.id, toCycleId: next.id, objectiveIds: [payouts.id], choices: [] }, 'elena')).toMatchObject({ code: 'VALIDATION', field: 'choices' });
    expect((await ok(runtime, 'board.get', { cycleId: next.id }, 'elena')).objectiveCount).toBe(1);
  });
});

describe('review.lessons', () => {
  it('lists the cycle before’s retrospectives of a team or the company, with the copies that carry them', async () => {
    const { runtime, cycle, team, payouts, company, next } = await setup();
    const before = await ok(runtime, 'review.lessons', { cycleId: next.id, teamId: team.id }, 'daniel');
    expect(before).toMatchObject({
      fromCycle: { id: cycle.id, name: cycle.name },
      lessons: [{ objectiveId: payouts.id, title: payouts.title, teamId: team.id, retrospective: { drove: 'The bank fix.' } }],
    });
    expect(before.lessons).toHaveLength(1);
    expect(before.lessons[0]?.carriedToObjectiveId).toBeUndefined();
    const { carried } = await ok(runtime, 'cycles.carryOver', { fromCycleId: cycle.id, toCycleId: next.id, choices: [{ objectiveId: payouts.id, action: 'keep' }] }, 'elena');
    const after = await ok(runtime, 'review.lessons', { cycleId: next.id, teamId: team.id }, 'daniel');
    expect(after.lessons[0]?.carriedToObjectiveId).toBe(carried[0]?.objectiveId);
    const companyLessons = await ok(runtime, 'review.lessons', { cycleId: next.id }, 'hannah');
    expect(companyLessons.lessons.map((l) => [l.objectiveId, l.carriedToObjectiveId])).toEqual([[company.id, undefined]]);

    expect(await ok(runtime, 'review.lessons', { cycleId: cycle.id, teamId: team.id }, 'priya')).toEqual({ fromCycle: null, lessons: [] });
    expect(await fails(runtime, 'review.lessons', { cycleId: next.id, teamId: 'nope00000000' }, 'priya')).toMatchObject({ code: 'NOT_FOUND', field: 'teamId' });
  });
});

describe('retrospectives in export and import', () => {
  it('travel with the objective, and an old export’s single text imports as what was learned', async () => {
    const { runtime, payouts, cycle, next } = await setup();
    await ok(runtime, 'cycles.carryOver', { fromCycleId: cycle.id, toCycleId: next.id, choices: [{ objectiveId: payouts.id, action: 'keep' }] }, 'elena');
    const doc = await exportDocument(runtime);
    const target = newRuntime();
    await ok(target, 'data.import', { data: doc }, 'elena');
    const copied = doc.objectives.find((o) => o.carriedFromObjectiveId === payouts.id);
    expect((await ok(target, 'objectives.get', { id: payouts.id }, 'priya')).retrospective).toMatchObject({ drove: 'The bank fix.' });
    expect((await ok(target, 'objectives.get', { id: copied?.id ?? '' }, 'priya')).lessons).toMatchObject({ fromObjectiveId: payouts.id, retrospective: { drove: 'The bank fix.' } });

    // An export written before #14 kept one text.
    const old = { ...doc, objectives: doc.objectives.map((o) => (o.id === payouts.id ? { ...o, retrospective: 'Bank outages drove most failures.' } : o)) };
    const older = newRuntime();
    await ok(older, 'data.import', { data: old }, 'elena');
    expect((await ok(older, 'objectives.get', { id: payouts.id }, 'priya')).retrospective).toEqual({ learned: 'Bank outages drove most failures.' });
  });
});
