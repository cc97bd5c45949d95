import type { KeyResult, Objective, Team } from '../../contract';
import { AppError, forbidden } from '../errors';
import type { Ctx } from './context';

/**
 * Who may do what: the one place for it, documented as the "Permissions" table in README.md and tested
 * cell by cell in test/integration/permissions.test.ts. Rules look at the result of a change, not at
 * the verb: an update that produces an objective its author could not have created is refused the
 * same way create refuses it (issue #10). OKR admins (Jira site admins, and the members of the
 * settings' admin group) manage cycles, teams, settings and data; an objective's owner, its team's
 * members and OKR admins edit it with its KRs and initiatives; a KR's owner or the objective's owner
 * checks in; everyone reads. The admin check is one Jira call, made only when needed (a second one, for
 * the group, only when a group is set and the user is not a Jira admin); account ids are checked against
 * the site's users in one more.
 */

/**
 * A Jira site admin (POST /rest/api/3/permissions/check, ADMINISTER) or a member of the settings' admin
 * group (GET /rest/api/3/myself?expand=groups). Both answers are kept for the invocation by the ports.
 */
export const isOkrAdmin = async (ctx: Ctx): Promise<boolean> => {
  const [siteAdmin, settings] = await Promise.all([ctx.jira.isSiteAdmin(), ctx.store.getSettings()]);
  if (siteAdmin) return true;
  return settings.adminGroup === undefined ? false : ctx.jira.isInGroup(settings.adminGroup);
};

/** The same, when the site admin answer is already known (a view's one permission check). */
export const isOkrAdminGiven = async (ctx: Ctx, siteAdmin: boolean): Promise<boolean> => {
  if (siteAdmin) return true;
  const { adminGroup } = await ctx.store.getSettings();
  return adminGroup === undefined ? false : ctx.jira.isInGroup(adminGroup);
};

export const requireOkrAdmin = async (ctx: Ctx, what: string): Promise<void> => {
  if (!(await isOkrAdmin(ctx))) throw forbidden(`Only OKR admins can ${what}.`);
};

/** Only Jira site admins choose who else administers OKRs (an OKR admin cannot widen or narrow it). */
export const requireSiteAdmin = async (ctx: Ctx, what: string, field?: string): Promise<void> => {
  if (!(await ctx.jira.isSiteAdmin())) throw new AppError('FORBIDDEN', `Only Jira site admins can ${what}.`, field);
};

export const isMemberOf = (team: Team | undefined, accountId: string): boolean =>
  team?.memberAccountIds.includes(accountId) ?? false;

const refuse = (message: string, field: string): AppError => new AppError('FORBIDDEN', message, field);

/** Owner and team members without a Jira call; anyone else only if an OKR admin. */
export const canEditObjective = async (ctx: Ctx, objective: Objective, team?: Team): Promise<boolean> => {
  if (objective.ownerAccountId === ctx.actor.accountId) return true;
  if (objective.teamId !== undefined) {
    const t = team ?? (await ctx.store.getTeam(objective.teamId));
    if (isMemberOf(t, ctx.actor.accountId)) return true;
  }
  return isOkrAdmin(ctx);
};

export const requireEditObjective = async (ctx: Ctx, objective: Objective): Promise<void> => {
  if (!(await canEditObjective(ctx, objective))) {
    throw forbidden('Only the objective’s owner, its team’s members and OKR admins can change it.');
  }
};

export const mayCheckIn = (accountId: string, objective: Objective, kr: KeyResult): boolean =>
  kr.ownerAccountId === accountId || objective.ownerAccountId === accountId;

/** Account ids a change sets, by payload field and the words for it. */
export interface PeopleCheck {
  field: string;
  label: string;
  accountIds: readonly string[];
}

/**
 * Owners, reviewers and members must be active users of the site (GET /rest/api/3/user/bulk, one call
 * for all fields). The actor is one by definition and is not asked about.
 * @throws AppError VALIDATION naming the first field with an unknown account id.
 */
export const requireSiteUsers = async (ctx: Ctx, checks: readonly PeopleCheck[]): Promise<void> => {
  const asked = [...new Set(checks.flatMap((c) => c.accountIds))].filter((id) => id !== ctx.actor.accountId);
  if (asked.length === 0) return;
  const unknown = new Set(await ctx.jira.unknownAccountIds(asked));
  const issues = checks.flatMap((c) => {
    const bad = c.accountIds.filter((id) => unknown.has(id));
    return bad.length === 0 ? [] : [{ field: c.field, message: `must name users of this site: ${c.label} ${bad.join(', ')} is not one` }];
  });
  const first = issues[0];
  if (first !== undefined) throw new AppError('VALIDATION', `${first.field} ${first.message}`, first.field, issues);
};

/** What the objective rules need to know beside the objective itself. */
export interface ObjectiveTeams {
  /** The team the objective belongs to after the change, when it has one. */
  after?: Team | undefined;
}

/**
 * The rules on the objective a create or update produces: its level, its team and its owner, checked
 * whenever one of them is set (always on create). `before` is the stored objective on update.
 * - company objectives: OKR admins only;
 * - a team (team objectives, or any objective put in a team): its members or OKR admins;
 * - individual objectives: their owner, or OKR admins for anyone;
 * - on update, the owner changes only by the current owner's or an OKR admin's action.
 * @throws AppError FORBIDDEN naming the field (level, teamId, ownerAccountId).
 */
export const requireObjectiveResult = async (ctx: Ctx, before: Objective | undefined, after: Objective, teams: ObjectiveTeams): Promise<void> => {
  const me = ctx.actor.accountId;
  const admin = (): Promise<boolean> => isOkrAdmin(ctx);
  const levelSet = before?.level !== after.level;
  const teamSet = after.teamId !== undefined && before?.teamId !== after.teamId;
  const ownerSet = before?.ownerAccountId !== after.ownerAccountId;

  if (before !== undefined && ownerSet && before.ownerAccountId !== me && !(await admin())) {
    throw refuse('Only the objective’s current owner or an OKR admin can change its owner (ownerAccountId).', 'ownerAccountId');
  }
  if (!levelSet && !teamSet && !ownerSet) return;
  if (after.level === 'company' && !(await admin())) {
    throw refuse('Only OKR admins can make company objectives (level).', 'level');
  }
  if ((teamSet || (levelSet && after.level === 'team')) && !isMemberOf(teams.after, me) && !(await admin())) {
    const name = teams.after?.name ?? after.teamId ?? 'the team';
    throw refuse(`Only members of ${name} (or OKR admins) can put an objective in that team (teamId).`, 'teamId');
  }
  if (after.level === 'individual' && after.ownerAccountId !== me && !(await admin())) {
    throw refuse('Individual objectives are their owner’s: you can make them only for yourself (ownerAccountId).', 'ownerAccountId');
  }
};

/**
 * A KR's owner changes only by the KR's current owner, the objective's owner or an OKR admin (taking
 * over needs their action). Setting the owner on create is part of editing the objective.
 * @throws AppError FORBIDDEN naming ownerAccountId.
 */
export const requireKeyResultOwnerChange = async (ctx: Ctx, objective: Objective, before: KeyResult, ownerAfter: string): Promise<void> => {
  if (before.ownerAccountId === ownerAfter) return;
  const me = ctx.actor.accountId;
  if (before.ownerAccountId === me || objective.ownerAccountId === me || (await isOkrAdmin(ctx))) return;
  throw refuse('Only the key result’s owner, the objective’s owner or an OKR admin can change who owns it (ownerAccountId).', 'ownerAccountId');
};
