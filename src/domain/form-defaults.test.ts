import { keyResultOwnerDefault, objectiveDefaults, proposedCycleWindow } from './form-defaults';

describe('objectiveDefaults', () => {
  const base = { viewerTeamIds: [], teamIds: [], mayCreateCompany: false, firstOfCycle: false };

  test("picks the viewer's first team that exists, level team", () => {
    expect(objectiveDefaults({ ...base, viewerTeamIds: ['gone', 't2', 't1'], teamIds: ['t1', 't2'] })).toEqual({
      level: 'team',
      teamId: 't2',
    });
  });

  test('an admin starts an empty cycle at the company, even with a team', () => {
    expect(
      objectiveDefaults({
        ...base,
        viewerTeamIds: ['t1'],
        teamIds: ['t1'],
        mayCreateCompany: true,
        firstOfCycle: true,
      }),
    ).toEqual({ level: 'company' });
  });

  test('a non-admin in an empty cycle still starts in their team', () => {
    expect(objectiveDefaults({ ...base, viewerTeamIds: ['t1'], teamIds: ['t1'], firstOfCycle: true })).toEqual({
      level: 'team',
      teamId: 't1',
    });
  });

  test('without a team: company level for an admin, individual for anyone else', () => {
    expect(objectiveDefaults({ ...base, teamIds: ['t1'], mayCreateCompany: true })).toEqual({ level: 'company' });
    expect(objectiveDefaults({ ...base, teamIds: ['t1'] })).toEqual({ level: 'individual' });
    expect(objectiveDefaults(base)).toEqual({ level: 'individual' });
  });

  test('never proposes a team objective without a team', () => {
    const cases = [true, false].flatMap((admin) =>
      [true, false].map((first) =>
        objectiveDefaults({ ...base, viewerTeamIds: ['x'], mayCreateCompany: admin, firstOfCycle: first }),
      ),
    );
    for (const d of cases) expect(d.level === 'team' && d.teamId === undefined).toBe(false);
  });
});

describe('keyResultOwnerDefault', () => {
  test("the objective's owner, else the viewer", () => {
    expect(keyResultOwnerDefault({ ownerAccountId: 'owner' }, 'me')).toBe('owner');
    expect(keyResultOwnerDefault({}, 'me')).toBe('me');
    expect(keyResultOwnerDefault(undefined, undefined)).toBeUndefined();
  });
});

describe('proposedCycleWindow', () => {
  const now = new Date('2027-05-10T12:00:00Z');

  test("without cycles, today's quarter or year", () => {
    expect(proposedCycleWindow('quarterly', [], now)).toEqual({
      name: 'Q2 2027',
      startDate: '2027-04-01',
      endDate: '2027-06-30',
    });
    expect(proposedCycleWindow('annual', [], now)).toEqual({
      name: 'FY 2027',
      startDate: '2027-01-01',
      endDate: '2027-12-31',
    });
  });

  test('the quarter after the latest cycle of that kind', () => {
    const cycles = [
      { kind: 'quarterly' as const, endDate: '2027-03-31' },
      { kind: 'quarterly' as const, endDate: '2027-06-30' },
      { kind: 'annual' as const, endDate: '2027-12-31' },
    ];
    expect(proposedCycleWindow('quarterly', cycles, now).name).toBe('Q3 2027');
    expect(proposedCycleWindow('annual', cycles, now).name).toBe('FY 2028');
  });

  test('after a pause, today rather than a window already over', () => {
    expect(proposedCycleWindow('quarterly', [{ kind: 'quarterly', endDate: '2026-06-30' }], now).name).toBe('Q2 2027');
  });

  test('the window after the latest is kept when it ends today', () => {
    expect(
      proposedCycleWindow('quarterly', [{ kind: 'quarterly', endDate: '2027-03-31' }], new Date('2027-06-30T08:00:00Z'))
        .name,
    ).toBe('Q2 2027');
  });
});
