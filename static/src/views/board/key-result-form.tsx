import { useId, useMemo, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { KeyResultView, MetricKind, ObjectiveView, ProgressSource } from '../../../../src/contract';
import { KeyResultSchema } from '../../../../src/contract';
import { keyResultOwnerDefault } from '../../../../src/domain/form-defaults';
import { KEY_RESULTS_PER_OBJECTIVE, lintKeyResultDraft } from '../../../../src/domain/lint';
import { api } from '../../api/client';
import { t } from '../../app/i18n';
import { useRequestId } from '../../api/request-id';
import { useAsync } from '../../api/use-api';
import { Button } from '../../components/button';
import { describeError, fieldErrors } from '../../components/errors';
import { ErrorState, LoadingState } from '../../components/states';
import { FormError, LIMITS, RadioField, SelectField, TextField, tooLong } from './fields';
import { HINT_DELAY_MS } from './objective-form';
import type { PanelProps } from './panel-props';
import { PersonPicker } from './person-picker';
import { QualityHints } from './quality-hints';
import { useDebounced } from '../../components/use-debounced';

const KINDS: readonly MetricKind[] = ['number', 'percent', 'currency', 'binary'];
// A function, not a constant: the words exist only once the catalog has loaded (app/i18n.ts).
const sources = (): { value: ProgressSource; label: string }[] =>
  (['manual', 'initiatives'] as const).map((value) => ({ value, label: t(`editor.keyResultForm.sources.${value}`) }));
const parseKind = (value: string): MetricKind => KINDS.find((k) => k === value) ?? 'number';
/** The weight's upper bound, from the schema (it must also be greater than 0). */
const WEIGHT_MAX = KeyResultSchema.shape.weight.unwrap().maxValue ?? Number.POSITIVE_INFINITY;
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

/**
 * The method's KR count when adding one to an objective outside the recommended range (none, too few, at
 * or past it), in the lint's terms: the rule and the recommendation (src/domain/lint's shape numbers).
 */
function ShapeHint({ count }: { count: number }) {
  const { min, recommendedMax } = KEY_RESULTS_PER_OBJECTIVE;
  if (count >= min && count < recommendedMax) return null;
  return <p className="cad-field__hint">{t('editor.shape.has', { ...KEY_RESULTS_PER_OBJECTIVE, count })}</p>;
}

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
  // A new KR starts with the objective's owner (domain/form-defaults.ts), who answers for the objective.
  const [owner, setOwner] = useState(existing?.ownerAccountId ?? keyResultOwnerDefault(objective, me?.accountId));
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
    if (title.trim() === '') missing.set('title', t('editor.keyResultForm.titleMissing'));
    const longTitle = tooLong(t('editor.keyResultForm.titleWords'), title, LIMITS.keyResultTitle);
    if (longTitle !== undefined) missing.set('title', longTitle);
    if (metric.start === undefined) missing.set('metric.start', t('editor.keyResultForm.startNotNumber'));
    if (metric.target === undefined) missing.set('metric.target', t('editor.keyResultForm.targetNotNumber'));
    if (current.trim() !== '' && metric.current === undefined)
      missing.set('metric.current', t('editor.keyResultForm.currentNotNumber'));
    const longUnit = binary ? undefined : tooLong(t('editor.keyResultForm.unitWords'), unit, LIMITS.unit);
    if (longUnit !== undefined) missing.set('metric.unit', longUnit);
    const weightValue = numberOf(weight);
    if (weightValue === undefined || weightValue <= 0 || weightValue > WEIGHT_MAX)
      missing.set('weight', t('editor.keyResultForm.weightOutOfRange', { max: WEIGHT_MAX }));
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
      aria-label={existing === undefined ? t('editor.panel.newKeyResult') : t('editor.panel.editKeyResult')}
    >
      <p className="cad-subtle">
        {t('editor.keyResultForm.objective')} <strong>{objective.title}</strong>
      </p>
      {existing === undefined ? <ShapeHint count={objective.keyResults.length} /> : null}
      <TextField
        id={`${id}-title`}
        label={t('editor.keyResultForm.title')}
        required
        limit={LIMITS.keyResultTitle}
        value={title}
        onChange={setTitle}
        error={errors.get('title')}
        hint={t('editor.keyResultForm.titleHint')}
        describedBy={`${id}-hints`}
      />
      <QualityHints id={`${id}-hints`} findings={hints} live />
      <SelectField
        id={`${id}-kind`}
        label={t('editor.keyResultForm.kind')}
        value={kind}
        onChange={(v) => {
          setKind(parseKind(v));
        }}
        error={errors.get('metric.kind')}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`editor.keyResultForm.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      {binary ? (
        <RadioField
          id={`${id}-current`}
          label={t('editor.keyResultForm.currentState')}
          value={metric.current === 1 ? '1' : '0'}
          options={[
            { value: '0', label: t('common.value.notDone') },
            { value: '1', label: t('common.value.done') },
          ]}
          onChange={setCurrent}
          error={errors.get('metric.current')}
        />
      ) : (
        <div className="cad-panel-form__grid">
          <TextField
            id={`${id}-start`}
            label={t('editor.keyResultForm.start')}
            type="number"
            required
            value={start}
            onChange={setStart}
            error={errors.get('metric.start')}
          />
          <TextField
            id={`${id}-target`}
            label={t('editor.keyResultForm.target')}
            type="number"
            required
            value={target}
            onChange={setTarget}
            error={errors.get('metric.target')}
          />
          <TextField
            id={`${id}-current`}
            label={t('editor.keyResultForm.current')}
            type="number"
            value={current}
            onChange={setCurrent}
            error={errors.get('metric.current')}
            hint={t('editor.keyResultForm.currentHint')}
          />
          <TextField
            id={`${id}-unit`}
            label={t('editor.keyResultForm.unit')}
            limit={LIMITS.unit}
            value={unit}
            onChange={setUnit}
            error={errors.get('metric.unit')}
            hint={kind === 'currency' ? t('editor.keyResultForm.currencyHint') : t('editor.keyResultForm.unitHint')}
          />
        </div>
      )}
      <TextField
        id={`${id}-weight`}
        label={t('editor.keyResultForm.weight')}
        type="number"
        value={weight}
        onChange={setWeight}
        error={errors.get('weight')}
        hint={t('editor.keyResultForm.weightHint')}
      />
      <RadioField
        id={`${id}-source`}
        label={t('editor.keyResultForm.source')}
        value={source}
        options={sources()}
        onChange={setSource}
        error={errors.get('progressSource')}
      />
      <PersonPicker
        id={`${id}-owner`}
        label={t('editor.keyResultForm.owner')}
        value={owner}
        onChange={setOwner}
        error={errors.get('ownerAccountId')}
      />
      <FormError message={formError} />
      <div className="cad-inline">
        <Button type="submit" appearance="primary" disabled={busy !== undefined}>
          {busy === 'save'
            ? t('editor.keyResultForm.saving')
            : existing === undefined
              ? t('editor.keyResultForm.create')
              : t('editor.keyResultForm.save')}
        </Button>
        <Button
          onClick={() => {
            props.open({ kind: 'objective', objectiveId: objective.id });
          }}
        >
          {t('editor.keyResultForm.cancel')}
        </Button>
      </div>
      {existing === undefined ? null : (
        <div className="cad-inline cad-panel-form__danger">
          {confirmArchive ? (
            <>
              <span className="cad-text">{t('editor.keyResultForm.archiveQuestion')}</span>
              <Button appearance="primary" disabled={busy !== undefined} onClick={archive}>
                {busy === 'archive' ? t('editor.keyResultForm.archiving') : t('editor.keyResultForm.archiveYes')}
              </Button>
              <Button
                onClick={() => {
                  setConfirmArchive(false);
                }}
              >
                {t('editor.keyResultForm.keep')}
              </Button>
            </>
          ) : (
            <Button
              appearance="subtle"
              onClick={() => {
                setConfirmArchive(true);
              }}
            >
              {t('editor.keyResultForm.archive')}
            </Button>
          )}
        </div>
      )}
    </form>
  );
}
