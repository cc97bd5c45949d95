import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`), used when it is there. */
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium that @sparticuz/chromium ships inside its npm package (a headless-shell build, brotli
 * compressed), with the NSS, NSPR and expat libraries the package carries for Amazon Linux (a Debian with
 * only Node lacks them; `ldd` on the binary lists them as its only needs besides glibc) and its fonts.
 * The package inflates into os.tmpdir(); a short-lived node process (the package is ESM-only, which
 * jest's CommonJS module system cannot load) does it into a staging folder that is then renamed into
 * place, so parallel jest workers and an interrupted run never see a half-written binary.
 */
const INFLATE = `
  const path = require('node:path');
  import('@sparticuz/chromium').then(async ({ default: chromium, inflate }) => {
    await chromium.executablePath();
    await inflate(path.join(path.dirname(require.resolve('@sparticuz/chromium')), '..', 'bin', 'al2023.tar.br'));
  });
`;

interface Chromium {
  executable: string;
  /** Extra environment for the browser process (the bundled build's libraries and fonts). */
  env?: Record<string, string>;
}

// From __filename: tsx's tsImport (bench/board-render.mjs) sets it but not a usable __dirname.
const ROOT = path.join(path.dirname(__filename), '..', '..');

const bundledChromium = (): Chromium => {
  const { version } = JSON.parse(
    readFileSync(path.join(ROOT, 'node_modules', '@sparticuz', 'chromium', 'package.json'), 'utf8'),
  ) as { version: string };
  const home = path.join(tmpdir(), `cadence-chromium-${version}`);
  if (!existsSync(home)) {
    const staging = mkdtempSync(`${home}.staging-`);
    execFileSync(process.execPath, ['-e', INFLATE], { cwd: ROOT, env: { ...process.env, TMPDIR: staging } });
    // The package's fonts.conf names /tmp/fonts; point fontconfig at this copy instead.
    writeFileSync(
      path.join(staging, 'fonts', 'fonts.conf'),
      `<?xml version="1.0"?>\n<fontconfig><dir>${home}/fonts</dir><cachedir>${home}/fonts-cache</cachedir></fontconfig>\n`,
    );
    try {
      renameSync(staging, home);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another worker got there first
    }
  }
  const libs = path.join(home, 'al2023', 'lib');
  const inherited = process.env.LD_LIBRARY_PATH;
  return {
    executable: path.join(home, 'chromium'),
    env: { LD_LIBRARY_PATH: inherited ? `${libs}:${inherited}` : libs, FONTCONFIG_PATH: path.join(home, 'fonts') },
  };
};

let bundled: Chromium | undefined;

/**
 * Which Chromium the browser suites drive, so `npm ci && npm test` needs nothing but Node: CHROMIUM_PATH
 * names a binary; CADENCE_CHROMIUM=system or =bundled forces one; otherwise the system one when present,
 * else the npm-bundled one. No browser is ever downloaded.
 */
export const chooseChromium = (env: NodeJS.ProcessEnv = process.env): Chromium => {
  if (env.CHROMIUM_PATH) return { executable: env.CHROMIUM_PATH };
  const choice = env.CADENCE_CHROMIUM ?? 'auto';
  if (choice === 'system' || (choice === 'auto' && existsSync(SYSTEM_CHROMIUM))) return { executable: SYSTEM_CHROMIUM };
  if (choice !== 'bundled' && choice !== 'auto') {
    throw new Error(`CADENCE_CHROMIUM must be system or bundled (got '${choice}')`);
  }
  return (bundled ??= bundledChromium());
};

/**
 * One headless Chromium per test file. The flags keep it from phoning home or spending time on
 * background work in CI.
 */
export const launchBrowser = (): Promise<Browser> => {
  const chosen = chooseChromium();
  return chromium.launch({
    executablePath: chosen.executable,
    headless: true,
    ...(chosen.env === undefined ? {} : { env: { ...process.env, ...chosen.env } }),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
};

/**
 * The module frames the browser suites' hosts serve: from the page's own site. Across sites (Forge's
 * way, the host's default) Chromium runs a frame in a process of its own, and in this headless Chromium
 * page-level mouse input (page.mouse, and clicks Playwright routes through the page) then lands on the
 * host page's <iframe> element instead of the frame's content. board-window.test.ts checks the
 * cross-site frame on its own; host-bridge and host-pages tests run cross-site.
 */
export const TEST_FRAMES = 'same-site';

/** Console errors, uncaught page errors and CSP violations seen by a page (its frames included). */
export interface PageProblems {
  errors: string[];
}

export const watchProblems = (page: Page): PageProblems => {
  const problems: PageProblems = { errors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.text().includes('Content Security Policy')) {
      problems.errors.push(`console: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => {
    problems.errors.push(`pageerror: ${error.message}`);
  });
  return problems;
};

/** Where screenshots go (gitignored). */
export const SCREENSHOT_DIR = path.join(__dirname, '..', '..', 'test-artifacts', 'screenshots');

export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
};
