import type { AppManifest } from '../platform/app-manifest';
import type { AppHost } from '../platform/app-host';

const INTERVAL_MS = { fiveMinute: 5 * 60_000, hour: 3_600_000, day: 86_400_000, week: 7 * 86_400_000 } as const;

/**
 * Runs scheduled triggers on a clock: at their manifest interval, or all of them every `everyMs` for
 * demos. Returns a stop function.
 */
export const startClock = (manifest: AppManifest, app: AppHost, everyMs?: number): (() => void) => {
  const timers = manifest.modules.scheduledTrigger.map((t) =>
    setInterval(() => {
      void app.runScheduledTrigger(t.key).then((o) => {
        console.log(`[clock] ${t.key}: ${o.ok ? 'ok' : `failed: ${o.error ?? ''}`}`);
      });
    }, everyMs ?? INTERVAL_MS[t.interval]),
  );
  return () => {
    timers.forEach(clearInterval);
  };
};
