import { z } from 'zod';
import type { ApiError, ApiKey, Result } from '../contract';
import { API } from '../contract';
import { storageOutage } from '../adapters/kvs/storage-errors';
import { composeDeps } from '../app/compose';
import { AppError } from '../usecases/errors';
import type { Deps } from '../usecases/ports';
import { readOnlyReason, UNLICENSED_MESSAGE } from '../usecases/shared/license';
import type { Handler } from './handlers';
import { HANDLERS } from './handlers';

/** The invocation context fields we read; identity comes from here, never from the payload. */
const InvocationContext = z
  .object({
    accountId: z.string().min(1).optional(),
    extension: z.object({ issue: z.object({ id: z.string(), key: z.string() }).loose().optional() }).loose().optional(),
  })
  .loose();

/** Re-exported for callers that knew it here; the rule and the text live in usecases/shared/license. */
export { UNLICENSED_MESSAGE };

const pathOf = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/** Payload problems as VALIDATION naming the dotted field and the rule it broke. */
export const validationError = (error: z.ZodError): ApiError => {
  const issues = error.issues.map((i) => ({
    field: pathOf(i.path) || '(payload)',
    message: i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.join(', ')}` : i.message,
  }));
  const first = issues[0];
  return {
    code: 'VALIDATION',
    message: first === undefined ? 'invalid payload' : `${first.field} ${first.message}`,
    ...(first === undefined ? {} : { field: first.field }),
    issues,
  };
};

/** The one place errors become the Result envelope. Unknown errors are logged and reported as INTERNAL. */
export const toApiError = (thrown: unknown): ApiError => {
  const error = storageOutage(thrown) ?? thrown;
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.field === undefined ? {} : { field: error.field }),
      ...(error.issues === undefined ? {} : { issues: error.issues }),
    };
  }
  console.error(error);
  return { code: 'INTERNAL', message: 'Something went wrong on our side; it has been logged.' };
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
): Promise<Result<unknown>> => {
  let ports: Deps | undefined;
  try {
    const context = InvocationContext.safeParse(request.context);
    const accountId = context.success ? context.data.accountId : undefined;
    if (accountId === undefined) return { ok: false, error: { code: 'FORBIDDEN', message: 'Sign in to use Cadence.' } };
    // Read-only, not broken: reads go on so people keep their data; only writes are refused.
    const readOnly = readOnlyReason(request.context);
    if (API[key].mutates && readOnly !== undefined) {
      return { ok: false, error: { code: 'UNLICENSED', message: UNLICENSED_MESSAGE } };
    }
    const input = API[key].input.safeParse(request.payload ?? {});
    if (!input.success) return { ok: false, error: validationError(input.error) };
    // HANDLERS[key] and API[key] belong to the same key; TypeScript cannot correlate the two lookups.
    const handler = HANDLERS[key] as Handler<ApiKey>;
    ports = deps();
    const data = await handler({ ...ports, actor: { accountId } }, input.data, {
      issue: context.data?.extension?.issue,
      readOnlyReason: readOnly,
    });
    return { ok: true, data };
  } catch (error) {
    const apiError = toApiError(error);
    // A change that was stored, then failed to be shown, is reported as stored: never as a failure that
    // invites a second copy (and a repeat with the same request id answers the first anyway).
    if (apiError.code === 'UNAVAILABLE' && ports?.store.hasCommitted() === true) {
      return { ok: false, error: { ...apiError, message: `Your change was saved, but showing it failed: ${apiError.message} Reload to see it.` } };
    }
    return { ok: false, error: apiError };
  }
};
