import { t } from '../app/i18n';
import { ApiCallError } from '../api/client';

/**
 * An error in words a person can act on. Resolver errors carry a message written for people; transport
 * failures (the bridge, the network) get a sentence saying what to try.
 */
export const describeError = (error: unknown): string => {
  if (error instanceof ApiCallError) {
    switch (error.code) {
      case 'UNAVAILABLE':
        return t('components.errors.unavailable');
      case 'CONFLICT':
        return t('components.errors.conflict');
      case 'INTERNAL':
        return t('components.errors.internal');
      default:
        return error.message;
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return t('components.errors.unreachable', { message });
};

/** Field-level messages of a failed call, keyed by the payload path the backend named (`value`). */
export const fieldErrors = (error: unknown): ReadonlyMap<string, string> => {
  const out = new Map<string, string>();
  if (!(error instanceof ApiCallError)) return out;
  for (const issue of error.error.issues ?? []) out.set(issue.field, issue.message);
  if (error.field !== undefined && !out.has(error.field)) out.set(error.field, error.message);
  return out;
};
