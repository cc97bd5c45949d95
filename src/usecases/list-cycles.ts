import type { ApiOutput } from '../contract';
import type { Ctx } from './shared/context';

/** cycles.list: every cycle, oldest start first. Anyone may read. Throws nothing of its own. */
export const listCycles = async (ctx: Ctx): Promise<ApiOutput<'cycles.list'>> => ({ cycles: await ctx.store.listCycles() });
