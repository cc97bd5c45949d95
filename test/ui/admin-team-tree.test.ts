import type { Team } from '../../src/contract';
import { parentCandidates, teamTree } from '../../static/src/views/admin/team-tree';

const team = (id: string, parentTeamId?: string): Team => ({
  id,
  name: id.toUpperCase(),
  ...(parentTeamId === undefined ? {} : { parentTeamId }),
  memberAccountIds: [],
  jiraProjectKeys: [],
});

describe('parentCandidates', () => {
  const teams = [team('c', 'b'), team('b', 'a'), team('a'), team('x')];

  it('offers a new team every team', () => {
    expect(parentCandidates(teams, undefined).map((t) => t.id)).toEqual(['c', 'b', 'a', 'x']);
  });

  it('leaves out the team itself and everything below it, whatever the order', () => {
    expect(parentCandidates(teams, 'a').map((t) => t.id)).toEqual(['x']);
    expect(parentCandidates(teams, 'b').map((t) => t.id)).toEqual(['a', 'x']);
    expect(parentCandidates(teams, 'c').map((t) => t.id)).toEqual(['b', 'a', 'x']);
  });
});

describe('teamTree', () => {
  it('puts children under their parents, names alphabetical, with depth', () => {
    const tree = teamTree([team('c', 'a'), team('b', 'a'), team('a'), team('d', 'missing')], 'en');
    expect(tree.map(({ team: t, depth }) => `${t.id}${String(depth)}`)).toEqual(['a0', 'b1', 'c1', 'd0']);
  });

  it('still lists teams caught in a stored cycle', () => {
    const tree = teamTree([team('p', 'q'), team('q', 'p')], 'en');
    expect(tree.map(({ team: t }) => t.id)).toEqual(['p', 'q']);
  });
});
