import { z } from 'zod';
import type { PlatformResponse } from './types';

/**
 * Latency and fault injection for platform calls, so retry paths and budgets are exercised locally.
 * Deterministic for a given seed, so a failing run can be replayed.
 */
export const FaultConfigSchema = z.object({
  /** Added to every platform call. */
  latencyMs: z.number().min(0).max(60_000).default(0),
  /** Share of calls (0-1) that fail or slow down. */
  rate: z.number().min(0).max(1).default(0),
  kinds: z
    .array(z.enum(['429', '5xx', 'slow']))
    .min(1)
    .default(['429', '5xx', 'slow']),
  /** Retry-After seconds sent with injected 429s. */
  retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
  /** Extra delay of an injected slow response. */
  slowMs: z.number().min(0).max(60_000).default(3000),
  /** Which calls are affected. */
  targets: z
    .array(z.enum(['kvs', 'jira', 'confluence', 'events']))
    .min(1)
    .default(['jira']),
  seed: z.number().int().default(1),
});
export type FaultConfig = z.infer<typeof FaultConfigSchema>;
export type FaultTarget = FaultConfig['targets'][number];

export interface FaultDecision {
  delayMs: number;
  /** When set, the call is answered with this instead of reaching the backend. */
  response?: PlatformResponse;
}

export interface FaultInjector {
  decide(target: FaultTarget): FaultDecision;
  readonly config: FaultConfig;
}

/** mulberry32: a tiny seeded PRNG, enough to spread faults evenly and reproducibly. */
const seeded = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const errorBody = (target: FaultTarget, code: string, message: string): string =>
  target === 'kvs' ? JSON.stringify({ code, message }) : JSON.stringify({ errorMessages: [message], errors: {} });

const JSON_HEADERS: Record<string, string> = { 'content-type': 'application/json' };

export const createFaultInjector = (input: Partial<FaultConfig> = {}): FaultInjector => {
  const config = FaultConfigSchema.parse(input);
  const random = seeded(config.seed);
  return {
    config,
    decide(target) {
      const base = config.latencyMs;
      if (!config.targets.includes(target) || config.rate === 0 || random() >= config.rate) return { delayMs: base };
      const kind = config.kinds[Math.floor(random() * config.kinds.length)] ?? 'slow';
      if (kind === 'slow') return { delayMs: base + config.slowMs };
      if (kind === '429') {
        return {
          delayMs: base,
          response: {
            status: 429,
            headers: { ...JSON_HEADERS, 'retry-after': String(config.retryAfterSeconds) },
            body: errorBody(
              target,
              target === 'kvs' ? 'RATE_LIMIT_EXCEEDED' : 'RATE_LIMITED',
              'Rate limit exceeded (injected by the local runtime)',
            ),
          },
        };
      }
      return {
        delayMs: base,
        response: {
          status: 503,
          headers: JSON_HEADERS,
          body: errorBody(target, 'SERVICE_UNAVAILABLE', 'Service unavailable (injected by the local runtime)'),
        },
      };
    },
  };
};
