import { useId, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { KpiView } from '../../../src/contract/review';
import { api } from '../api/client';
import { useRequestId } from '../api/request-id';
import { t } from '../app/i18n';
import { Button } from './button';
import { CharCounter, counterShown, tooLong } from './char-counter';
import { CHECK_IN_TEXT_LIMIT } from './check-in-limits';
import { describeError, fieldErrors } from './errors';
import { formatKpiValue, healthWords, parseNumberField } from './kpi-words';
import { useReadOnly } from './read-only';

const FORM_FIELDS = new Set(['value', 'note']);

/**
 * Records a KPI reading, like a check-in: the value and a note (kpis.record, appended). The backend
 * decides health and the move; the confirmation says the new value and its health in words.
 */
export function KpiReadingForm({
  kpi,
  onRecorded,
}: {
  kpi: Pick<KpiView, 'id' | 'name' | 'unit' | 'current'>;
  onRecorded: (kpi: KpiView) => void;
}) {
  const id = useId();
  const [value, setValue] = useState(kpi.current === undefined ? '' : String(kpi.current));
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [localError, setLocalError] = useState<{ value?: string | undefined; note?: string | undefined }>({});
  const [done, setDone] = useState<string | undefined>(undefined);
  const requestId = useRequestId();
  const readOnly = useReadOnly();
  const errors = fieldErrors(error);
  const valueError = localError.value ?? errors.get('value');
  const noteError = localError.note ?? errors.get('note');
  const formError =
    error !== undefined && ![...errors.keys()].some((f) => FORM_FIELDS.has(f)) ? describeError(error) : undefined;

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const number = parseNumberField(value);
    const local = {
      value: number === undefined || Number.isNaN(number) ? t('kpi.reading.valueNotNumber') : undefined,
      note: tooLong(t('kpi.reading.noteWords'), note, CHECK_IN_TEXT_LIMIT),
    };
    setLocalError(local);
    if (number === undefined || local.value !== undefined || local.note !== undefined) return;
    setSaving(true);
    setError(undefined);
    setDone(undefined);
    void api['kpis.record']({
      kpiId: kpi.id,
      value: number,
      requestId: requestId.current(),
      ...(note.trim() === '' ? {} : { note: note.trim() }),
    })
      .then((saved) => {
        requestId.done();
        setNote('');
        setDone(
          t('kpi.reading.done', {
            value: saved.current === undefined ? '' : formatKpiValue(saved.current, saved.unit),
            health: healthWords(saved.health),
          }),
        );
        onRecorded(saved);
      }, setError)
      .finally(() => {
        setSaving(false);
      });
  };

  const unit = kpi.unit?.trim();
  return (
    <form
      className="cad-kpi-form"
      onSubmit={onSubmit}
      aria-label={t('kpi.reading.formLabel', { name: kpi.name })}
      noValidate
    >
      {readOnly === undefined ? null : <p className="cad-field__hint">{readOnly}</p>}
      <fieldset className="cad-fieldset cad-stack" disabled={saving || readOnly !== undefined}>
        <div className="cad-kpi-form__row">
          <div className="cad-field">
            <label className="cad-field__label" htmlFor={`${id}-value`}>
              {unit === undefined || unit === '' ? t('kpi.reading.value') : t('kpi.reading.valueIn', { unit })}
            </label>
            <input
              id={`${id}-value`}
              className="cad-input"
              type="text"
              inputMode="decimal"
              value={value}
              aria-invalid={valueError === undefined ? undefined : true}
              aria-describedby={valueError === undefined ? undefined : `${id}-value-error`}
              onChange={(e) => {
                setValue(e.target.value);
              }}
            />
            {valueError === undefined ? null : (
              <p id={`${id}-value-error`} className="cad-field__error">
                {valueError}
              </p>
            )}
          </div>
        </div>
        <div className="cad-field">
          <label className="cad-field__label" htmlFor={`${id}-note`}>
            {t('kpi.reading.note')}
          </label>
          <textarea
            id={`${id}-note`}
            className="cad-textarea"
            rows={2}
            value={note}
            aria-invalid={noteError === undefined ? undefined : true}
            aria-describedby={
              [
                noteError === undefined ? '' : `${id}-note-error`,
                counterShown(note, CHECK_IN_TEXT_LIMIT) ? `${id}-note-count` : '',
              ]
                .filter(Boolean)
                .join(' ') || undefined
            }
            onChange={(e) => {
              setNote(e.target.value);
            }}
          />
          <CharCounter id={`${id}-note`} value={note} limit={CHECK_IN_TEXT_LIMIT} />
          {noteError === undefined ? null : (
            <p id={`${id}-note-error`} className="cad-field__error">
              {noteError}
            </p>
          )}
        </div>
        <div className="cad-inline">
          <Button type="submit" appearance="primary">
            {saving ? t('kpi.reading.saving') : t('kpi.reading.submit')}
          </Button>
        </div>
      </fieldset>
      <div role="status">{done === undefined ? null : <p className="cad-message cad-message--success">{done}</p>}</div>
      {formError === undefined ? null : (
        <p role="alert" className="cad-message cad-message--error">
          {formError}
        </p>
      )}
    </form>
  );
}
