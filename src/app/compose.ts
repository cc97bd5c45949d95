import { createHash, randomInt } from 'node:crypto';
import { createKvsOkrStore } from '../adapters/kvs/kvs-okr-store';
import { INVOCATION_BUDGET_MS, jiraGatewayFor } from '../adapters/jira';
import type { Clock, Deps, IdGenerator } from '../usecases/ports';

/** Composition root: the only place that picks adapters for the ports. */

export const systemClock: Clock = { now: () => new Date() };

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** base36 digits of a SHA-256 digest: 256 bits give ~49 characters, more than any id needs. */
const derive = (seed: string, length: number): string => {
  let n = BigInt(`0x${createHash('sha256').update(seed).digest('hex')}`);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += ALPHABET[Number(n % 36n)] ?? '0';
    n /= 36n;
  }
  return out;
};

export const cryptoIds: IdGenerator = {
  random: (length) => Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)] ?? '0').join(''),
  derive,
};

/** Scheduled jobs may run up to 900 s; they stop calling Jira well before. */
export const JOB_BUDGET_MS = 840_000;

/** Ports for one invocation (the Jira gateway caches the admin check per invocation). */
export const composeDeps = (budgetMs: number = INVOCATION_BUDGET_MS): Deps => ({
  store: createKvsOkrStore(),
  jira: jiraGatewayFor(systemClock, budgetMs),
  clock: systemClock,
  ids: cryptoIds,
});
