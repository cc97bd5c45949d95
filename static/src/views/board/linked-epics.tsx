import { useState } from 'react';
import type { InitiativeView } from '../../../../src/contract';
import { api } from '../../api/client';
import { useRequestId } from '../../api/request-id';
import { WriteButton } from '../../components/read-only';
import { describeError } from '../../components/errors';
import { epicProgressWords, RESTRICTED_TEXT } from '../../components/initiative-list';
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
  if (initiatives.length === 0) return <p className="cad-subtlest">No epics linked.</p>;

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
      <ul className="cad-list cad-linked-epics" aria-label="Linked epics">
        {initiatives.map((i) => {
          const name = i.restricted ? 'restricted epic' : i.issueKey;
          return (
            <li
              key={i.id}
              className="cad-linked-epic"
              data-restricted={i.restricted ? 'true' : undefined}
              data-issue-key={i.restricted ? undefined : i.issueKey}
            >
              {i.restricted ? (
                <span className="cad-subtle">
                  <LockIcon /> {RESTRICTED_TEXT}
                </span>
              ) : (
                <>
                  <span className="cad-text">
                    <strong>{i.issueKey}</strong> {i.summary}
                  </span>
                  {i.missing ? (
                    <Lozenge appearance="removed">Deleted in Jira</Lozenge>
                  ) : (
                    <Lozenge>{i.statusName}</Lozenge>
                  )}
                  <ProgressBar ratio={i.progress.ratio} label={`${i.issueKey}: ${epicProgressWords(i.progress)}`} />
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
                  {busy === i.id ? 'Unlinking…' : 'Unlink'}
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
