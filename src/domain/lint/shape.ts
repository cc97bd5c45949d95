/**
 * The method's shape rules (../shared/design/okr-method.md, "Shape rules"), the one place their numbers
 * live: the lint checks them and states them in its messages, and forms can import them for their hints.
 */
export const KEY_RESULTS_PER_OBJECTIVE = {
  /** Fewer is flagged (none is an error). */
  min: 2,
  /** More is flagged; exactly this many is allowed but above the recommendation. */
  max: 5,
  /** The recommended range is min to recommendedMax. */
  recommendedMax: 4,
} as const;

/** At most this many objectives per team, per person and for the company in one cycle. */
export const MAX_OBJECTIVES_PER_CYCLE = 3;
