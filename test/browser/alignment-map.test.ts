import type { Browser, FrameLocator, Page } from 'playwright-core';
import { seedScale } from '../../bench/scale-seed';
import type { SeededScale } from '../../bench/scale-seed';
import { DEMO_USERS } from '../../local/demo';
import { createHostServer } from '../../local/host/host-server';
import type { HostServer } from '../../local/host/host-server';
import { createLocalRuntime } from '../../local/platform/local-runtime';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import { launchBrowser, screenshot, TEST_FRAMES, watchProblems } from '../support/browser';
import type { PageProblems } from '../support/browser';
import { frameSelector } from './views-host';

/**
 * The board's alignment map on a 1,000-objective cycle (#11), where every title starts "Make enterprise
 * customers successful in region …": no two boxes read the same (two lines, the end of a long title),
 * full titles on hover (SVG title) and on keyboard focus (a visible tooltip), zoom with the buttons and
 * + / − / 0, a click focuses a branch with a breadcrumb back. English and Dutch, light and dark, at
 * 1024x768 and 1440x900 (screenshots).
 */
jest.setTimeout(180_000);

let runtime: LocalRuntime;
let server: HostServer;
let browser: Browser;
let seeded: SeededScale;
let page: Page;
let problems: PageProblems;
const ELENA = DEMO_USERS.elena.accountId;

beforeAll(async () => {
  runtime = createLocalRuntime();
  seeded = await seedScale(runtime, {
    objectives: 1000,
    companyObjectives: 3,
    keyResultsPerObjective: 1,
    epicsPerKeyResult: 0,
    projects: 2,
    teams: 4,
  });
  runtime.kvs.setQuota({ readUnitsPerMinute: 1e9 });
  server = await createHostServer(runtime, { port: 0, host: '127.0.0.1', frames: TEST_FRAMES });
  browser = await launchBrowser();
}, 150_000);

afterAll(async () => {
  await browser.close();
  await server.close();
  runtime.close();
});

afterEach(async () => {
  expect(problems.errors).toEqual([]);
  await page.context().close();
});

const openMap = async (viewport: { width: number; height: number }, query = ''): Promise<FrameLocator> => {
  const context = await browser.newContext({ viewport });
  page = await context.newPage();
  problems = watchProblems(page);
  await page.goto(`${server.url}/jira/apps/cadence-board?as=${ELENA}${query}`);
  const frame = page.locator(frameSelector()).first().contentFrame();
  const picker = frame.locator('select').first();
  await picker.waitFor();
  const option = await picker.locator('option', { hasText: seeded.cycle.name }).first().getAttribute('value');
  await picker.selectOption(option ?? '');
  await frame.locator('[data-row-kind="objective"]').first().waitFor();
  // The view switch: "Map" in English, "Kaart" in Dutch (the board's words, helper B1's catalog).
  await frame.getByRole('button', { name: /^(Map|Kaart)$/ }).click();
  await frame.locator('.cad-map__node').first().waitFor();
  return frame;
};

/** What each box shows of its title: its two title lines (in node order, two per node). */
const boxTitles = async (frame: FrameLocator): Promise<string[]> => {
  const lines = await frame.locator('.cad-map__node .cad-map__title').allTextContents();
  return lines.flatMap((line, i) => (i % 2 === 0 ? [`${line} / ${lines[i + 1] ?? ''}`] : []));
};

const svgWidth = async (frame: FrameLocator): Promise<number> =>
  Number(await frame.locator('.cad-map svg').first().getAttribute('width'));

describe('the alignment map at 1,000 objectives', () => {
  it('tells every box apart, zooms, shows full titles and focuses on a branch (1440x900)', async () => {
    const frame = await openMap({ width: 1440, height: 900 });
    const titles = await boxTitles(frame);
    expect(titles.length).toBeGreaterThan(10);
    // Every box reads differently, and each shows its distinguishing end ("… region 57").
    expect(new Set(titles).size).toBe(titles.length);
    for (const t of titles.filter((x) => x.startsWith('Make enterprise'))) expect(t).toMatch(/region \d+$/);

    // Full title on hover (SVG <title>) and in a visible tooltip on keyboard focus.
    const node = frame.locator('.cad-map__node').nth(1);
    const full = (await node.locator('title').textContent()) ?? '';
    expect(full.length).toBeGreaterThan(0);
    await node.focus();
    const tip = frame.getByRole('tooltip');
    await tip.waitFor();
    expect(await tip.locator('.cad-map__tip-title').textContent()).toBe(full);
    expect(await node.getAttribute('aria-describedby')).toBe(await tip.getAttribute('id'));
    await screenshot(page, 'alignment-map-1440-tooltip');

    // Zoom: buttons and keys.
    const actual = await svgWidth(frame);
    await frame.getByRole('button', { name: 'Zoom out' }).click();
    expect(await svgWidth(frame)).toBeLessThan(actual);
    await node.focus();
    await page.keyboard.press('0');
    expect(await svgWidth(frame)).toBe(actual);
    await page.keyboard.press('+');
    expect(await svgWidth(frame)).toBeGreaterThan(actual);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    expect(await svgWidth(frame)).toBeLessThan(actual);
    await screenshot(page, 'alignment-map-1440-zoomed-out');
    await page.keyboard.press('0');

    // A company objective with aligned objectives: a click shows its branch, the breadcrumb leads back.
    const root = frame.locator('.cad-map__node').first();
    const rootTitle = (await root.locator('title').textContent()) ?? '';
    const before = await frame.locator('.cad-map__node').count();
    await root.click();
    const crumbs = frame.getByRole('navigation', { name: 'Branch shown' });
    await crumbs.locator('[aria-current="location"]', { hasText: rootTitle }).waitFor();
    // The branch alone (it loads the rest of its children, so it may show more of them than the whole map did).
    const inBranch = await frame.locator('.cad-map__node').count();
    expect(inBranch).toBeGreaterThan(1);
    expect(before).toBeGreaterThan(1);
    expect(await frame.locator('.cad-map__node').first().locator('title').textContent()).toBe(rootTitle);
    await screenshot(page, 'alignment-map-1440-branch');
    await crumbs.getByRole('button', { name: 'All objectives' }).click();
    await crumbs.locator('[aria-current="location"]', { hasText: 'All objectives' }).waitFor();

    // The branch's top, clicked again, opens the objective in the side panel.
    await frame.locator('.cad-map__node').first().click();
    await frame.locator('.cad-map__node').first().click();
    await frame.getByRole('dialog').getByRole('heading', { name: rootTitle, level: 3 }).waitFor();
  });

  it.each([
    ['1024x768 light en', { width: 1024, height: 768 }, ''],
    ['1024x768 dark nl', { width: 1024, height: 768 }, '&theme=dark&locale=nl-NL'],
    ['1440x900 dark en', { width: 1440, height: 900 }, '&theme=dark'],
    ['1440x900 light nl', { width: 1440, height: 900 }, '&locale=nl-NL'],
  ] as const)('reads at %s', async (name, viewport, query) => {
    const frame = await openMap(viewport, query);
    const titles = await boxTitles(frame);
    expect(new Set(titles).size).toBe(titles.length);
    if (query.includes('nl-NL')) {
      await frame.getByRole('button', { name: 'Uitzoomen' }).waitFor();
      await frame.getByRole('navigation', { name: 'Getoonde tak' }).waitFor();
    } else {
      await frame.getByRole('button', { name: 'Zoom in' }).waitFor();
    }
    await frame.locator('.cad-map__node').first().focus();
    await frame.getByRole('tooltip').waitFor();
    await screenshot(page, `alignment-map-${name.replace(/\W+/g, '-')}`);
  });
});
