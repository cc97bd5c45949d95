import type { KeyResult, Objective } from '../contract';
import { aBinaryKeyResult, aDecreasingKeyResult, aKeyResult, aMetric, anObjective } from '../../test/support/builders';
import { gradeCycle, gradeKeyResult, gradeObjective, measuredGrade, needsGradeReason } from './grade';

/** A KR of `objective` measured on 0..100 points, so `percent` is its progress in percent. */
const krAt = (objective: Pick<Objective, 'id'>, percent: number, over: Partial<KeyResult> = {}): KeyResult =>
  aKeyResult({
    objectiveId: objective.id,
    metric: aMetric({ kind: 'number', start: 0, target: 100, current: percent, unit: 'points' }),
    ...over,
  });

describe('gradeKeyResult', () => {
  test.each([
    [0, 0],
    [24, 0.2],
    [25, 0.3],
    [64, 0.6],
    [65, 0.7],
    [96, 1],
    [100, 1],
    [130, 1],
  ])('grades measured progress %p%% as %p', (percent, grade) => {
    expect(gradeKeyResult(krAt(anObjective(), percent))).toBe(grade);
  });

  test('rounds a decreasing KR at 0.65 up to 0.7 despite float noise (28 -> 10 days, at 16.3)', () => {
    const kr = aDecreasingKeyResult();
    expect(gradeKeyResult({ ...kr, metric: { ...kr.metric, current: 16.3 } })).toBe(0.7);
  });

  test('grades a binary KR 0 or 1', () => {
    expect(gradeKeyResult(aBinaryKeyResult())).toBe(0);
    expect(gradeKeyResult(aBinaryKeyResult({ metric: { kind: 'binary', start: 0, target: 1, current: 1 } }))).toBe(1);
  });

  test('uses the score given at review over the measured progress', () => {
    expect(gradeKeyResult(krAt(anObjective(), 90, { finalScore: 0.6 }))).toBe(0.6);
  });
});

describe('gradeObjective', () => {
  test('weights the KR grades and rounds the objective score to 2 decimals', () => {
    const o = anObjective();
    const a = krAt(o, 66, { weight: 3 }); // graded 0.7
    const b = krAt(o, 24, { weight: 1 }); // graded 0.2
    expect(gradeObjective(o, [a, b])).toEqual({
      objectiveId: o.id,
      score: 0.58, // (3 * 0.7 + 0.2) / 4 = 0.575, which is 0.57499... in binary
      band: 'yellow',
      keyResults: [
        { keyResultId: a.id, score: 0.7 },
        { keyResultId: b.id, score: 0.2 },
      ],
      allPerfect: false,
    });
  });

  test('scores from the KR grades, not the raw progress', () => {
    const o = anObjective();
    // raw progress 0.66 and 0.66 would give 0.66; the grades are 0.7 and 0.7.
    expect(gradeObjective(o, [krAt(o, 66), krAt(o, 66)]).score).toBe(0.7);
  });

  test('leaves archived KRs out of the score and the list', () => {
    const o = anObjective();
    const active = krAt(o, 80);
    const archived = krAt(o, 0, { status: 'archived' });
    const grade = gradeObjective(o, [active, archived]);
    expect(grade.score).toBe(0.8);
    expect(grade.band).toBe('green');
    expect(grade.keyResults).toEqual([{ keyResultId: active.id, score: 0.8 }]);
  });

  test('ignores KRs of other objectives', () => {
    const o = anObjective();
    const other = anObjective();
    const grade = gradeObjective(o, [krAt(o, 30), krAt(other, 100)]);
    expect(grade.score).toBe(0.3);
    expect(grade.band).toBe('red');
    expect(grade.keyResults).toHaveLength(1);
  });

  test('has no score and no band without KRs', () => {
    const o = anObjective();
    expect(gradeObjective(o, [])).toEqual({
      objectiveId: o.id,
      score: null,
      band: null,
      keyResults: [],
      allPerfect: false,
    });
  });

  test('has no score and no band when every KR is archived', () => {
    const o = anObjective();
    const grade = gradeObjective(o, [krAt(o, 100, { status: 'archived' }), krAt(o, 100, { status: 'archived' })]);
    expect(grade).toMatchObject({ score: null, band: null, keyResults: [], allPerfect: false });
  });

  test('applies custom bands', () => {
    const o = anObjective();
    expect(gradeObjective(o, [krAt(o, 70)], { yellowFrom: 0.5, greenFrom: 0.8 }).band).toBe('yellow');
  });

  describe('allPerfect (the sandbagging smell)', () => {
    test('is true when two or more active KRs all grade 1.0', () => {
      const o = anObjective();
      expect(gradeObjective(o, [krAt(o, 100), krAt(o, 120), krAt(o, 96)]).allPerfect).toBe(true);
    });

    test('is false with a single KR, even at 1.0', () => {
      const o = anObjective();
      expect(gradeObjective(o, [krAt(o, 100)]).allPerfect).toBe(false);
    });

    test('is false when any KR grades below 1.0', () => {
      const o = anObjective();
      expect(gradeObjective(o, [krAt(o, 100), krAt(o, 94)]).allPerfect).toBe(false);
    });

    test('ignores an archived KR that was not perfect', () => {
      const o = anObjective();
      expect(gradeObjective(o, [krAt(o, 100), krAt(o, 100), krAt(o, 10, { status: 'archived' })]).allPerfect).toBe(
        true,
      );
    });

    test('counts a score given at review of 1.0 as perfect', () => {
      const o = anObjective();
      expect(gradeObjective(o, [krAt(o, 100), krAt(o, 40, { finalScore: 1 })]).allPerfect).toBe(true);
    });
  });
});

describe('gradeCycle', () => {
  test('grades every non-archived objective, in order, with its own KRs', () => {
    const green = anObjective();
    const draft = anObjective({ status: 'draft' });
    const archived = anObjective({ status: 'archived' });
    const krs = [krAt(green, 90), krAt(draft, 50), krAt(archived, 100), krAt(green, 70)];

    const grade = gradeCycle([green, draft, archived], krs);

    expect(grade.objectives.map((g) => [g.objectiveId, g.score, g.band])).toEqual([
      [green.id, 0.8, 'green'],
      [draft.id, 0.5, 'yellow'],
    ]);
    expect(grade.mean).toBe(0.65);
    expect(grade.distribution).toEqual({ red: 0, yellow: 1, green: 1, unscored: 0 });
  });

  test('counts objectives without KRs as unscored and leaves them out of the mean', () => {
    const red = anObjective();
    const empty = anObjective();
    const onlyArchived = anObjective();
    const krs = [krAt(red, 20), krAt(onlyArchived, 100, { status: 'archived' })];

    const grade = gradeCycle([red, empty, onlyArchived], krs);

    expect(grade.mean).toBe(0.2);
    expect(grade.distribution).toEqual({ red: 1, yellow: 0, green: 0, unscored: 2 });
    expect(grade.objectives.map((g) => g.score)).toEqual([0.2, null, null]);
  });

  test('rounds the mean to 2 decimals', () => {
    const a = anObjective();
    const b = anObjective();
    const c = anObjective();
    const grade = gradeCycle([a, b, c], [krAt(a, 100), krAt(b, 0), krAt(c, 0)]);
    expect(grade.mean).toBe(0.33);
  });

  test('has no mean when no objective could be scored', () => {
    const grade = gradeCycle([anObjective()], []);
    expect(grade.mean).toBeNull();
    expect(grade.distribution).toEqual({ red: 0, yellow: 0, green: 0, unscored: 1 });
  });

  test('is empty for a cycle without objectives', () => {
    expect(gradeCycle([], [krAt(anObjective(), 50)])).toEqual({
      objectives: [],
      mean: null,
      distribution: { red: 0, yellow: 0, green: 0, unscored: 0 },
    });
  });

  test('applies custom bands to every objective', () => {
    const o = anObjective();
    const grade = gradeCycle([o], [krAt(o, 70)], { yellowFrom: 0.5, greenFrom: 0.8 });
    expect(grade.distribution).toEqual({ red: 0, yellow: 1, green: 0, unscored: 0 });
  });
});

describe('measured grade and reasons', () => {
  const metric = aMetric({ start: 0, target: 10, current: 7.4 });
  it('pre-fills the grade of the measured progress, whatever final score was given', () => {
    expect(measuredGrade({ metric })).toBe(0.7);
  });
  it('asks for a reason only when the final score differs from the measured grade', () => {
    expect(needsGradeReason(0.7, 0.7)).toBe(false);
    expect(needsGradeReason(0.7, 0.70001)).toBe(false);
    expect(needsGradeReason(0.7, 0.8)).toBe(true);
    expect(needsGradeReason(0.7, 0.6)).toBe(true);
  });
});
