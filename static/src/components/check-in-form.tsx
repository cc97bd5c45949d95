import { useEffect, useId, useRef, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { ApiOutput, CheckIn, CheckInDraft, Confidence, KeyResult } from '../../../src/contract';
import { currentLocale, t } from '../app/i18n';
import { api } from '../api/client';
import { useRequestId } from '../api/request-id';
import { Button } from './button';
import { CheckInDraftSummary, draftConfidenceHint, draftValueHint, useCheckInDraft } from './check-in-draft';
import { draftNote } from './draft-note';
import { describeError, fieldErrors } from './errors';
import { confidenceWords, CONFIDENCES, formatValue } from './format';
import { CharCounter, counterShown, tooLong } from './char-counter';
import { CHECK_IN_TEXT_LIMIT } from './check-in-limits';
import { useReadOnly } from './read-only';
import './check-in-form.css';

/** What the form needs of a KR: KeyResultView fits as-is. */
export interface CheckInTarget {
  id: string;
  title: string;
  metric: KeyResult['metric'];
  progressSource: KeyResult['progressSource'];
  lastCheckIn?: Pick<CheckIn, 'value' | 'confidence'> | undefined;
  /** From the backend: whether this viewer may check in now. */
  canCheckIn: boolean;
}

type Submitting = 'none' | 'check-in' | 'no-change' | 'accept';
type Drafted = 'value' | 'confidence' | 'note';
const DONE_WORDS = {
  'check-in': 'components.checkIn.done',
  'no-change': 'components.checkIn.doneNoChange',
  accept: 'draft.accepted',
} as const;
const FORM_FIELDS = new Set(['value', 'confidence', 'note', 'blockers']);

/**
 * The weekly check-in on one KR: new value, confidence, note and blockers, or one click on "No change"
 * to re-submit the last value and confidence (with any note typed). For someone who may check in, it
 * opens with a draft from Jira (checkIns.draft): the fields are pre-filled with it (a field already
 * touched is left alone) and "Accept draft" checks it in as drafted in one action. The rules are the backend's:
 * checkIns.create decides, and its field errors (ApiCallError.field / issues) show next to the field
 * they name. When the viewer may not check in, the form is disabled and says why (`disabledReason`).
 */
export function CheckInForm({
  keyResult,
  disabledReason,
  onCheckedIn,
}: {
  keyResult: CheckInTarget;
  disabledReason?: string;
  onCheckedIn?: (result: ApiOutput<'checkIns.create'>) => void;
}) {
  const id = useId();
  const { metric, lastCheckIn } = keyResult;
  const binary = metric.kind === 'binary';
  const measured = keyResult.progressSource === 'initiatives';
  const [value, setValue] = useState(String(lastCheckIn?.value ?? metric.current));
  const [confidence, setConfidence] = useState<Confidence>(lastCheckIn?.confidence ?? 'on_track');
  const [note, setNote] = useState('');
  const [blockers, setBlockers] = useState('');
  const [submitting, setSubmitting] = useState<Submitting>('none');
  const [error, setError] = useState<unknown>(undefined);
  const [localError, setLocalError] = useState<string | undefined>(undefined);
  // A note or blockers over the limit is refused here, in words, before anything is sent.
  const [longText, setLongText] = useState<{ note?: string | undefined; blockers?: string | undefined }>({});
  const [done, setDone] = useState<string | undefined>(undefined);
  const requestId = useRequestId();

  // Read-only installations refuse every write: the form stays visible, disabled, and says why.
  const readOnly = useReadOnly();
  const disabled = readOnly !== undefined || !keyResult.canCheckIn;

  // The draft speaks for this week until a check-in is made here; after that the form is as it always was.
  const draftState = useCheckInDraft(keyResult.id, !disabled);
  const [used, setUsed] = useState(false);
  const usedRef = useRef(false);
  const draft: CheckInDraft | undefined = draftState.status === 'ready' && !used ? draftState.draft : undefined;
  const touched = useRef(new Set<Drafted>());
  const touch = (field: Drafted) => {
    touched.current.add(field);
  };
  useEffect(() => {
    // A draft that lands after a check-in made here is last week's news.
    if (draftState.status !== 'ready' || usedRef.current) return;
    const d = draftState.draft;
    if (!touched.current.has('value')) setValue(String(d.value));
    if (!touched.current.has('confidence')) setConfidence(d.confidence);
    if (!touched.current.has('note')) setNote(draftNote(d, metric, lastCheckIn));
    // Only a newly arrived draft pre-fills; the metric's unit does not change under an open form.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftState]);
  const shownMeasured = draft === undefined ? metric.current : draft.value;
  const errors = fieldErrors(error);
  const valueError = localError ?? errors.get('value');
  const formError =
    error !== undefined && ![...errors.keys()].some((f) => FORM_FIELDS.has(f)) ? describeError(error) : undefined;

  const send = async (
    kind: Exclude<Submitting, 'none'>,
    payload: { value: number; confidence: Confidence; note: string },
  ) => {
    const long = {
      note: tooLong(t('components.checkIn.noteWords'), payload.note, CHECK_IN_TEXT_LIMIT),
      blockers: tooLong(t('components.checkIn.blockersWords'), blockers, CHECK_IN_TEXT_LIMIT),
    };
    setLongText(long);
    if (long.note !== undefined || long.blockers !== undefined) return;
    setSubmitting(kind);
    setError(undefined);
    setDone(undefined);
    try {
      const result = await api['checkIns.create']({
        keyResultId: keyResult.id,
        requestId: requestId.current(),
        confidence: payload.confidence,
        // A KR measured from its epics takes its value from them: the backend refuses one typed over it.
        ...(measured ? {} : { value: payload.value }),
        ...(payload.note.trim() === '' ? {} : { note: payload.note.trim() }),
        ...(blockers.trim() === '' ? {} : { blockers: blockers.trim() }),
      });
      requestId.done();
      usedRef.current = true;
      setUsed(true);
      setNote('');
      setBlockers('');
      setValue(String(result.checkIn.value));
      setConfidence(result.checkIn.confidence);
      setDone(
        t(DONE_WORDS[kind], {
          value: formatValue(result.checkIn.value, metric),
          confidence: confidenceWords(result.checkIn.confidence),
        }),
      );
      onCheckedIn?.(result);
    } catch (e: unknown) {
      setError(e);
    } finally {
      setSubmitting('none');
    }
  };

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const number = measured ? metric.current : Number(value.trim());
    if (!measured && (value.trim() === '' || !Number.isFinite(number))) {
      setLocalError(t('components.checkIn.valueNotNumber'));
      return;
    }
    setLocalError(undefined);
    void send('check-in', { value: number, confidence, note });
  };

  const ids = {
    reason: `${id}-reason`,
    value: `${id}-value`,
    valueError: `${id}-value-error`,
    valueHint: `${id}-value-hint`,
    note: `${id}-note`,
    blockers: `${id}-blockers`,
    noChange: `${id}-no-change`,
    accept: `${id}-accept`,
    confidenceHint: `${id}-confidence-hint`,
  };
  const unit = metric.unit?.trim();

  return (
    <form
      className="cad-check-in"
      onSubmit={onSubmit}
      aria-label={t('components.checkIn.formLabel', { title: keyResult.title })}
      noValidate
    >
      {disabled ? (
        <p id={ids.reason} className="cad-field__hint cad-check-in__reason">
          {readOnly ?? disabledReason ?? t('components.checkIn.blocked.default')}
        </p>
      ) : null}
      <CheckInDraftSummary
        state={used ? { status: 'off' } : draftState}
        metric={metric}
        lastCheckIn={lastCheckIn}
        acceptDisabled={disabled || submitting !== 'none'}
        accepting={submitting === 'accept'}
        hintId={ids.accept}
        onAccept={(d) => {
          void send('accept', { value: d.value, confidence: d.confidence, note: draftNote(d, metric, lastCheckIn) });
        }}
      />
      <fieldset
        className="cad-fieldset cad-check-in__fields"
        disabled={disabled || submitting !== 'none'}
        aria-describedby={disabled ? ids.reason : undefined}
      >
        <div className="cad-check-in__row">
          {binary ? (
            <fieldset className="cad-fieldset">
              <legend className="cad-fieldset__legend">{t('components.checkIn.currentValue')}</legend>
              <div className="cad-radios">
                {[0, 1].map((v) => (
                  <label className="cad-radio" key={v}>
                    <input
                      type="radio"
                      name={`${id}-binary`}
                      value={v}
                      checked={value === String(v)}
                      onChange={() => {
                        touch('value');
                        setValue(String(v));
                      }}
                    />
                    {v === 1 ? t('common.value.done') : t('common.value.notDone')}
                  </label>
                ))}
              </div>
            </fieldset>
          ) : (
            <div className="cad-field cad-check-in__value">
              <label className="cad-field__label" htmlFor={ids.value}>
                {unit === undefined || unit === ''
                  ? t('components.checkIn.currentValue')
                  : t('components.checkIn.currentValueIn', { unit })}
              </label>
              <input
                id={ids.value}
                className="cad-input"
                type="number"
                inputMode="decimal"
                step="any"
                value={measured ? String(shownMeasured) : value}
                readOnly={measured}
                aria-invalid={valueError === undefined ? undefined : true}
                aria-describedby={
                  [valueError === undefined ? '' : ids.valueError, measured ? ids.valueHint : '']
                    .filter(Boolean)
                    .join(' ') || undefined
                }
                onChange={(e) => {
                  touch('value');
                  setValue(e.target.value);
                }}
              />
              {measured ? (
                <p id={ids.valueHint} className="cad-field__hint">
                  {draft === undefined ? t('components.checkIn.measured') : draftValueHint(draft)}
                </p>
              ) : null}
              {valueError === undefined ? null : (
                <p id={ids.valueError} className="cad-field__error">
                  {valueError}
                </p>
              )}
            </div>
          )}
          <fieldset className="cad-fieldset" aria-describedby={draft === undefined ? undefined : ids.confidenceHint}>
            <legend className="cad-fieldset__legend">{t('components.checkIn.confidence')}</legend>
            <div className="cad-radios">
              {CONFIDENCES.map((c) => (
                <label className="cad-radio" key={c}>
                  <input
                    type="radio"
                    name={`${id}-confidence`}
                    value={c}
                    checked={confidence === c}
                    onChange={() => {
                      touch('confidence');
                      setConfidence(c);
                    }}
                  />
                  {confidenceWords(c)}
                </label>
              ))}
            </div>
            {draft === undefined ? null : (
              <p id={ids.confidenceHint} className="cad-field__hint">
                {draftConfidenceHint(draft)}
              </p>
            )}
            {errors.has('confidence') ? <p className="cad-field__error">{errors.get('confidence')}</p> : null}
          </fieldset>
        </div>
        <div className="cad-check-in__row">
          <TextArea
            id={ids.note}
            label={t('components.checkIn.note')}
            value={note}
            onChange={(text) => {
              touch('note');
              setNote(text);
            }}
            error={longText.note ?? errors.get('note')}
          />
          <TextArea
            id={ids.blockers}
            label={t('components.checkIn.blockers')}
            value={blockers}
            onChange={setBlockers}
            error={longText.blockers ?? errors.get('blockers')}
          />
        </div>
        <div className="cad-inline">
          {/* One primary action: "Accept draft" while there is a draft. */}
          <Button type="submit" appearance={draft === undefined ? 'primary' : 'default'}>
            {submitting === 'check-in' ? t('components.checkIn.submitting') : t('components.checkIn.submit')}
          </Button>
          {lastCheckIn === undefined ? null : (
            <>
              <Button
                aria-describedby={ids.noChange}
                onClick={() => {
                  void send('no-change', { value: lastCheckIn.value, confidence: lastCheckIn.confidence, note });
                }}
              >
                {submitting === 'no-change' ? t('components.checkIn.submitting') : t('components.checkIn.noChange')}
              </Button>
              <span id={ids.noChange} className="cad-subtlest">
                {t('components.checkIn.repeats', {
                  value: formatValue(lastCheckIn.value, metric),
                  confidence: confidenceWords(lastCheckIn.confidence).toLocaleLowerCase(currentLocale()),
                })}
              </span>
            </>
          )}
        </div>
      </fieldset>
      <div role="status" className="cad-check-in__status">
        {done === undefined ? null : <p className="cad-message cad-message--success">{done}</p>}
      </div>
      {formError === undefined ? null : (
        <p role="alert" className="cad-message cad-message--error">
          {formError}
        </p>
      )}
    </form>
  );
}

/** A note or blockers box: counts down to the backend's limit and lets a paste run over it (never cut silently). */
function TextArea({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}) {
  const describedBy =
    [error === undefined ? '' : `${id}-error`, counterShown(value, CHECK_IN_TEXT_LIMIT) ? `${id}-count` : '']
      .filter(Boolean)
      .join(' ') || undefined;
  return (
    <div className="cad-field">
      <label className="cad-field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        className="cad-textarea"
        // Room for a drafted note (a few lines) without a scroll; never more than five.
        rows={Math.min(5, Math.max(2, Math.ceil(value.length / 45)))}
        value={value}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      />
      <CharCounter id={id} value={value} limit={CHECK_IN_TEXT_LIMIT} />
      {error === undefined ? null : (
        <p id={`${id}-error`} className="cad-field__error">
          {error}
        </p>
      )}
    </div>
  );
}
