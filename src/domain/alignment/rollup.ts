/**
 * The roll-up of an objective: its own score blended with its aligned children's roll-ups, where each
 * aligned child counts as much as one of the objective's own active KRs:
 *
 *   rollup = (ownKeyResultCount * ownScore + sum of non-null child roll-ups)
 *            / (ownKeyResultCount + number of non-null child roll-ups)
 *
 * Why this rule: a parent's own KRs are its direct measure and the children are how the organisation
 * contributes to it; weighting a child like one KR keeps both visible, so a parent with four KRs is not
 * swamped by one child, nor a child ignored. KR weights shape ownScore (objectiveScore) but not how much
 * the own part counts against the children. A child with no roll-up (nothing measured below it) is left
 * out rather than counted as 0, and the result is null when nothing at all is measured. A leaf's roll-up
 * is its own score. The own part counts only with a score and at least one KR, so inconsistent inputs
 * (a score without KRs, KRs without a score) cannot skew the blend.
 */
export const rollupScore = (
  ownScore: number | null,
  ownKeyResultCount: number,
  childRollups: readonly (number | null)[],
): number | null => {
  let sum = 0;
  let count = 0;
  if (ownScore !== null && ownKeyResultCount > 0) {
    sum += ownKeyResultCount * ownScore;
    count += ownKeyResultCount;
  }
  for (const child of childRollups) {
    if (child === null) continue;
    sum += child;
    count += 1;
  }
  return count === 0 ? null : sum / count;
};
