import type { ReactNode } from 'react';
import { CycleFields, KeyResultSchema, MetricFields, ObjectiveFields } from '../../../../src/contract';
import { CharCounter as Counter, counterShown } from '../../components/char-counter';

/**
 * Labelled form fields in the shared look (base.css): the label names the control, and the server's
 * error or a hint sits under it, tied to it by aria-describedby so screen readers read both.
 */
interface FieldBase {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** More ids the control is described by (the live quality hints under a title). */
  describedBy?: string;
}

/** A schema's max length; every text field the forms limit has one (0 would say a schema lost it). */
const maxOf = (schema: { maxLength: number | null }): number => schema.maxLength ?? 0;

export { countedLength, counterShown, counterWords, tooLong } from '../../components/char-counter';

/** The backend's text limits, read from the contract's schemas rather than restated here. */
export const LIMITS = {
  objectiveTitle: maxOf(ObjectiveFields.shape.title),
  objectiveDescription: maxOf(ObjectiveFields.shape.description.unwrap()),
  keyResultTitle: maxOf(KeyResultSchema.shape.title),
  unit: maxOf(MetricFields.shape.unit.unwrap()),
  cycleName: maxOf(CycleFields.shape.name),
} as const;

const describedBy = (f: FieldBase, counter = false): string | undefined =>
  [
    f.error === undefined ? '' : `${f.id}-error`,
    f.hint === undefined ? '' : `${f.id}-hint`,
    counter ? `${f.id}-count` : '',
    f.describedBy ?? '',
  ]
    .filter(Boolean)
    .join(' ') || undefined;

function FieldMessages(f: FieldBase) {
  return (
    <>
      {f.hint === undefined ? null : (
        <p id={`${f.id}-hint`} className="cad-field__hint">
          {f.hint}
        </p>
      )}
      {f.error === undefined ? null : (
        <p id={`${f.id}-error`} className="cad-field__error" data-field-error="">
          {f.error}
        </p>
      )}
    </>
  );
}

export function TextField(
  f: FieldBase & {
    value: string;
    onChange: (value: string) => void;
    type?: 'text' | 'number' | 'date' | 'search';
    required?: boolean;
    /** The schema's maximum length: a counter from 80 % of it (see Counter). */
    limit?: number;
    disabled?: boolean;
  },
) {
  const counter = counterShown(f.value, f.limit);
  return (
    <div className="cad-field">
      <label className="cad-field__label" htmlFor={f.id}>
        {f.label}
        {f.required === true ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={f.id}
        className="cad-input"
        type={f.type ?? 'text'}
        {...(f.type === 'number' ? { step: 'any', inputMode: 'decimal' as const } : {})}
        value={f.value}
        required={f.required}
        disabled={f.disabled}
        aria-invalid={f.error === undefined ? undefined : true}
        aria-describedby={describedBy(f, counter)}
        onChange={(e) => {
          f.onChange(e.target.value);
        }}
      />
      <Counter id={f.id} value={f.value} limit={f.limit} />
      <FieldMessages {...f} />
    </div>
  );
}

export function TextAreaField(f: FieldBase & { value: string; onChange: (value: string) => void; limit?: number }) {
  const counter = counterShown(f.value, f.limit);
  return (
    <div className="cad-field">
      <label className="cad-field__label" htmlFor={f.id}>
        {f.label}
      </label>
      <textarea
        id={f.id}
        className="cad-textarea"
        rows={3}
        value={f.value}
        aria-invalid={f.error === undefined ? undefined : true}
        aria-describedby={describedBy(f, counter)}
        onChange={(e) => {
          f.onChange(e.target.value);
        }}
      />
      <Counter id={f.id} value={f.value} limit={f.limit} />
      <FieldMessages {...f} />
    </div>
  );
}

export function SelectField(
  f: FieldBase & {
    value: string;
    onChange: (value: string) => void;
    children: ReactNode;
    disabled?: boolean;
    required?: boolean;
  },
) {
  return (
    <div className="cad-field">
      <label className="cad-field__label" htmlFor={f.id}>
        {f.label}
        {f.required === true ? <span aria-hidden="true"> *</span> : null}
      </label>
      <select
        id={f.id}
        className="cad-select"
        value={f.value}
        disabled={f.disabled}
        aria-invalid={f.error === undefined ? undefined : true}
        aria-describedby={describedBy(f)}
        onChange={(e) => {
          f.onChange(e.target.value);
        }}
      >
        {f.children}
      </select>
      <FieldMessages {...f} />
    </div>
  );
}

export function RadioField<T extends string>(
  f: FieldBase & { value: T; options: readonly { value: T; label: string }[]; onChange: (value: T) => void },
) {
  return (
    <fieldset className="cad-fieldset" aria-describedby={describedBy(f)}>
      <legend className="cad-fieldset__legend">{f.label}</legend>
      <div className="cad-radios">
        {f.options.map((o) => (
          <label className="cad-radio" key={o.value}>
            <input
              type="radio"
              name={f.id}
              value={o.value}
              checked={f.value === o.value}
              onChange={() => {
                f.onChange(o.value);
              }}
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldMessages {...f} />
    </fieldset>
  );
}

/** A failure that names no field of the form (forbidden, closed cycle, network): said above the buttons. */
export function FormError({ message }: { message: string | undefined }) {
  if (message === undefined) return null;
  return (
    <p role="alert" className="cad-message cad-message--error">
      {message}
    </p>
  );
}
