import { randomInt } from 'node:crypto';
import { kvsOkrStore } from '../adapters/kvs/kvs-okr-store';
import { INVOCATION_BUDGET_MS, jiraGatewayFor } from '../adapters/jira';
import type { Clock, Deps, IdGenerator } from '../usecases/ports';

/** Composition root: the only place that picks adapters for the ports. */

export const systemClock: Clock = { now: () => new Date() };

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

export const cryptoIds: IdGenerator = {
  random: (length) => Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)] ?? '0').join(''),
};

/** Scheduled jobs may run up to 900 s; they stop calling Jira well before. */
export const JOB_BUDGET_MS = 840_000;

/** Ports for one invocation (the Jira gateway caches the admin check per invocation). */
export const composeDeps = (budgetMs: number = INVOCATION_BUDGET_MS): Deps => ({
  store: kvsOkrStore,
  jira: jiraGatewayFor(systemClock, budgetMs),
  clock: systemClock,
  ids: cryptoIds,
});
