import { t } from '../app/i18n';
import { useDebounced } from './use-debounced';

/**
 * Characters left before a text limit, for every form (the board's editors and the check-in form). No
 * schema here: callers pass the contract's limit, so the views that only check in do not load zod.
 */

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

/**
 * Characters left before a limit, shown from 80 % of it: the text may go over (a paste is never cut
 * silently), the counter then says by how much in the error colour and the form refuses to send it.
 * Screen readers hear it politely once typing pauses (as GOV.UK's character count does), and with the
 * field's description when they reach the field.
 */
export function CharCounter({ id, value, limit }: { id: string; value: string; limit: number | undefined }) {
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
