import type { KeyResult, Objective, Team } from '../../contract';
import { forbidden } from '../errors';
import type { Ctx } from './context';

/**
 * Who may do what. Site admins manage cycles, teams, settings and data; an objective's owner, its
 * team's members and site admins edit it with its KRs and initiatives; a KR's owner or the objective's
 * owner checks in; everyone reads. The admin check is one Jira call, made only when needed.
 */

export const requireSiteAdmin = async (ctx: Ctx, what: string): Promise<void> => {
  if (!(await ctx.jira.isSiteAdmin())) throw forbidden(`Only Jira site admins can ${what}.`);
};

export const isMemberOf = (team: Team | undefined, accountId: string): boolean =>
  team?.memberAccountIds.includes(accountId) ?? false;

/** Owner and team members without a Jira call; anyone else only if a site admin. */
export const canEditObjective = async (ctx: Ctx, objective: Objective, team?: Team): Promise<boolean> => {
  if (objective.ownerAccountId === ctx.actor.accountId) return true;
  if (objective.teamId !== undefined) {
    const t = team ?? (await ctx.store.getTeam(objective.teamId));
    if (isMemberOf(t, ctx.actor.accountId)) return true;
  }
  return ctx.jira.isSiteAdmin();
};

export const requireEditObjective = async (ctx: Ctx, objective: Objective): Promise<void> => {
  if (!(await canEditObjective(ctx, objective))) {
    throw forbidden('Only the objective’s owner, its team’s members and site admins can change it.');
  }
};

export const mayCheckIn = (accountId: string, objective: Objective, kr: KeyResult): boolean =>
  kr.ownerAccountId === accountId || objective.ownerAccountId === accountId;
