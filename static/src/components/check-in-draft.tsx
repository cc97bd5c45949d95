import { useEffect, useState } from 'react';
import type { CheckInDraft, IssueRef } from '../../../src/contract';
import { t } from '../app/i18n';
import { IssueLink } from '../app/links';
import { api } from '../api/client';
import { Button } from './button';
import { changeLines, draftUnchanged, forecastSentence, lineCount } from './draft-note';
import type { LastSaid } from './draft-note';
import { confidenceWords, formatDay, formatScore, formatValue, type ProjectedMetric } from './format';
import './check-in-draft.css';

/** A draft being fetched, fetched, or not to be had (the form then works as it always did). */
export type DraftState =
  | { readonly status: 'off' }
  | { readonly status: 'loading' }
  | { readonly status: 'failed' }
  | { readonly status: 'ready'; readonly draft: CheckInDraft };

/**
 * The KR's drafted check-in (checkIns.draft), fetched when the form opens for someone who may check in.
 * Computed on every call and never stored, so it is fetched once per opening; a failure leaves the form
 * as it was (the draft is a convenience, never a gate).
 */
export const useCheckInDraft = (keyResultId: string, enabled: boolean): DraftState => {
  const [state, setState] = useState<DraftState>({ status: enabled ? 'loading' : 'off' });
  useEffect(() => {
    if (!enabled) {
      setState({ status: 'off' });
      return undefined;
    }
    let live = true;
    setState({ status: 'loading' });
    api['checkIns.draft']({ keyResultId }).then(
      (draft) => {
        if (live) setState({ status: 'ready', draft });
      },
      () => {
        if (live) setState({ status: 'failed' });
      },
    );
    return () => {
      live = false;
    };
  }, [keyResultId, enabled]);
  return state;
};

/** Up to this many issues named per list above the form; the rest counted. */
const SHOWN = 5;

function IssueNames({ issues }: { issues: readonly IssueRef[] }) {
  const rest = issues.length - SHOWN;
  return (
    <>
      {issues.slice(0, SHOWN).map((issue, i) => (
        <span key={issue.issueId} className="cad-draft__issue">
          {i === 0 ? ' ' : ', '}
          <IssueLink issueKey={issue.issueKey} /> {issue.summary}
        </span>
      ))}
      {rest > 0 ? ` ${t('draft.more', { count: rest })}` : null}
    </>
  );
}

/**
 * What the draft found, above the form: the work since the last check-in (issue keys as links), the
 * forecast, and "Accept draft", which checks the draft in as it stands in one action. The form below is
 * the same draft to edit.
 */
export function CheckInDraftSummary({
  state,
  metric,
  lastCheckIn,
  acceptDisabled,
  accepting,
  hintId,
  onAccept,
}: {
  state: DraftState;
  metric: ProjectedMetric;
  lastCheckIn: LastSaid | undefined;
  acceptDisabled: boolean;
  accepting: boolean;
  hintId: string;
  onAccept: (draft: CheckInDraft) => void;
}) {
  if (state.status === 'off') return null;
  if (state.status === 'loading') {
    return (
      // No live region: the form's own status line is the one that announces (a check-in made).
      <p className="cad-subtle cad-draft cad-draft--pending">{t('draft.loading')}</p>
    );
  }
  if (state.status === 'failed') {
    return <p className="cad-subtle cad-draft cad-draft--pending">{t('draft.failed')}</p>;
  }
  const { draft } = state;
  const day = formatDay(draft.since);
  const unchanged = draftUnchanged(draft, lastCheckIn);
  const lines = draft.changes === null ? [] : changeLines(draft.changes);
  const epics = draft.changes?.epics ?? [];
  return (
    <section className="cad-draft" aria-label={t('draft.title')}>
      <p className="cad-draft__title">
        <strong>{t('draft.title')}</strong> <span className="cad-subtlest">{t('draft.since', { day })}</span>
      </p>
      {unchanged ? (
        <p>{t('draft.nothingChanged', { day })}</p>
      ) : draft.changes === null ? (
        <p className="cad-subtle">{t('draft.noEpics')}</p>
      ) : lines.length === 0 && epics.length === 0 ? (
        <p>{t('draft.note.nothingMoved', { day })}</p>
      ) : (
        <ul className="cad-draft__changes" aria-label={t('draft.changesLabel', { day })}>
          {lines.map((line) => (
            <li key={line.list}>
              {lineCount(line)}:
              <IssueNames issues={line.issues} />
            </li>
          ))}
          {epics.map((epic) => (
            <li key={epic.issueKey}>
              {t('draft.epic')} <IssueLink issueKey={epic.issueKey} /> {epic.summary}:{' '}
              {epic.from === null ? epic.to : `${epic.from} → ${epic.to}`}
            </li>
          ))}
        </ul>
      )}
      {draft.forecast === null ? null : <p className="cad-subtle">{forecastSentence(draft.forecast, metric)}</p>}
      <div className="cad-inline">
        <Button
          appearance="primary"
          disabled={acceptDisabled}
          aria-describedby={hintId}
          onClick={() => {
            onAccept(draft);
          }}
        >
          {accepting ? t('draft.accepting') : t('draft.accept')}
        </Button>
        <span id={hintId} className="cad-subtlest">
          {t('draft.acceptHint', {
            value: formatValue(draft.value, metric),
            confidence: confidenceWords(draft.confidence),
          })}
        </span>
      </div>
    </section>
  );
}

/** Why the form proposes this confidence: the forecast's suggestion, the last check-in's, or the default. */
export const draftConfidenceHint = (draft: CheckInDraft): string =>
  draft.confidenceSource === 'forecast' && draft.forecast !== null
    ? t('draft.source.confidence.forecast', {
        score: formatScore(draft.forecast.score),
        day: formatDay(draft.forecast.by),
      })
    : t(`draft.source.confidence.${draft.confidenceSource === 'forecast' ? 'last' : draft.confidenceSource}`);

/** Where the drafted value comes from. */
export const draftValueHint = (draft: CheckInDraft): string => t(`draft.source.value.${draft.valueSource}`);
