import type { Cycle, Metric } from '../../contract';
import { roundTo } from '../../domain/round';
import { epicProgress } from '../epic-progress';
import type { EpicSnapshot, ObjectiveAggregate, StoredInitiative, StoredKeyResult } from '../model';
import type { EpicState } from '../ports';
import { withTrailPoint } from './forecasts';

/**
 * Applying fresh epic reads to an aggregate, and deriving the current value of KRs that take their
 * progress from initiatives. Pure.
 */

const sameSnapshot = (a: EpicSnapshot, b: EpicSnapshot): boolean =>
  JSON.stringify({ ...a, refreshedAt: '' }) === JSON.stringify({ ...b, refreshedAt: '' });

/** A deleted (or no longer visible to the app) epic keeps its last snapshot, marked missing. */
export const snapshotFrom = (previous: EpicSnapshot, state: EpicState, cycle: Cycle, now: Date): EpicSnapshot => {
  if (state.epic === undefined) return { ...previous, missing: true, refreshedAt: previous.refreshedAt === '' ? '' : now.toISOString() };
  const e = state.epic;
  return {
    summary: e.summary,
    statusName: e.statusName,
    statusCategory: e.statusCategory,
    projectId: e.projectId,
    projectKey: e.projectKey,
    progress: epicProgress(state.children, cycle.startDate),
    missing: false,
    refreshedAt: now.toISOString(),
  };
};

/**
 * A KR sourced from initiatives moves along its own scale: current = start + mean ratio x (target -
 * start), over its linked epics that exist and have work in scope (ratio not null), so the metric stays
 * in its units and progress = mean ratio. Binary KRs are done only when every such epic is. With no
 * such epic the value stays where it was: no data is not zero progress.
 */
export const derivedCurrent = (kr: Pick<StoredKeyResult, 'id' | 'metric'>, initiatives: readonly StoredInitiative[]): number | undefined => {
  const ratios = initiatives
    .filter((i) => i.keyResultId === kr.id && !i.epic.missing && i.epic.progress.ratio !== null)
    .map((i) => i.epic.progress.ratio ?? 0);
  if (ratios.length === 0) return undefined;
  const mean = ratios.reduce((s, r) => s + r, 0) / ratios.length;
  const m: Metric = kr.metric;
  if (m.kind === 'binary') return mean >= 1 ? 1 : 0;
  return roundTo(m.start + mean * (m.target - m.start), 4);
};

/**
 * Recomputes every initiatives-sourced KR of the aggregate. With `measured` (the cycle and the instant
 * of a refresh from Jira), a value that moved also goes on the KR's trail, the forecast's input.
 */
export const withDerivedCurrents = (
  aggregate: ObjectiveAggregate,
  measured?: { cycle: Cycle; now: Date },
): ObjectiveAggregate => ({
  ...aggregate,
  keyResults: aggregate.keyResults.map((kr) => {
    if (kr.progressSource !== 'initiatives' || kr.status !== 'active') return kr;
    const current = derivedCurrent(kr, aggregate.initiatives);
    if (current === undefined || current === kr.metric.current) return kr;
    const moved = { ...kr, metric: { ...kr.metric, current } };
    return measured === undefined ? moved : withTrailPoint(moved, { at: measured.now.toISOString(), value: current }, measured.cycle);
  }),
});

/** Applies epic reads to the initiatives they concern; `changed` is false when nothing but times moved. */
export const applyEpicStates = (
  aggregate: ObjectiveAggregate,
  states: ReadonlyMap<string, EpicState>,
  cycle: Cycle,
  now: Date,
): { aggregate: ObjectiveAggregate; changed: boolean } => {
  let changed = false;
  const initiatives = aggregate.initiatives.map((i) => {
    const state = states.get(i.issueId);
    if (state === undefined) return i;
    const epic = snapshotFrom(i.epic, state, cycle, now);
    if (!sameSnapshot(epic, i.epic) || (i.epic.refreshedAt === '' && epic.refreshedAt !== '')) changed = true;
    return { ...i, epic };
  });
  const next = withDerivedCurrents({ ...aggregate, initiatives }, { cycle, now });
  if (JSON.stringify(next.keyResults) !== JSON.stringify(aggregate.keyResults)) changed = true;
  return { aggregate: next, changed };
};
