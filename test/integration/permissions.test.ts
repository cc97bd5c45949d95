import { groupIdOf } from '../../local/platform/jira/routes/groups';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import type { ApiKey } from '../../src/contract';
import type { DemoHandle } from '../support/cadence-client';
import { accountOf, call, newRuntime, ok } from '../support/cadence-client';
import { aKeyResult, anActiveCycle, anObjective, aTeam } from '../support/scenario';

/**
 * Every cell of README.md's "Permissions" table. Rules hold on the result of a change, whatever the
 * verb (issue #10): an update cannot produce what create would refuse. Columns are people in a role
 * towards one team objective of Payments: a site admin (Elena), its owner (Priya, a Payments member),
 * another member of Payments (Daniel), the owner of one of its KRs who is in no team of it (Kenji)
 * and anyone else (Hannah).
 */
const COLUMNS = { admin: 'elena', owner: 'priya', member: 'daniel', krOwner: 'kenji', anyone: 'hannah' } as const satisfies Record<string, DemoHandle>;
type Column = keyof typeof COLUMNS;

interface World {
  cycle: string;
  payments: string;
  platform: string;
  guild: string;
  objective: string;
  individual: string;
  kr: string;
}

const setUp = async (runtime: LocalRuntime): Promise<World> => {
  const cycle = await anActiveCycle(runtime);
  const payments = await aTeam(runtime, 'Payments', ['priya', 'daniel']);
  const platform = await aTeam(runtime, 'Platform', ['sofia', 'kenji']);
  // Every column but the admin is a member: moving into it tests the edit right, not the membership.
  const guild = await aTeam(runtime, 'Reliability guild', ['priya', 'daniel', 'kenji', 'hannah']);
  const objective = await anObjective(runtime, 'priya', { cycleId: cycle.id, level: 'team', teamId: payments.id, title: 'Make payroll payouts boringly reliable' });
  const kr = await aKeyResult(runtime, 'priya', objective.id, { ownerAccountId: accountOf('kenji') });
  const individual = await anObjective(runtime, 'priya', { cycleId: cycle.id, level: 'individual', title: 'Grow as a payments product lead' });
  return { cycle: cycle.id, payments: payments.id, platform: platform.id, guild: guild.id, objective: objective.id, individual: individual.id, kr: kr.id };
};

type Cells = Record<Column, boolean>;
const row = (admin: boolean, owner: boolean, member: boolean, krOwner: boolean, anyone: boolean): Cells => ({ admin, owner, member, krOwner, anyone });

/** [action as in the README, resolver key, payload for the acting person, who may]. */
const TABLE: [string, ApiKey, (w: World, me: DemoHandle) => unknown, Cells][] = [
  ['Create a company objective', 'objectives.create', (w) => ({ cycleId: w.cycle, title: 'Lead the category', level: 'company' }), row(true, false, false, false, false)],
  ['Create a team objective (in that team)', 'objectives.create', (w) => ({ cycleId: w.cycle, title: 'Settle payouts same day', level: 'team', teamId: w.payments }), row(true, true, true, false, false)],
  ['Create an individual objective for yourself', 'objectives.create', (w) => ({ cycleId: w.cycle, title: 'Learn the payout stack', level: 'individual' }), row(true, true, true, true, true)],
  ['Create an individual objective for someone else', 'objectives.create', (w, me) => ({ cycleId: w.cycle, title: 'Learn the payout stack', level: 'individual', ownerAccountId: accountOf(me === 'sofia' ? 'marcus' : 'sofia') }), row(true, false, false, false, false)],
  ['Edit an objective (title, description, status, parent, KPI)', 'objectives.update', (w) => ({ id: w.objective, title: 'Make every payout boringly reliable' }), row(true, true, true, false, false)],
  ['Set or clear an objective’s reviewer', 'objectives.update', (w) => ({ id: w.objective, reviewerAccountId: accountOf('sofia') }), row(true, true, true, false, false)],
  ['Make an objective a company objective (level)', 'objectives.update', (w) => ({ id: w.objective, level: 'company' }), row(true, false, false, false, false)],
  ['Make an objective individual (level): it stays its owner’s', 'objectives.update', (w) => ({ id: w.objective, level: 'individual' }), row(true, true, false, false, false)],
  ['Move an objective to a team you are a member of (teamId)', 'objectives.update', (w) => ({ id: w.objective, teamId: w.guild }), row(true, true, true, false, false)],
  ['Move an objective to a team you are not a member of (teamId)', 'objectives.update', (w) => ({ id: w.objective, teamId: w.platform }), row(true, false, false, false, false)],
  ['Hand an objective to another owner (ownerAccountId)', 'objectives.update', (w) => ({ id: w.objective, ownerAccountId: accountOf('marcus') }), row(true, true, false, false, false)],
  ['Take over an objective (ownerAccountId: yourself)', 'objectives.update', (w, me) => ({ id: w.objective, ownerAccountId: accountOf(me) }), row(true, true, false, false, false)],
  ['Hand an individual objective to someone else', 'objectives.update', (w) => ({ id: w.individual, ownerAccountId: accountOf('daniel') }), row(true, false, false, false, false)],
  ['Add a key result to an objective', 'keyResults.create', (w) => ({ objectiveId: w.objective, title: 'Cut payout support tickets from 40 to 10 a week', metric: { kind: 'number', start: 40, target: 10 } }), row(true, true, true, false, false)],
  ['Edit a key result (title, weight, metric, progress source)', 'keyResults.update', (w) => ({ id: w.kr, weight: 2 }), row(true, true, true, false, false)],
  ['Change a key result’s owner (ownerAccountId)', 'keyResults.update', (w) => ({ id: w.kr, ownerAccountId: accountOf('marcus') }), row(true, true, false, false, false)],
  ['Check in on a key result', 'checkIns.create', (w) => ({ keyResultId: w.kr, value: 50, confidence: 'on_track' }), row(false, true, false, true, false)],
  ['Create a team', 'teams.create', () => ({ name: 'Payouts', memberAccountIds: [accountOf('daniel')], jiraProjectKeys: [] }), row(true, false, false, false, false)],
  ['Change a team (name, parent, members, projects)', 'teams.update', (w) => ({ id: w.payments, memberAccountIds: [accountOf('priya')] }), row(true, false, false, false, false)],
];

const CELLS = TABLE.flatMap(([action, key, payload, cells]) =>
  (Object.keys(COLUMNS) as Column[]).map((column) => [action, column, cells[column] ? 'allowed' : 'refused', key, payload] as const),
);

describe('the permissions table', () => {
  it.each(CELLS)('%s: %s is %s', async (_action, column, verdict, key, payload) => {
    const runtime = newRuntime();
    const world = await setUp(runtime);
    const me = COLUMNS[column];
    const result = await call(runtime, key, payload(world, me), me);
    if (verdict === 'allowed') {
      expect(result).toMatchObject({ ok: true });
    } else {
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('names the field in words when a change of level, team or owner is refused', async () => {
    const runtime = newRuntime();
    const w = await setUp(runtime);
    const cases: [unknown, string, string][] = [
      [{ id: w.objective, level: 'company' }, 'level', 'company objectives (level)'],
      [{ id: w.objective, teamId: w.platform }, 'teamId', 'Only members of Platform'],
      [{ id: w.objective, ownerAccountId: accountOf('daniel') }, 'ownerAccountId', 'current owner or an OKR admin can change its owner (ownerAccountId)'],
    ];
    for (const [payload, field, words] of cases) {
      const result = await call(runtime, 'objectives.update', payload, 'daniel');
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field, message: expect.stringContaining(words) as unknown } });
    }
  });
});

/** The review's cells: the same people, with the cycle in review (grading and retrospectives happen then only). */
const REVIEW_TABLE: [string, (w: World) => unknown, Cells][] = [
  // 82% -> 92% at 82%: measured 0.0, so a final 0.0 needs no reason.
  ['Grade a key result (in review)', (w) => ({ cycleId: w.cycle, grades: [{ keyResultId: w.kr, score: 0 }] }), row(true, true, true, false, false)],
  ['Write an objective’s retrospective (in review)', (w) => ({ cycleId: w.cycle, retrospectives: [{ objectiveId: w.objective, learned: 'Outages came from one bank.' }] }), row(true, true, false, false, false)],
];

const REVIEW_CELLS = REVIEW_TABLE.flatMap(([action, payload, cells]) =>
  (Object.keys(COLUMNS) as Column[]).map((column) => [action, column, cells[column] ? 'allowed' : 'refused', payload] as const),
);

describe('the permissions table at review', () => {
  it.each(REVIEW_CELLS)('%s: %s is %s', async (_action, column, verdict, payload) => {
    const runtime = newRuntime();
    const world = await setUp(runtime);
    await ok(runtime, 'cycles.update', { id: world.cycle, status: 'review' }, 'elena');
    const result = await call(runtime, 'cycles.grade', payload(world), COLUMNS[column]);
    expect(result).toMatchObject(verdict === 'allowed' ? { ok: true } : { ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('account ids must name users of the site', () => {
  const NOBODY = '5f0c1a2b3c4d5e6f7a8b9cff';
  it.each([
    ['objective owner', 'objectives.create', (w: World) => ({ cycleId: w.cycle, title: 'Learn the payout stack', level: 'individual', ownerAccountId: NOBODY }), 'ownerAccountId'],
    ['objective owner (__proto__)', 'objectives.update', (w: World) => ({ id: w.objective, ownerAccountId: '__proto__' }), 'ownerAccountId'],
    ['reviewer', 'objectives.update', (w: World) => ({ id: w.objective, reviewerAccountId: NOBODY }), 'reviewerAccountId'],
    ['reviewer on create', 'objectives.create', (w: World) => ({ cycleId: w.cycle, title: 'Lead the category', level: 'company', reviewerAccountId: 'constructor' }), 'reviewerAccountId'],
    ['key result owner', 'keyResults.create', (w: World) => ({ objectiveId: w.objective, title: 'Cut payout tickets from 40 to 10', metric: { kind: 'number', start: 40, target: 10 }, ownerAccountId: NOBODY }), 'ownerAccountId'],
    ['key result owner on update', 'keyResults.update', (w: World) => ({ id: w.kr, ownerAccountId: NOBODY }), 'ownerAccountId'],
    ['team members', 'teams.create', () => ({ name: 'Ghosts', memberAccountIds: [accountOf('daniel'), NOBODY], jiraProjectKeys: [] }), 'memberAccountIds'],
    ['team members on update', 'teams.update', (w: World) => ({ id: w.payments, memberAccountIds: ['__proto__'] }), 'memberAccountIds'],
  ] as const)('%s (%s)', async (_name, key, payload, field) => {
    const runtime = newRuntime();
    const world = await setUp(runtime);
    const result = await call(runtime, key, payload(world), 'elena');
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', field, message: expect.stringContaining('must name users of this site') as unknown } });
  });
});

const PAYMENTS_GROUP = { groupId: groupIdOf('payments-team'), name: 'payments-team' };

describe('OKR admins: Jira admins and the members of the admin group', () => {
  it('lets a group member who is no Jira admin administer once the group is set, and not before', async () => {
    const runtime = newRuntime();
    const cycle = { startDate: '2027-01-01', endDate: '2027-03-31' };
    expect(await ok(runtime, 'me.get', {}, 'priya')).toMatchObject({ isSiteAdmin: false, isOkrAdmin: false });
    expect(await call(runtime, 'cycles.create', cycle, 'priya')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: 'Only OKR admins can create cycles.' } });
    expect(await call(runtime, 'data.health', {}, 'priya')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await ok(runtime, 'settings.update', { adminGroup: PAYMENTS_GROUP }, 'elena');
    expect(await ok(runtime, 'me.get', {}, 'priya')).toMatchObject({ isSiteAdmin: false, isOkrAdmin: true });
    await ok(runtime, 'cycles.create', cycle, 'priya');
    await ok(runtime, 'teams.create', { name: 'Payouts', memberAccountIds: [], jiraProjectKeys: [] }, 'priya');
    await ok(runtime, 'settings.update', { pace: { behindBy: 0.12, atRiskBy: 0.3 } }, 'priya');
    await ok(runtime, 'data.health', {}, 'priya');
    // Not in the group: still refused.
    expect(await ok(runtime, 'me.get', {}, 'hannah')).toMatchObject({ isOkrAdmin: false });
    expect(await call(runtime, 'cycles.create', cycle, 'hannah')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    await ok(runtime, 'settings.update', { adminGroup: null }, 'elena');
    expect(await call(runtime, 'cycles.create', cycle, 'priya')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('keeps the admin group a Jira admin’s choice: a group member cannot change or clear it', async () => {
    const runtime = newRuntime();
    await ok(runtime, 'settings.update', { adminGroup: PAYMENTS_GROUP }, 'elena');
    for (const adminGroup of [null, { groupId: groupIdOf('platform-team'), name: 'platform-team' }]) {
      expect(await call(runtime, 'settings.update', { adminGroup }, 'priya')).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', field: 'adminGroup', message: 'Only Jira site admins can choose the OKR admin group.' },
      });
    }
    expect(await call(runtime, 'settings.update', { adminGroup: null, pace: { behindBy: 0.1, atRiskBy: 0.2 } }, 'priya')).toMatchObject({
      ok: false,
      error: { field: 'adminGroup' },
    });
    expect((await ok(runtime, 'settings.get', {}, 'priya')).adminGroup).toEqual(PAYMENTS_GROUP);
  });
});
