import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { Cycle } from '../../../../src/contract';
import { api } from '../../api/client';
import { useRequestId } from '../../api/request-id';
import { useAsync } from '../../api/use-api';
import { Button } from '../../components/button';
import { currentCycle } from '../../components/cycles';
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
    <form className="cad-card" onSubmit={submit} aria-label={`Link ${issueKey} to a key result`}>
      <h3 className="cad-heading-xsmall">Link {issueKey} to a key result</h3>
      <SelectField
        label="Cycle"
        value={cycleId}
        options={cycles.map((c) => ({ value: c.id, label: `${c.name} (${c.status})` }))}
        onChange={(v) => {
          setCycleId(v);
          setObjectiveId('');
          setKeyResultId('');
        }}
        placeholder="Choose a cycle"
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
          placeholder="Choose an objective"
          hint="You can link epics to objectives you own or your team owns; the others are greyed out."
          disabledWhy={(hit) => (hit.canEdit ? undefined : 'not yours to edit')}
        />
      )}
      {objectiveId === '' ? null : objective.status === 'loading' ? (
        <LoadingState inline label="Loading key results…" />
      ) : (
        <SelectField
          label="Key result"
          value={keyResultId}
          options={keyResults.map((kr) => ({
            value: kr.id,
            label: linkedKeyResultIds.includes(kr.id) ? `${kr.title} (already linked)` : kr.title,
            disabled: linkedKeyResultIds.includes(kr.id),
          }))}
          onChange={setKeyResultId}
          placeholder={keyResults.length === 0 ? 'This objective has no active key result' : 'Choose a key result'}
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
          {saving ? 'Linking…' : 'Link epic'}
        </Button>
        <Button
          appearance="subtle"
          onClick={() => {
            onDone(false);
          }}
        >
          Cancel
        </Button>
      </div>
    </form>
  );
}
