import type { LintInput } from '..';
import { aLintInput, aTeam, anObjective } from '../../../../test/support/builders';
import { lintCycle } from '..';
import type { Objective } from '../../../contract';

const payments = aTeam({ name: 'Payments' });
const tooMany = (objectives: Objective[], over: Partial<LintInput> = {}) =>
  lintCycle(aLintInput({ teams: [payments], objectives, ...over })).filter((f) => f.ruleId === 'too-many-objectives');
const teamObjectives = (count: number, over: Partial<Objective> = {}): Objective[] =>
  Array.from({ length: count }, () => anObjective({ level: 'team', teamId: payments.id, ...over }));

describe('too-many-objectives', () => {
  it('allows 3 objectives per team', () => {
    expect(tooMany(teamObjectives(3))).toEqual([]);
  });

  it('flags a 4th team objective once, on the team, by name', () => {
    const found = tooMany(teamObjectives(4));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', target: { kind: 'team', id: payments.id } });
    expect(found[0]).toMatchObject({ variant: 'team', params: { team: 'Payments', count: 4, max: 3 } });
  });

  it('counts drafts but not archived objectives', () => {
    expect(tooMany([...teamObjectives(3), ...teamObjectives(1, { status: 'archived' })])).toEqual([]);
    expect(tooMany([...teamObjectives(3), ...teamObjectives(1, { status: 'draft' })])).toHaveLength(1);
  });

  it('groups individual objectives by owner, with a person target', () => {
    const mine = Array.from({ length: 4 }, () => anObjective({ level: 'individual', ownerAccountId: 'acc-carol' }));
    const theirs = Array.from({ length: 3 }, () => anObjective({ level: 'individual', ownerAccountId: 'acc-dan' }));
    const found = tooMany([...mine, ...theirs]);
    expect(found.map((f) => f.target)).toEqual([{ kind: 'person', id: 'acc-carol' }]);
    expect(found[0]).toMatchObject({ variant: 'person', params: { person: 'acc-carol', count: 4, max: 3 } });
  });

  it('flags more than 3 company objectives on the company', () => {
    const company = Array.from({ length: 4 }, () => anObjective({ level: 'company' }));
    expect(tooMany(company.slice(0, 3))).toEqual([]);
    const found = tooMany(company);
    expect(found.map((f) => f.target)).toEqual([{ kind: 'team', id: 'company' }]);
    expect(found[0]).toMatchObject({ variant: 'company', params: { count: 4, max: 3 } });
  });

  it('honours a custom cap, and names an unknown team by its id', () => {
    const found = tooMany(teamObjectives(2, { teamId: 'team-gone' }), { options: { maxObjectivesPerOwner: 1 } });
    expect(found[0]?.params).toEqual({ team: 'team-gone', count: 2, max: 1 });
  });

  it('skips team objectives that carry no team id (invalid data) rather than inventing a team', () => {
    expect(tooMany(teamObjectives(5, { teamId: undefined }))).toEqual([]);
  });
});
