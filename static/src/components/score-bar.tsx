import type { Band } from '../../../src/contract';
import { BAND_WORDS, formatScore } from './format';
import './score-bar.css';

/**
 * A 0-1 score as a bar in its band's colour (color.background.danger/warning/success.bold), with the
 * number beside it. Screen readers get one phrase, "Score 0.62 (at risk)"; the band comes from the
 * backend (thresholds are a site setting), never recomputed here.
 */
export function ScoreBar({
  score,
  band,
  label = 'Score',
  compact = false,
}: {
  score: number | null;
  band: Band | null;
  /** First word of the accessible label: "Score", "Progress", "Roll-up"... */
  label?: string;
  compact?: boolean;
}) {
  const clamped = score === null ? 0 : Math.min(1, Math.max(0, score));
  const name =
    score === null
      ? `${label}: none yet`
      : `${label} ${formatScore(score)}${band === null ? '' : ` (${BAND_WORDS[band]})`}`;
  return (
    <span className={`cad-score${compact ? ' cad-score--compact' : ''}`} role="img" aria-label={name} title={name}>
      <span className="cad-score__track">
        <span className={`cad-score__fill cad-score__fill--${band ?? 'none'}`} style={{ width: `${clamped * 100}%` }} />
      </span>
      <span className="cad-score__value" aria-hidden="true">
        {score === null ? '–' : formatScore(score)}
      </span>
    </span>
  );
}
