import type { ApiOutput } from '../contract';
import type { Ctx } from './shared/context';

/** teams.list: every team, by name. Anyone may read. */
export const listTeams = async (ctx: Ctx): Promise<ApiOutput<'teams.list'>> => ({ teams: await ctx.store.listTeams() });
