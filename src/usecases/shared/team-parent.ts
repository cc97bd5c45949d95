import type { Team } from '../../contract';
import { notFound, validation } from '../errors';

/** A team's parent must exist and must not be the team or one of its sub-teams. */
export const checkTeamParent = (teams: readonly Team[], teamId: string, parentTeamId: string | undefined): void => {
  if (parentTeamId === undefined) return;
  const byId = new Map(teams.map((t) => [t.id, t]));
  if (!byId.has(parentTeamId)) throw notFound('Team', parentTeamId, 'parentTeamId');
  const seen = new Set<string>();
  for (let at: string | undefined = parentTeamId; at !== undefined && !seen.has(at); at = byId.get(at)?.parentTeamId) {
    if (at === teamId) throw validation('parentTeamId', 'must not be the team itself or one of its sub-teams');
    seen.add(at);
  }
};
