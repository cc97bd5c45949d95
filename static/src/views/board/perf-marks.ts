/**
 * Performance marks read by bench/board-render.mjs (time to first rows against a plain list). Marks
 * cost nothing measurable and stay in production: they are also what a profiler shows a person.
 */
export const BOARD_MARKS = {
  /** The bundle has loaded and starts its first calls. */
  start: 'cadence:board:start',
  /** board.get answered. */
  data: 'cadence:board:data',
  /** React and the board (the app chunk) have loaded and evaluated. */
  app: 'cadence:board:app',
  /** Theming, the context and the user's catalog are ready (what mount() waits for). */
  context: 'cadence:board:context',
  /** The board page rendered for the first time (anything, loading states included). */
  page: 'cadence:board:page',
  /** The board's cycle is known: its first answer's, or the one chosen from the cycle list. */
  cycles: 'cadence:board:cycles',
  /** The list rendered its first rows (before the browser painted them). */
  list: 'cadence:board:list',
  /** The first rows of the board have been painted (see markAfterPaint). */
  rows: 'cadence:board:rows',
} as const;

/**
 * Element Timing (a browser API): the board's row titles and the plain list's rows carry this
 * `elementtiming` name, so the browser itself reports when the first of them was painted
 * (bench/board-render.mjs), with no task of ours between the paint and the figure.
 */
export const ROW_TIMING: Readonly<Record<'elementtiming', string>> = { elementtiming: 'cadence:board:row' };

const done = new Set<string>();

export const markOnce = (name: string): void => {
  if (done.has(name) || typeof performance === 'undefined') return;
  done.add(name);
  performance.mark(name);
};

/**
 * Marks once the frame that shows the current DOM has been painted: a task queued from the next
 * animation frame's callback runs after that frame's style, layout and paint (a frame's rAF callbacks
 * run before them, so a bare rAF is too early). A second rAF instead waits for the frame after, which a
 * busy main thread (the board's later fetches and renders) delays by far more than the paint itself.
 */
export const markAfterPaint = (name: string): void => {
  // Read off globalThis: the backend's typecheck (no DOM library) reaches this file through type imports.
  const raf = (globalThis as { requestAnimationFrame?: (callback: () => void) => number }).requestAnimationFrame;
  if (raf === undefined) return;
  raf.call(globalThis, () => {
    setTimeout(() => {
      markOnce(name);
    }, 0);
  });
};
