/**
 * bench/board-render.mjs's hosts in a process of their own: the seeded runtime and its two hosts
 * (board-render-setup.ts), announced as one JSON line on stdout ({boardUrl, plainUrl, objectives}),
 * served until stdin closes; each line written to stdin is answered with the server times of the
 * board.get calls since the previous line (BenchHosts.boardGetsSince). The bench drives Chromium through
 * Playwright, whose client handles every protocol event in the bench's process; sharing that event loop
 * with the local server delayed the server's answers, the more so the more requests a page made (the
 * board's twenty files against the plain list's one), which no Forge site does.
 */
import path from 'node:path';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { FRAME_SITES } from '../local/host/resource-files';
import { startBenchHosts } from './board-render-setup';

const main = async (): Promise<void> => {
  // Unset: the host's default, frames from another site than the page as on Forge.
  const frames = z.enum(FRAME_SITES).optional().parse(process.env.BENCH_FRAMES);
  const hosts = await startBenchHosts(path.join(__dirname, 'plain-list'), process.env.BENCH_BOARD_DIR_RESOLVED, frames);
  process.stdout.write(
    `${JSON.stringify({ boardUrl: hosts.boardUrl, plainUrl: hosts.plainUrl, objectives: hosts.objectives })}\n`,
  );
  // Each line the bench writes asks for board.get's server times since the last ask (one JSON line back).
  createInterface({ input: process.stdin }).on('line', () => {
    process.stdout.write(`${JSON.stringify(hosts.boardGetsSince())}\n`);
  });
  process.stdin.on('end', () => {
    void hosts.close().then(() => process.exit(0));
  });
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
