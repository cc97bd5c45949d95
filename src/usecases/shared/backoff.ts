/**
 * Full-jitter exponential backoff (a random wait up to min(cap, base x 2^attempt)): writers that collided
 * spread out instead of colliding again in lockstep. Shared by lost-race retries and storage quota retries.
 */
export const backoffMs = (attempt: number, baseMs: number, capMs: number): number => Math.random() * Math.min(capMs, baseMs * 2 ** attempt);

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** After a lost race: from 10 ms, capped at 250 ms, so a writer that lost many times is not parked for seconds. */
export const raceBackoff = (attempt: number): Promise<void> => sleep(backoffMs(attempt, 10, 250));
