import { DAY_MS } from './calendar-day';
import { cycleSpan, expectedProgress } from './pace';
import { DEFAULT_STATUS_THRESHOLDS, trackStatus } from './status';
import { STALE_AFTER_DAYS } from './staleness';
import { trackStatusHorizon } from './track-horizon';

const cycle = { startDate: '2026-10-01', endDate: '2026-12-31' };
const { start, end } = cycleSpan(cycle);

/** The status the rules give at `t` for these stored figures (staleness as domain/staleness.ts words it). */
const statusAt = (progress: number | null, freshSince: number | undefined, t: number) =>
  trackStatus(
    {
      progress,
      expected: expectedProgress(cycle, new Date(t)),
      stale: freshSince !== undefined && t - freshSince > STALE_AFTER_DAYS * DAY_MS,
    },
    DEFAULT_STATUS_THRESHOLDS,
  );

/** A small deterministic generator, so a failure names the case that failed. */
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
  return seed / 2_147_483_648;
};

describe('trackStatusHorizon', () => {
  it('keeps the status unchanged until the horizon, for any figures and any moment', () => {
    const next = random(7);
    for (let i = 0; i < 3000; i++) {
      const progress = next() < 0.1 ? null : Math.round(next() * 1000) / 1000;
      const now = start - 5 * DAY_MS + next() * (end - start + 10 * DAY_MS);
      const freshSince = next() < 0.3 ? undefined : now - next() * 10 * DAY_MS;
      const horizon = trackStatusHorizon({ progress, freshSince }, cycle, new Date(now), DEFAULT_STATUS_THRESHOLDS);
      expect(horizon).toBeGreaterThanOrEqual(now);
      const before = statusAt(progress, freshSince, now);
      const last = Number.isFinite(horizon) ? horizon - 1 : end + 30 * DAY_MS;
      for (const t of [now, (now + last) / 2, last].filter((x) => x >= now)) {
        if (statusAt(progress, freshSince, t) !== before)
          throw new Error(`case ${String(i)}: ${before} changed before the horizon (progress ${String(progress)}, t ${String(t)})`);
      }
    }
  });

  it('is the moment figures turn stale, and never ends once they are stale', () => {
    const fresh = start + 20 * DAY_MS;
    const now = new Date(fresh + DAY_MS);
    expect(trackStatusHorizon({ progress: null, freshSince: fresh }, cycle, now, DEFAULT_STATUS_THRESHOLDS)).toBe(fresh + 7 * DAY_MS);
    expect(statusAt(null, fresh, fresh + 7 * DAY_MS + 1)).toBe('stale');
    const later = new Date(fresh + 8 * DAY_MS);
    expect(trackStatusHorizon({ progress: 0.9, freshSince: fresh }, cycle, later, DEFAULT_STATUS_THRESHOLDS)).toBe(Infinity);
  });

  it('ends just before the expected line leaves progress behind, then before it puts it at risk', () => {
    const span = end - start;
    const now = new Date(start);
    const behind = trackStatusHorizon({ progress: 0.2, freshSince: undefined }, cycle, now, DEFAULT_STATUS_THRESHOLDS);
    expect(behind).toBeLessThan(start + 0.3 * span);
    expect(behind).toBeGreaterThan(start + 0.3 * span - 0.001 * span);
    expect(statusAt(0.2, undefined, start + 0.3 * span + 0.0001 * span)).toBe('behind');
    const atRisk = trackStatusHorizon({ progress: 0.2, freshSince: undefined }, cycle, new Date(start + 0.31 * span), DEFAULT_STATUS_THRESHOLDS);
    expect(atRisk).toBeLessThan(start + 0.45 * span);
    expect(atRisk).toBeGreaterThan(start + 0.45 * span - 0.001 * span);
  });

  it('is now when the line is within the rounding of a threshold, and Infinity with nothing left to cross', () => {
    const span = end - start;
    const at = new Date(start + 0.3 * span);
    expect(trackStatusHorizon({ progress: 0.2, freshSince: undefined }, cycle, at, DEFAULT_STATUS_THRESHOLDS)).toBe(at.getTime());
    expect(trackStatusHorizon({ progress: 0.95, freshSince: undefined }, cycle, new Date(start), DEFAULT_STATUS_THRESHOLDS)).toBe(Infinity);
    expect(trackStatusHorizon({ progress: null, freshSince: undefined }, cycle, new Date(start), DEFAULT_STATUS_THRESHOLDS)).toBe(Infinity);
  });
});
