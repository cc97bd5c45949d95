/**
 * bench/board-render.mjs's hosts in a process of their own: the seeded runtime and its two hosts
 * (board-render-setup.ts), announced as one JSON line on stdout ({boardUrl, plainUrl, objectives}),
 * served until stdin closes. The bench drives Chromium through Playwright, whose client handles every
 * protocol event in the bench's process; sharing that event loop with the local server delayed the
 * server's answers, the more so the more requests a page made (the board's twenty files against the
 * plain list's one), which no Forge site does.
 */
import path from 'node:path';
import { startBenchHosts } from './board-render-setup';

const main = async (): Promise<void> => {
  const frames = process.env.BENCH_FRAMES ?? 'cross-site';
  if (frames !== 'cross-site' && frames !== 'same-site')
    throw new Error(`BENCH_FRAMES must be cross-site or same-site (got '${frames}')`);
  const hosts = await startBenchHosts(path.join(__dirname, 'plain-list'), process.env.BENCH_BOARD_DIR_RESOLVED, frames);
  process.stdout.write(
    `${JSON.stringify({ boardUrl: hosts.boardUrl, plainUrl: hosts.plainUrl, objectives: hosts.objectives })}\n`,
  );
  process.stdin.resume();
  process.stdin.on('end', () => {
    void hosts.close().then(() => process.exit(0));
  });
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
