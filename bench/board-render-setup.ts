/**
 * The runtime bench/board-render.mjs measures against: 1,000 objectives seeded (bench/scale-seed.ts)
 * and two hosts on the same data. One serves the real board; the other serves bench/plain-list in the
 * board's place, so both pages load through the same Jira page, frame, bridge and board.get call.
 * Frames come from another site than the page, as on Forge (the host's default), unless `frames` says
 * `same-site` (BENCH_FRAMES=same-site, to compare).
 */
import { createHostServer } from '../local/host/host-server';
import type { FrameSite } from '../local/host/resource-files';
import { createLocalRuntime } from '../local/platform/local-runtime';
import { BOARD_SCALE, seedScale } from './scale-seed';

export interface BenchHosts {
  boardUrl: string;
  plainUrl: string;
  objectives: number;
  /**
   * How long each board.get the runtime answered since the last call took on the server (its own
   * invocation log), oldest first: the bench reads it after each page load.
   */
  boardGetsSince(): number[];
  close(): Promise<void>;
}

/**
 * `plainListDir`: bench/plain-list, passed in because this module is loaded both as CJS and as ESM (tsx).
 * `boardDir`: a built board other than static/build/board (BENCH_BOARD_DIR), so a bench can run on a
 * build of its own while others rebuild the shared one.
 */
export const startBenchHosts = async (
  plainListDir: string,
  boardDir?: string,
  frames?: FrameSite,
): Promise<BenchHosts> => {
  const runtime = createLocalRuntime();
  await seedScale(runtime, BOARD_SCALE);
  const board = await createHostServer(runtime, {
    port: 0,
    host: '127.0.0.1',
    ...(frames === undefined ? {} : { frames }),
    ...(boardDir === undefined
      ? {}
      : { extraResources: { 'board-bench': boardDir }, moduleResources: { 'cadence-board': 'board-bench' } }),
  });
  const plain = await createHostServer(runtime, {
    port: 0,
    host: '127.0.0.1',
    ...(frames === undefined ? {} : { frames }),
    extraResources: { 'plain-list': plainListDir },
    moduleResources: { 'cadence-board': 'plain-list' },
  });
  const seen = new Set(runtime.log.recent().map((e) => e.invocationId));
  return {
    boardUrl: `${board.url}/jira/apps/cadence-board`,
    plainUrl: `${plain.url}/jira/apps/cadence-board`,
    objectives: BOARD_SCALE.objectives,
    boardGetsSince: () => {
      const fresh = runtime.log.recent().filter((e) => !seen.has(e.invocationId));
      for (const e of fresh) seen.add(e.invocationId);
      return fresh.filter((e) => e.call === 'board.get').map((e) => e.durationMs);
    },
    close: async () => {
      await board.close();
      await plain.close();
      runtime.close();
    },
  };
};
