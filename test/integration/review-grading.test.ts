import type { LocalRuntime } from '../../local/platform/local-runtime';
import { accountOf, fails, newRuntime, ok, storageState } from '../support/cadence-client';
import { aKeyResult, anObjective, aTeam } from '../support/scenario';

/**
 * Review (issue #14 part 1): grades carry a reason when they overrule the measured grade; the
 * retrospective's three prompts are the objective owner's (or an OKR admin's) to save; review.get
 * gathers a team's objectives with a first draft of each retrospective from the cycle's check-ins.
 */

// Each test builds its site through the API; on a loaded machine the first one pays the warm-up too.
jest.setTimeout(30_000);

const DAY = 86_400_000;
const isoDay = (offsetDays: number): string => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);

/**
 * Payments in a cycle of five ISO weeks whose middle week is this one (so this week's snapshot is the
 * mid-cycle one): a team objective of Priya's with a KR Daniel owns (failures 4% -> 1%) and one of hers
 * (customers 10 -> 40); a company objective of Elena's.
 */
const setup = async (runtime: LocalRuntime = newRuntime()) => {
  const created = await ok(runtime, 'cycles.create', { name: 'Q-now', startDate: isoDay(-14), endDate: isoDay(14) }, 'elena');
  const cycle = await ok(runtime, 'cycles.update', { id: created.id, status: 'active' }, 'elena');
  const team = await aTeam(runtime, 'Payments', ['priya', 'daniel']);
  const objective = await anObjective(runtime, 'priya', { cycleId: cycle.id, level: 'team', teamId: team.id, title: 'Make payroll payouts boringly reliable' });
  const kr1 = await aKeyResult(runtime, 'priya', objective.id, { title: 'Reduce failed payouts from 4% to 1%', metric: { kind: 'percent', start: 4, target: 1, unit: '%' }, ownerAccountId: accountOf('daniel') });
  const kr2 = await aKeyResult(runtime, 'priya', objective.id, { title: 'Grow multi-currency payroll customers from 10 to 40', metric: { kind: 'number', start: 10, target: 40 } });
  const company = await anObjective(runtime, 'elena', { cycleId: cycle.id, title: 'Lead enterprise payroll' });
  await aKeyResult(runtime, 'elena', company.id, { title: 'Sign 2 design partners', metric: { kind: 'number', start: 0, target: 2 } });
  return { runtime, cycle, team, objective, kr1, kr2, company };
};

const toReview = (runtime: LocalRuntime, cycleId: string) => ok(runtime, 'cycles.update', { id: cycleId, status: 'review' }, 'elena');

describe('grading at review', () => {
  it('asks a reason only when the final score overrules the measured grade, and keeps it only then', async () => {
    const { runtime, cycle, objective, kr1, kr2 } = await setup();
    await ok(runtime, 'checkIns.create', { keyResultId: kr1.id, value: 2.5, confidence: 'at_risk' }, 'daniel');
    await toReview(runtime, cycle.id);

    const before = await ok(runtime, 'review.get', { cycleId: cycle.id, teamId: objective.teamId }, 'priya');
    const measured = before.objectives[0]?.keyResults.find((kr) => kr.id === kr1.id)?.measuredScore;
    expect(measured).toBe(0.5);

    const state = storageState(runtime);
    const missing = await fails(runtime, 'cycles.grade', { cycleId: cycle.id, grades: [{ keyResultId: kr2.id, score: 0 }, { keyResultId: kr1.id, score: 0.8 }] }, 'priya');
    expect(missing).toMatchObject({ code: 'VALIDATION', field: 'grades.1.reason' });
    expect(missing.message).toBe('The reason of grade 2 is required when the final score differs from the measured grade.');
    expect(await fails(runtime, 'cycles.grade', { cycleId: cycle.id, grades: [{ keyResultId: kr1.id, score: 0.8, reason: '   ' }] }, 'priya')).toMatchObject({ field: 'grades.0.reason' });
    expect(storageState(runtime)).toEqual(state);

    const reason = 'The bank fix landed after the last check-in: failures are at 1.6%.';
    await ok(runtime, 'cycles.grade', { cycleId: cycle.id, grades: [{ keyResultId: kr1.id, score: 0.8, reason }, { keyResultId: kr2.id, score: 0 }] }, 'priya');
    const graded = await ok(runtime, 'review.get', { cycleId: cycle.id, teamId: objective.teamId }, 'priya');
    expect(graded.objectives[0]?.keyResults).toEqual([
      expect.objectContaining({ id: kr1.id, measuredScore: 0.5, finalScore: 0.8, finalScoreReason: reason }),
      expect.objectContaining({ id: kr2.id, measuredScore: 0, finalScore: 0 }),
    ]);
    expect(graded.objectives[0]?.grade).toBe(0.4);
    expect(graded.grade).toBe(0.4);
    expect((await ok(runtime, 'objectives.get', { id: objective.id }, 'priya')).keyResults.find((kr) => kr.id === kr1.id)).toMatchObject({ finalScoreReason: reason });

    // Back to the measured grade: the reason goes, even when one is sent.
    await ok(runtime, 'cycles.grade', { cycleId: cycle.id, grades: [{ keyResultId: kr1.id, score: 0.5, reason: 'Agreed with the measure after all.' }] }, 'priya');
    const back = await ok(runtime, 'review.get', { cycleId: cycle.id, teamId: objective.teamId }, 'priya');
    const kr = back.objectives[0]?.keyResults.find((k) => k.id === kr1.id);
    expect(kr).toMatchObject({ finalScore: 0.5 });
    expect(kr?.finalScoreReason).toBeUndefined();
  });

  it('lets a team member grade but only the owner or an OKR admin save the retrospective, who and when from the invocation', async () => {
    const { runtime, cycle, objective, kr1 } = await setup();
    await toReview(runtime, cycle.id);
    const retro = { objectiveId: objective.id, drove: 'The bank fix.', didNot: '', learned: 'Ask the bank for outage notices.' };

    await ok(runtime, 'cycles.grade', { cycleId: cycle.id, grades: [{ keyResultId: kr1.id, score: 0 }] }, 'daniel');
    const state = storageState(runtime);
    const refused = await fails(runtime, 'cycles.grade', { cycleId: cycle.id, grades: [{ keyResultId: kr1.id, score: 0 }], retrospectives: [retro] }, 'daniel');
    expect(refused).toMatchObject({ code: 'FORBIDDEN', field: 'retrospectives.0.objectiveId' });
    expect(refused.message).toBe('Only the objective’s owner or an OKR admin can write the retrospective of "Make payroll payouts boringly reliable".');
    expect(storageState(runtime)).toEqual(state);
    expect(await fails(runtime, 'cycles.grade', { cycleId: cycle.id, grades: [{ keyResultId: kr1.id, score: 0 }] }, 'hannah')).toMatchObject({ code: 'FORBIDDEN' });
    // In Dutch, in full.
    const dutch = await runtime.app.invokeResolver({ moduleKey: 'cadence-board', functionKey: 'cycles.grade', payload: { cycleId: cycle.id, retrospectives: [retro] }, accountId: accountOf('daniel'), locale: 'nl-NL' });
    expect(dutch.ok && (dutch.result as { error?: { message: string } }).error?.message).toBe('Alleen de eigenaar van de objective of een OKR-beheerder kan de terugblik op “Make payroll payouts boringly reliable” schrijven.');

    const before = Date.now();
    const card = await ok(runtime, 'cycles.grade', { cycleId: cycle.id, retrospectives: [retro] }, 'priya');
    expect(card.objectives.find((o) => o.id === objective.id)?.retrospective).toMatchObject({ drove: 'The bank fix.', learned: 'Ask the bank for outage notices.', byAccountId: accountOf('priya') });
    const stored = (await ok(runtime, 'review.get', { cycleId: cycle.id, teamId: objective.teamId }, 'daniel')).objectives[0]?.retrospective;
    expect(stored?.didNot).toBeUndefined();
    expect(Date.parse(stored?.at ?? '')).toBeGreaterThanOrEqual(before - 1000);

    // An OKR admin may write it too; all prompts empty clears it.
    await ok(runtime, 'cycles.grade', { cycleId: cycle.id, retrospectives: [{ objectiveId: objective.id, drove: 'Elena: the bank fix.' }] }, 'elena');
    expect((await ok(runtime, 'objectives.get', { id: objective.id }, 'priya')).retrospective).toMatchObject({ drove: 'Elena: the bank fix.', byAccountId: accountOf('elena') });
    await ok(runtime, 'cycles.grade', { cycleId: cycle.id, retrospectives: [{ objectiveId: objective.id, drove: ' ' }] }, 'priya');
    expect((await ok(runtime, 'objectives.get', { id: objective.id }, 'priya')).retrospective).toBeUndefined();
  });
});

describe('review.get', () => {
  it('drafts each retrospective from the cycle’s check-ins and the mid-cycle forecast, and says what the viewer may do', async () => {
    const { runtime, cycle, team, objective, kr1, kr2, company } = await setup();
    await ok(runtime, 'checkIns.create', { keyResultId: kr1.id, value: 3.5, confidence: 'on_track', blockers: 'The bank’s sandbox is down.' }, 'daniel');
    await ok(runtime, 'checkIns.create', { keyResultId: kr2.id, value: 25, confidence: 'on_track', note: 'Referrals from the first customers.' }, 'priya');
    // This week is the cycle's middle one: its snapshot is what the forecast said halfway.
    await runtime.app.runScheduledTrigger('weekly-check-in');
    await ok(runtime, 'checkIns.create', { keyResultId: kr2.id, value: 40, confidence: 'on_track', note: 'Every planned customer is live.' }, 'priya');
    expect(await fails(runtime, 'review.get', { cycleId: cycle.id, teamId: team.id }, 'priya')).toMatchObject({ code: 'INVALID_STATE', field: 'cycleId' });
    await toReview(runtime, cycle.id);
    await ok(runtime, 'cycles.grade', { cycleId: cycle.id, grades: [{ keyResultId: kr2.id, score: 0.3, reason: 'Half of the new customers pay in one currency only.' }] }, 'priya');

    // Notes and blockers come from the check-in index, which lists a check-in up to a second after it is written.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const review = await ok(runtime, 'review.get', { cycleId: cycle.id, teamId: team.id }, 'priya');
    expect(review).toMatchObject({ cycle: { id: cycle.id, status: 'review' }, teamId: team.id });
    expect(review.objectives.map((o) => o.id)).toEqual([objective.id]);
    const [o] = review.objectives;
    expect(o).toMatchObject({ canGrade: true, canWriteRetrospective: true });
    expect(o?.carriedToObjectiveId).toBeUndefined();
    // Failures 4% -> 3.5% and customers graded 0.3: both red, then Daniel's blocker.
    expect(o?.draft.didNot).toEqual([
      { kind: 'scored', keyResultId: kr1.id, title: kr1.title, score: 0.2 },
      { kind: 'scored', keyResultId: kr2.id, title: kr2.title, score: 0.3 },
      { kind: 'blocker', keyResultId: kr1.id, title: kr1.title, text: 'The bank’s sandbox is down.' },
    ]);
    expect(o?.draft.drove).toEqual([]);
    // Customers: graded 0.3 though measured 1.0; halfway, at 25 of 40 after two weeks, the forecast was far above that.
    expect(o?.draft.learned).toEqual(
      expect.arrayContaining([
        { kind: 'confidence-miss', keyResultId: kr1.id, title: kr1.title, said: 'on_track', score: 0.2 },
        { kind: 'confidence-miss', keyResultId: kr2.id, title: kr2.title, said: 'on_track', score: 0.3 },
        expect.objectContaining({ kind: 'forecast-miss', keyResultId: kr2.id, score: 0.3 }),
      ]),
    );
    expect(o?.keyResults.find((kr) => kr.id === kr2.id)).toMatchObject({ measuredScore: 1, finalScore: 0.3 });

    const asMember = await ok(runtime, 'review.get', { cycleId: cycle.id, teamId: team.id }, 'daniel');
    expect(asMember.objectives[0]).toMatchObject({ canGrade: true, canWriteRetrospective: false });
    const asOther = await ok(runtime, 'review.get', { cycleId: cycle.id, teamId: team.id }, 'hannah');
    expect(asOther.objectives[0]).toMatchObject({ canGrade: false, canWriteRetrospective: false });
    const asAdmin = await ok(runtime, 'review.get', { cycleId: cycle.id, teamId: team.id }, 'elena');
    expect(asAdmin.objectives[0]).toMatchObject({ canGrade: true, canWriteRetrospective: true });

    // Without a team: the company's own objectives.
    const companyReview = await ok(runtime, 'review.get', { cycleId: cycle.id }, 'priya');
    expect(companyReview.objectives.map((x) => x.id)).toEqual([company.id]);
    expect(companyReview.teamId).toBeUndefined();

    // Closed: read-only.
    await ok(runtime, 'cycles.update', { id: cycle.id, status: 'closed' }, 'elena');
    const closed = await ok(runtime, 'review.get', { cycleId: cycle.id, teamId: team.id }, 'elena');
    expect(closed.objectives[0]).toMatchObject({ canGrade: false, canWriteRetrospective: false });
    expect(await fails(runtime, 'review.get', { cycleId: cycle.id, teamId: 'nope00000000' }, 'priya')).toMatchObject({ code: 'NOT_FOUND', field: 'teamId' });
    expect(await fails(runtime, 'review.get', { cycleId: 'nope00000000' }, 'priya')).toMatchObject({ code: 'NOT_FOUND', field: 'cycleId' });
  });

  it('reads what its own team holds: another team growing costs it nothing more', async () => {
    const { runtime, cycle, team } = await setup();
    const other = await aTeam(runtime, 'Onboarding', ['marcus']);
    const grow = async (count: number): Promise<void> => {
      for (let i = 0; i < count; i++) {
        const o = await anObjective(runtime, 'marcus', { cycleId: cycle.id, level: 'team', teamId: other.id, title: `Get customer cohort ${String(i)} live within a week` });
        await aKeyResult(runtime, 'marcus', o.id, { title: `Cut cohort ${String(i)} onboarding from 30 to 7 days`, metric: { kind: 'number', start: 30, target: 7 } });
      }
    };
    await toReview(runtime, cycle.id);
    const cost = async () => {
      await ok(runtime, 'review.get', { cycleId: cycle.id, teamId: team.id }, 'priya');
      const summary = runtime.log.last()?.summary;
      return { storageCalls: summary?.storageCalls, readUnits: summary?.readUnits, writeUnits: summary?.writeUnits };
    };
    await grow(2);
    const small = await cost();
    await grow(20);
    expect(await cost()).toEqual(small);
    expect(small.writeUnits).toBe(0);
  }, 60_000);
});
