import type { Team } from '../../../../src/contract';

/**
 * The teams that may be `teamId`'s parent: any but itself and those below it (a parent among its own
 * descendants would make a cycle, which the alignment tree cannot show). A new team (no id) may take any.
 */
export const parentCandidates = (teams: readonly Team[], teamId: string | undefined): Team[] => {
  if (teamId === undefined) return [...teams];
  const below = new Set<string>([teamId]);
  // Repeat until no team joins: the list is in no particular order, so one pass is not enough.
  for (let grew = true; grew;) {
    grew = false;
    for (const team of teams) {
      if (team.parentTeamId !== undefined && below.has(team.parentTeamId) && !below.has(team.id)) {
        below.add(team.id);
        grew = true;
      }
    }
  }
  return teams.filter((team) => !below.has(team.id));
};

/** Teams in the order of their tree (parents first, children under them, names alphabetical), with depth. */
export const teamTree = (teams: readonly Team[], locale: string): { team: Team; depth: number }[] => {
  const ids = new Set(teams.map((t) => t.id));
  // One collator for the whole sort: localeCompare with a locale builds one per comparison.
  const { compare } = new Intl.Collator(locale);
  const byName = (a: Team, b: Team): number => compare(a.name, b.name);
  const children = new Map<string | undefined, Team[]>();
  for (const team of teams) {
    // A parent that is not in the list (removed, or damaged) leaves the team at the top.
    const parent = team.parentTeamId !== undefined && ids.has(team.parentTeamId) ? team.parentTeamId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), team]);
  }
  const out: { team: Team; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | undefined, depth: number): void => {
    for (const team of [...(children.get(parent) ?? [])].sort(byName)) {
      if (seen.has(team.id)) continue;
      seen.add(team.id);
      out.push({ team, depth });
      walk(team.id, depth + 1);
    }
  };
  walk(undefined, 0);
  // Teams caught in a stored cycle are reachable from no root: listed at the top all the same.
  for (const team of [...teams].sort(byName)) if (!seen.has(team.id)) out.push({ team, depth: 0 });
  return out;
};
