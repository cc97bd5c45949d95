import { useMemo, useRef } from 'react';

/** 32 hex characters from the browser's CSPRNG (randomUUID needs a secure context; this does not). */
const newRequestId = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

export interface RequestId {
  /** The id of the action under way (per target, e.g. the epic being linked): the same on every retry until `done()`. */
  current(target?: string): string;
  /** The action succeeded: the next one is a new request. */
  done(target?: string): void;
}

/**
 * One client request id per user action, sent with every write: if a save's answer is lost and the
 * person presses Save again, the backend recognises the repeat and answers what the first one stored
 * instead of storing it twice (or, for a change, re-applying it over someone else's later one).
 */
export const useRequestId = (): RequestId => {
  const ids = useRef(new Map<string, string>());
  return useMemo(
    () => ({
      current: (target = '') => {
        const id = ids.current.get(target) ?? newRequestId();
        ids.current.set(target, id);
        return id;
      },
      done: (target = '') => {
        ids.current.delete(target);
      },
    }),
    [],
  );
};
