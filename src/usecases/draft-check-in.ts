import type { ApiOutput, ApiParsedInput, CheckInDraft, Confidence, WorkChanges } from '../contract';
import { addToTrail, forecastOf, suggestedConfidence, trailOf } from '../domain/forecast';
import { AppError, invalidState, notFound } from './errors';
import { objectiveIdOf } from './ids';
import type { LastCheckIn, StoredInitiative } from './model';
import type { Ctx } from './shared/context';
import { applyEpicStates } from './shared/refresh-initiatives';
import { startEarly } from './shared/start-early';
import { checkInOpen } from './shared/views';
import { changesSince, workChanges } from './shared/work-changes';

const MINUTE_MS = 60_000;

/**
 * What moved under the KR's linked epics since `since`, as the viewer may see it: one permission check
 * (which linked epics' projects they may browse; Jira refuses JQL naming an issue the caller cannot see),
 * then one search over those epics (≤ 50 a query). Restricted epics are never named, nor their children.
 */
const changesFor = async (
  ctx: Ctx,
  links: readonly StoredInitiative[],
  last: LastCheckIn | undefined,
  since: string,
  now: Date,
): Promise<WorkChanges> => {
  // The baseline is a nicety: a failed read drafts as if the check-in had recorded none.
  const row = startEarly(last === undefined ? Promise.resolve(undefined) : ctx.store.getCheckIn(last.id).catch(() => undefined));
  const projects = [...new Set(links.map((l) => l.epic.projectId).filter((id) => id !== ''))];
  const access = await ctx.jira.viewerAccess(projects);
  const visible = links.filter((l) => !l.epic.missing && access.browsableProjectIds.has(l.epic.projectId)).map((l) => l.issueId);
  // One minute more than the span: Jira's period has minute precision; the fields decide exactly.
  const minutes = (now.getTime() - Date.parse(since)) / MINUTE_MS + 1;
  const issues = visible.length === 0 ? [] : await ctx.jira.epicWorkForUser(visible, minutes);
  const statuses = (await row)?.epicStatuses;
  const baseline = statuses === undefined ? undefined : new Map(statuses.map((s) => [s.issueId, s.statusName]));
  return workChanges({ epicIds: visible, issues, since, baseline });
};

/**
 * checkIns.draft: a check-in worked out from Jira and the KR's trail, stored nowhere; the owner edits it
 * or accepts it with checkIns.create. Anyone may ask (everyone reads KRs); only while the KR takes
 * check-ins (active, in an active or in-review cycle), so an answer is always one that can be accepted.
 * - value: a KR measured from its epics is measured now, the refresh's rule over the epics read as the
 *   app (what the next refresh stores, so what checkIns.create records once it has run); else the latest
 *   check-in's value, else the metric's start.
 * - confidence: what the forecast over the trail (with a measured value appended) suggests; else the
 *   latest check-in's; else on track.
 * - changes: child issues done, added and out of scope, and epics whose status moved, since the latest
 *   check-in (or since the KR was added or the cycle began); null when the KR links no epic.
 * Storage: objective, cycles and bands in parallel, plus the latest check-in's row. Jira, only when the
 * KR links epics: POST /rest/api/3/permissions/check and POST /rest/api/3/search/jql as the user, and for
 * a KR measured from its epics POST /rest/api/3/search/jql as the app, in parallel (≤ 50 epics a query).
 * @throws AppError VALIDATION keyResultId, NOT_FOUND keyResultId, INVALID_STATE (archived, or the cycle
 *   does not take check-ins).
 */
export const draftCheckIn = async (ctx: Ctx, input: ApiParsedInput<'checkIns.draft'>): Promise<ApiOutput<'checkIns.draft'>> => {
  const objectiveId = objectiveIdOf('keyResult', input.keyResultId, 'keyResultId');
  const [aggregate, cycles, bands] = await Promise.all([ctx.store.getObjective(objectiveId), ctx.store.listCycles(), ctx.store.getBands()]);
  const kr = aggregate?.keyResults.find((k) => k.id === input.keyResultId);
  if (aggregate === undefined || kr === undefined) throw notFound('Key result', input.keyResultId, 'keyResultId');
  const cycle = cycles.find((c) => c.id === aggregate.objective.cycleId);
  if (cycle === undefined) throw new AppError('INTERNAL', `cycle ${aggregate.objective.cycleId} of objective ${objectiveId} is missing`);
  // The same refusals as checkIns.create: a draft nobody could accept would spend Jira points for nothing.
  if (!checkInOpen(cycle)) throw invalidState(`Check-ins open when the cycle is active; "${cycle.name}" is in ${cycle.status}.`, 'keyResultId');
  if (aggregate.objective.status === 'archived' || kr.status === 'archived') throw invalidState('This key result is archived.', 'keyResultId');

  const now = ctx.clock.now();
  const last = kr.lastCheckIn;
  const since = changesSince({ lastCheckInAt: last?.at, keyResultCreatedAt: kr.createdAt, cycleStartDate: cycle.startDate });
  const links = aggregate.initiatives.filter((i) => i.keyResultId === kr.id);
  const measured = kr.progressSource === 'initiatives' && links.length > 0;
  const [states, changes] = await Promise.all([
    measured ? ctx.jira.readEpics(links.map((l) => l.issueId)) : Promise.resolve(undefined),
    links.length === 0 ? Promise.resolve(null) : changesFor(ctx, links, last, since, now),
  ]);

  let value: number;
  let valueSource: CheckInDraft['valueSource'];
  if (kr.progressSource === 'initiatives') {
    const fresh = states === undefined ? aggregate : applyEpicStates(aggregate, states, cycle, now).aggregate;
    value = fresh.keyResults.find((k) => k.id === kr.id)?.metric.current ?? kr.metric.current;
    valueSource = 'initiatives';
  } else if (last !== undefined) {
    value = last.value;
    valueSource = 'last';
  } else {
    value = kr.metric.start;
    valueSource = 'start';
  }

  // Only a measured value is news: a KR checked in by hand drafts its last value as a placeholder for the
  // owner's new one, and appending it would flatten the trend (and suggest too little confidence).
  const trail = valueSource === 'initiatives' ? addToTrail(trailOf(kr), { at: now.toISOString(), value }) : trailOf(kr);
  const forecast = forecastOf({ metric: kr.metric, trail, cycle, confidence: last?.confidence, bands });
  let confidence: Confidence;
  let confidenceSource: CheckInDraft['confidenceSource'];
  if (forecast !== null) {
    confidence = suggestedConfidence(forecast.score, bands);
    confidenceSource = 'forecast';
  } else if (last !== undefined) {
    confidence = last.confidence;
    confidenceSource = 'last';
  } else {
    confidence = 'on_track';
    confidenceSource = 'default';
  }

  return {
    keyResultId: kr.id,
    value,
    valueSource,
    confidence,
    confidenceSource,
    forecast,
    since,
    changes,
    generatedAt: now.toISOString(),
  };
};
