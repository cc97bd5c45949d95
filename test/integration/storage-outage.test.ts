import { seedDemoSite } from '../../local/demo';
import { createLocalRuntime } from '../../local/platform/local-runtime';
import { call } from '../support/cadence-client';

/** Storage that is down or rate-limited is reported as UNAVAILABLE (wait and retry), not as a bug. */
describe('storage outages', () => {
  // A 429 is retried with backoff for up to 8 s per request (RATE_LIMIT_BUDGET_MS) before it is reported.
  it.each(['5xx', '429'] as const)('answers UNAVAILABLE when storage fails with %s', async (kind) => {
    const runtime = createLocalRuntime({ faults: { rate: 1, kinds: [kind], targets: ['kvs'] } });
    try {
      seedDemoSite(runtime.site);
      await expect(call(runtime, 'cycles.list', {}, 'priya')).resolves.toMatchObject({
        ok: false,
        error: { code: 'UNAVAILABLE' },
      });
    } finally {
      runtime.close();
    }
  }, 30_000);
});
