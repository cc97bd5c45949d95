import type { ApiOutput } from '../contract';
import { DEFAULT_STATUS_THRESHOLDS } from '../domain/status';
import type { Ctx } from './shared/context';

/** settings.get: the score bands and pace thresholds. Anyone may read. */
export const getSettings = async (ctx: Ctx): Promise<ApiOutput<'settings.get'>> => ({
  bands: await ctx.store.getBands(),
  pace: { ...DEFAULT_STATUS_THRESHOLDS },
});
