import type { ApiOutput } from '../contract';
import type { Ctx } from './shared/context';

/** settings.get: score bands, pace thresholds and the OKR admin group. Anyone may read. */
export const getSettings = (ctx: Ctx): Promise<ApiOutput<'settings.get'>> => ctx.store.getSettings();
