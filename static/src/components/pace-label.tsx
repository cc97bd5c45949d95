import type { Pace } from '../../../src/contract';
import { PACE_WORDS } from './format';
import './pace-label.css';

/**
 * Pace against the cycle's straight line (computed by the backend): an arrow for the eye, words for
 * everyone. Nothing is shown before there is a pace (no score yet, or the cycle not running).
 */
export function PaceLabel({ pace }: { pace: Pace | null | undefined }) {
  if (pace === null || pace === undefined) return null;
  const arrow = pace === 'ahead' ? '↑' : pace === 'behind' ? '↓' : '→';
  return (
    <span className={`cad-pace cad-pace--${pace}`}>
      <span aria-hidden="true">{arrow}</span> {PACE_WORDS[pace]}
    </span>
  );
}
