import './score-bar.css';

/**
 * A neutral progress bar for counts that are not scores (an epic's done issues): no band colour, so
 * it is never mistaken for an OKR score. The label is the whole accessible name ("12 of 20 issues done").
 */
export function ProgressBar({ ratio, label }: { ratio: number | null; label: string }) {
  const clamped = ratio === null ? 0 : Math.min(1, Math.max(0, ratio));
  return (
    <span className="cad-score cad-score--compact" role="img" aria-label={label} title={label}>
      <span className="cad-score__track">
        <span className="cad-score__fill cad-score__fill--progress" style={{ width: `${clamped * 100}%` }} />
      </span>
      <span className="cad-score__value" aria-hidden="true">
        {ratio === null ? '–' : `${Math.round(clamped * 100)}%`}
      </span>
    </span>
  );
}
