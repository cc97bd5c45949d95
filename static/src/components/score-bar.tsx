import type { Band } from '../../../src/contract';
import { t } from '../app/i18n';
import { formatScore } from './format';
import './score-bar.css';

/**
 * A 0-1 score as a bar in the colour of the status that speaks (components/status.tsx barStatus: the
 * pace status mid-cycle, the grade band in review), with the number beside it. Screen readers get one
 * phrase, "Score 0.62 (behind)"; both come from the backend and the domain, never recomputed here.
 */
export function ScoreBar({
  score,
  band,
  words,
  label,
  compact = false,
}: {
  score: number | null;
  /** The bar's colour (null: neutral). */
  band: Band | null;
  /** What the colour means, in words, for the accessible label ("behind", "grade: delivered"). */
  words?: string | undefined;
  /** First word of the accessible label: "Score", "Progress", "Roll-up"... */
  label?: string;
  compact?: boolean;
}) {
  const clamped = score === null ? 0 : Math.min(1, Math.max(0, score));
  const what = label ?? t('components.score.label');
  const name =
    score === null
      ? t('components.score.none', { label: what })
      : words === undefined
        ? t('components.score.value', { label: what, score: formatScore(score) })
        : t('components.score.valueWithWords', { label: what, score: formatScore(score), words });
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
