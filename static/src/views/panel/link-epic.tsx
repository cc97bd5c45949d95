import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { Cycle } from '../../../../src/contract';
import { t } from '../../app/i18n';
import { api } from '../../api/client';
import { useRequestId } from '../../api/request-id';
import { useAsync } from '../../api/use-api';
import { Button } from '../../components/button';
import { currentCycle, cycleOptionLabel } from '../../components/cycles';
import { describeError, fieldErrors } from '../../components/errors';
import { SelectField } from '../../components/fields';
import { LoadingState } from '../../components/states';
import { ObjectivePicker } from '../pickers/objective-picker';

/**
 * "Link this epic to a KR": pick a cycle, then an objective (searched as people type in the whole cycle
 * with objectives.search; only those the viewer may edit can take a link), then one of its KRs (objectives.get), and link with
 * initiatives.link. The backend checks the epic (ISSUE_NOT_LINKABLE) and duplicates; those errors show
 * next to the KR picker.
 */
export default function LinkEpic({
  issueKey,
  cycles,
  linkedKeyResultIds,
  onDone,
}: {
  issueKey: string;
  cycles: readonly Cycle[];
  linkedKeyResultIds: readonly string[];
  onDone: (linked: boolean) => void;
}) {
  const [cycleId, setCycleId] = useState(currentCycle(cycles)?.id ?? '');
  const [objectiveId, setObjectiveId] = useState('');
  const [keyResultId, setKeyResultId] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const objective = useAsync(
    () => (objectiveId === '' ? Promise.resolve(undefined) : api['objectives.get']({ id: objectiveId })),
    [objectiveId],
  );

  const keyResults = (objective.data?.id === objectiveId ? objective.data.keyResults : []).filter(
    (kr) => kr.status === 'active',
  );
  const errors = fieldErrors(error);
  const krError = errors.get('issueKey') ?? errors.get('keyResultId');
  const formError = error !== undefined && krError === undefined ? describeError(error) : undefined;

  const requestId = useRequestId();
  const submit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (keyResultId === '') {
      setError(undefined);
      return;
    }
    setSaving(true);
    setError(undefined);
    api['initiatives.link']({ keyResultId, issueKey, requestId: requestId.current(keyResultId) }).then(
      () => {
        requestId.done(keyResultId);
        onDone(true);
      },
      (e: unknown) => {
        setError(e);
        setSaving(false);
      },
    );
  };

  return (
    <form className="cad-card" onSubmit={submit} aria-label={t('panel.link.title', { key: issueKey })}>
      <h3 className="cad-heading-xsmall">{t('panel.link.title', { key: issueKey })}</h3>
      <SelectField
        label={t('panel.link.cycle')}
        value={cycleId}
        options={cycles.map((c) => ({ value: c.id, label: cycleOptionLabel(c) }))}
        onChange={(v) => {
          setCycleId(v);
          setObjectiveId('');
          setKeyResultId('');
        }}
        placeholder={t('panel.link.chooseCycle')}
        autoFocus
      />
      {cycleId === '' ? null : (
        <ObjectivePicker
          key={cycleId}
          cycleId={cycleId}
          value={objectiveId}
          onChange={(hit) => {
            setObjectiveId(hit.id);
            setKeyResultId('');
          }}
          placeholder={t('panel.link.chooseObjective')}
          hint={t('panel.link.objectiveHint')}
          disabledWhy={(hit) => (hit.canEdit ? undefined : t('panel.link.notYours'))}
        />
      )}
      {objectiveId === '' ? null : objective.status === 'loading' ? (
        <LoadingState inline label={t('panel.loadingKeyResults')} />
      ) : (
        <SelectField
          label={t('panel.link.keyResult')}
          value={keyResultId}
          options={keyResults.map((kr) => ({
            value: kr.id,
            label: linkedKeyResultIds.includes(kr.id) ? t('panel.link.alreadyLinked', { title: kr.title }) : kr.title,
            disabled: linkedKeyResultIds.includes(kr.id),
          }))}
          onChange={setKeyResultId}
          placeholder={keyResults.length === 0 ? t('panel.link.noKeyResults') : t('panel.link.chooseKeyResult')}
          error={krError}
        />
      )}
      {formError === undefined ? null : (
        <p role="alert" className="cad-message cad-message--error">
          {formError}
        </p>
      )}
      <div className="cad-inline">
        <Button type="submit" appearance="primary" disabled={keyResultId === '' || saving}>
          {saving ? t('panel.link.linking') : t('panel.link.submit')}
        </Button>
        <Button
          appearance="subtle"
          onClick={() => {
            onDone(false);
          }}
        >
          {t('panel.link.cancel')}
        </Button>
      </div>
    </form>
  );
}
