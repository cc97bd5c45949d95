import { useId, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { KpiDirection, KpiView } from '../../../src/contract/review';
import { api } from '../api/client';
import { useRequestId } from '../api/request-id';
import { t } from '../app/i18n';
import { Button } from './button';
import { describeError, fieldErrors } from './errors';
import { SelectField, TextField } from './fields';
import { DIRECTIONS, directionWords, parseNumberField, rangeProblem } from './kpi-words';
import { useReadOnly } from './read-only';

const FORM_FIELDS = new Set(['name', 'unit', 'direction', 'healthy', 'healthy.min', 'healthy.max']);

const numberText = (n: number | undefined): string => (n === undefined ? '' : String(n));

/**
 * Adds a KPI to a team (no `kpi`) or changes one: name, unit, direction and healthy range (at least one
 * bound). kpis.save decides; its field errors show beside the field they name.
 */
export function KpiEditForm({
  kpi,
  teamId,
  onSaved,
  onCancel,
}: {
  kpi?: KpiView | undefined;
  teamId: string | undefined;
  onSaved: (kpi: KpiView) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const [name, setName] = useState(kpi?.name ?? '');
  const [unit, setUnit] = useState(kpi?.unit ?? '');
  const [direction, setDirection] = useState<KpiDirection>(kpi?.direction ?? 'within');
  const [min, setMin] = useState(numberText(kpi?.healthy.min));
  const [max, setMax] = useState(numberText(kpi?.healthy.max));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [local, setLocal] = useState<{ field: string; words: string } | undefined>(undefined);
  const requestId = useRequestId();
  const readOnly = useReadOnly();
  const errors = fieldErrors(error);
  const errorOf = (field: string): string | undefined =>
    local?.field === field ? local.words : (errors.get(field) ?? errors.get(`healthy.${field}`));
  const formError =
    error !== undefined && ![...errors.keys()].some((f) => FORM_FIELDS.has(f)) ? describeError(error) : undefined;

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const low = parseNumberField(min);
    const high = parseNumberField(max);
    const problem = name.trim() === '' ? { field: 'name', words: t('kpi.form.needName') } : rangeProblem(low, high);
    setLocal(problem);
    if (problem !== undefined) return;
    setSaving(true);
    setError(undefined);
    void api['kpis.save']({
      ...(kpi === undefined ? {} : { id: kpi.id }),
      ...(teamId === undefined ? {} : { teamId }),
      name: name.trim(),
      ...(unit.trim() === '' ? {} : { unit: unit.trim() }),
      direction,
      healthy: { ...(low === undefined ? {} : { min: low }), ...(high === undefined ? {} : { max: high }) },
      requestId: requestId.current(),
    })
      .then((saved) => {
        requestId.done();
        onSaved(saved);
      }, setError)
      .finally(() => {
        setSaving(false);
      });
  };

  const label = kpi === undefined ? t('kpi.form.addLabel') : t('kpi.form.editLabel', { name: kpi.name });
  return (
    <form className="cad-kpi-form" onSubmit={onSubmit} aria-label={label} noValidate>
      {readOnly === undefined ? null : <p className="cad-field__hint">{readOnly}</p>}
      <fieldset className="cad-fieldset cad-stack" disabled={saving || readOnly !== undefined}>
        <div className="cad-kpi-form__row">
          <TextField
            id={`${id}-name`}
            label={t('kpi.form.name')}
            value={name}
            onChange={setName}
            error={errorOf('name')}
          />
          <TextField
            id={`${id}-unit`}
            label={t('kpi.form.unit')}
            hint={t('kpi.form.unitHint')}
            value={unit}
            onChange={setUnit}
            error={errorOf('unit')}
          />
        </div>
        <SelectField
          label={t('kpi.form.direction')}
          value={direction}
          options={DIRECTIONS.map((d) => ({ value: d, label: directionWords(d) }))}
          onChange={setDirection}
          error={errorOf('direction')}
        />
        <fieldset className="cad-fieldset cad-stack">
          <legend className="cad-fieldset__legend">{t('kpi.form.range')}</legend>
          <p className="cad-field__hint">{t('kpi.form.rangeHint')}</p>
          <div className="cad-kpi-form__row">
            <TextField
              id={`${id}-min`}
              label={t('kpi.form.min')}
              value={min}
              onChange={setMin}
              error={errorOf('min')}
              numeric
            />
            <TextField
              id={`${id}-max`}
              label={t('kpi.form.max')}
              value={max}
              onChange={setMax}
              error={errorOf('max')}
              numeric
            />
          </div>
        </fieldset>
        <div className="cad-inline">
          <Button type="submit" appearance="primary">
            {saving ? t('kpi.form.saving') : kpi === undefined ? t('kpi.form.add') : t('kpi.form.save')}
          </Button>
          <Button onClick={onCancel}>{t('kpi.form.cancel')}</Button>
        </div>
      </fieldset>
      {formError === undefined ? null : (
        <p role="alert" className="cad-message cad-message--error">
          {formError}
        </p>
      )}
    </form>
  );
}
