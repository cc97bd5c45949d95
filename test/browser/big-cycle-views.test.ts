import type { Browser, FrameLocator, Page } from 'playwright-core';
import { seedScale } from '../../bench/scale-seed';
import type { SeededScale } from '../../bench/scale-seed';
import { DEMO_USERS } from '../../local/demo';
import { createHostServer } from '../../local/host/host-server';
import type { HostServer } from '../../local/host/host-server';
import { createLocalRuntime } from '../../local/platform/local-runtime';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import type { BoardNode } from '../../src/contract';
import { ok } from '../support/cadence-client';
import { launchBrowser, TEST_FRAMES, watchProblems } from '../support/browser';
import type { PageProblems } from '../support/browser';
import { frameSelector, seriousViolations } from './views-host';

/**
 * The views that used to read board.get as the whole tree, on a cycle larger than its first screen
 * (400 objectives; board.get shows 100): the gadget lists every KR I own (keyResults.mine), the issue
 * panel's and the macro config's objective pickers find a deep objective as people type
 * (objectives.search), and the macro's tree opens collapsed nodes through board.children and finds a
 * deep objective by opening its ancestors. Screenshots (CADENCE_SHOTS=<dir>) at 1024x768 and 1440x900,
 * light and dark.
 */
jest.setTimeout(120_000);

let runtime: LocalRuntime;
let server: HostServer;
let browser: Browser;
let seeded: SeededScale;
let firstScreen: Set<string>;
const ELENA = DEMO_USERS.elena.accountId;
const PRIYA = DEMO_USERS.priya.accountId;
const SHOTS = process.env.CADENCE_SHOTS;

const idsOf = (nodes: readonly BoardNode[]): string[] => nodes.flatMap((n) => [n.objective.id, ...idsOf(n.children)]);

beforeAll(async () => {
  runtime = createLocalRuntime();
  seeded = await seedScale(runtime, {
    objectives: 400,
    // One company objective with 79 team objectives under it: more than a first page of children (50).
    companyObjectives: 1,
    keyResultsPerObjective: 2,
    epicsPerKeyResult: 0,
    projects: 2,
    teams: 3,
  });
  runtime.kvs.setQuota({ readUnitsPerMinute: 1e9 });
  firstScreen = new Set(idsOf((await ok(runtime, 'board.get', { cycleId: seeded.cycle.id }, 'elena')).roots));
  server = await createHostServer(runtime, { port: 0, host: '127.0.0.1', frames: TEST_FRAMES });
  browser = await launchBrowser();
}, 90_000);

afterAll(async () => {
  await browser.close();
  await server.close();
  runtime.close();
});

/** The number in a seeded title ("... in region 57"): with 400 objectives, 40-399 name exactly one. */
const regionOf = (title: string): string => title.split(' ').at(-1) ?? '';

/** An objective of this level past the first screen that a search for its region finds alone. */
const deepObjective = (level: 'team' | 'individual', withChildren: boolean) => {
  const childCount = (id: string) => seeded.aggregates.filter((a) => a.objective.parentObjectiveId === id).length;
  const found = seeded.aggregates.find(
    (a) =>
      a.objective.level === level &&
      !firstScreen.has(a.objective.id) &&
      Number(regionOf(a.objective.title)) >= 40 &&
      (!withChildren || childCount(a.objective.id) > 0),
  );
  if (found === undefined) throw new Error(`no ${level} objective past the first screen`);
  return found;
};

let page: Page;
let problems: PageProblems;
const openPage = async (path: string, viewport = { width: 1280, height: 900 }): Promise<Page> => {
  const context = await browser.newContext({ viewport });
  page = await context.newPage();
  problems = watchProblems(page);
  await page.goto(server.url + path);
  return page;
};
afterEach(async () => {
  expect(problems.errors).toEqual([]);
  await page.context().close();
});

const frame = (role?: string): FrameLocator => page.locator(frameSelector(role)).first().contentFrame();
const shoot = async (name: string): Promise<void> => {
  if (SHOTS !== undefined) await page.screenshot({ path: `${SHOTS}/${name}.png` });
};

/** Types into the picker's search field and waits until the Objective select lists exactly one hit. */
const searchAndPick = async (
  form: Pick<FrameLocator, 'getByRole' | 'getByText' | 'getByLabel'>,
  title: string,
): Promise<void> => {
  await form.getByRole('searchbox', { name: 'Search objectives' }).fill(`region ${regionOf(title)}`);
  await form.getByText(`1 objective matches “region ${regionOf(title)}”.`).waitFor();
  const select = form.getByLabel('Objective', { exact: true });
  const option = select.locator('option', { hasText: title });
  await select.selectOption((await option.getAttribute('value')) ?? '');
};

/** Saves a macro config on a page and waits for the macro to show it. */
const configureMacro = async (pageId: string, as: string, choose: (d: FrameLocator) => Promise<void>) => {
  await openPage(`/wiki/spaces/OKR/pages/${pageId}?configure=1&as=${as}`);
  const dialog = frame('macro-config');
  await dialog.getByRole('form', { name: 'Configure the OKR macro' }).waitFor();
  await choose(dialog);
  expect(await seriousViolations(page, 'macro-config')).toEqual([]);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.locator('#macro-config-dialog').waitFor({ state: 'detached' });
  return frame('view');
};

describe('views of a cycle larger than its first screen', () => {
  it('the gadget lists every key result I own, also under objectives past the first screen', async () => {
    const mine = seeded.aggregates.flatMap((a) => a.keyResults.filter((kr) => kr.ownerAccountId === PRIYA));
    expect(
      seeded.aggregates.some(
        (a) => !firstScreen.has(a.objective.id) && a.keyResults.some((kr) => kr.ownerAccountId === PRIYA),
      ),
    ).toBe(true);
    await openPage(`/jira/dashboards/local?edit=cadence-gadget&as=${PRIYA}`);
    const form = frame('gadget-edit');
    await form.getByRole('radio', { name: /^My key results/ }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(`${server.url}/jira/dashboards/local?as=${PRIYA}`);
    const view = frame('view');
    await view.getByRole('heading', { name: /^My key results · Bench quarter/ }).waitFor();
    await view
      .getByText(`${String(mine.length)} key results`, { exact: false })
      .first()
      .waitFor();
    expect(await view.locator('.cad-kr__title').count()).toBe(mine.length);
    expect(await seriousViolations(page, 'view')).toEqual([]);
  });

  it('the issue panel finds an objective deep in the tree as I type, and links the epic to its KR', async () => {
    const deep = deepObjective('individual', false);
    const kr = deep.keyResults[0];
    if (kr === undefined) throw new Error('no KR');
    const epic = runtime.site.createIssue({
      project: 'BN0',
      issueType: 'Epic',
      summary: 'Deep link epic',
      actor: ELENA,
    });
    await runtime.whenIdle();
    await openPage(`/jira/browse/${epic.key}?as=${ELENA}`);
    const panel = frame();
    await panel.getByRole('button', { name: 'Link this epic to a KR' }).click();
    const form = panel.getByRole('form', { name: `Link ${epic.key} to a key result` });
    await form.getByText(/^Showing 50 of 400 objectives/).waitFor();
    await searchAndPick(form, deep.objective.title);
    await form.getByLabel('Key result', { exact: true }).selectOption({ label: kr.title });
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Link epic' }).click();
    await panel.getByRole('heading', { name: 'Key results this epic serves (1)' }).waitFor();
    await panel.getByText(deep.objective.title).first().waitFor();
  });

  it('the macro config finds a deep objective, and the macro opens the tree down to it', async () => {
    const deep = deepObjective('team', true);
    const children = seeded.aggregates.filter((a) => a.objective.parentObjectiveId === deep.objective.id);
    const view = await configureMacro('1001', ELENA, async (d) => {
      await d.getByRole('radio', { name: /^Alignment board — / }).check();
      await d.getByRole('radio', { name: 'An objective and what aligns to it', exact: true }).check();
      await searchAndPick(d, deep.objective.title);
    });
    await view.getByRole('heading', { name: deep.objective.title }).waitFor();
    // Found through board.children, so it comes collapsed: its aligned objectives open on demand.
    await view
      .getByText(`${String(children.length)} objective${children.length === 1 ? '' : 's'} aligned to this one`)
      .waitFor();
    await view
      .getByRole('button', { name: new RegExp(`^Show ${String(children.length)} objectives? aligned to `) })
      .click();
    for (const c of children) await view.getByText(c.objective.title, { exact: true }).waitFor();
    expect(await seriousViolations(page, 'view')).toEqual([]);
  });

  it('the macro tree of a team says how many objectives align to collapsed nodes, opens them, and prints the counts without buttons', async () => {
    const view = await configureMacro('1002', ELENA, async (d) => {
      await d.getByRole('radio', { name: /^Alignment board — / }).check();
      await d.getByLabel('Team', { exact: true }).selectOption({ label: 'Team 1' });
    });
    await view.getByRole('heading', { name: 'Team 1 · alignment' }).waitFor();
    const before = await view.locator('.cad-tree__item').count();
    expect(before).toBeLessThanOrEqual(100);
    const show = view.getByRole('button', { name: /^Show \d+ objectives? aligned to / }).first();
    await show.click();
    await view.getByText('Loading aligned objectives…').waitFor({ state: 'detached' });
    await view.locator('.cad-tree__item').nth(before).waitFor();
    expect(await seriousViolations(page, 'view')).toEqual([]);

    await page.emulateMedia({ media: 'print' });
    const more = view.locator('.cad-tree__more').first();
    expect(await more.locator('button').first().isVisible()).toBe(false);
    expect(await more.getByText(/aligned to this one|not shown/).isVisible()).toBe(true);
  });

  for (const [width, height] of [
    [1024, 768],
    [1440, 900],
  ] as const) {
    for (const theme of ['light', 'dark'] as const) {
      it(`looks right at ${String(width)}x${String(height)} (${theme})`, async () => {
        const dark = theme === 'dark' ? '&theme=dark' : '';
        const size = `${String(width)}-${theme}`;
        await openPage(`/jira/dashboards/local?as=${PRIYA}${dark}`, { width, height });
        await frame('view')
          .getByRole('heading', { name: /^My key results/ })
          .waitFor();
        await shoot(`gadget-mine-${size}`);

        const epic = runtime.site.createIssue({
          project: 'BN1',
          issueType: 'Epic',
          summary: `Shot ${size}`,
          actor: ELENA,
        });
        await runtime.whenIdle();
        await page.goto(`${server.url}/jira/browse/${epic.key}?as=${ELENA}${dark}`);
        await frame().getByRole('button', { name: 'Link this epic to a KR' }).click();
        await frame().getByRole('searchbox', { name: 'Search objectives' }).fill('region 1');
        await frame()
          .getByText(/^Showing 50 of \d+ objectives/)
          .waitFor();
        await shoot(`panel-picker-${size}`);

        await page.goto(`${server.url}/wiki/spaces/OKR/pages/1001?configure=1&as=${ELENA}${dark}`);
        const dialog = frame('macro-config');
        await dialog.getByRole('form', { name: 'Configure the OKR macro' }).waitFor();
        await dialog.getByRole('searchbox', { name: 'Search objectives' }).fill('region 7');
        await dialog.getByText(/objectives? match(es)? “region 7”/).waitFor();
        await shoot(`macro-config-picker-${size}`);

        await page.goto(`${server.url}/wiki/spaces/OKR/pages/1002?as=${ELENA}${dark}`);
        await frame('view').getByRole('heading', { name: 'Team 1 · alignment' }).waitFor();
        await shoot(`macro-tree-${size}`);
        // Where the first screen ends: collapsed nodes with their counts.
        await frame('view').locator('.cad-tree__more').first().scrollIntoViewIfNeeded();
        await shoot(`macro-tree-collapsed-${size}`);
      });
    }
  }
});
