/** Stable codes the resolver layer maps to its Result envelope. */
export type DomainErrorCode =
  | 'ALIGNMENT_CYCLE'
  | 'ALIGNMENT_OTHER_CYCLE'
  | 'ALIGNMENT_LEVEL'
  | 'ALIGNMENT_PARENT_NOT_FOUND'
  | 'INVALID_TRANSITION'
  | 'AS_OF_OUTSIDE_CYCLE';

/** A rule of the OKR model was broken; `field` names the input field at fault when there is one. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
