import { rollupScore } from './rollup';

describe('rollupScore', () => {
  it('gives a leaf its own score', () => {
    expect(rollupScore(0.6, 3, [])).toBeCloseTo(0.6);
  });

  it('counts each aligned child as much as one of the own active KRs', () => {
    // Two own KRs averaging 0.75 and one child at 0.3: (2 * 0.75 + 0.3) / 3.
    expect(rollupScore(0.75, 2, [0.3])).toBeCloseTo(0.6);
  });

  it('leaves out children with nothing measured instead of counting them as 0', () => {
    expect(rollupScore(0.5, 2, [null, 0.8])).toBeCloseTo((2 * 0.5 + 0.8) / 3);
  });

  it('averages the children when the objective has no KRs of its own', () => {
    expect(rollupScore(null, 0, [0.4, 0.8])).toBeCloseTo(0.6);
  });

  it('is null when neither own KRs nor children are measured', () => {
    expect(rollupScore(null, 0, [])).toBeNull();
    expect(rollupScore(null, 0, [null, null])).toBeNull();
  });

  it('ignores an own part that is inconsistent (a score without KRs, or KRs without a score)', () => {
    expect(rollupScore(0.9, 0, [0.3])).toBeCloseTo(0.3);
    expect(rollupScore(null, 2, [0.3])).toBeCloseTo(0.3);
  });
});
