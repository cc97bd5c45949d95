import { useState } from 'react';
import type { InitiativeView } from '../../../../src/contract';
import { api } from '../../api/client';
import { t } from '../../app/i18n';
import { IssueLink } from '../../app/links';
import { useRequestId } from '../../api/request-id';
import { WriteButton } from '../../components/read-only';
import { describeError } from '../../components/errors';
import { epicProgressWords, restrictedText } from '../../components/initiative-list';
import { Lozenge } from '../../components/lozenge';
import { ProgressBar } from '../../components/progress-bar';
import { LockIcon } from './lock-icon';

/**
 * A KR's linked epics with Unlink for those who may edit. Like the shared InitiativeList, an epic in a
 * project the viewer cannot browse is a placeholder: the backend sends no key, summary or status for it.
 */
export function LinkedEpics({
  initiatives,
  canEdit,
  onChanged,
}: {
  initiatives: readonly InitiativeView[];
  canEdit: boolean;
  onChanged: () => void;
}) {
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const requestId = useRequestId();
  if (initiatives.length === 0) return <p className="cad-subtlest">{t('editor.epics.none')}</p>;

  const unlink = (initiativeId: string) => {
    setBusy(initiativeId);
    setError(undefined);
    api['initiatives.unlink']({ initiativeId, requestId: requestId.current(initiativeId) }).then(
      () => {
        requestId.done(initiativeId);
        setBusy(undefined);
        onChanged();
      },
      (e: unknown) => {
        setBusy(undefined);
        setError(describeError(e));
      },
    );
  };

  return (
    <>
      <ul className="cad-list cad-linked-epics" aria-label={t('editor.epics.linked')}>
        {initiatives.map((i) => {
          const name = i.restricted ? t('editor.epics.restricted') : i.issueKey;
          return (
            <li key={i.id} className="cad-linked-epic" data-restricted={i.restricted ? 'true' : undefined}>
              {i.restricted ? (
                <span className="cad-subtle">
                  <LockIcon /> {restrictedText()}
                </span>
              ) : (
                <>
                  <span className="cad-text">
                    <IssueLink issueKey={i.issueKey} className="cad-issue-key" /> {i.summary}
                  </span>
                  {i.missing ? (
                    <Lozenge appearance="removed">{t('editor.epics.deleted')}</Lozenge>
                  ) : (
                    <Lozenge>{i.statusName}</Lozenge>
                  )}
                  <ProgressBar
                    ratio={i.progress.ratio}
                    label={t('editor.epics.progress', { key: i.issueKey, progress: epicProgressWords(i.progress) })}
                  />
                </>
              )}
              {canEdit ? (
                <WriteButton
                  appearance="subtle"
                  disabled={busy !== undefined}
                  onClick={() => {
                    unlink(i.id);
                  }}
                >
                  {busy === i.id ? t('editor.epics.unlinking') : t('editor.epics.unlink')}
                  <span className="cad-visually-hidden"> {name}</span>
                </WriteButton>
              ) : null}
            </li>
          );
        })}
      </ul>
      {error === undefined ? null : (
        <p className="cad-field__error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
