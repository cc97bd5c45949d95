import { useId, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { Cycle, CycleKind } from '../../../../src/contract';
import { proposedCycleWindow } from '../../../../src/domain/form-defaults';
import { api } from '../../api/client';
import { t } from '../../app/i18n';
import { useRequestId } from '../../api/request-id';
import { useAsync } from '../../api/use-api';
import { Button } from '../../components/button';
import { describeError, fieldErrors } from '../../components/errors';
import { ErrorState, LoadingState } from '../../components/states';
import { FormError, LIMITS, RadioField, TextField, tooLong } from './fields';
import type { PanelProps } from './panel-props';

// A function, not a constant: the words exist only once the catalog has loaded (app/i18n.ts).
const kinds = (): { value: CycleKind; label: string }[] => [
  { value: 'quarterly', label: t('editor.cycleForm.quarterly') },
  { value: 'annual', label: t('editor.cycleForm.annual') },
];
const FORM_FIELDS = new Set(['kind', 'name', 'startDate', 'endDate']);

/**
 * A new cycle (OKR admins), its name and dates proposed from the cycles there are (domain/form-defaults.ts
 * proposedCycleWindow: the window after the latest, or today's). Emptied, the backend picks them. It starts
 * in planning; the cycle bar moves it on.
 */
export function CycleForm(props: PanelProps) {
  const cycles = useAsync(() => api['cycles.list']({}), []);
  if (cycles.data === undefined)
    return cycles.status === 'error' ? (
      <ErrorState error={cycles.error} reload={cycles.reload} />
    ) : (
      <LoadingState inline />
    );
  return <CycleFormFields {...props} cycles={cycles.data.cycles} />;
}

function CycleFormFields(props: PanelProps & { cycles: readonly Cycle[] }) {
  const id = useId();
  const [kind, setKindOnly] = useState<CycleKind>('quarterly');
  const [proposed] = useState(() => proposedCycleWindow('quarterly', props.cycles, new Date()));
  const [name, setName] = useState(proposed.name);
  const [startDate, setStartDate] = useState(proposed.startDate);
  const [endDate, setEndDate] = useState(proposed.endDate);
  // Another length proposes its own window, unless the person has typed their own name or dates.
  const [typed, setTyped] = useState(false);
  const setKind = (next: CycleKind) => {
    setKindOnly(next);
    if (typed) return;
    const window = proposedCycleWindow(next, props.cycles, new Date());
    setName(window.name);
    setStartDate(window.startDate);
    setEndDate(window.endDate);
  };
  const edited =
    (set: (value: string) => void) =>
    (value: string): void => {
      setTyped(true);
      set(value);
    };
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [local, setLocal] = useState<ReadonlyMap<string, string>>(new Map());

  const errors = new Map([...fieldErrors(error), ...local]);
  const formError =
    error !== undefined && ![...errors.keys()].some((f) => FORM_FIELDS.has(f)) ? describeError(error) : undefined;

  const requestId = useRequestId();
  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const refused = new Map<string, string>();
    const longName = tooLong(t('editor.cycleForm.nameWords'), name, LIMITS.cycleName);
    if (longName !== undefined) refused.set('name', longName);
    if ((startDate === '') !== (endDate === ''))
      refused.set(startDate === '' ? 'startDate' : 'endDate', t('editor.cycleForm.bothDates'));
    setLocal(refused);
    if (refused.size > 0) return;
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
    <form className="cad-stack cad-panel-form" onSubmit={submit} noValidate aria-label={t('editor.cycleForm.label')}>
      <RadioField
        id={`${id}-kind`}
        label={t('editor.cycleForm.length')}
        value={kind}
        options={kinds()}
        onChange={setKind}
        error={errors.get('kind')}
      />
      <TextField
        id={`${id}-name`}
        label={t('editor.cycleForm.name')}
        limit={LIMITS.cycleName}
        value={name}
        onChange={edited(setName)}
        error={errors.get('name')}
        hint={t('editor.cycleForm.nameHint')}
      />
      <div className="cad-panel-form__grid">
        <TextField
          id={`${id}-start`}
          label={t('editor.cycleForm.starts')}
          type="date"
          value={startDate}
          onChange={edited(setStartDate)}
          error={errors.get('startDate')}
        />
        <TextField
          id={`${id}-end`}
          label={t('editor.cycleForm.ends')}
          type="date"
          value={endDate}
          onChange={edited(setEndDate)}
          error={errors.get('endDate')}
        />
      </div>
      <p className="cad-field__hint">{t('editor.cycleForm.datesHint')}</p>
      <FormError message={formError} />
      <div className="cad-inline">
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? t('editor.cycleForm.creating') : t('editor.cycleForm.create')}
        </Button>
        <Button onClick={props.close}>{t('editor.cycleForm.cancel')}</Button>
      </div>
    </form>
  );
}
