/**
 * Starts work now whose result is awaited later (a read that runs alongside a write). If the caller
 * throws before it awaits, the rejection is already handled here instead of being left unhandled,
 * which fails the whole invocation on Forge (issue #10). The caller still sees the rejection when it
 * does await. The lint rule local/no-stored-promise allows stored promises only through this.
 */
export const startEarly = <T>(work: Promise<T>): Promise<T> => {
  work.catch(() => undefined);
  return work;
};
