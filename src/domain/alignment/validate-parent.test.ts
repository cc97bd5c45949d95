import type { Objective } from '../../contract';
import { anObjective } from '../../../test/support/builders';
import { DomainError } from '../errors';
import { validateParent } from './validate-parent';

const indexed = (...objectives: Objective[]): ReadonlyMap<string, Objective> =>
  new Map(objectives.map((o) => [o.id, o]));

const rejection = (act: () => void): DomainError => {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('validateParent', () => {
  const company = anObjective({ level: 'company', title: 'Make enterprise customers successful' });
  const team = anObjective({
    level: 'team',
    teamId: 'team-pay',
    title: 'Onboard enterprise clients fast',
    parentObjectiveId: company.id,
  });
  const person = anObjective({ level: 'individual', title: 'Own the onboarding playbook', parentObjectiveId: team.id });
  const all = indexed(company, team, person);

  it('accepts no parent', () => {
    expect(() => {
      validateParent(company, undefined, all);
    }).not.toThrow();
  });

  it('accepts the cascade company -> team -> individual', () => {
    expect(() => {
      validateParent(team, company.id, all);
    }).not.toThrow();
    expect(() => {
      validateParent(person, team.id, all);
    }).not.toThrow();
    expect(() => {
      validateParent(person, company.id, all);
    }).not.toThrow();
  });

  it('accepts a team objective under another team objective (sub-teams, horizontal alignment)', () => {
    const subTeam = anObjective({ level: 'team', teamId: 'team-pay-eu', title: 'Onboard EU clients' });
    expect(() => {
      validateParent(subTeam, team.id, indexed(company, team, subTeam));
    }).not.toThrow();
  });

  it('rejects an unknown parent', () => {
    const error = rejection(() => {
      validateParent(team, 'obj-gone', all);
    });
    expect(error).toMatchObject({ code: 'ALIGNMENT_PARENT_NOT_FOUND', field: 'parentObjectiveId' });
    expect(error.message).toContain('obj-gone');
  });

  it('rejects a parent in another cycle, naming it', () => {
    const lastYear = anObjective({ cycleId: 'cycle-2026', title: 'Win the mid-market' });
    const error = rejection(() => {
      validateParent(team, lastYear.id, indexed(company, team, lastYear));
    });
    expect(error).toMatchObject({ code: 'ALIGNMENT_OTHER_CYCLE', field: 'parentObjectiveId' });
    expect(error.message).toBe(
      '"Win the mid-market" belongs to another cycle; "Onboard enterprise clients fast" can only align to objectives of its own cycle.',
    );
  });

  it('rejects a company objective under a team one, naming both', () => {
    const error = rejection(() => {
      validateParent(company, team.id, all);
    });
    expect(error).toMatchObject({ code: 'ALIGNMENT_LEVEL', field: 'parentObjectiveId' });
    expect(error.message).toBe(
      'A company objective ("Make enterprise customers successful") cannot align to a team objective ' +
        '("Onboard enterprise clients fast"): a parent must be at the same level or above (company, then team, then individual).',
    );
  });

  it('rejects a new team objective under an individual one', () => {
    const draft = { id: 'obj-new', cycleId: 'cycle-q1', level: 'team' as const };
    const error = rejection(() => {
      validateParent(draft, person.id, all);
    });
    expect(error.code).toBe('ALIGNMENT_LEVEL');
    expect(error.message).toMatch(
      /^A team objective cannot align to an individual objective \("Own the onboarding playbook"\)/,
    );
  });

  it('rejects an objective as its own parent', () => {
    const error = rejection(() => {
      validateParent(team, team.id, all);
    });
    expect(error).toMatchObject({ code: 'ALIGNMENT_CYCLE', field: 'parentObjectiveId' });
    expect(error.message).toBe('An objective cannot align to itself ("Onboard enterprise clients fast").');
    const draft = { id: 'obj-new', cycleId: 'cycle-q1', level: 'team' as const };
    expect(
      rejection(() => {
        validateParent(draft, draft.id, all);
      }).message,
    ).toBe('An objective cannot align to itself (this objective).');
  });

  it("rejects a parent that is one of the child's descendants, naming the loop", () => {
    const a = anObjective({ level: 'team', title: 'Alpha' });
    const b = anObjective({ level: 'team', title: 'Beta', parentObjectiveId: a.id });
    const c = anObjective({ level: 'team', title: 'Gamma', parentObjectiveId: b.id });
    const graph = indexed(a, b, c);
    const direct = rejection(() => {
      validateParent(a, b.id, graph);
    });
    expect(direct.code).toBe('ALIGNMENT_CYCLE');
    expect(direct.message).toContain('"Alpha" -> "Beta" -> "Alpha"');
    const deeper = rejection(() => {
      validateParent(a, c.id, graph);
    });
    expect(deeper).toMatchObject({ code: 'ALIGNMENT_CYCLE', field: 'parentObjectiveId' });
    expect(deeper.message).toBe(
      'Aligning "Alpha" to "Gamma" would create a loop: "Alpha" -> "Gamma" -> "Beta" -> "Alpha". ' +
        'An objective cannot align to one of its own descendants.',
    );
  });

  it('accepts a parent whose ancestors are partly missing', () => {
    const orphan = anObjective({ level: 'team', title: 'Orphan', parentObjectiveId: 'obj-gone' });
    expect(() => {
      validateParent(person, orphan.id, indexed(orphan, person));
    }).not.toThrow();
  });

  it('terminates on a stored loop and rejects a parent hanging below it', () => {
    const x = anObjective({ id: 'obj-x', level: 'team', title: 'Ex', parentObjectiveId: 'obj-y' });
    const y = anObjective({ id: 'obj-y', level: 'team', title: 'Why', parentObjectiveId: 'obj-x' });
    const below = anObjective({ level: 'team', title: 'Below', parentObjectiveId: x.id });
    const error = rejection(() => {
      validateParent(person, below.id, indexed(x, y, below, person));
    });
    expect(error.code).toBe('ALIGNMENT_CYCLE');
    expect(error.message).toBe(
      '"Below" cannot be a parent until its alignment is repaired: its parents loop ("Ex" -> "Why" -> "Ex").',
    );
  });

  it('lets a stored loop through the child be repaired by moving the child', () => {
    const x = anObjective({ id: 'obj-x', level: 'team', title: 'Ex', parentObjectiveId: 'obj-y' });
    const y = anObjective({ id: 'obj-y', level: 'team', title: 'Why', parentObjectiveId: 'obj-x' });
    const graph = indexed(company, x, y);
    expect(() => {
      validateParent(x, company.id, graph);
    }).not.toThrow();
    expect(
      rejection(() => {
        validateParent(x, y.id, graph);
      }).code,
    ).toBe('ALIGNMENT_CYCLE');
  });
});
