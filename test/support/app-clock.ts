/** A day in ms, for moving the app's clock. */
export const DAY_MS = 86_400_000;

/**
 * Moves the app's clock (Date only) to `ms` after `from` (default: now, which is already moved if an earlier
 * call moved it). Timers, ticks and the emulator's own waits stay real, so platform calls still answer.
 * Call jest.useRealTimers() after the test.
 */
export const moveAppClock = (ms: number, from: number = Date.now()): void => {
  jest.useFakeTimers({
    now: from + ms,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
};
