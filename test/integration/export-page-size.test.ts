import { PAGE_BYTES } from '../../src/adapters/kvs/export-pages';
import { newRuntime, ok } from '../support/cadence-client';
import { exportPages } from '../support/export-document';
import { aKeyResult, anActiveCycle, anObjective } from '../support/scenario';

/**
 * Export pages are cut by size, not only by count (issue #9): each must go back as one
 * data.import.append under Forge's 500 KB invoke limit, however long the texts and histories.
 */
describe('export page size', () => {
  it('keeps every page under its byte budget when objectives carry long histories', async () => {
    const runtime = newRuntime();
    const cycle = await anActiveCycle(runtime, 20);
    const words = (n: number, seed: string): string => `${seed} `.repeat(Math.ceil(n / (seed.length + 1))).slice(0, n).trim();
    for (let o = 0; o < 6; o++) {
      const objective = await anObjective(runtime, 'priya', {
        cycleId: cycle.id,
        level: 'individual',
        title: `Make payout batch ${String(o)} boringly reliable`,
        description: words(4000, `Context for batch ${String(o)}`),
      });
      const kr = await aKeyResult(runtime, 'priya', objective.id, { title: `Grow batch ${String(o)} from 0 to 100`, metric: { kind: 'number', start: 0, target: 100 } });
      for (let c = 0; c < 20; c++) {
        const checkIn = { keyResultId: kr.id, value: c, confidence: 'on_track', note: words(2000, `Week ${String(c)} note`), blockers: words(2000, `Week ${String(c)} blocker`) };
        await ok(runtime, 'checkIns.create', checkIn, 'priya');
      }
    }
    runtime.kvs.settle();
    const pages = await exportPages(runtime);
    const objectivePages = pages.filter((p) => (p.objectives?.length ?? 0) > 0);
    // About 90 KB an objective: three to a page at most, so the six take at least two pages.
    expect(objectivePages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(Buffer.byteLength(JSON.stringify(page), 'utf8')).toBeLessThanOrEqual(PAGE_BYTES + 1_000);
    expect(objectivePages.flatMap((p) => p.objectives ?? [])).toHaveLength(6);
    expect(objectivePages.flatMap((p) => p.checkIns ?? [])).toHaveLength(120);
  }, 120_000);
});
