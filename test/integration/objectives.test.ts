import { accountOf, fails, newRuntime, ok } from '../support/cadence-client';
import { aKeyResult, anActiveCycle, anObjective, paymentsSetup } from '../support/scenario';

describe('objectives and key results', () => {
  it('lets admins create company objectives, team members team ones, anyone their own individual ones', async () => {
    const runtime = newRuntime();
    const { cycle, team } = await paymentsSetup(runtime);
    expect(await fails(runtime, 'objectives.create', { cycleId: cycle.id, title: 'Lead the category', level: 'company' }, 'priya')).toMatchObject({ code: 'FORBIDDEN' });
    const company = await anObjective(runtime, 'elena', { cycleId: cycle.id, title: 'Lead the category' });
    expect(company).toMatchObject({ level: 'company', ownerAccountId: accountOf('elena'), canEdit: true, score: null });
    expect(await fails(runtime, 'objectives.create', { cycleId: cycle.id, title: 'Theirs', level: 'team', teamId: team.id }, 'marcus')).toMatchObject({ code: 'FORBIDDEN' });
    const teamObjective = await anObjective(runtime, 'daniel', { cycleId: cycle.id, title: 'Ship safer payouts', level: 'team', teamId: team.id, parentObjectiveId: company.id });
    expect(teamObjective.parentObjectiveId).toBe(company.id);
    expect(await fails(runtime, 'objectives.create', { cycleId: cycle.id, title: 'For Priya', level: 'individual', ownerAccountId: accountOf('priya') }, 'marcus')).toMatchObject({ code: 'FORBIDDEN' });
    const mine = await anObjective(runtime, 'marcus', { cycleId: cycle.id, title: 'Grow as a coach', level: 'individual' });
    expect(mine.ownerAccountId).toBe(accountOf('marcus'));
  });

  it('keeps who drafted an objective and who edited it or its key results since, each once', async () => {
    const runtime = newRuntime();
    const { cycle, team } = await paymentsSetup(runtime);
    const objective = await anObjective(runtime, 'elena', { cycleId: cycle.id, title: 'Ship safer payouts', level: 'team', teamId: team.id });
    expect(objective.authorship).toEqual({ createdBy: accountOf('elena'), editors: [] });
    await ok(runtime, 'objectives.update', { id: objective.id, description: 'Fewer failed payouts' }, 'daniel');
    await ok(runtime, 'keyResults.create', { objectiveId: objective.id, title: 'Cut failed payouts from 4% to 1%', metric: { kind: 'percent', start: 4, target: 1, current: 4 } }, 'priya');
    await ok(runtime, 'objectives.update', { id: objective.id, description: 'Fewer failed payouts, sooner' }, 'daniel');
    const read = await ok(runtime, 'objectives.get', { id: objective.id }, 'marcus');
    expect(read.authorship).toEqual({ createdBy: accountOf('elena'), editors: [accountOf('daniel'), accountOf('priya')] });
  });

  it('checks alignment with the domain rules', async () => {
    const runtime = newRuntime();
    const { cycle, team, objective } = await paymentsSetup(runtime);
    const individual = await anObjective(runtime, 'daniel', { cycleId: cycle.id, level: 'individual', title: 'Learn the payout stack' });
    const error = await fails(runtime, 'objectives.create', { cycleId: cycle.id, title: 'Below', level: 'team', teamId: team.id, parentObjectiveId: individual.id }, 'priya');
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'parentObjectiveId' });
    expect(await fails(runtime, 'objectives.update', { id: objective.id, parentObjectiveId: objective.id }, 'priya')).toMatchObject({ code: 'VALIDATION', field: 'parentObjectiveId' });
    expect(await fails(runtime, 'objectives.update', { id: objective.id, parentObjectiveId: 'zzzzzzzzzzzz' }, 'priya')).toMatchObject({ code: 'NOT_FOUND', field: 'parentObjectiveId' });
  });

  it('edits by owner, team members and admins only; archives and restores as a draft', async () => {
    const runtime = newRuntime();
    const { objective } = await paymentsSetup(runtime);
    expect(await fails(runtime, 'objectives.update', { id: objective.id, title: 'Hijacked' }, 'marcus')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await ok(runtime, 'objectives.update', { id: objective.id, title: 'Make payouts reliable', reviewerAccountId: accountOf('sofia') }, 'daniel')).toMatchObject({ title: 'Make payouts reliable', reviewerAccountId: accountOf('sofia') });
    expect(await ok(runtime, 'objectives.update', { id: objective.id, reviewerAccountId: null }, 'elena')).not.toHaveProperty('reviewerAccountId');
    expect(await ok(runtime, 'objectives.archive', { id: objective.id }, 'priya')).toMatchObject({ status: 'archived' });
    expect(await fails(runtime, 'objectives.update', { id: objective.id, title: 'x' }, 'priya')).toMatchObject({ code: 'INVALID_STATE' });
    expect(await fails(runtime, 'objectives.archive', { id: objective.id }, 'priya')).toMatchObject({ code: 'INVALID_STATE' });
    expect(await ok(runtime, 'objectives.restore', { id: objective.id }, 'priya')).toMatchObject({ status: 'draft' });
    const fetched = await ok(runtime, 'objectives.get', { id: objective.id }, 'marcus');
    expect(fetched).toMatchObject({ canEdit: false, keyResults: [{ canCheckIn: false }, { canCheckIn: false }] });
  });

  it('creates, updates and archives key results with scores derived by the domain', async () => {
    const runtime = newRuntime();
    const { objective, kr1, kr2 } = await paymentsSetup(runtime);
    expect(kr1).toMatchObject({ progress: 0, band: 'red', weight: 1, progressSource: 'manual', status: 'active', stale: false });
    const updated = await ok(runtime, 'keyResults.update', { id: kr2.id, metric: { current: 34 }, weight: 2 }, 'daniel');
    expect(updated).toMatchObject({ progress: 0.8, band: 'green', weight: 2, metric: { start: 10, target: 40, current: 34 } });
    const view = await ok(runtime, 'objectives.get', { id: objective.id }, 'priya');
    // (0 + 2 x 0.8) / 3, rounded to 3 decimals like every score a view shows
    expect(view.score).toBe(0.533);
    expect(await fails(runtime, 'keyResults.update', { id: kr2.id, metric: { kind: 'binary' } }, 'priya')).toMatchObject({ code: 'VALIDATION', field: 'metric.start' });
    expect(await ok(runtime, 'keyResults.archive', { id: kr1.id }, 'priya')).toMatchObject({ status: 'archived' });
    expect((await ok(runtime, 'objectives.get', { id: objective.id }, 'priya')).score).toBeCloseTo(0.8, 6);
    expect(await fails(runtime, 'keyResults.create', { objectiveId: objective.id, title: 'Nope 1 to 2', metric: { kind: 'number', start: 1, target: 2 } }, 'marcus')).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses objectives in a closed cycle', async () => {
    const runtime = newRuntime();
    const cycle = await anActiveCycle(runtime);
    for (const status of ['review', 'closed']) await ok(runtime, 'cycles.update', { id: cycle.id, status }, 'elena');
    expect(await fails(runtime, 'objectives.create', { cycleId: cycle.id, title: 'Late', level: 'individual' }, 'priya')).toMatchObject({ code: 'INVALID_STATE', field: 'cycleId' });
  });

  it('creates a binary KR and an initiatives-sourced one', async () => {
    const runtime = newRuntime();
    const { objective } = await paymentsSetup(runtime);
    const binary = await aKeyResult(runtime, 'priya', objective.id, { title: 'Secure SOC 2 Type II certification', metric: { kind: 'binary', start: 0, target: 1 } });
    expect(binary.metric).toEqual({ kind: 'binary', start: 0, target: 1, current: 0 });
    const sourced = await aKeyResult(runtime, 'priya', objective.id, { title: 'Deliver 3 payout epics', metric: { kind: 'percent', start: 0, target: 100 }, progressSource: 'initiatives' });
    expect(sourced.progressSource).toBe('initiatives');
  });
});
