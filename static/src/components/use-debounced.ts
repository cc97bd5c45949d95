import { useEffect, useState } from 'react';

/**
 * `value`, once it has stopped changing for `delayMs`: typing stays instant while the work that follows
 * (filtering the board, linting a draft) runs once per pause rather than once per keystroke.
 */
export const useDebounced = <T>(value: T, delayMs: number): T => {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(value);
    }, delayMs);
    return () => {
      clearTimeout(timer);
    };
  }, [value, delayMs]);
  return settled;
};
