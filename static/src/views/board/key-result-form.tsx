import { useId, useMemo, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { KeyResultView, MetricKind, ObjectiveView, ProgressSource } from '../../../../src/contract';
import { lintKeyResultDraft } from '../../../../src/domain/lint';
import { api } from '../../api/client';
import { useRequestId } from '../../api/request-id';
import { useAsync } from '../../api/use-api';
import { Button } from '../../components/button';
import { describeError, fieldErrors } from '../../components/errors';
import { ErrorState, LoadingState } from '../../components/states';
import { FormError, RadioField, SelectField, TextField } from './fields';
import { HINT_DELAY_MS } from './objective-form';
import type { PanelProps } from './panel-props';
import { PersonPicker } from './person-picker';
import { QualityHints } from './quality-hints';
import { useDebounced } from './use-debounced';

const KINDS: readonly { value: MetricKind; label: string }[] = [
  { value: 'number', label: 'Number' },
  { value: 'percent', label: 'Percentage' },
  { value: 'currency', label: 'Currency' },
  { value: 'binary', label: 'Done / not done' },
];
const SOURCES: readonly { value: ProgressSource; label: string }[] = [
  { value: 'manual', label: 'Check-ins' },
  { value: 'initiatives', label: 'Linked epics (their child issues)' },
];
const parseKind = (value: string): MetricKind => KINDS.find((k) => k.value === value)?.value ?? 'number';
const FORM_FIELDS = new Set([
  'title',
  'ownerAccountId',
  'weight',
  'progressSource',
  'metric',
  'metric.kind',
  'metric.start',
  'metric.target',
  'metric.current',
  'metric.unit',
]);

/** A number typed in a field, or undefined while it is not one yet (empty, "-", "1e"). */
const numberOf = (text: string): number | undefined => {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
};

/** Creates a KR under an objective, or edits one (loaded with its objective, as objectives.get gives it). */
export function KeyResultForm(props: PanelProps & { objectiveId: string; keyResultId: string | undefined }) {
  const { objectiveId } = props;
  const loaded = useAsync(() => api['objectives.get']({ id: objectiveId }), [objectiveId]);
  if (loaded.data === undefined) {
    return loaded.status === 'error' ? (
      <ErrorState error={loaded.error} reload={loaded.reload} />
    ) : (
      <LoadingState inline />
    );
  }
  const existing =
    props.keyResultId === undefined ? undefined : loaded.data.keyResults.find((k) => k.id === props.keyResultId);
  return <KeyResultFormFields {...props} objective={loaded.data} existing={existing} />;
}

function KeyResultFormFields(props: PanelProps & { objective: ObjectiveView; existing: KeyResultView | undefined }) {
  const { objective, existing, me } = props;
  const id = useId();
  const [title, setTitle] = useState(existing?.title ?? '');
  const [kind, setKind] = useState<MetricKind>(existing?.metric.kind ?? 'number');
  const [start, setStart] = useState(String(existing?.metric.start ?? 0));
  const requestId = useRequestId();
  const [target, setTarget] = useState(existing === undefined ? '' : String(existing.metric.target));
  const [current, setCurrent] = useState(existing === undefined ? '' : String(existing.metric.current));
  const [unit, setUnit] = useState(existing?.metric.unit ?? '');
  const [weight, setWeight] = useState(String(existing?.weight ?? 1));
  const [source, setSource] = useState<ProgressSource>(existing?.progressSource ?? 'manual');
  const [owner, setOwner] = useState(existing?.ownerAccountId ?? me?.accountId);
  const [busy, setBusy] = useState<'save' | 'archive' | undefined>(undefined);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [local, setLocal] = useState<ReadonlyMap<string, string>>(new Map());

  const binary = kind === 'binary';
  // Binary KRs are 0 -> 1 by definition (the contract's rule); the fields lock to it.
  const metric = {
    kind,
    start: binary ? 0 : numberOf(start),
    target: binary ? 1 : numberOf(target),
    current: binary ? (numberOf(current) === 1 ? 1 : 0) : numberOf(current),
    unit: unit.trim() === '' ? undefined : unit.trim(),
  };

  // One object per change of the fields (not per render), so the debounce settles instead of re-arming.
  const typed = useMemo(
    () => ({ title, kind, start, target, current, unit, source }),
    [title, kind, start, target, current, unit, source],
  );
  const draft = useDebounced(typed, HINT_DELAY_MS);
  const hints = useMemo(() => {
    if (draft.title.trim() === '') return [];
    const isBinary = draft.kind === 'binary';
    const from = isBinary ? 0 : numberOf(draft.start);
    const to = isBinary ? 1 : numberOf(draft.target);
    const now = numberOf(draft.current) ?? from;
    return lintKeyResultDraft({
      title: draft.title,
      progressSource: draft.source,
      // The metric rules need a complete metric; until start and target are numbers only the title is checked.
      ...(from === undefined || to === undefined || now === undefined
        ? {}
        : {
            metric: {
              kind: draft.kind,
              start: from,
              target: to,
              current: isBinary ? (now === 1 ? 1 : 0) : now,
              unit: draft.unit.trim() === '' ? undefined : draft.unit.trim(),
            },
          }),
    });
  }, [draft]);

  const errors = new Map([...fieldErrors(error), ...local]);
  const formError =
    error !== undefined && ![...errors.keys()].some((f) => FORM_FIELDS.has(f)) ? describeError(error) : undefined;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = new Map<string, string>();
    if (metric.start === undefined) missing.set('metric.start', 'Enter the starting value as a number.');
    if (metric.target === undefined) missing.set('metric.target', 'Enter the target as a number.');
    if (current.trim() !== '' && metric.current === undefined)
      missing.set('metric.current', 'Enter the current value as a number, or leave it empty.');
    const weightValue = numberOf(weight);
    if (weightValue === undefined) missing.set('weight', 'Enter a weight between 0 and 100.');
    setLocal(missing);
    if (missing.size > 0 || metric.start === undefined || metric.target === undefined || weightValue === undefined)
      return;
    setBusy('save');
    setError(undefined);
    const measured = {
      kind,
      start: metric.start,
      target: metric.target,
      ...(metric.current === undefined ? {} : { current: metric.current }),
      ...(metric.unit === undefined ? {} : { unit: metric.unit }),
    };
    const request =
      existing === undefined
        ? api['keyResults.create']({
            requestId: requestId.current(),
            objectiveId: objective.id,
            title,
            metric: measured,
            weight: weightValue,
            progressSource: source,
            ...(owner === undefined ? {} : { ownerAccountId: owner }),
          })
        : api['keyResults.update']({
            id: existing.id,
            requestId: requestId.current(),
            title,
            // The backend merges the metric: an emptied unit is sent as '' so it is cleared, not kept.
            metric: binary ? measured : { ...measured, unit: unit.trim() },
            weight: weightValue,
            progressSource: source,
            ...(owner === undefined ? {} : { ownerAccountId: owner }),
          });
    request.then(
      () => {
        requestId.done();
        props.saved({ kind: 'objective', objectiveId: objective.id });
      },
      (e: unknown) => {
        setBusy(undefined);
        setError(e);
      },
    );
  };

  const archive = () => {
    if (existing === undefined) return;
    setBusy('archive');
    setError(undefined);
    api['keyResults.archive']({ id: existing.id, requestId: requestId.current('archive') }).then(
      () => {
        requestId.done('archive');
        props.saved({ kind: 'objective', objectiveId: objective.id });
      },
      (e: unknown) => {
        setBusy(undefined);
        setError(e);
      },
    );
  };

  return (
    <form
      className="cad-stack cad-panel-form"
      onSubmit={submit}
      noValidate
      aria-label={existing === undefined ? 'New key result' : 'Edit key result'}
    >
      <p className="cad-subtle">
        Objective: <strong>{objective.title}</strong>
      </p>
      <TextField
        id={`${id}-title`}
        label="Title"
        required
        maxLength={200}
        value={title}
        onChange={setTitle}
        error={errors.get('title')}
        hint="An outcome you can verify, usually “from X to Y”: what changes, not what you will do."
        describedBy={`${id}-hints`}
      />
      <QualityHints id={`${id}-hints`} findings={hints} live />
      <SelectField
        id={`${id}-kind`}
        label="Measured as"
        value={kind}
        onChange={(v) => {
          setKind(parseKind(v));
        }}
        error={errors.get('metric.kind')}
      >
        {KINDS.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
          </option>
        ))}
      </SelectField>
      {binary ? (
        <RadioField
          id={`${id}-current`}
          label="Current state"
          value={metric.current === 1 ? '1' : '0'}
          options={[
            { value: '0', label: 'Not done' },
            { value: '1', label: 'Done' },
          ]}
          onChange={setCurrent}
          error={errors.get('metric.current')}
        />
      ) : (
        <div className="cad-panel-form__grid">
          <TextField
            id={`${id}-start`}
            label="Start"
            type="number"
            required
            value={start}
            onChange={setStart}
            error={errors.get('metric.start')}
          />
          <TextField
            id={`${id}-target`}
            label="Target"
            type="number"
            required
            value={target}
            onChange={setTarget}
            error={errors.get('metric.target')}
          />
          <TextField
            id={`${id}-current`}
            label="Current (optional)"
            type="number"
            value={current}
            onChange={setCurrent}
            error={errors.get('metric.current')}
            hint="Defaults to the start."
          />
          <TextField
            id={`${id}-unit`}
            label="Unit (optional)"
            maxLength={16}
            value={unit}
            onChange={setUnit}
            error={errors.get('metric.unit')}
            hint={kind === 'currency' ? 'Say which currency, e.g. EUR.' : '“%”, “days”, “ms”…'}
          />
        </div>
      )}
      <TextField
        id={`${id}-weight`}
        label="Weight"
        type="number"
        value={weight}
        onChange={setWeight}
        error={errors.get('weight')}
        hint="How much this KR counts in the objective's score, relative to its others (default 1)."
      />
      <RadioField
        id={`${id}-source`}
        label="Progress comes from"
        value={source}
        options={SOURCES}
        onChange={setSource}
        error={errors.get('progressSource')}
      />
      <PersonPicker
        id={`${id}-owner`}
        label="Owner"
        value={owner}
        onChange={setOwner}
        error={errors.get('ownerAccountId')}
      />
      <FormError message={formError} />
      <div className="cad-inline">
        <Button type="submit" appearance="primary" disabled={busy !== undefined}>
          {busy === 'save' ? 'Saving…' : existing === undefined ? 'Create key result' : 'Save key result'}
        </Button>
        <Button
          onClick={() => {
            props.open({ kind: 'objective', objectiveId: objective.id });
          }}
        >
          Cancel
        </Button>
      </div>
      {existing === undefined ? null : (
        <div className="cad-inline cad-panel-form__danger">
          {confirmArchive ? (
            <>
              <span className="cad-text">Archive this key result?</span>
              <Button appearance="primary" disabled={busy !== undefined} onClick={archive}>
                {busy === 'archive' ? 'Archiving…' : 'Yes, archive'}
              </Button>
              <Button
                onClick={() => {
                  setConfirmArchive(false);
                }}
              >
                Keep it
              </Button>
            </>
          ) : (
            <Button
              appearance="subtle"
              onClick={() => {
                setConfirmArchive(true);
              }}
            >
              Archive key result…
            </Button>
          )}
        </div>
      )}
    </form>
  );
}
