import type { Browser, FrameLocator, Page } from 'playwright-core';
import { seedScale } from '../../bench/scale-seed';
import { DEMO_USERS } from '../../local/demo';
import { createHostServer } from '../../local/host/host-server';
import type { HostServer } from '../../local/host/host-server';
import { createLocalRuntime } from '../../local/platform/local-runtime';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import { launchBrowser, TEST_FRAMES, watchProblems } from '../support/browser';
import type { PageProblems } from '../support/browser';
import { boardFrame } from './board-support';

/**
 * The board of a cycle larger than its first screen (400 objectives; board.get shows 100): collapsed
 * nodes say how many children they have and open on demand through board.children (click or Right
 * arrow), with a loading state, an error state with Retry, and "Show more" for the rest of a long list.
 * Screenshots (CADENCE_SHOTS=<dir>) at 1024x768 and 1440x900, light and dark.
 */
jest.setTimeout(120_000);

let runtime: LocalRuntime;
let server: HostServer;
let browser: Browser;
let seeded: Awaited<ReturnType<typeof seedScale>>;
const PRIYA = DEMO_USERS.priya.accountId;
const SHOTS = process.env.CADENCE_SHOTS;

beforeAll(async () => {
  runtime = createLocalRuntime();
  // One company objective with 79 team objectives under it: more than a first page of children (50).
  seeded = await seedScale(runtime, {
    objectives: 400,
    companyObjectives: 1,
    keyResultsPerObjective: 2,
    epicsPerKeyResult: 0,
    projects: 2,
    teams: 8,
  });
  runtime.kvs.setQuota({ readUnitsPerMinute: 1e9 });
  server = await createHostServer(runtime, { port: 0, host: '127.0.0.1', frames: TEST_FRAMES });
  browser = await launchBrowser();
}, 90_000);

afterAll(async () => {
  await browser.close();
  await server.close();
  runtime.close();
});

const collapsedToggles = (frame: FrameLocator) =>
  // The tree's toggles, not the KR chips beside them (also aria-expanded buttons).
  frame.locator('[data-row-kind="objective"] button.cad-row__toggle[aria-expanded="false"]');
const objectiveRows = (frame: FrameLocator) => frame.locator('[data-row-kind="objective"]');

const open = async (page: Page, query = ''): Promise<FrameLocator> => {
  await page.goto(`${server.url}/jira/apps/cadence-board?as=${PRIYA}${query}`);
  const frame = boardFrame(page);
  await frame.locator('[data-row-kind="objective"]').first().waitFor();
  // Objective rows only, scrolled to the end, where the first screen's collapsed nodes are.
  await frame.getByRole('button', { name: 'Show all key results' }).click();
  await frame
    .locator('[data-row-kind="keyResult"], [data-row-kind="keyResultPending"]')
    .first()
    .waitFor({ state: 'detached' });
  await frame.getByTestId('board-viewport').hover();
  await page.mouse.wheel(0, 100_000);
  await collapsedToggles(frame).first().waitFor();
  return frame;
};

const shoot = async (page: Page, name: string): Promise<void> => {
  if (SHOTS !== undefined) await page.screenshot({ path: `${SHOTS}/${name}.png` });
};

describe('a board larger than its first screen', () => {
  let problems: PageProblems;

  it("runs in a renderer process of its own on a host that serves frames across sites, as Forge's CDN is", async () => {
    // The host's default; this suite's other tests click into the frame, which needs same-site frames here.
    const crossSite = await createHostServer(runtime, { port: 0, host: '127.0.0.1' });
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${crossSite.url}/jira/apps/cadence-board?as=${PRIYA}`);
      await objectiveRows(boardFrame(page)).first().waitFor();
      // An out-of-process frame is a target of its own; a same-process one is not.
      const cdp = await browser.newBrowserCDPSession();
      const { targetInfos } = (await cdp.send('Target.getTargets')) as {
        targetInfos: { type: string; url: string }[];
      };
      await cdp.detach();
      const frames = targetInfos.filter((t) => t.type === 'iframe' && t.url.includes('/resources/board/'));
      expect(frames.map((t) => new URL(t.url).hostname)).toEqual(['localhost']);
    } finally {
      await context.close();
      await crossSite.close();
    }
  });

  it('opens a collapsed node on demand, by click and by keyboard, and says so while it loads', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    problems = watchProblems(page);
    const frame = await open(page);
    await frame
      .getByRole('status')
      .filter({ hasText: /400 objectives \(\d+ loaded\)/ })
      .waitFor();

    // Slow the next board.children down, so its loading state can be seen.
    let release: () => void = () => undefined;
    let hold: Promise<void> | undefined = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/__local/bridge/invoke', async (route) => {
      const held = hold;
      if (held !== undefined && route.request().postData()?.includes('board.children') === true) {
        hold = undefined;
        await held;
      }
      await route.continue();
    });
    const toggle = collapsedToggles(frame).first();
    const row = toggle.locator('xpath=ancestor::*[@data-row-kind="objective"]');
    const id = await row.getAttribute('data-objective-id');
    await toggle.click();
    await frame.getByRole('status').filter({ hasText: 'Loading aligned objectives…' }).waitFor();
    await expect(
      frame.locator(`[data-objective-id="${String(id)}"] button.cad-row__toggle`).getAttribute('aria-expanded'),
    ).resolves.toBe('true');
    release();
    await frame.getByRole('status').filter({ hasText: 'Loading aligned objectives…' }).waitFor({ state: 'detached' });
    const before = await objectiveRows(frame).count();
    expect(before).toBeGreaterThan(0);

    // Keyboard: Right on a collapsed objective's title opens it.
    const next = collapsedToggles(frame).first();
    const nextRow = next.locator('xpath=ancestor::*[@data-row-kind="objective"]');
    const nextId = String(await nextRow.getAttribute('data-objective-id'));
    await nextRow.locator('[data-row-focus]').focus();
    await page.keyboard.press('ArrowRight');
    await frame.locator(`[data-objective-id="${nextId}"] button.cad-row__toggle[aria-expanded="true"]`).waitFor();
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it('says when a page could not load, and Retry loads it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const frame = await open(page);
    let failNext = true;
    await page.route('**/__local/bridge/invoke', async (route) => {
      if (failNext && route.request().postData()?.includes('board.children') === true) {
        failNext = false;
        await route.abort('failed');
      } else await route.continue();
    });
    await collapsedToggles(frame).first().click();
    const alert = frame.getByRole('alert').filter({ hasText: 'Aligned objectives could not load' });
    await alert.waitFor();
    await shoot(page, 'board-window-error');
    await frame.getByRole('button', { name: 'Retry' }).first().click();
    await alert.waitFor({ state: 'detached' });
    await context.close();
  });

  it('shows the rest of a long list of children on demand', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const frame = await open(page);
    const more = frame.getByRole('button', { name: 'Show 29 more aligned objectives' });
    await more.waitFor();
    await shoot(page, 'board-window-show-more');
    const loaded = async (): Promise<number> =>
      Number(
        /\((\d+) loaded\)/.exec(
          (await frame
            .getByRole('status')
            .filter({ hasText: /loaded/ })
            .textContent()) ?? '',
        )?.[1],
      );
    const before = await loaded();
    expect(before).toBeLessThanOrEqual(100);
    await more.click();
    await more.waitFor({ state: 'detached' });
    await frame
      .getByRole('status')
      .filter({ hasText: `(${String(before + 29)} loaded)` })
      .waitFor();
    await context.close();
  });

  it('filtered by a team, asks the backend for the objectives of the team with their ancestors, however deep', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const frame = await open(page);
    const team = seeded.teams[3];
    const asked: string[] = [];
    page.on('request', (request) => {
      const body = request.postData() ?? '';
      if (request.url().endsWith('/__local/bridge/invoke') && body.includes('board.get')) asked.push(body);
    });
    await frame.getByRole('combobox', { name: 'Team' }).selectOption({ label: team?.name ?? '' });
    await frame
      .getByRole('status')
      .filter({ hasText: /[1-9][\d,]* of [\d,]+ (loaded )?objectives match(es)? the filters/ })
      .waitFor();
    expect(asked.some((body) => body.includes(team?.id ?? '?'))).toBe(true);
    await context.close();
  });

  for (const [width, height] of [
    [1024, 768],
    [1440, 900],
  ] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`looks right at ${String(width)}x${String(height)} (${theme})`, async () => {
        const context = await browser.newContext({ viewport: { width, height } });
        const page = await context.newPage();
        const frame = await open(page, theme === 'dark' ? '&theme=dark' : '');
        await shoot(page, `board-window-${String(width)}-${theme}-first`);
        const toggle = collapsedToggles(frame).first();
        const id = String(
          await toggle.locator('xpath=ancestor::*[@data-row-kind="objective"]').getAttribute('data-objective-id'),
        );
        // That row's own toggle: the first collapsed one may be another row by the time of the click.
        await frame.locator(`[data-objective-id="${id}"] button.cad-row__toggle[aria-expanded="false"]`).click();
        await frame.locator(`[data-objective-id="${id}"] button.cad-row__toggle[aria-expanded="true"]`).waitFor();
        await frame.getByText('Loading aligned objectives…').waitFor({ state: 'detached' });
        await shoot(page, `board-window-${String(width)}-${theme}-expanded`);
        await context.close();
      });
    }
  }
});
