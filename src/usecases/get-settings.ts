import type { ApiOutput } from '../contract';
import type { Ctx } from './shared/context';

/** settings.get: the score bands. Anyone may read. */
export const getSettings = async (ctx: Ctx): Promise<ApiOutput<'settings.get'>> => ({ bands: await ctx.store.getBands() });
