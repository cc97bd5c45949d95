import type { ApiOutput, ApiParsedInput, Cycle, LeftOut, LeftOutList, Team } from '../contract';
import { previousCycle } from '../domain/current-cycle';
import { AppError, forbidden, invalidState, notFound } from './errors';
import type { LeftOutListKey } from './ports';
import type { Ctx } from './shared/context';
import { isMemberOf, isOkrAdmin } from './shared/permissions';

/**
 * "Not this cycle" (issue #14): the competing priorities a team, or the company, chose to leave out of a
 * cycle, with why; the last cycle's items come back as candidates to carry forward. Shared by
 * leftOut.list, leftOut.add and leftOut.remove.
 */

/** The method keeps the list short: the few priorities a team argued about, not a backlog. */
export const LEFT_OUT_CAP = 20;

export interface LeftOutScope {
  cycle: Cycle;
  cycles: Cycle[];
  team: Team | undefined;
  list: LeftOutListKey;
}

/**
 * The cycle and team a list belongs to: one read of the cycle catalog, one of the team catalog.
 * @throws AppError NOT_FOUND cycleId / teamId.
 */
export const leftOutScope = async (ctx: Ctx, input: { cycleId: string; teamId?: string | undefined }): Promise<LeftOutScope> => {
  const [cycles, team] = await Promise.all([
    ctx.store.listCycles(),
    input.teamId === undefined ? Promise.resolve(undefined) : ctx.store.getTeam(input.teamId),
  ]);
  const cycle = cycles.find((c) => c.id === input.cycleId);
  if (cycle === undefined) throw notFound('Cycle', input.cycleId, 'cycleId');
  if (input.teamId !== undefined && team === undefined) throw notFound('Team', input.teamId, 'teamId');
  return { cycle, cycles, team, list: { cycleId: cycle.id, teamId: input.teamId } };
};

/** Team members and OKR admins keep a team's list; OKR admins the company's (no Jira call for a member). */
const mayEdit = async (ctx: Ctx, scope: LeftOutScope): Promise<boolean> =>
  (scope.team !== undefined && isMemberOf(scope.team, ctx.actor.accountId)) || isOkrAdmin(ctx);

/**
 * The rules every change to a list keeps: a person who may keep it, and a cycle not closed (planning,
 * active and review may still change what they leave out).
 * @throws AppError FORBIDDEN, INVALID_STATE cycleId (closed).
 */
export const requireEditLeftOut = async (ctx: Ctx, scope: LeftOutScope): Promise<void> => {
  if (!(await mayEdit(ctx, scope))) {
    throw scope.team === undefined
      ? forbidden('Only OKR admins can change the company’s "not this cycle" list.')
      : forbidden(`Only members of ${scope.team.name} (or OKR admins) can change its "not this cycle" list.`);
  }
  if (scope.cycle.status === 'closed') throw invalidState(`Cycle "${scope.cycle.name}" is closed.`, 'cycleId');
};

/** The same list of the cycle before (same kind), undefined for a first cycle. */
export const previousList = (scope: LeftOutScope): LeftOutListKey | undefined => {
  const before = previousCycle(scope.cycles, scope.cycle);
  return before === undefined ? undefined : { cycleId: before.id, teamId: scope.list.teamId };
};

/** The last cycle's items not carried into this list yet. */
export const candidatesOf = (items: readonly LeftOut[], previous: readonly LeftOut[]): LeftOut[] => {
  const carried = new Set(items.flatMap((i) => (i.carriedFromId === undefined ? [] : [i.carriedFromId])));
  return previous.filter((p) => !carried.has(p.id));
};

/** The last cycle's list of the same team (or the company's), read by key: empty for a first cycle. */
export const readPrevious = async (ctx: Ctx, scope: LeftOutScope): Promise<LeftOut[]> => {
  const previous = previousList(scope);
  return previous === undefined ? [] : ((await ctx.store.readLeftOut([previous]))[0] ?? []);
};

/**
 * The answer of every leftOut.* key. After a change, `written` holds the list as stored and the last
 * cycle's list (read beside the change, so the answer costs no round trip more). Otherwise one batchGet
 * of both lists (strongly consistent; one read unit each under 4 KB). The OKR admin check (a Jira
 * call) only for someone who is not a member of the team.
 */
export const leftOutAnswer = async (
  ctx: Ctx,
  scope: LeftOutScope,
  written?: { items: readonly LeftOut[]; previous: readonly LeftOut[] },
): Promise<LeftOutList> => {
  const previous = previousList(scope);
  const lists = [scope.list, ...(previous === undefined ? [] : [previous])];
  const [read, canEdit] = await Promise.all([
    written === undefined ? ctx.store.readLeftOut(lists) : Promise.resolve([written.items, written.previous]),
    scope.cycle.status === 'closed' ? Promise.resolve(false) : mayEdit(ctx, scope),
  ]);
  const current = read[0] ?? [];
  return { items: [...current], candidates: candidatesOf(current, read[1] ?? []), canEdit };
};

/** leftOut.list: a cycle's list of one team, or the company's, with the last cycle's candidates. Anyone may read. @throws AppError NOT_FOUND cycleId / teamId. */
export const listLeftOut = async (ctx: Ctx, input: ApiParsedInput<'leftOut.list'>): Promise<ApiOutput<'leftOut.list'>> =>
  leftOutAnswer(ctx, await leftOutScope(ctx, input));

/** A refusal of an item that is not a candidate any more (or never was). */
export const notACandidate = (id: string): AppError =>
  new AppError('NOT_FOUND', `There is no item "${id}" on the last cycle’s "not this cycle" list to carry forward (carriedFromId).`, 'carriedFromId');
