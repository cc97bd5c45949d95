import type { Team } from '../../contract';
import type { InProgressEpic } from '../ports';
import { byTeamName, coverageFigures, coverageOf } from './coverage-figures';

const aTeam = (id: string, name: string, jiraProjectKeys: string[]): Team => ({ id, name, memberAccountIds: [], jiraProjectKeys });
const anEpic = (key: string, created: string): InProgressEpic => ({
  id: `id-${key}`,
  key,
  summary: `Epic ${key}`,
  statusName: 'In Progress',
  projectKey: key.split('-')[0] ?? '',
  created,
});

describe('coverage figures', () => {
  it('is the covered share to 3 decimals, and no share at all when nothing is in progress', () => {
    expect(coverageFigures(3, 2)).toEqual({ inProgress: 3, covered: 2, ratio: 0.667 });
    expect(coverageFigures(4, 4)).toEqual({ inProgress: 4, covered: 4, ratio: 1 });
    expect(coverageFigures(0, 0)).toEqual({ inProgress: 0, covered: 0, ratio: null });
  });

  it('orders teams by name, then id', () => {
    const teams = [aTeam('b', 'Payments', []), aTeam('c', 'Onboarding', []), aTeam('a', 'Payments', [])];
    expect(teams.sort(byTeamName).map((t) => t.id)).toEqual(['c', 'a', 'b']);
  });

  it('counts an epic in two teams\' projects for each team but once in the total, and lists it under the first team', () => {
    const onboarding = aTeam('onb', 'Onboarding', ['ONB', 'PLAT']);
    const platform = aTeam('plat', 'Platform', ['PLAT']);
    const epics = [anEpic('ONB-1', '2026-01-02T00:00:00.000Z'), anEpic('PLAT-1', '2026-01-03T00:00:00.000Z'), anEpic('PLAT-2', '2026-01-01T00:00:00.000Z')];
    const covered = new Set([epics[0]?.id ?? '']);
    const result = coverageOf({ teams: [onboarding, platform], epics, coveredIds: covered, limit: 10 });
    expect(result.teams).toEqual([
      { teamId: 'onb', name: 'Onboarding', projectKeys: ['ONB', 'PLAT'], inProgress: 3, covered: 1, ratio: 0.333 },
      { teamId: 'plat', name: 'Platform', projectKeys: ['PLAT'], inProgress: 2, covered: 0, ratio: 0 },
    ]);
    expect(result.total).toEqual({ inProgress: 3, covered: 1, ratio: 0.333 });
    // Newest first within the team; each uncovered epic once.
    expect(result.uncovered.map((e) => [e.issueKey, e.teamId])).toEqual([
      ['PLAT-1', 'onb'],
      ['PLAT-2', 'onb'],
    ]);
    expect(result.uncoveredCount).toBe(2);
  });

  it('lists at most `limit` uncovered epics and still counts them all; a duplicate answer counts once', () => {
    const team = aTeam('pay', 'Payments', ['pay']);
    const epics = [1, 2, 3, 4].map((n) => anEpic(`PAY-${String(n)}`, `2026-01-0${String(n)}T00:00:00.000Z`));
    const first = epics[0];
    if (first === undefined) throw new Error('four epics were made');
    const result = coverageOf({ teams: [team], epics: [...epics, first], coveredIds: new Set(), limit: 2 });
    expect(result.uncovered.map((e) => e.issueKey)).toEqual(['PAY-4', 'PAY-3']);
    expect(result.uncoveredCount).toBe(4);
    expect(result.total).toEqual({ inProgress: 4, covered: 0, ratio: 0 });
  });

  it('gives a team without projects, or without epics in progress, no share', () => {
    const result = coverageOf({ teams: [aTeam('t', 'Design', [])], epics: [], coveredIds: new Set(), limit: 5 });
    expect(result.teams[0]).toMatchObject({ inProgress: 0, covered: 0, ratio: null });
    expect(result.total.ratio).toBeNull();
    expect(result.uncovered).toEqual([]);
  });
});
