import { api } from '../../../api/client';

/** A team with objectives in a cycle, as the review lists it. */
export interface CycleTeam {
  readonly teamId: string;
  readonly name: string;
}

/**
 * The teams with objectives in a cycle (drafts included), in name order: the scorecard's whole-company
 * sections, one call built from the cycle's tree index (about 11 read units at 1,000 objectives), so the
 * review's team picker and the carry-over dialog skip teams with nothing to grade or carry, instead of
 * asking review.get of every team of the site.
 */
export const cycleTeams = (cycleId: string): Promise<CycleTeam[]> =>
  api['scorecard.get']({ cycleId, byTeam: true, asOf: { kind: 'live' } }).then(
    (card) => (card.teams ?? []).flatMap((s) => (s.teamId === null ? [] : [{ teamId: s.teamId, name: s.name }])),
    // Without the figures, every team of the site (as before): more to ask, nothing left out.
    () => api['teams.list']({}).then(({ teams }) => teams.map((team) => ({ teamId: team.id, name: team.name }))),
  );
