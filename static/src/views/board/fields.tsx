import type { ReactNode } from 'react';
import { CycleFields, KeyResultSchema, MetricFields, ObjectiveFields } from '../../../../src/contract';
import { t } from '../../app/i18n';
import { useDebounced } from './use-debounced';

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

/** The backend's text limits, read from the contract's schemas rather than restated here. */
export const LIMITS = {
  objectiveTitle: maxOf(ObjectiveFields.shape.title),
  objectiveDescription: maxOf(ObjectiveFields.shape.description.unwrap()),
  keyResultTitle: maxOf(KeyResultSchema.shape.title),
  unit: maxOf(MetricFields.shape.unit.unwrap()),
  cycleName: maxOf(CycleFields.shape.name),
} as const;

/** Characters the backend counts: it trims before checking the schema's max (src/contract/ids.ts). */
export const countedLength = (value: string): number => value.trim().length;

/** The counter shows once this share of the limit or less is left (and whenever the text is over it). */
const COUNTER_FROM = 0.2;

/** Announced this long after typing stops: one message per pause, not one per keystroke. */
const ANNOUNCE_DELAY_MS = 1000;

export const counterShown = (value: string, limit: number | undefined): boolean =>
  limit !== undefined && limit - countedLength(value) <= limit * COUNTER_FROM;

/** "12 characters left" / "3 characters too many". */
export const counterWords = (value: string, limit: number): string => {
  const left = limit - countedLength(value);
  return left >= 0
    ? t('editor.fields.charactersLeft', { count: left })
    : t('editor.fields.charactersOver', { count: -left });
};

/**
 * The sentence a form shows when it refuses to send a text over its limit (nothing is cut silently),
 * or undefined when the text fits. `field` names it in words with its article ("the title").
 */
export const tooLong = (field: string, value: string, limit: number): string | undefined => {
  const over = countedLength(value) - limit;
  return over > 0 ? t('editor.fields.tooLong', { field, limit, count: over }) : undefined;
};

const describedBy = (f: FieldBase, counter = false): string | undefined =>
  [
    f.error === undefined ? '' : `${f.id}-error`,
    f.hint === undefined ? '' : `${f.id}-hint`,
    counter ? `${f.id}-count` : '',
    f.describedBy ?? '',
  ]
    .filter(Boolean)
    .join(' ') || undefined;

/**
 * Characters left before a limit, shown from 80 % of it: the text may go over (a paste is never cut
 * silently), the counter then says by how much in the error colour and the form refuses to send it.
 * Screen readers hear it politely once typing pauses (as GOV.UK's character count does), and with the
 * field's description when they reach the field.
 */
function Counter({ id, value, limit }: { id: string; value: string; limit: number | undefined }) {
  const shown = counterShown(value, limit);
  const words = limit === undefined || !shown ? '' : counterWords(value, limit);
  const announced = useDebounced(words, ANNOUNCE_DELAY_MS);
  if (limit === undefined) return null;
  const over = countedLength(value) > limit;
  return (
    <>
      {shown ? (
        <p
          id={`${id}-count`}
          className={over ? 'cad-field__error cad-field__count' : 'cad-field__hint cad-field__count'}
          data-counter={over ? 'over' : 'left'}
        >
          {words}
        </p>
      ) : null}
      <span className="cad-visually-hidden" aria-live="polite">
        {announced}
      </span>
    </>
  );
}

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
