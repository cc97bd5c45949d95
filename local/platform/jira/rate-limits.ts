import { z } from 'zod';
import type { PlatformResponse } from '../types';

/**
 * Jira Cloud's limits for apps, enforced since 2 March 2026
 * (developer.atlassian.com/cloud/jira/platform/rate-limiting, CHANGE-3080), on real elapsed time:
 *
 * - Points quota: Tier 1 "Global Pool", 65,000 points per hour for the app, reset at the top of each
 *   UTC hour; once spent, every call is a 429 until the reset ("There is no gradual throttling").
 *   asUser and asApp calls both count (backend traffic); the quota is the app's, so one site has it all.
 * - Burst: a token bucket per endpoint and HTTP method; steady state GET 100, POST 100, PUT 50,
 *   DELETE 50 requests a second, GET /issue/{issueIdOrKey} 150. The bucket's size is not published:
 *   the emulator holds one second of the steady rate (the strictest reading).
 * - Headers: X-RateLimit-Limit / X-RateLimit-Remaining (the endpoint's burst rate and tokens left) on
 *   every answer; RateLimit-Policy `"global-app-quota";q=…;w=3600` and RateLimit `…;t=<s>` with
 *   `r=<remaining>` once 80 % is spent, X-RateLimit-NearLimit when under 20 % is left. A 429 adds
 *   Retry-After (seconds), X-RateLimit-Reset (ISO 8601) and RateLimit-Reason
 *   (`jira-quota-global-based` or `jira-burst-based`).
 * Per-issue write limits are not emulated: the site has no REST write endpoint.
 */

const DEFAULT_BURST: Readonly<Record<string, number>> = { GET: 100, POST: 100, PUT: 50, DELETE: 50 };
const ENDPOINT_BURST: Readonly<Record<string, number>> = { 'GET /rest/api/3/issue/{issueIdOrKey}': 150 };
const HOUR_MS = 3_600_000;
const NEAR_LIMIT_SHARE = 0.2;

export const JiraRateLimitConfigSchema = z.object({
  /** The app's hourly points quota (Tier 1 Global Pool). */
  pointsPerHour: z.number().int().min(1).default(65_000),
  /** Replaces every endpoint's steady burst rate (requests a second); tests lower it. */
  burstPerSecond: z.number().min(0.001).optional(),
});
export type JiraRateLimitConfig = z.infer<typeof JiraRateLimitConfigSchema>;

export interface JiraUsage {
  pointsUsed: number;
  pointsPerHour: number;
  /** ISO 8601 start of the next quota window. */
  resetsAt: string;
}

export interface JiraRateLimiter {
  readonly config: JiraRateLimitConfig;
  /** Lowers (or restores) limits for a test; keeps what was spent in the current window. */
  configure(changes: Partial<JiraRateLimitConfig>): void;
  /** Forgets spent points and burst tokens. */
  reset(): void;
  /** Before a call: a 429 when a limit is reached, else undefined (the call takes a burst token). */
  admit(method: string, template: string): PlatformResponse | undefined;
  /** After a call: charges its points and adds the rate-limit headers. */
  settle(method: string, template: string, response: PlatformResponse, points: number): PlatformResponse;
  usage(): JiraUsage;
}

/** LOCAL_JIRA_POINTS_PER_HOUR and LOCAL_JIRA_BURST_PER_SECOND lower the limits for `npm start` and tests. */
export const rateLimitsFromEnv = (env: NodeJS.ProcessEnv): Partial<JiraRateLimitConfig> => {
  const points = env.LOCAL_JIRA_POINTS_PER_HOUR;
  const burst = env.LOCAL_JIRA_BURST_PER_SECOND;
  return JiraRateLimitConfigSchema.partial().parse({
    ...(points === undefined || points === '' ? {} : { pointsPerHour: Number(points) }),
    ...(burst === undefined || burst === '' ? {} : { burstPerSecond: Number(burst) }),
  });
};

interface Bucket {
  tokens: number;
  atMs: number;
}

const rateLimitBody = JSON.stringify({ errorMessages: ['Rate limit exceeded.'], errors: {} });

export const createJiraRateLimiter = (
  input: Partial<JiraRateLimitConfig> = {},
  clock: () => number = Date.now,
): JiraRateLimiter => {
  let config = JiraRateLimitConfigSchema.parse(input);
  let window = -1;
  let used = 0;
  const buckets = new Map<string, Bucket>();

  const rateOf = (method: string, template: string): number =>
    config.burstPerSecond ?? ENDPOINT_BURST[`${method} ${template}`] ?? DEFAULT_BURST[method] ?? 100;

  /** Points spent in the current hour; a new hour starts from zero. */
  const spent = (now: number): number => {
    const current = Math.floor(now / HOUR_MS);
    if (current !== window) {
      window = current;
      used = 0;
    }
    return used;
  };
  const windowEnd = (now: number): number => (Math.floor(now / HOUR_MS) + 1) * HOUR_MS;

  /** Refills the endpoint's bucket for the time elapsed; capacity is one second of its rate. */
  const bucketOf = (key: string, rate: number, now: number): Bucket => {
    const bucket = buckets.get(key) ?? { tokens: rate, atMs: now };
    bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.atMs) / 1000) * rate);
    bucket.atMs = now;
    buckets.set(key, bucket);
    return bucket;
  };

  const refusal = (
    reason: 'jira-quota-global-based' | 'jira-burst-based',
    limit: number,
    waitMs: number,
    now: number,
  ): PlatformResponse => ({
    status: 429,
    headers: {
      'content-type': 'application/json;charset=UTF-8',
      'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))),
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': new Date(now + waitMs).toISOString(),
      'ratelimit-reason': reason,
    },
    body: rateLimitBody,
    cost: { jiraPoints: 0 },
  });

  return {
    get config() {
      return config;
    },
    configure(changes) {
      config = JiraRateLimitConfigSchema.parse({ ...config, ...changes });
      buckets.clear();
    },
    reset() {
      window = -1;
      used = 0;
      buckets.clear();
    },
    admit(method, template) {
      const now = clock();
      if (spent(now) >= config.pointsPerHour) {
        return refusal('jira-quota-global-based', config.pointsPerHour, windowEnd(now) - now, now);
      }
      const rate = rateOf(method, template);
      const bucket = bucketOf(`${method} ${template}`, rate, now);
      if (bucket.tokens < 1) return refusal('jira-burst-based', rate, ((1 - bucket.tokens) / rate) * 1000, now);
      bucket.tokens -= 1;
      return undefined;
    },
    settle(method, template, response, points) {
      const now = clock();
      used = spent(now) + points;
      const remaining = Math.max(0, config.pointsPerHour - used);
      const resetInS = Math.ceil((windowEnd(now) - now) / 1000);
      const rate = rateOf(method, template);
      const nearLimit = remaining < config.pointsPerHour * NEAR_LIMIT_SHARE;
      return {
        ...response,
        headers: {
          ...response.headers,
          'x-ratelimit-limit': String(rate),
          'x-ratelimit-remaining': String(Math.floor(bucketOf(`${method} ${template}`, rate, now).tokens)),
          'ratelimit-policy': `"global-app-quota";q=${config.pointsPerHour};w=3600`,
          ratelimit: `"global-app-quota";${nearLimit ? `r=${remaining};` : ''}t=${resetInS}`,
          ...(nearLimit ? { 'x-ratelimit-nearlimit': 'true' } : {}),
        },
        cost: { jiraPoints: points },
      };
    },
    usage() {
      const now = clock();
      return {
        pointsUsed: spent(now),
        pointsPerHour: config.pointsPerHour,
        resetsAt: new Date(windowEnd(now)).toISOString(),
      };
    },
  };
};
