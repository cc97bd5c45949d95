import type { FrameLocator, Page } from 'playwright-core';
import { localLicense } from '../../local/platform/runtime-globals';
import type { OpenedPage } from './views-host';
import { PEOPLE, screenshot, seriousViolations, useViewsHost, withUser } from './views-host';

/**
 * Read-only mode in a real browser (README "Licensing"): with the installation's license inactive every
 * surface shows the one banner and no control that writes is enabled; with it back there is no banner.
 * CADENCE_SHOTS_DIR=<dir> also saves each surface at 1024x768 and 1440x900, light and dark.
 */
jest.setTimeout(120_000);

const suite = useViewsHost();
const { open } = suite;

const BANNER = 'Cadence is read-only on this site';
/** Accessible names of the controls that change data, on any surface. */
const WRITE =
  /^(New objective|New cycle|Create a cycle|Edit|Add a key result|Check in|No change|Link|Unlink|Start cycle|Move to review|Reopen|Close cycle)\b/;

const SURFACES: readonly { name: string; path: string; ready: (frame: FrameLocator) => Promise<void> }[] = [
  {
    name: 'board',
    path: withUser('/jira/apps/cadence-board', PEOPLE.priya),
    ready: (f) => f.locator('[data-row-kind="keyResult"]').first().waitFor(),
  },
  {
    name: 'team',
    path: withUser('/jira/projects/ONB/apps/cadence-team', PEOPLE.hannah),
    ready: (f) => f.getByRole('heading', { name: 'Team score over the cycle' }).waitFor(),
  },
  {
    name: 'panel',
    path: withUser('/jira/browse/ONB-1', PEOPLE.hannah),
    ready: (f) => f.getByRole('heading', { name: 'Epic progress' }).waitFor(),
  },
  {
    name: 'gadget',
    path: withUser('/jira/dashboards/local', PEOPLE.hannah),
    ready: (f) => f.getByRole('heading', { name: 'Choose what this gadget shows' }).waitFor(),
  },
  {
    name: 'macro',
    path: withUser('/wiki/spaces/OKR/pages/1001', PEOPLE.elena),
    // Unconfigured: the prompt (the check-in panel mode shares KeyResultCheckIn with the team page).
    ready: (f) => f.getByRole('heading', { name: 'Choose what this OKR macro shows' }).waitFor(),
  },
];

/** Names of the write controls in the frame that a person could still press. */
const enabledWriteControls = async (frame: FrameLocator): Promise<string[]> => {
  const buttons = frame.getByRole('button');
  const enabled: string[] = [];
  for (const button of await buttons.all()) {
    const name = ((await button.getAttribute('aria-label')) ?? (await button.innerText())).trim();
    if (!WRITE.test(name)) continue;
    // isDisabled covers a disabled fieldset around the button; WriteButton uses aria-disabled.
    const inert = (await button.isDisabled()) || (await button.getAttribute('aria-disabled')) === 'true';
    if (!inert) enabled.push(name);
  }
  return enabled;
};

const countWriteControls = async (frame: FrameLocator): Promise<number> => {
  let n = 0;
  for (const button of await frame.getByRole('button').all()) {
    const name = ((await button.getAttribute('aria-label')) ?? (await button.innerText())).trim();
    if (WRITE.test(name)) n++;
  }
  return n;
};

const shots = async (o: OpenedPage, name: string, path: string): Promise<void> => {
  const dir = process.env.CADENCE_SHOTS_DIR;
  if (dir === undefined || dir === '') return;
  for (const theme of ['light', 'dark'] as const) {
    for (const [width, height] of [
      [1024, 768],
      [1440, 900],
    ] as const) {
      const page: Page = await o.page.context().newPage();
      await page.setViewportSize({ width, height });
      await page.goto(suite.host().url + (theme === 'dark' ? `${path}&theme=dark` : path));
      const frame = page.locator('iframe[data-frame-id]').first().contentFrame();
      await frame.getByRole('status').filter({ hasText: BANNER }).waitFor();
      await page.screenshot({ path: `${dir}/${name}-${width}x${height}-${theme}.png` });
      await page.close();
    }
  }
};

describe('read-only mode (license inactive)', () => {
  afterEach(() => {
    suite.host().runtime.installation.license = localLicense('none');
  });

  it.each(SURFACES)('$name shows the banner and no enabled write control', async ({ name, path, ready }) => {
    suite.host().runtime.installation.license = localLicense('inactive');
    const o = await open(path);
    const frame = o.frame();
    const banner = frame.getByRole('status').filter({ hasText: BANNER });
    await banner.waitFor();
    await ready(frame);
    expect(await banner.count()).toBe(1);
    expect(await banner.getByRole('button').count()).toBe(0); // nothing dismisses it
    expect(await enabledWriteControls(frame)).toEqual([]);
    expect(await seriousViolations(o.page)).toEqual([]);
    await screenshot(o.page, `read-only-${name}`);
    await shots(o, name, path);
  });

  it('board: a blocked control says why on hover and focus', async () => {
    suite.host().runtime.installation.license = localLicense('inactive');
    const o = await open(withUser('/jira/apps/cadence-board', PEOPLE.priya));
    const frame = o.frame();
    await frame.getByRole('status').filter({ hasText: BANNER }).waitFor();
    const create = frame.getByRole('button', { name: 'New objective' });
    expect(await create.getAttribute('title')).toMatch(/license on this site is not active/);
    expect(await create.getAttribute('aria-describedby')).toBe('cad-read-only-banner');
    await create.click({ force: true }); // Playwright itself counts it as not enabled
    expect(await frame.getByRole('dialog').count()).toBe(0); // pressing it opens no form
  });

  it.each(SURFACES)('$name shows no banner while the license is active', async ({ path, ready }) => {
    suite.host().runtime.installation.license = localLicense('active');
    const o = await open(path);
    const frame = o.frame();
    await ready(frame);
    expect(await frame.getByText(BANNER).count()).toBe(0);
  });

  it('writes are on again with the license active: the board offers them', async () => {
    suite.host().runtime.installation.license = localLicense('active');
    const o = await open(withUser('/jira/apps/cadence-board', PEOPLE.priya));
    const frame = o.frame();
    await frame.locator('[data-row-kind="keyResult"]').first().waitFor();
    expect(await countWriteControls(frame)).toBeGreaterThan(0);
    expect((await enabledWriteControls(frame)).length).toBeGreaterThan(0);
  });
});
