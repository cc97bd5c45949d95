import { useCallback, useEffect, useRef, useState } from 'react';

/** Loading, data or error, plus a retry: what every view shows while it talks to the backend. */
export type Async<T> =
  { status: 'loading'; data?: T } | { status: 'ready'; data: T } | { status: 'error'; error: Error; data?: T };

/**
 * Runs `load` when `deps` change and on `reload()`. Keeps the last data while reloading so views do not
 * flash empty, and ignores answers that arrive after a newer request (no stale overwrite). `initial`,
 * read once at mount, is data already at hand (an answer that arrived before React, api/settled.ts): the
 * first render shows it and the first load is skipped.
 */
export const useAsync = <T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  initial?: () => T | undefined,
): Async<T> & { reload: () => void } => {
  const [state, setState] = useState<Async<T>>(() => {
    const data = initial?.();
    return data === undefined ? { status: 'loading' } : { status: 'ready', data };
  });
  const [nonce, setNonce] = useState(0);
  const request = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const skipFirst = useRef(state.status === 'ready');

  useEffect(() => {
    if (skipFirst.current) {
      skipFirst.current = false;
      return;
    }
    const mine = ++request.current;
    setState((s) => ({ status: 'loading', ...(s.data === undefined ? {} : { data: s.data }) }));
    loadRef.current().then(
      (data) => {
        if (mine === request.current) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (mine !== request.current) return;
        setState((s) => ({
          status: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
          ...(s.data === undefined ? {} : { data: s.data }),
        }));
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- deps are the caller's
  }, [...deps, nonce]);

  const reload = useCallback(() => {
    setNonce((n) => n + 1);
  }, []);
  return { ...state, reload };
};
