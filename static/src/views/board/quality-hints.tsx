import type { Finding, Severity } from '../../../../src/contract';
import { Lozenge } from '../../components/lozenge';
import type { LozengeAppearance } from '../../components/lozenge';

const SEVERITY: Readonly<Record<Severity, { words: string; appearance: LozengeAppearance }>> = {
  error: { words: 'Problem', appearance: 'removed' },
  warning: { words: 'Check', appearance: 'moved' },
  info: { words: 'Tip', appearance: 'inprogress' },
};

/**
 * OKR quality findings in plain words: what is wrong and what to do. Used live under a title as people
 * type (`live`: announced politely, once typing pauses) and for the full lint of an objective.
 */
export function QualityHints({
  id,
  findings,
  live = false,
  empty,
}: {
  id?: string;
  findings: readonly Finding[];
  live?: boolean;
  /** Shown when there is nothing to say (omit to show nothing). */
  empty?: string;
}) {
  return (
    <div id={id} aria-live={live ? 'polite' : undefined} className="cad-hints">
      {findings.length === 0 ? (
        empty === undefined ? null : (
          <p className="cad-subtle">{empty}</p>
        )
      ) : (
        <ul className="cad-list" aria-label="Quality hints">
          {findings.map((f, i) => (
            <li key={`${f.ruleId}:${f.target.id}:${String(i)}`} className="cad-hint" data-rule={f.ruleId}>
              <Lozenge appearance={SEVERITY[f.severity].appearance}>{SEVERITY[f.severity].words}</Lozenge>{' '}
              <span className="cad-text">{f.message}</span> <span className="cad-subtle">{f.hint}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
