/**
 * Performance marks read by bench/board-render.mjs (time to first rows against a plain list). Marks
 * cost nothing measurable and stay in production: they are also what a profiler shows a person.
 */
export const BOARD_MARKS = {
  /** The bundle has loaded and starts its first calls. */
  start: 'cadence:board:start',
  /** board.get answered. */
  data: 'cadence:board:data',
  /** The first rows of the board have been painted (see markAfterPaint). */
  rows: 'cadence:board:rows',
} as const;

const done = new Set<string>();

export const markOnce = (name: string): void => {
  if (done.has(name) || typeof performance === 'undefined') return;
  done.add(name);
  performance.mark(name);
};

/**
 * Marks once the frame that shows the current DOM has been painted: a callback of the next frame after
 * the next (a frame's rAF callbacks run before its layout and paint, so one rAF is too early).
 */
export const markAfterPaint = (name: string): void => {
  if (typeof requestAnimationFrame === 'undefined') return;
  requestAnimationFrame(() => {
    requestAnimationFrame(() => {
      markOnce(name);
    });
  });
};
