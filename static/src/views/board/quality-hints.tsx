import { Suspense, useId } from 'react';
import type { Finding, Severity } from '../../../../src/contract';
import { useChunkWords } from '../../app/use-chunk-words';
import { t } from '../../app/i18n';
import { findingHint, findingMessage, severityWords } from '../../components/finding-words';
import { GuideLink } from '../../components/guide-link';
import type { FindingWordsOptions } from '../../components/finding-words';
import { Lozenge } from '../../components/lozenge';
import type { LozengeAppearance } from '../../components/lozenge';
import { useUser } from '../../components/user-directory';

const APPEARANCE: Readonly<Record<Severity, LozengeAppearance>> = {
  error: 'removed',
  warning: 'moved',
  info: 'inprogress',
};

/**
 * OKR quality findings in plain words: what is wrong, what to do, and "Why?", which opens the method
 * guide at that rule's section (docs/okr-method.md, anchored by rule id). Used live under a title as
 * people type (`live`: announced politely, once typing pauses) and for the full lint of an objective.
 */
export function QualityHints(props: QualityHintsProps) {
  // The findings' words come with the forms' chunks (locales/<locale>/chunks/lint.json), not in every view's catalog.
  return (
    <Suspense fallback={null}>
      <HintsWithWords {...props} />
    </Suspense>
  );
}

interface QualityHintsProps {
  id?: string;
  findings: readonly Finding[];
  live?: boolean;
  /** Shown when there is nothing to say (omit to show nothing). */
  empty?: string;
  /** How to name people the findings name by account id. */
  words?: FindingWordsOptions;
}

function HintsWithWords({ id, findings, live = false, empty, words = {} }: QualityHintsProps) {
  useChunkWords('lint');
  const ids = useId();
  return (
    <div id={id} aria-live={live ? 'polite' : undefined} className="cad-hints">
      {findings.length === 0 ? (
        empty === undefined ? null : (
          <p className="cad-subtle">{empty}</p>
        )
      ) : (
        <ul className="cad-list" aria-label={t('lint.list')}>
          {findings.map((f, i) => (
            <li key={`${f.ruleId}:${f.target.id}:${String(i)}`} className="cad-hint" data-rule={f.ruleId}>
              <Lozenge appearance={APPEARANCE[f.severity]}>{severityWords(f.severity)}</Lozenge>{' '}
              {typeof f.params.person === 'string' && words.personName === undefined ? (
                <PersonFindingWords finding={f} person={f.params.person} id={`${ids}-${String(i)}`} />
              ) : (
                <FindingWords finding={f} words={words} id={`${ids}-${String(i)}`} />
              )}{' '}
              <GuideLink anchor={f.ruleId} describedBy={`${ids}-${String(i)}`} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function FindingWords({ finding, words, id }: { finding: Finding; words: FindingWordsOptions; id: string }) {
  return (
    <>
      <span className="cad-text" id={id}>
        {findingMessage(finding, words)}
      </span>{' '}
      <span className="cad-subtle">{findingHint(finding, words)}</span>
    </>
  );
}

/** A finding about a person (too-many-objectives) names them, not their account id, once Jira says who they are. */
function PersonFindingWords({ finding, person, id }: { finding: Finding; person: string; id: string }) {
  const user = useUser(person);
  const words: FindingWordsOptions = { personName: () => (user.known ? user.displayName : undefined) };
  return <FindingWords finding={finding} words={words} id={id} />;
}
