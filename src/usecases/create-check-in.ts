import type { ApiOutput, ApiParsedInput, CheckIn, Cycle, Settings } from '../contract';
import { repeatsCheckIn } from '../domain/check-in-repeat';
import { AppError, forbidden, invalidState, notFound, validation } from './errors';
import { newCheckInId, objectiveIdOf, requestCheckInId } from './ids';
import type { StoredInitiative, StoredKeyResult } from './model';
import type { ViewerAccess } from './ports';
import type { Ctx } from './shared/context';
import { mutateObjective } from './shared/mutate-objective';
import { withTrailPoint } from './shared/forecasts';
import { mayCheckIn } from './shared/permissions';
import { startEarly } from './shared/start-early';
import { makeViewContext } from './shared/view-context';
import { checkInOpen, keyResultView } from './shared/views';

const NO_ACCESS: ViewerAccess = { browsableProjectIds: new Set(), isSiteAdmin: false };

/**
 * The value a check-in records: the person's for a KR measured by hand; for one measured from its epics,
 * the epics' (a value typed over it would be overwritten by the next refresh, so it is refused).
 */
const checkInValue = (kr: StoredKeyResult, value: number | undefined): number => {
  if (kr.progressSource === 'manual') {
    if (value === undefined) throw validation('value', 'is required: enter the key result’s current value');
    return value;
  }
  if (value !== undefined && value !== kr.metric.current) {
    throw validation('value', `cannot be entered by hand: this key result is measured from its linked epics (now ${String(kr.metric.current)}). Check in your confidence and notes only.`);
  }
  return kr.metric.current;
};

/**
 * The linked epics' statuses as last read (the cached snapshots, no Jira call), kept on the check-in so
 * the next drafted one can say which epics moved since (draft-check-in.ts). Unread or missing epics are left out.
 */
const epicBaseline = (initiatives: readonly StoredInitiative[], keyResultId: string): Pick<CheckIn, 'epicStatuses'> => {
  const epicStatuses = initiatives
    .filter((i) => i.keyResultId === keyResultId && !i.epic.missing && i.epic.refreshedAt !== '' && i.epic.statusName !== '')
    .map((i) => ({ issueId: i.issueId, statusName: i.epic.statusName }));
  return epicStatuses.length === 0 ? {} : { epicStatuses };
};

/**
 * checkIns.create: the weekly check-in on a KR: its new current value, confidence, note and blockers.
 * Append-only: the check-in row is written only if absent, in the same transaction as the objective
 * (whose KR takes the value and the latest check-in), conditional on the version read. Idempotent with
 * `requestId`: a repeat answers the first check-in and stores nothing. With or without one, a check-in that
 * repeats the person's last one on the KR within minutes (domain/check-in-repeat.ts) answers that one. A KR
 * measured from its epics takes its value from them: a different value is refused. Three sequential storage round
 * trips without contention: [objective, cycles, bands] in parallel, the objective's board shard, then
 * the transaction;
 * concurrent check-ins on one objective retry and all land. Jira: POST /rest/api/3/permissions/check,
 * only when the KR has linked epics, alongside the write.
 * @throws AppError VALIDATION keyResultId / value, NOT_FOUND keyResultId, FORBIDDEN (not the KR's or the
 *   objective's owner), INVALID_STATE (archived, or the cycle is not active or in review), CONFLICT.
 */
export const createCheckIn = async (ctx: Ctx, input: ApiParsedInput<'checkIns.create'>): Promise<ApiOutput<'checkIns.create'>> => {
  const objectiveId = objectiveIdOf('keyResult', input.keyResultId, 'keyResultId');
  // With a request id the check-in's key derives from it: a repeat finds the first one (read by key,
  // strongly consistent) and a repeat racing the first loses on the row's must-not-exist condition.
  const checkInId = input.requestId === undefined ? undefined : requestCheckInId(ctx.ids, input.keyResultId, ctx.actor.accountId, input.requestId);
  const earlier = startEarly(checkInId === undefined ? Promise.resolve(undefined) : ctx.store.getCheckIn(checkInId));
  // Started before the write and awaited after it: startEarly keeps a failed write from leaving them unhandled.
  const cyclesRead = startEarly(ctx.store.listCycles());
  const settingsRead = startEarly(ctx.store.getSettings());
  let cycle: Cycle | undefined;
  let access: Promise<ViewerAccess> | undefined;
  let attempts = 0;
  let settings: Settings | undefined;

  const { aggregate, result: checkIn } = await mutateObjective(ctx, objectiveId, 'keyResultId', async (current, now) => {
    const kr = current.keyResults.find((k) => k.id === input.keyResultId);
    if (kr === undefined) throw notFound('Key result', input.keyResultId, 'keyResultId');
    cycle = (await cyclesRead).find((c) => c.id === current.objective.cycleId);
    // Everything the answer needs from storage is read before the write, so a read failing after it
    // cannot turn a stored check-in into an error (the Jira permission check degrades instead).
    settings = await settingsRead;
    const projects = current.initiatives.filter((i) => i.keyResultId === kr.id).map((i) => i.epic.projectId);
    // Started now so the permission check runs alongside the write, not after it.
    access ??= startEarly(projects.length === 0 ? Promise.resolve(NO_ACCESS) : ctx.jira.viewerAccess(projects));
    // A later attempt (after a lost race) reads the row again: the race may have been against this very request.
    attempts += 1;
    const first = checkInId === undefined ? undefined : attempts === 1 ? await earlier : await ctx.store.getCheckIn(checkInId);
    if (first !== undefined) return { aggregate: current, result: first, write: false };
    if (!mayCheckIn(ctx.actor.accountId, current.objective, kr)) throw forbidden('Only the key result’s owner or the objective’s owner can check in.');
    if (cycle === undefined) throw new AppError('INTERNAL', `cycle ${current.objective.cycleId} of objective ${objectiveId} is missing`);
    if (!checkInOpen(cycle)) throw invalidState(`Check-ins open when the cycle is active; "${cycle.name}" is in ${cycle.status}.`, 'keyResultId');
    if (current.objective.status === 'archived' || kr.status === 'archived') throw invalidState('This key result is archived.', 'keyResultId');
    const value = checkInValue(kr, input.value);
    if (kr.metric.kind === 'binary' && value !== 0 && value !== 1) throw validation('value', 'must be 0 or 1 for a binary key result');
    const content = { authorAccountId: ctx.actor.accountId, value, confidence: input.confidence, note: input.note, blockers: input.blockers };
    // Saying again what was just said (a second "No change", or one draft accepted from two open forms,
    // each with its own request id) answers the check-in already made.
    // The KR keeps only its latest check-in's value and confidence: those first, the words from its row.
    const previous = kr.lastCheckIn;
    if (previous !== undefined && repeatsCheckIn({ ...previous, note: input.note, blockers: input.blockers }, content, now)) {
      const row = await ctx.store.getCheckIn(previous.id);
      if (row !== undefined && repeatsCheckIn(row, content, now)) return { aggregate: current, result: row, write: false };
    }

    const checkIn: CheckIn = {
      id: checkInId ?? newCheckInId(ctx.ids, kr.id, now),
      keyResultId: kr.id,
      authorAccountId: ctx.actor.accountId,
      at: now.toISOString(),
      value,
      confidence: input.confidence,
      ...(input.note === undefined || input.note === '' ? {} : { note: input.note }),
      ...(input.blockers === undefined || input.blockers === '' ? {} : { blockers: input.blockers }),
      ...epicBaseline(current.initiatives, kr.id),
    };
    const last = { id: checkIn.id, at: checkIn.at, value: checkIn.value, confidence: checkIn.confidence, authorAccountId: checkIn.authorAccountId };
    // The check-in's value goes on the KR's trail, the forecast's input (shared/forecasts.ts).
    const checked = { ...kr, metric: { ...kr.metric, current: value }, lastCheckIn: last };
    const withTrail = withTrailPoint(checked, { at: checkIn.at, value }, cycle);
    const keyResults = current.keyResults.map((k) => (k.id === kr.id ? withTrail : k));
    return { aggregate: { ...current, keyResults }, result: checkIn, newCheckIns: [checkIn] };
  });

  if (cycle === undefined) throw new AppError('INTERNAL', 'cycle not read');
  if (settings === undefined) throw new AppError('INTERNAL', 'settings not read');
  // Stored already: if Jira cannot say which epics the viewer may see, they are shown restricted.
  const viewerAccess = await (access ?? Promise.resolve(NO_ACCESS)).catch(() => NO_ACCESS);
  // canEdit is not part of a KR view, so no admin check is spent on it.
  const view = makeViewContext(ctx, { cycle, settings, teams: [], access: viewerAccess, okrAdmin: false });
  const kr = aggregate.keyResults.find((k) => k.id === checkIn.keyResultId);
  if (kr === undefined) throw new AppError('INTERNAL', 'key result vanished');
  return { checkIn, keyResult: keyResultView(kr, aggregate, view) };
};
