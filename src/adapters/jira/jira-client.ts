import api from '@forge/api';
import type { Route } from '@forge/api';
import type { z } from 'zod';
import { AppError } from '../../usecases/errors';
import type { Clock } from '../../usecases/ports';

/**
 * Calls Jira through @forge/api and parses every answer from unknown. 429s are retried honouring
 * Retry-After and 5xx twice, as long as the invocation's time budget allows; then UNAVAILABLE.
 */

export type As = 'user' | 'app';

export interface JiraResponse<T> {
  status: number;
  body: T | undefined;
}

export interface JiraClientOptions {
  clock: Clock;
  /** Epoch ms after which no call may start or wait (the invocation's 25 s budget, with a margin). */
  deadlineMs: number;
  /** Waits; injectable so tests of the policy need not sleep. */
  sleep?: (ms: number) => Promise<void>;
}

const MAX_5XX_RETRIES = 2;
const DEFAULT_RETRY_AFTER_S = 1;

const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });

/** Retry-After in ms: seconds (Jira sends seconds), or an HTTP date; absent means one second. */
export const retryAfterMs = (header: string | null, nowMs: number): number => {
  if (header === null || header.trim() === '') return DEFAULT_RETRY_AFTER_S * 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_S * 1000 : Math.max(0, date - nowMs);
};

export const createJiraClient = (options: JiraClientOptions) => {
  const sleep = options.sleep ?? defaultSleep;
  const unavailable = (why: string): AppError =>
    new AppError('UNAVAILABLE', `Jira is not answering right now (${why}); try again in a minute.`);

  /**
   * Sends one request; statuses listed in `expected` (besides 2xx) are returned to the caller with no
   * body parsing, so it can map them (404 on a missing issue, say).
   */
  const request = async <T>(
    as: As,
    path: Route,
    schema: z.ZodType<T>,
    init: { method: 'GET' | 'POST'; body?: unknown },
    expected: readonly number[] = [],
  ): Promise<JiraResponse<T>> => {
    let serverErrors = 0;
    for (;;) {
      if (options.clock.now().getTime() >= options.deadlineMs) throw unavailable('out of time');
      const requester = as === 'user' ? api.asUser() : api.asApp();
      const response = await requester.requestJira(path, {
        method: init.method,
        headers: {
          Accept: 'application/json',
          ...(init.body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
      const now = options.clock.now().getTime();
      if (response.status === 429 || response.status >= 500) {
        const wait =
          response.status === 429 ? retryAfterMs(response.headers.get('retry-after'), now) : 250 * 2 ** serverErrors;
        if (response.status >= 500 && ++serverErrors > MAX_5XX_RETRIES)
          throw unavailable(`status ${String(response.status)}`);
        if (now + wait >= options.deadlineMs) {
          // Jira names the limit (points quota, burst, per-issue writes); a quota wait can last until the hour.
          const reason = response.headers.get('ratelimit-reason') ?? 'rate limited';
          throw unavailable(
            response.status === 429
              ? `${reason}, retry after ${String(Math.ceil(wait / 1000))} s`
              : `status ${String(response.status)}`,
          );
        }
        await sleep(wait);
        continue;
      }
      if (expected.includes(response.status)) return { status: response.status, body: undefined };
      if (response.status === 401 && response.headers.get('x-failure-category') === 'FAILURE_CLIENT_SCOPE_CHECK') {
        throw new AppError(
          'INTERNAL',
          `the app's scopes do not allow ${init.method} ${path.value} (manifest.yml permissions)`,
        );
      }
      if (!response.ok)
        throw new AppError('INTERNAL', `Jira answered ${String(response.status)} to ${init.method} ${path.value}`);
      // No Content (issue notify): there is no body to read.
      if (response.status === 204) return { status: 204, body: undefined };
      const parsed = schema.safeParse(await response.json());
      if (!parsed.success) {
        throw new AppError(
          'INTERNAL',
          `Jira's answer to ${init.method} ${path.value} has an unexpected shape: ${parsed.error.message}`,
        );
      }
      return { status: response.status, body: parsed.data };
    }
  };
  return { request };
};

export type JiraClient = ReturnType<typeof createJiraClient>;
