import type { ErrorCode } from '../contract';
import { fieldWords } from '../contract';

/**
 * A failure a use case reports to the caller. The resolver layer maps it, in one place, to the Result
 * envelope; `field` is the dotted payload path at fault when there is one.
 */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly issues?: { field: string; message: string }[],
  ) {
    super(message);
  }
}

/** "There is no cycle with the id "nope" (the cycle)." — `field` is named in words for people, and exactly in `field`. */
export const notFound = (what: string, id: string, field: string): AppError =>
  new AppError('NOT_FOUND', `There is no ${what.toLowerCase()} with the id "${id}" (the ${fieldWords(field)}).`, field);

export const forbidden = (message: string): AppError => new AppError('FORBIDDEN', message);

export const invalidState = (message: string, field?: string): AppError => new AppError('INVALID_STATE', message, field);

export const validation = (field: string, message: string): AppError =>
  new AppError('VALIDATION', `${field} ${message}`, field, [{ field, message }]);
