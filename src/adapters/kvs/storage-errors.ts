import { ForgeKvsAPIError } from '@forge/kvs';
import { AppError } from '../../usecases/errors';

/**
 * Storage that is rate-limited (429) or failing (5xx) is an outage the user can wait out, not a bug:
 * it becomes UNAVAILABLE. Anything else is left for the caller to treat as unexpected.
 */
export const storageOutage = (error: unknown): AppError | undefined => {
  if (!(error instanceof ForgeKvsAPIError)) return undefined;
  const status = error.responseDetails.status;
  if (status !== 429 && status < 500) return undefined;
  return new AppError('UNAVAILABLE', 'Storage is not answering right now; try again in a moment.');
};
