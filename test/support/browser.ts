import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

/**
 * One headless Chromium per test file, from the system package (no browser download). The flags keep
 * it from phoning home or spending time on background work in CI.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
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
