import { API_KEYS } from '../../src/contract';
import { handler } from '../../src/resolvers';
import { call, fails, newRuntime, ok } from '../support/cadence-client';
import { anActiveCycle, paymentsSetup } from '../support/scenario';

describe('the resolver', () => {
  it('defines every contract key and nothing else but app.info', async () => {
    const defined: string[] = [];
    for (const key of [...API_KEYS, 'app.info', 'no.such.key']) {
      try {
        await handler({ call: { functionKey: key, payload: {} }, context: {} }, { principal: undefined });
        defined.push(key);
      } catch (error) {
        expect(String(error)).toContain(`no definition for '${key}'`);
      }
    }
    expect(defined.sort()).toEqual([...API_KEYS, 'app.info'].sort());
  });

  it('takes identity from the invocation context only: no account is FORBIDDEN, a payload accountId is rejected', async () => {
    const runtime = newRuntime();
    const outcome = await runtime.app.invokeResolver({ moduleKey: 'cadence-board', functionKey: 'me.get', payload: {}, accountId: '' });
    expect(outcome.ok && outcome.result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const error = await fails(runtime, 'me.get', { accountId: 'someone-else' }, 'priya');
    expect(error).toMatchObject({ code: 'VALIDATION', field: '(payload)' });
    expect(error.message).toContain('accountId');
  });

  it('answers me.get, settings and lists for anyone', async () => {
    const runtime = newRuntime();
    const { team } = await paymentsSetup(runtime);
    expect(await ok(runtime, 'me.get', {}, 'elena')).toMatchObject({ isSiteAdmin: true, teamIds: [] });
    expect(await ok(runtime, 'me.get', {}, 'daniel')).toMatchObject({ isSiteAdmin: false, teamIds: [team.id] });
    expect(await ok(runtime, 'settings.get', {}, 'daniel')).toEqual({ bands: { yellowFrom: 0.4, greenFrom: 0.7 }, pace: { behindBy: 0.1, atRiskBy: 0.25 } });
    expect((await ok(runtime, 'teams.list', {}, 'daniel')).teams.map((t) => t.name)).toEqual(['Payments']);
    expect((await ok(runtime, 'cycles.list', {}, 'daniel')).cycles).toHaveLength(1);
  });

  it('lets only OKR admins manage cycles, teams and settings', async () => {
    const runtime = newRuntime();
    const cycle = await anActiveCycle(runtime);
    expect(await fails(runtime, 'cycles.create', {}, 'priya')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fails(runtime, 'cycles.update', { id: cycle.id, name: 'Mine' }, 'priya')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fails(runtime, 'teams.create', { name: 'Rogue' }, 'priya')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fails(runtime, 'settings.update', { bands: { yellowFrom: 0.3, greenFrom: 0.6 } }, 'priya')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fails(runtime, 'data.export', {}, 'priya')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await ok(runtime, 'settings.update', { bands: { yellowFrom: 0.3, greenFrom: 0.6 } }, 'elena')).toEqual({ bands: { yellowFrom: 0.3, greenFrom: 0.6 }, pace: { behindBy: 0.1, atRiskBy: 0.25 } });
    expect((await ok(runtime, 'settings.get', {}, 'priya')).bands.greenFrom).toBe(0.6);
  });

  it('proposes the next quarter and walks the cycle through its statuses', async () => {
    const runtime = newRuntime();
    const first = await ok(runtime, 'cycles.create', { startDate: '2027-01-01', endDate: '2027-03-31' }, 'elena');
    expect(first).toMatchObject({ name: 'Q1 2027', status: 'planning', kind: 'quarterly' });
    const next = await ok(runtime, 'cycles.create', {}, 'elena');
    expect(next).toMatchObject({ name: 'Q2 2027', startDate: '2027-04-01', endDate: '2027-06-30' });
    expect(await fails(runtime, 'cycles.update', { id: first.id, status: 'review' }, 'elena')).toMatchObject({ code: 'INVALID_STATE', field: 'status' });
    for (const status of ['active', 'review', 'active', 'review', 'closed'] as const) {
      expect(await ok(runtime, 'cycles.update', { id: first.id, status }, 'elena')).toMatchObject({ status });
    }
    expect(await fails(runtime, 'cycles.update', { id: first.id, name: 'Again' }, 'elena')).toMatchObject({ code: 'INVALID_STATE' });
    expect(await fails(runtime, 'cycles.update', { id: next.id, endDate: '2027-01-01' }, 'elena')).toMatchObject({ code: 'VALIDATION', field: 'endDate' });
  });

  it('keeps team hierarchies acyclic', async () => {
    const runtime = newRuntime();
    const parent = await ok(runtime, 'teams.create', { name: 'Product' }, 'elena');
    const child = await ok(runtime, 'teams.create', { name: 'Payments', parentTeamId: parent.id }, 'elena');
    expect(await fails(runtime, 'teams.update', { id: parent.id, parentTeamId: child.id }, 'elena')).toMatchObject({ code: 'VALIDATION', field: 'parentTeamId' });
    expect(await fails(runtime, 'teams.create', { name: 'X', parentTeamId: 'nope12345678' }, 'elena')).toMatchObject({ code: 'NOT_FOUND', field: 'parentTeamId' });
    const moved = await ok(runtime, 'teams.update', { id: child.id, parentTeamId: null, name: 'Payouts' }, 'elena');
    expect(moved).toEqual({ id: child.id, name: 'Payouts', memberAccountIds: [], jiraProjectKeys: [] });
    const r = await call(runtime, 'teams.list', {}, 'priya');
    expect(r.ok && r.data.teams.map((t) => t.name)).toEqual(['Payouts', 'Product']);
  });
});
