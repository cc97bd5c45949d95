import { useId } from 'react';
import { t } from '../app/i18n';
import type { ReactNode } from 'react';
import './base.css';

/**
 * Labelled native form controls in the Atlassian look (keyboard and screen-reader behaviour of the
 * platform, no dependency). Each takes its label, an optional hint and an error shown inline and tied
 * to the control with aria-describedby.
 */

export interface Option<V extends string = string> {
  value: V;
  label: string;
  disabled?: boolean;
}

const describedBy = (...ids: (string | false)[]): string | undefined => ids.filter(Boolean).join(' ') || undefined;

export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
  placeholder,
  hint,
  error,
  disabled = false,
  autoFocus = false,
}: {
  label: string;
  value: V | '';
  options: readonly Option<V>[];
  onChange: (value: V) => void;
  /** Shown (and not selectable) while nothing is chosen. */
  placeholder?: string;
  hint?: ReactNode;
  error?: string | undefined;
  disabled?: boolean;
  /** For a field that opens in response to a click (a picker): focus goes to it, not back to the top. */
  autoFocus?: boolean;
}) {
  const id = useId();
  return (
    <div className="cad-field">
      <label className="cad-field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="cad-select"
        value={value}
        disabled={disabled}
        autoFocus={autoFocus}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error !== undefined && `${id}-error`)}
        onChange={(e) => {
          const chosen = options.find((o) => o.value === e.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {placeholder !== undefined || !options.some((o) => o.value === value) ? (
          <option value="" disabled>
            {placeholder ?? t('components.fields.choose')}
          </option>
        ) : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/** A field's hint and inline error, under it; their ids are what aria-describedby names (`<id>-hint`, `<id>-error`). */
function FieldNotes({ id, hint, error }: { id: string; hint?: ReactNode; error?: string | undefined }) {
  return (
    <>
      {hint === undefined ? null : (
        <p id={`${id}-hint`} className="cad-field__hint">
          {hint}
        </p>
      )}
      {error === undefined ? null : (
        <p id={`${id}-error`} className="cad-field__error">
          {error}
        </p>
      )}
    </>
  );
}

/** A text or number box with its label, an optional hint and an inline error. */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  hint,
  numeric = false,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  hint?: string;
  numeric?: boolean;
}) {
  return (
    <div className="cad-field">
      <label className="cad-field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="cad-input"
        type="text"
        inputMode={numeric ? 'decimal' : undefined}
        value={value}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, error !== undefined && `${id}-error`)}
        onChange={(e) => {
          onChange(e.target.value);
        }}
      />
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

export function RadioGroupField<V extends string>({
  legend,
  value,
  options,
  onChange,
  hint,
}: {
  legend: string;
  value: V;
  options: readonly (Option<V> & { description?: string })[];
  onChange: (value: V) => void;
  hint?: ReactNode;
}) {
  const name = useId();
  return (
    <fieldset className="cad-fieldset cad-field">
      <legend className="cad-fieldset__legend">{legend}</legend>
      {hint === undefined ? null : <p className="cad-field__hint">{hint}</p>}
      <div className="cad-radios cad-radios--stacked">
        {options.map((o) => (
          <label className="cad-radio" key={o.value}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              disabled={o.disabled}
              onChange={() => {
                onChange(o.value);
              }}
            />
            <span>
              {o.label}
              {o.description === undefined ? null : <span className="cad-subtlest"> — {o.description}</span>}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function CheckboxField({
  label,
  checked,
  onChange,
  disabled = false,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  return (
    <label className="cad-checkbox">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => {
          onChange(e.target.checked);
        }}
      />
      {label}
    </label>
  );
}
