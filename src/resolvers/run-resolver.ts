import { z } from 'zod';
import type { ApiError, ApiKey, Result } from '../contract';
import { API, localeOf } from '../contract';
import { catalogFor } from '../adapters/i18n';
import { storageOutage } from '../adapters/kvs/storage-errors';
import { composeDeps } from '../app/compose';
import { AppError } from '../usecases/errors';
import type { Deps } from '../usecases/ports';
import { readOnlyReason, UNLICENSED_MESSAGE } from '../usecases/shared/license';
import type { ErrorWords } from './error-words';
import { ENGLISH_ERRORS, errorWordsFrom } from './error-words';
import type { Handler } from './handlers';
import { HANDLERS } from './handlers';

/** The invocation context fields we read; identity comes from here, never from the payload. */
const InvocationContext = z
  .object({
    accountId: z.string().min(1).optional(),
    /** The user's language (Forge's `en-US` form); errors are worded in it. */
    locale: z.string().optional(),
    extension: z
      .object({ issue: z.object({ id: z.string(), key: z.string() }).loose().optional() })
      .loose()
      .optional(),
  })
  .loose();

/** Re-exported for callers that knew it here; the rule and the text live in usecases/shared/license. */
export { UNLICENSED_MESSAGE };

const pathOf = (path: readonly PropertyKey[]): string => path.map(String).join('.');

const count = (n: unknown, what: string): string => `${String(n)} ${what}${n === 1 ? '' : 's'}`;

/**
 * The words errors are said in, for an invocation's locale: English as written, another language from its
 * catalog through Forge's i18n (adapters/i18n). Wording never fails a call: a catalog that cannot be read
 * leaves the errors in English.
 */
export type ErrorWordsFor = (rawLocale: string | undefined) => Promise<ErrorWords>;
export const errorWordsFor: ErrorWordsFor = async (rawLocale) => {
  const locale = localeOf(rawLocale);
  if (locale === 'en-US') return ENGLISH_ERRORS;
  try {
    return errorWordsFrom(await catalogFor(locale));
  } catch (error) {
    console.warn(`error messages stay English: the ${locale} catalog could not be read`, error);
    return ENGLISH_ERRORS;
  }
};

/**
 * A zod issue's rule in words. Our schemas word their own rules ("must be after startDate", lower case);
 * zod's defaults ("Invalid input: expected string, received undefined") are worded here instead.
 */
const ruleOf = (i: z.core.$ZodIssue): string => {
  if (i.code === 'unrecognized_keys') return `has unknown field(s): ${i.keys.map((k) => `"${k}"`).join(', ')}`;
  if (/^[a-z]/.test(i.message)) return i.message;
  switch (i.code) {
    case 'invalid_type':
      return i.message.includes('received undefined')
        ? 'is required'
        : `must be ${i.expected === 'array' ? 'a list' : `a ${i.expected}`}`;
    case 'too_big':
      if (i.origin === 'string') return `must be at most ${count(i.maximum, 'character')}`;
      if (i.origin === 'array') return `must list at most ${String(i.maximum)}`;
      return `must be at most ${String(i.maximum)}`;
    case 'too_small':
      if (i.origin === 'string')
        return Number(i.minimum) <= 1 ? 'must not be empty' : `must be at least ${count(i.minimum, 'character')}`;
      if (i.origin === 'array')
        return Number(i.minimum) <= 1 ? 'must not be empty' : `must list at least ${String(i.minimum)}`;
      return `must be at least ${String(i.minimum)}`;
    case 'invalid_value':
      return `must be one of ${i.values.map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return i.message.charAt(0).toLowerCase() + i.message.slice(1);
  }
};

/** Issues worded as full sentences that name the field in words (contract/field-words.ts), in the user's language. */
const sentences = (
  issues: readonly { field: string; message: string }[],
  words: ErrorWords,
): { field: string; message: string }[] =>
  issues.map((i) => ({ field: i.field, message: words.sentence(i.field, i.message) }));

const validationOf = (
  issues: readonly { field: string; message: string }[],
  fallback: string,
  words: ErrorWords,
): ApiError => {
  const worded = sentences(issues, words);
  const first = worded[0];
  const more = worded.length > 1 ? words.more(worded.length - 1) : '';
  return {
    code: 'VALIDATION',
    message: first === undefined ? words.message(fallback) : `${first.message}${more}`,
    ...(first === undefined ? {} : { field: first.field }),
    issues: worded,
  };
};

/** Payload problems as VALIDATION naming the dotted field, with sentences that name it in words. */
export const validationError = (error: z.ZodError, words: ErrorWords = ENGLISH_ERRORS): ApiError =>
  validationOf(
    error.issues.map((i) => ({ field: pathOf(i.path) || '(payload)', message: ruleOf(i) })),
    'The request is not valid.',
    words,
  );

/** The one place errors become the Result envelope. Unknown errors are logged and reported as INTERNAL. */
export const toApiError = (thrown: unknown, words: ErrorWords = ENGLISH_ERRORS): ApiError => {
  const error = storageOutage(thrown) ?? thrown;
  if (error instanceof AppError) {
    if (error.code === 'VALIDATION' && error.issues !== undefined && error.issues.length > 0)
      return validationOf(error.issues, error.message, words);
    return {
      code: error.code,
      message: words.message(error.message, error.field),
      ...(error.field === undefined ? {} : { field: error.field }),
      ...(error.issues === undefined ? {} : { issues: error.issues }),
    };
  }
  console.error(error);
  return { code: 'INTERNAL', message: words.message('Something went wrong on our side; it has been logged.') };
};

/**
 * Runs one resolver call: the acting user from the context (FORBIDDEN without one), the license (a key
 * that writes answers UNLICENSED when the installation's license is not active), the payload parsed
 * with the contract's schema, one use case, and any failure mapped to the Result envelope.
 */
export const runResolver = async (
  key: ApiKey,
  request: { payload: unknown; context: unknown },
  deps: () => Deps = composeDeps,
  wordsFor: ErrorWordsFor = errorWordsFor,
): Promise<Result<unknown>> => {
  let ports: Deps | undefined;
  const context = InvocationContext.safeParse(request.context);
  // The locale comes from the invocation context only, never from the payload (Forge sets it per user).
  const words = await wordsFor(context.success ? context.data.locale : undefined);
  try {
    const accountId = context.success ? context.data.accountId : undefined;
    if (accountId === undefined)
      return { ok: false, error: { code: 'FORBIDDEN', message: words.message('Sign in to use Cadence.') } };
    // Read-only, not broken: reads go on so people keep their data; only writes are refused.
    const readOnly = readOnlyReason(request.context);
    if (API[key].mutates && readOnly !== undefined) {
      return { ok: false, error: { code: 'UNLICENSED', message: words.message(UNLICENSED_MESSAGE) } };
    }
    const input = API[key].input.safeParse(request.payload ?? {});
    if (!input.success) return { ok: false, error: validationError(input.error, words) };
    // HANDLERS[key] and API[key] belong to the same key; TypeScript cannot correlate the two lookups.
    const handler = HANDLERS[key] as Handler<ApiKey>;
    ports = deps();
    const data = await handler({ ...ports, actor: { accountId } }, input.data, {
      issue: context.data?.extension?.issue,
      readOnlyReason: readOnly,
    });
    return { ok: true, data };
  } catch (error) {
    const apiError = toApiError(error, words);
    // A change that was stored, then failed to be shown, is reported as stored: never as a failure that
    // invites a second copy (and a repeat with the same request id answers the first anyway).
    if (apiError.code === 'UNAVAILABLE' && ports?.store.hasCommitted() === true) {
      const english = toApiError(error).message;
      return {
        ok: false,
        error: {
          ...apiError,
          message: words.message(`Your change was saved, but showing it failed: ${english} Reload to see it.`),
        },
      };
    }
    return { ok: false, error: apiError };
  }
};
