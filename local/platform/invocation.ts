import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { CallRecord } from './types';

/** Everything the runtime knows about one running function invocation. */
export interface Invocation {
  id: string;
  /** The acting user; undefined for scheduled triggers and asApp-only work. */
  accountId: string | undefined;
  functionKey: string;
  moduleKey: string;
  moduleType: string;
  startedAtMs: number;
  /** Monotonic start, on the same clock as CallRecord.startedAtMs. */
  startedAtPerfMs: number;
  /** Wall-clock deadline (25 s for resolvers and product events, up to 900 s for scheduled jobs). */
  deadlineMs: number;
  calls: CallRecord[];
}

const storage = new AsyncLocalStorage<Invocation>();

/** Runs `fn` as an invocation: every platform call made inside sees this context, as on Forge. */
export const runInvocation = <T>(invocation: Invocation, fn: () => Promise<T>): Promise<T> =>
  storage.run(invocation, fn);

export const currentInvocation = (): Invocation | undefined => storage.getStore();

export const newInvocation = (
  fields: Pick<Invocation, 'accountId' | 'functionKey' | 'moduleKey' | 'moduleType'> & { timeoutMs: number },
): Invocation => {
  const now = Date.now();
  return {
    id: randomUUID(),
    accountId: fields.accountId,
    functionKey: fields.functionKey,
    moduleKey: fields.moduleKey,
    moduleType: fields.moduleType,
    startedAtMs: now,
    startedAtPerfMs: performance.now(),
    deadlineMs: now + fields.timeoutMs,
    calls: [],
  };
};
