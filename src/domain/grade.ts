import type { Band, BandConfig, KeyResult, Objective } from '../contract';
import { DEFAULT_BANDS } from '../contract';
import { bandOf } from './bands';
import { roundTo } from './round';
import { isActive, keyResultScore, objectiveScore } from './score';

/**
 * End-of-cycle grading (the Review step). These are grades of how far the OKRs moved, never ratings of
 * the people who worked on them: the method forbids presenting OKR scores as performance ratings.
 */

export interface KeyResultGrade {
  readonly keyResultId: string;
  /** 0.0-1.0 in steps of 0.1. */
  readonly score: number;
}

export interface ObjectiveGrade {
  readonly objectiveId: string;
  /** Weighted mean of the graded active KRs, 2 decimals; null when the objective has no active KR. */
  readonly score: number | null;
  readonly band: Band | null;
  /** Active KRs only, in input order. */
  readonly keyResults: readonly KeyResultGrade[];
  /** At least two active KRs and every one graded 1.0: the goals were likely not ambitious enough. */
  readonly allPerfect: boolean;
}

export interface GradeDistribution {
  readonly red: number;
  readonly yellow: number;
  readonly green: number;
  /** Objectives with no active KR, so nothing to grade. */
  readonly unscored: number;
}

export interface CycleGrade {
  /** Non-archived objectives, in input order. */
  readonly objectives: readonly ObjectiveGrade[];
  /** Plain mean of the objective scores that are not null, 2 decimals; null when none is. */
  readonly mean: number | null;
  readonly distribution: GradeDistribution;
}

type GradableKeyResult = Pick<KeyResult, 'id' | 'objectiveId' | 'metric' | 'finalScore' | 'status' | 'weight'>;

/** A KR's grade: its score rounded to one decimal, because OKR grades are given as 0.0, 0.1 ... 1.0. */
export const gradeKeyResult = (kr: Pick<KeyResult, 'metric' | 'finalScore'>): number => roundTo(keyResultScore(kr), 1);

/**
 * Grades one objective from its active KRs. `krs` may hold other objectives' KRs too: only those whose
 * objectiveId matches are used, so callers can pass a whole cycle's list. The objective score is the
 * weighted mean of the KR grades (not of the raw progress), so it matches what the review shows per KR.
 */
export const gradeObjective = (
  objective: Pick<Objective, 'id'>,
  krs: readonly GradableKeyResult[],
  bands: BandConfig = DEFAULT_BANDS,
): ObjectiveGrade => {
  const graded = krs
    .filter((kr) => kr.objectiveId === objective.id && isActive(kr))
    .map((kr) => ({ ...kr, finalScore: gradeKeyResult(kr) }));
  const mean = objectiveScore(graded);
  const score = mean === null ? null : roundTo(mean, 2);
  return {
    objectiveId: objective.id,
    score,
    band: score === null ? null : bandOf(score, bands),
    keyResults: graded.map((kr) => ({ keyResultId: kr.id, score: kr.finalScore })),
    allPerfect: graded.length >= 2 && graded.every((kr) => kr.finalScore === 1),
  };
};

/**
 * Grades a cycle: every non-archived objective (drafts included, so nothing left unpublished hides from
 * the review), the mean of the objective scores and how many objectives fall in each band.
 */
export const gradeCycle = (
  objectives: readonly Pick<Objective, 'id' | 'status'>[],
  krs: readonly GradableKeyResult[],
  bands: BandConfig = DEFAULT_BANDS,
): CycleGrade => {
  const krsByObjective = new Map<string, GradableKeyResult[]>();
  for (const kr of krs) {
    const group = krsByObjective.get(kr.objectiveId);
    if (group === undefined) krsByObjective.set(kr.objectiveId, [kr]);
    else group.push(kr);
  }
  const grades = objectives
    .filter((o) => o.status !== 'archived')
    .map((o) => gradeObjective(o, krsByObjective.get(o.id) ?? [], bands));
  const scores = grades.flatMap((g) => (g.score === null ? [] : [g.score]));
  const distribution = { red: 0, yellow: 0, green: 0, unscored: 0 };
  for (const g of grades) distribution[g.band ?? 'unscored'] += 1;
  return {
    objectives: grades,
    mean: scores.length === 0 ? null : roundTo(scores.reduce((sum, s) => sum + s, 0) / scores.length, 2),
    distribution,
  };
};

/** The grade the KR's measured progress gives, whatever final score it was given: the review's pre-filled value. */
export const measuredGrade = (kr: Pick<KeyResult, 'metric'>): number => gradeKeyResult({ metric: kr.metric });

/**
 * A final score that differs from the measured grade needs a reason, so the review records why the
 * number was overruled (the method: grades are honest, adjusted in the open).
 */
export const needsGradeReason = (measured: number, final: number): boolean => roundTo(final, 1) !== roundTo(measured, 1);
