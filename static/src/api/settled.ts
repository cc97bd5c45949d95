/**
 * A call started before React has loaded (the board's first calls, views/board/board-start.ts): its
 * answer serves the first load only, so a reload really asks again. A first render can read an answer
 * that has already arrived (`take`) and show it at once, instead of a loading state and a second render.
 */
export interface Prefetched<A extends unknown[], T> {
  /** The prefetched answer the first time, if `fits` the arguments; `load(...args)` otherwise and after. */
  readonly get: (...args: A) => Promise<T>;
  /** The answer, if it has arrived and fits the arguments and was not used yet; reading it uses it up. */
  readonly take: (...args: A) => T | undefined;
}

/**
 * `fits` says whether the prefetched answer is the one `args` ask for (the board's cycle and scope);
 * a prefetch that failed is never served, so a retry really retries.
 */
export const prefetched = <A extends unknown[], T>(
  first: Promise<T>,
  load: (...args: A) => Promise<T>,
  fits: (value: T, ...args: A) => boolean = () => true,
): Prefetched<A, T> => {
  const arrived = settledValue(first);
  let used = false;
  return {
    get: (...args) => {
      if (used) return load(...args);
      used = true;
      return first.then(
        (value) => (fits(value, ...args) ? value : load(...args)),
        () => load(...args),
      );
    },
    take: (...args) => {
      const value = arrived();
      if (used || value === undefined || !fits(value, ...args)) return undefined;
      used = true;
      return value;
    },
  };
};

/** What a promise has resolved to so far (undefined before, and after a failure), for a first render. */
export const settledValue = <T>(promise: Promise<T>): (() => T | undefined) => {
  let value: { readonly v: T } | undefined;
  promise.then(
    (v) => {
      value = { v };
    },
    () => undefined,
  );
  return () => value?.v;
};
