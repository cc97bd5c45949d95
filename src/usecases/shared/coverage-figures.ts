import type { Coverage, CoverageFigures, Team, UncoveredEpic } from '../../contract';
import type { InProgressEpic } from '../ports';

/**
 * Strategy coverage from what Jira and the link lookup answered: pure, so the counting rules (an epic in
 * two teams' projects counts once in the total; the list in team-name order, newest first) are tested
 * without a site.
 */

/** covered / inProgress to 3 decimals; null when nothing is in progress (no share to speak of). */
export const coverageFigures = (inProgress: number, covered: number): CoverageFigures => ({
  inProgress,
  covered,
  ratio: inProgress === 0 ? null : Math.round((covered / inProgress) * 1000) / 1000,
});

/** Teams by name, then id, so the figures and the list keep one order between calls. */
export const byTeamName = (a: Team, b: Team): number => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

export interface CoverageInput {
  /** The teams counted, in team-name order. */
  teams: readonly Team[];
  /** The in-progress epics the viewer may browse, in any of the teams' projects. */
  epics: readonly InProgressEpic[];
  /** Ids of the epics that serve a KR of the cycle. */
  coveredIds: ReadonlySet<string>;
  limit: number;
}

export const coverageOf = ({ teams, epics, coveredIds, limit }: CoverageInput): Omit<Coverage, 'cycleId' | 'generatedAt'> => {
  // One copy of each epic, newest first (several project batches may each have answered some).
  const unique = [...new Map(epics.map((e) => [e.id, e])).values()].sort(
    (a, b) => b.created.localeCompare(a.created) || b.key.localeCompare(a.key, undefined, { numeric: true }),
  );
  const teamFigures = teams.map((team) => {
    const keys = new Set(team.jiraProjectKeys.map((k) => k.toUpperCase()));
    const own = unique.filter((e) => keys.has(e.projectKey.toUpperCase()));
    return {
      teamId: team.id,
      name: team.name,
      projectKeys: team.jiraProjectKeys,
      own,
      ...coverageFigures(own.length, own.filter((e) => coveredIds.has(e.id)).length),
    };
  });
  // The union: each epic once, under the first team (by name) whose projects hold it.
  const listed = new Set<string>();
  const uncovered: UncoveredEpic[] = [];
  let inProgress = 0;
  let covered = 0;
  for (const team of teamFigures) {
    for (const epic of team.own) {
      if (listed.has(epic.id)) continue;
      listed.add(epic.id);
      inProgress += 1;
      if (coveredIds.has(epic.id)) covered += 1;
      else
        uncovered.push({
          issueId: epic.id,
          issueKey: epic.key,
          summary: epic.summary,
          projectKey: epic.projectKey,
          statusName: epic.statusName,
          teamId: team.teamId,
        });
    }
  }
  return {
    teams: teamFigures.map(({ own: _own, ...figures }) => figures),
    total: coverageFigures(inProgress, covered),
    uncovered: uncovered.slice(0, limit),
    uncoveredCount: uncovered.length,
  };
};
