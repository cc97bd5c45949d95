import type { ApiOutput, ApiParsedInput, ObjectiveSearchHit } from '../contract';
import { compareObjectives } from '../domain/alignment/level-order';
import { notFound } from './errors';
import type { BoardTreeEntry } from './shared/board-tree-entry';
import type { Ctx } from './shared/context';
import { requireCycle } from './shared/lookups';
import { isMemberOf, isOkrAdmin } from './shared/permissions';

/** Lower-case words of a text: letters and digits of any script, the rest separates. */
export const wordsOf = (text: string): string[] =>
  text
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** Every query word starts a word of the title: "pay rel" finds "Payments reliability". */
export const titleMatches = (title: string, queryWords: readonly string[]): boolean => {
  const words = wordsOf(title);
  return queryWords.every((q) => words.some((w) => w.startsWith(q)));
};

/**
 * objectives.search: the cycle's objectives whose title matches the query, for pickers that search as
 * people type, in board order among siblings' levels (company, team, individual, then title); archived
 * objectives (title '' in the index) are left out. With teamId, only that team's objectives.
 *
 * Cost, whatever the cycle's size beyond its tree index: one round trip (cycle, team catalog, the 16
 * tree index documents: a few dozen bytes an objective) and, only when a hit is neither the viewer's
 * nor their team's, one Jira call, POST /rest/api/3/permissions/check (site admin, for canEdit; the admin group's membership too when one is set).
 * @throws AppError NOT_FOUND cycleId / teamId.
 */
export const searchObjectives = async (
  ctx: Ctx,
  input: ApiParsedInput<'objectives.search'>,
): Promise<ApiOutput<'objectives.search'>> => {
  const [, teams, entries] = await Promise.all([
    requireCycle(ctx.store, input.cycleId, 'cycleId'),
    ctx.store.listTeams(),
    ctx.store.readBoardTree(input.cycleId),
  ]);
  if (input.teamId !== undefined && !teams.some((t) => t.id === input.teamId))
    throw notFound('Team', input.teamId, 'teamId');
  const query = wordsOf(input.query ?? '');
  const matching = entries
    .filter(
      (e) =>
        e.status !== 'archived' &&
        e.title !== '' &&
        (input.teamId === undefined || e.teamId === input.teamId) &&
        titleMatches(e.title, query),
    )
    .sort(compareObjectives);
  const shown = matching.slice(0, input.limit);
  const me = ctx.actor.accountId;
  const byTeam = new Map(teams.map((t) => [t.id, t]));
  const ownOrTeam = (e: BoardTreeEntry): boolean =>
    e.ownerAccountId === me || (e.teamId !== undefined && isMemberOf(byTeam.get(e.teamId), me));
  const okrAdmin = shown.every(ownOrTeam) ? false : await isOkrAdmin(ctx);
  return {
    objectives: shown.map((e): ObjectiveSearchHit => ({
      id: e.id,
      title: e.title,
      level: e.level,
      ...(e.teamId === undefined ? {} : { teamId: e.teamId }),
      status: e.status,
      canEdit: okrAdmin || ownOrTeam(e),
    })),
    matchCount: matching.length,
  };
};
