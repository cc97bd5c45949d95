import { useId, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { CycleKind } from '../../../../src/contract';
import { api } from '../../api/client';
import { useRequestId } from '../../api/request-id';
import { Button } from '../../components/button';
import { describeError, fieldErrors } from '../../components/errors';
import { FormError, RadioField, TextField } from './fields';
import type { PanelProps } from './panel-props';

const KINDS: readonly { value: CycleKind; label: string }[] = [
  { value: 'quarterly', label: 'Quarter' },
  { value: 'annual', label: 'Year' },
];
const FORM_FIELDS = new Set(['kind', 'name', 'startDate', 'endDate']);

/**
 * A new cycle (site admins). Name and dates are optional: the backend then takes the quarter (or year)
 * after the latest cycle. It starts in planning; the cycle bar moves it on.
 */
export function CycleForm(props: PanelProps) {
  const id = useId();
  const [kind, setKind] = useState<CycleKind>('quarterly');
  const [name, setName] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [local, setLocal] = useState<string | undefined>(undefined);

  const errors = fieldErrors(error);
  const formError =
    error !== undefined && ![...errors.keys()].some((f) => FORM_FIELDS.has(f)) ? describeError(error) : undefined;

  const requestId = useRequestId();
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if ((startDate === '') !== (endDate === '')) {
      setLocal('Give both dates, or neither.');
      return;
    }
    setLocal(undefined);
    setBusy(true);
    setError(undefined);
    api['cycles.create']({
      requestId: requestId.current(),
      kind,
      ...(name.trim() === '' ? {} : { name: name.trim() }),
      ...(startDate === '' ? {} : { startDate, endDate }),
    }).then(
      (cycle) => {
        requestId.done();
        props.cycleSaved(cycle);
        props.close();
      },
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };

  return (
    <form className="cad-stack cad-panel-form" onSubmit={submit} noValidate aria-label="New cycle">
      <RadioField
        id={`${id}-kind`}
        label="Length"
        value={kind}
        options={KINDS}
        onChange={setKind}
        error={errors.get('kind')}
      />
      <TextField
        id={`${id}-name`}
        label="Name (optional)"
        maxLength={80}
        value={name}
        onChange={setName}
        error={errors.get('name')}
        hint="Left empty, it is named after its dates, e.g. “Q3 2025”."
      />
      <div className="cad-panel-form__grid">
        <TextField
          id={`${id}-start`}
          label="Starts (optional)"
          type="date"
          value={startDate}
          onChange={setStartDate}
          error={errors.get('startDate')}
        />
        <TextField
          id={`${id}-end`}
          label="Ends (optional)"
          type="date"
          value={endDate}
          onChange={setEndDate}
          error={local ?? errors.get('endDate')}
        />
      </div>
      <p className="cad-field__hint">Without dates it follows the latest cycle.</p>
      <FormError message={formError} />
      <div className="cad-inline">
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create cycle'}
        </Button>
        <Button onClick={props.close}>Cancel</Button>
      </div>
    </form>
  );
}
