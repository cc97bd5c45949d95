import type { CheckIn, ExportDocument, KeyResult } from '../../src/contract';
import { DAY_MS, startOfDayUtc } from '../../src/domain/calendar-day';
import type { TrailPoint } from '../../src/domain/forecast';
import { addToTrail } from '../../src/domain/forecast';
import { historyWeeks } from '../../src/domain/score-history';

/**
 * Gives the demo the weeks it would have lived through: everything is created today through the
 * resolvers, so on its own the demo has one check-in per KR and no weekly snapshots, and every history
 * chart is a single point. This rewrites the exported data with a check-in on the Thursday of each past
 * week of the cycle (moving steadily towards the value checked in today) for every KR checked in today,
 * and the weekly job's snapshot for each past week, then imports it back through data.import: the
 * same path a customer's restore takes.
 */

/** The value a KR stood at after `fraction` of the way from its start to where it is now. */
const towards = (kr: KeyResult, now: number, fraction: number): number => {
  const { kind, start } = kr.metric;
  if (kind === 'binary') return fraction >= 1 ? now : start;
  const value = start + (now - start) * fraction;
  // Demo values look typed in: whole numbers where the KR's numbers are whole, else one decimal.
  return Number.isInteger(start) && Number.isInteger(now) ? Math.round(value) : Math.round(value * 10) / 10;
};

const THURSDAY_AFTERNOON = -4 * DAY_MS + 15 * 3_600_000; // from the Monday 00:00 that ends the week

/** A KR's trail with the back-dated check-ins put on it (domain/forecast.ts addToTrail), when it has any. */
const trailWith = (kr: ExportDocument['keyResults'][number], earlier: readonly CheckIn[]): { trail?: TrailPoint[] } => {
  const own = earlier.filter((c) => c.keyResultId === kr.id);
  if (own.length === 0) return {};
  const trail = [...own.map((c) => ({ at: c.at, value: c.value })), ...(kr.trail ?? [])].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { trail: trail.reduce<TrailPoint[]>((kept, point) => addToTrail(kept, point), []) };
};

/** The export with weekly history added for the demo's active cycle, as of `now`. */
export const withDemoHistory = (doc: ExportDocument, now: Date): ExportDocument => {
  const cycle = doc.cycles.find((c) => c.status === 'active');
  if (cycle === undefined) return doc;
  const past = historyWeeks(cycle, now).filter((w) => !w.current);
  const steps = past.length + 1; // the past weeks, then today's check-in
  const cycleStart = startOfDayUtc(cycle.startDate);
  const live = new Set(doc.objectives.filter((o) => o.cycleId === cycle.id && o.status !== 'archived').map((o) => o.id));
  const keyResults = doc.keyResults.filter((kr) => live.has(kr.objectiveId) && kr.status === 'active');
  const latest = new Map(doc.checkIns.map((c) => [c.keyResultId, c]));
  const nowValue = (kr: KeyResult): number => latest.get(kr.id)?.value ?? kr.metric.current;

  const earlier: CheckIn[] = keyResults.flatMap((kr) => {
    const last = latest.get(kr.id);
    if (last === undefined) return []; // never checked in: the demo's stale KRs stay stale
    return past.flatMap((w, i) => {
      const at = w.at + THURSDAY_AFTERNOON;
      if (at < cycleStart) return [];
      const value = towards(kr, last.value, (i + 1) / steps);
      const confidence = i >= past.length - 2 ? last.confidence : 'on_track';
      return [{ id: `${kr.id}-c${at.toString(36)}demo`, keyResultId: kr.id, authorAccountId: last.authorAccountId, at: new Date(at).toISOString(), value, confidence }];
    });
  });

  const snapshots = past.map((w, i) => ({
    cycleId: cycle.id,
    week: w.week,
    values: Object.fromEntries(keyResults.map((kr) => [kr.id, towards(kr, nowValue(kr), (i + 1) / steps)])),
  }));

  // The objectives and their KRs were written before the weeks they look back on (a KR's week to its
  // first check-in counts from its creation, so the demo's never-checked-in KRs are stale).
  const writtenAt = new Date(cycleStart + 9 * 3_600_000).toISOString();
  const inCycle = new Set(doc.objectives.filter((o) => o.cycleId === cycle.id).map((o) => o.id));
  return {
    ...doc,
    objectives: doc.objectives.map((o) => (o.cycleId === cycle.id ? { ...o, createdAt: writtenAt } : o)),
    // Each KR's trail (its weekly values, the forecast's input) holds those weeks too.
    keyResults: doc.keyResults.map((kr) => (inCycle.has(kr.objectiveId) ? { ...kr, createdAt: writtenAt, ...trailWith(kr, earlier) } : kr)),
    checkIns: [...earlier, ...doc.checkIns],
    snapshots: [...doc.snapshots, ...snapshots],
  };
};
