import type { BandConfig, Cycle, ReviewObjective } from '../../../../../src/contract';
import type { ObjectiveGrade } from '../../../../../src/domain/grade';
import { gradeObjective, needsGradeReason } from '../../../../../src/domain/grade';

/** The scores a KR can be given at review: 0.0 to 1.0 in steps of 0.1 (domain/grade.ts). */
export const SCORE_STEPS: readonly number[] = Array.from({ length: 11 }, (_, i) => i / 10);

/** What the person has chosen for one KR: the score, and the reason when it differs from the measured grade. */
export interface KeyResultChoice {
  readonly score: number;
  readonly reason: string;
}

/** Each KR's first choice: its final score if already graded, else the grade its measured progress gives. */
export const initialChoices = (objective: ReviewObjective): ReadonlyMap<string, KeyResultChoice> =>
  new Map(
    objective.keyResults.map((kr) => [
      kr.id,
      { score: kr.finalScore ?? kr.measuredScore, reason: kr.finalScoreReason ?? '' },
    ]),
  );

/**
 * The objective's grade as the choices stand, by the domain's rule (weighted mean of KR grades). The
 * review carries KRs' scores, not their metrics: every KR here has a final score, so the metric the rule
 * falls back to is never read (a neutral one satisfies the type).
 */
export const liveGrade = (
  objective: ReviewObjective,
  choices: ReadonlyMap<string, KeyResultChoice>,
  bands: BandConfig,
): ObjectiveGrade =>
  gradeObjective(
    objective,
    objective.keyResults.map((kr) => ({
      id: kr.id,
      objectiveId: objective.id,
      status: 'active' as const,
      weight: kr.weight,
      finalScore: choices.get(kr.id)?.score ?? kr.measuredScore,
      metric: { kind: 'percent' as const, start: 0, target: 1, current: kr.measuredScore },
    })),
    bands,
  );

/** Whether this KR's chosen score needs a reason (domain/grade.ts: it differs from the measured grade). */
export const reasonNeeded = (measuredScore: number, choice: KeyResultChoice): boolean =>
  needsGradeReason(measuredScore, choice.score);

/** KRs whose changed score has no reason yet: the form refuses to save until each has one. */
export const missingReasons = (objective: ReviewObjective, choices: ReadonlyMap<string, KeyResultChoice>): string[] =>
  objective.keyResults
    .filter((kr) => {
      const c = choices.get(kr.id);
      return c !== undefined && reasonNeeded(kr.measuredScore, c) && c.reason.trim() === '';
    })
    .map((kr) => kr.id);

/** Finished: every KR scored 1.0 (as graded, else measured). Carry-over keeps the others by default. */
export const isFinished = (objective: Pick<ReviewObjective, 'keyResults'>): boolean =>
  objective.keyResults.length > 0 && objective.keyResults.every((kr) => (kr.finalScore ?? kr.measuredScore) >= 1);

/**
 * Where carried objectives go by default: the first cycle after this one that is not closed, of the
 * same length (a quarter's next quarter) when there is one; one starting after this one ends comes
 * before one that overlaps it (a year running beside the quarters is no next quarter).
 */
export const nextCycle = <C extends Pick<Cycle, 'id' | 'kind' | 'startDate' | 'status'>>(
  cycles: readonly C[],
  from: Pick<Cycle, 'id' | 'kind' | 'startDate' | 'endDate'>,
): C | undefined => {
  const later = cycles
    .filter((c) => c.id !== from.id && c.status !== 'closed' && c.startDate > from.startDate)
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  const after = later.filter((c) => c.startDate >= from.endDate);
  return (
    after.find((c) => c.kind === from.kind) ??
    later.find((c) => c.kind === from.kind) ??
    after[0] ??
    later[0]
  );
};
