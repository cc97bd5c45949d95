import type { ApiOutput, ApiParsedInput, Cycle } from '../contract';
import { cycleWindow } from '../domain/cycle-window';
import { proposedCycleWindow } from '../domain/form-defaults';
import { validation } from './errors';
import { newPlainId } from './ids';
import type { Ctx } from './shared/context';
import { requireOkrAdmin } from './shared/permissions';

/**
 * cycles.create: a new cycle in planning. Without dates it proposes the calendar quarter (or year)
 * after the latest cycle of that kind, unless that one is already over, then the current one
 * (domain/form-defaults.ts proposedCycleWindow); without a name, the window's name.
 * @throws AppError FORBIDDEN (not an OKR admin: Jira POST /rest/api/3/permissions/check),
 *   VALIDATION endDate (not after startDate).
 */
export const createCycle = async (ctx: Ctx, input: ApiParsedInput<'cycles.create'>): Promise<ApiOutput<'cycles.create'>> => {
  await requireOkrAdmin(ctx, 'create cycles');
  const id = newPlainId(ctx.ids, { accountId: ctx.actor.accountId, requestId: input.requestId }, 'cycle');
  const cycles = await ctx.store.listCycles();
  // A repeat of a request that already created its cycle answers that cycle.
  const earlier = cycles.find((c) => c.id === id);
  if (earlier !== undefined) return earlier;
  let window = cycleWindow(input.kind, ctx.clock.now());
  if (input.startDate !== undefined && input.endDate !== undefined) {
    if (input.endDate <= input.startDate) throw validation('endDate', 'must be after startDate');
    window = { name: cycleWindow(input.kind, new Date(`${input.startDate}T00:00:00Z`)).name, startDate: input.startDate, endDate: input.endDate };
  } else {
    // The same proposal the cycle form shows (the next window, or today's after a pause).
    window = proposedCycleWindow(input.kind, cycles, ctx.clock.now());
  }
  const cycle: Cycle = {
    id,
    name: input.name ?? window.name,
    kind: input.kind,
    startDate: window.startDate,
    endDate: window.endDate,
    status: 'planning',
  };
  await ctx.store.putCycle(cycle);
  return cycle;
};
