import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { launchBrowser, screenshot, watchProblems } from '../support/browser';
import type { PageProblems } from '../support/browser';
import type { BoardHost } from './board-support';
import type { ApiInput, ApiOutput, Result } from '../../src/contract';
import {
  boardFrame,
  demoCycleName,
  ELENA,
  openBoard,
  openMacroTree,
  PRIYA,
  seriousViolations,
  startBoardHost,
} from './board-support';

/**
 * The alignment board in Chromium on the local runtime, as people use it: a site admin creates a cycle,
 * an objective and its KRs in the side panel (with live quality hints and the server's field errors),
 * links a demo epic through Jira's issue search, checks in and sees the board move; someone outside
 * the restricted SEC project sees a placeholder instead of its epic; axe finds nothing serious.
 * No timing assertions: the budgets are measured in bench/board-render.mjs.
 */
jest.setTimeout(90_000);

let host: BoardHost;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  host = await startBoardHost();
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser.close();
  await host.close();
});

beforeEach(async () => {
  // A context of its own per test: fresh storage, and axe-core's Playwright builder requires one.
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  problems = watchProblems(page);
});

afterEach(async () => {
  await context.close();
});

const CYCLE = 'Board test quarter';
const OBJECTIVE = 'Make every new team productive in their first week';
const KR_ONE = 'Increase weekly active teams from 10 to 50';
const KR_TWO = 'Reduce time to first value from 14 days to 3 days';

const SEARCH = 'Search objectives and key results';
const panel = (frame: FrameLocator) => frame.getByRole('dialog');
const rowOf = (frame: FrameLocator, kind: 'objective' | 'keyResult', text: string) =>
  frame.locator(`[data-row-kind="${kind}"]`, { hasText: text });

const addKeyResult = async (
  frame: FrameLocator,
  title: string,
  metric: { start: string; target: string; unit: string },
) => {
  await panel(frame).getByRole('button', { name: 'Add a key result' }).click();
  const form = panel(frame).getByRole('form', { name: 'New key result' });
  await form.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await form.getByRole('spinbutton', { name: 'Start' }).fill(metric.start);
  await form.getByRole('spinbutton', { name: 'Target' }).fill(metric.target);
  await form.getByRole('textbox', { name: 'Unit (optional)' }).fill(metric.unit);
  await form.getByRole('button', { name: 'Create key result' }).click();
  await panel(frame).getByRole('heading', { name: title, level: 4 }).waitFor();
};

describe('the alignment board', () => {
  it('lets a site admin plan a cycle, link an epic, check in and see the board move', async () => {
    const frame = await openBoard(page, host, `as=${ELENA}`);

    // A new cycle, started from the cycle bar.
    await frame.getByRole('button', { name: 'New cycle' }).click();
    await panel(frame).getByRole('textbox', { name: 'Name (optional)' }).fill(CYCLE);
    await panel(frame).getByRole('button', { name: 'Create cycle' }).click();
    await frame.getByRole('heading', { name: 'No objectives in this cycle yet' }).waitFor();
    expect(await frame.getByRole('combobox', { name: 'Cycle' }).locator('option:checked').textContent()).toContain(
      CYCLE,
    );
    await frame.getByRole('button', { name: 'Start cycle' }).click();
    await frame.getByText('Active', { exact: true }).waitFor();

    // An objective: a number in the title draws a quality hint as it is typed; a team objective without
    // a team comes back from the server as a field error next to the team picker.
    await frame.getByRole('button', { name: 'New objective' }).click();
    const form = panel(frame).getByRole('form', { name: 'New objective' });
    const title = form.getByRole('textbox', { name: 'Title', exact: true });
    await title.fill('Grow active teams by 40%');
    await form.locator('[data-rule="objective-has-numbers"]').waitFor();
    await screenshot(page, 'board-objective-hints');
    await title.fill(OBJECTIVE);
    await form.locator('[data-rule="objective-has-numbers"]').waitFor({ state: 'detached' });
    // An admin's first objective of a cycle starts at company level (domain/form-defaults.ts); Team, chosen
    // without a team, is refused next to the team picker.
    await form.getByRole('radio', { name: 'Team' }).check();
    await form.getByRole('button', { name: 'Create objective' }).click();
    const teamError = form.locator('[data-field-error]').first();
    await teamError.waitFor();
    expect(await teamError.textContent()).toMatch(/team/i);
    expect(await form.getByRole('combobox', { name: 'Team' }).getAttribute('aria-invalid')).toBe('true');
    await form.getByRole('radio', { name: 'Company' }).check();
    await form.getByRole('radio', { name: 'Published' }).check();
    await form.getByRole('button', { name: 'Create objective' }).click();
    await panel(frame).getByRole('heading', { name: OBJECTIVE, level: 3 }).waitFor();

    // Two KRs, from the objective's detail.
    await addKeyResult(frame, KR_ONE, { start: '10', target: '50', unit: 'teams' });
    await addKeyResult(frame, KR_TWO, { start: '14', target: '3', unit: 'days' });

    // Link a demo epic through Jira's issue search.
    const krCard = panel(frame).locator('.cad-detail-kr', { hasText: KR_ONE });
    await krCard.getByRole('searchbox').fill('guided data import');
    await krCard.getByRole('button', { name: 'Link ONB-21' }).click();
    await krCard.locator('[data-issue-key="ONB-21"]').waitFor();
    await screenshot(page, 'board-objective-detail');
    await frame.getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();

    // The board shows the objective, its KRs and the linked epic.
    const krRow = rowOf(frame, 'keyResult', KR_ONE);
    await krRow.waitFor();
    expect(await krRow.textContent()).toContain('1 epic');
    expect(await krRow.getByRole('img', { name: /^Progress/ }).getAttribute('aria-label')).toBe(
      // Mid-cycle the bar speaks pace: nothing done three days in is still on pace (#11).
      'Progress 0.00 (on pace)',
    );
    const scoreBefore = await rowOf(frame, 'objective', OBJECTIVE)
      .getByRole('img', { name: /^Score/ })
      .getAttribute('aria-label');

    // Check in from the KR's row: the board reloads with the new value and progress.
    await krRow.getByRole('button', { name: `Check in on ${KR_ONE}` }).click();
    const checkIn = panel(frame).getByRole('form', { name: `Check in on ${KR_ONE}` });
    await checkIn.getByRole('spinbutton', { name: /Current value/ }).fill('30');
    await checkIn.getByRole('radio', { name: 'At risk' }).check();
    await checkIn.getByRole('button', { name: 'Check in', exact: true }).click();
    await checkIn.getByText(/^Checked in/).waitFor();
    await krRow.getByText(/^30( teams)? of 50 teams$/).waitFor();
    // Halfway a few days in is on pace: the status says so, and the owner's "At risk" is shown as theirs.
    expect(await krRow.getByRole('img', { name: /^Progress/ }).getAttribute('aria-label')).toBe(
      'Progress 0.50 (on pace)',
    );
    expect(await krRow.textContent()).toContain('Owner: At risk');
    const scoreAfter = await rowOf(frame, 'objective', OBJECTIVE)
      .getByRole('img', { name: /^Score/ })
      .getAttribute('aria-label');
    expect(scoreAfter).not.toBe(scoreBefore);
    expect(scoreAfter).toBe('Score 0.25 (on pace)');
    await screenshot(page, 'board-after-check-in');

    expect(problems.errors).toEqual([]);
  });

  it('shows someone outside the SEC project a placeholder instead of its epic', async () => {
    const frame = await openBoard(page, host, `as=${PRIYA}`);
    const secRow = rowOf(frame, 'keyResult', 'Secure SOC 2 Type II certification');
    await secRow.waitFor();
    expect(await secRow.locator('[data-restricted="true"]').textContent()).toContain('1 restricted');

    await rowOf(frame, 'objective', "Earn enterprise security teams' trust")
      .getByRole('link', { name: "Earn enterprise security teams' trust", exact: true })
      .click();
    const epics = panel(frame)
      .locator('.cad-detail-kr', { hasText: 'Secure SOC 2 Type II certification' })
      .getByRole('list', { name: 'Linked epics' });
    await epics.locator('[data-restricted="true"]').waitFor();
    expect(await epics.textContent()).toContain('Restricted epic');
    expect(await panel(frame).textContent()).not.toMatch(/SEC-\d+/);
    await screenshot(page, 'board-restricted-epic');
    expect(problems.errors).toEqual([]);
  });

  it('filters the tree by team, band, findings and status', async () => {
    const frame = await openBoard(page, host, `as=${ELENA}`);
    await frame.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Security' });
    await frame
      .getByRole('status')
      .filter({ hasText: /match(es)? the filters/ })
      .waitFor();
    // The Security objective matches; its company parent stays as context (dimmed).
    expect(await rowOf(frame, 'objective', "Earn enterprise security teams' trust").count()).toBe(1);
    expect(await frame.locator('.cad-row--dimmed').count()).toBeGreaterThan(0);
    expect(await rowOf(frame, 'objective', 'Make paying us effortless').count()).toBe(0);
    await frame.getByRole('button', { name: 'Clear filters' }).click();
    await frame.getByRole('searchbox', { name: SEARCH }).fill('brand');
    await rowOf(frame, 'objective', 'Make paying us effortless').waitFor({ state: 'detached' });
    expect(await rowOf(frame, 'objective', 'category leader').count()).toBe(1);
    await frame.getByRole('button', { name: 'Clear filters' }).click();

    // The status counts double as a filter: pressing one keeps the objectives in that status.
    const statuses = frame.getByRole('group', { name: /objectives? by status/ });
    const first = statuses.getByRole('button').first();
    const words = ((await first.textContent()) ?? '').replace(/^\d+\s*/, '').trim();
    await first.click();
    expect(await first.getAttribute('aria-pressed')).toBe('true');
    await frame
      .getByRole('status')
      .filter({ hasText: /match(es)? the filters/ })
      .waitFor();
    const shown = frame.locator('[data-row-kind="objective"]:not(.cad-row--dimmed)');
    expect(await shown.count()).toBeGreaterThan(0);
    for (const text of await shown.allTextContents()) expect(text.toLowerCase()).toContain(words.toLowerCase());
    await first.click();
    expect(await first.getAttribute('aria-pressed')).toBe('false');
    expect(problems.errors).toEqual([]);
  });

  it('draws the alignment as a map whose boxes open the objective', async () => {
    const frame = await openBoard(page, host, `as=${ELENA}`);
    await frame.getByRole('button', { name: 'Map' }).click();
    const map = frame.getByRole('group', { name: 'Alignment map' });
    await map.waitFor();
    expect(await map.getByRole('button').count()).toBe(7);
    // Each box's two title lines hold as much as the box has room for, measured in its font: these
    // titles fit whole, and no line runs past the box's clip (text from x 14 to 264).
    const boxes = await map.locator('.cad-map__node').evaluateAll((nodes: MapNode[]) =>
      nodes.map((n) => {
        const lines = [...n.querySelectorAll('.cad-map__title')];
        return {
          full: n.querySelector('title')?.textContent ?? '',
          shown: lines.map((l) => l.textContent ?? '').join(' '),
          widest: Math.max(...lines.map((l) => l.getComputedTextLength())),
        };
      }),
    );
    expect(boxes).toHaveLength(7);
    for (const box of boxes) {
      expect(box.shown.trim()).toBe(box.full);
      expect(box.widest).toBeLessThanOrEqual(250);
    }
    // Enter on a node with aligned objectives focuses its branch first; Enter again opens it.
    await map.getByRole('button', { name: /^Make paying us effortless/ }).press('Enter');
    await map.getByRole('button', { name: /^Make paying us effortless.*Open the objective\.$/ }).press('Enter');
    await panel(frame)
      .getByRole('heading', { name: 'Make paying us effortless for enterprise finance teams', level: 3 })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'board-map');
    expect(problems.errors).toEqual([]);
  });

  it.each([
    ['light', ''],
    ['dark', '&theme=dark'],
  ])('has no serious or critical axe violations (%s), with the detail open too', async (theme, query) => {
    // Wide enough for the panel to sit beside the board (non-modal): axe finds nothing to check in the
    // frame while a modal <dialog> makes the rest inert (reported; test/support/axe.ts is shared).
    await page.setViewportSize({ width: 1440, height: 900 });
    const frame = await openBoard(page, host, `as=${ELENA}${query}`);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `board-${theme}`);

    await rowOf(frame, 'objective', 'Make paying us effortless')
      .getByRole('link', { name: /^Make paying us effortless/ })
      .click();
    await panel(frame).getByRole('heading', { name: 'Quality' }).waitFor();
    await panel(frame)
      .getByText(/finding|No quality findings/)
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `board-detail-${theme}`);
    expect(problems.errors).toEqual([]);
  });

  it('keeps the chosen cycle in the page URL: Back, Forward and a reload return to it', async () => {
    const outcome = await host.runtime.app.invokeResolver({
      moduleKey: 'cadence-board',
      functionKey: 'cycles.create',
      payload: { name: 'Routing check', startDate: '2030-01-01', endDate: '2030-03-31' },
      accountId: ELENA,
    });
    const created = outcome.ok ? (outcome.result as Result<ApiOutput<'cycles.create'>>) : undefined;
    if (created?.ok !== true) throw new Error('cycles.create failed');
    const routing = created.data.id;

    const frame = await openBoard(page, host, `as=${ELENA}`);
    const picker = frame.getByRole('combobox', { name: 'Cycle' });
    await picker.selectOption({ label: 'Routing check (planning)' });
    await frame.getByRole('heading', { name: 'No objectives in this cycle yet' }).waitFor();
    await page.waitForURL(
      (url) => url.pathname === `/jira/apps/cadence-board/cycles/${routing}` && url.search === `?as=${ELENA}`,
    );

    await page.goBack();
    await frame.locator('[data-row-kind="keyResult"]').first().waitFor();
    expect(await picker.locator('option:checked').textContent()).toContain(await demoCycleName(host));
    await page.waitForURL((url) => url.pathname !== `/jira/apps/cadence-board/cycles/${routing}`);

    await page.goForward();
    await frame.getByRole('heading', { name: 'No objectives in this cycle yet' }).waitFor();
    await page.reload();
    await frame.getByRole('heading', { name: 'No objectives in this cycle yet' }).waitFor();
    expect(await picker.locator('option:checked').textContent()).toBe('Routing check (planning)');
    expect(problems.errors).toEqual([]);
  });

  it('keeps the filters in the page URL too: a reload shows the same filtered board', async () => {
    const frame = await openBoard(page, host, `as=${ELENA}`);
    await frame.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Security' });
    await frame.getByLabel(SEARCH).fill('trust');
    await frame
      .getByRole('status')
      .filter({ hasText: /^1 of \d+ objectives matches the filters$/ })
      .waitFor();
    await page.waitForURL(
      (url) =>
        url.searchParams.has('team') && url.searchParams.get('q') === 'trust' && url.searchParams.get('as') === ELENA,
    );

    await page.reload();
    await frame
      .getByRole('status')
      .filter({ hasText: /^1 of \d+ objectives matches the filters$/ })
      .waitFor();
    expect(await frame.getByRole('combobox', { name: 'Team' }).locator('option:checked').textContent()).toBe(
      'Security',
    );
    expect(await frame.getByLabel(SEARCH).inputValue()).toBe('trust');
    await rowOf(frame, 'objective', "Earn enterprise security teams' trust").waitFor();

    await frame.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL((url) => !url.searchParams.has('team') && !url.searchParams.has('q'));
    expect(problems.errors).toEqual([]);
  });

  it('finds key results by their titles too, and marks the matches', async () => {
    const frame = await openBoard(page, host, `as=${ELENA}`);
    // A KR title's words (not its objective's): the objective is kept and the words are marked.
    await frame.getByRole('searchbox', { name: SEARCH }).fill('invoice payments');
    const kr = rowOf(frame, 'keyResult', 'Reduce failed invoice payments');
    await kr.locator('mark').first().waitFor();
    expect(await kr.locator('mark').allTextContents()).toEqual(['invoice', 'payments']);
    expect(await rowOf(frame, 'objective', 'Make paying us effortless').count()).toBe(1);
    expect(await rowOf(frame, 'objective', "Earn enterprise security teams' trust").count()).toBe(0);
    expect(problems.errors).toEqual([]);
  });

  it('links objective titles to the board with the objective selected, also from another page', async () => {
    const frame = await openBoard(page, host, `as=${ELENA}`);
    const title = rowOf(frame, 'objective', 'Make paying us effortless').getByRole('link', {
      name: /^Make paying us effortless/,
    });
    await title.click();
    const heading = panel(frame).getByRole('heading', {
      name: 'Make paying us effortless for enterprise finance teams',
      level: 3,
    });
    await heading.waitFor();
    await page.waitForURL((url) => url.searchParams.has('objective'));
    const selected = new URL(page.url()).searchParams.get('objective') ?? '';
    expect(await rowOf(frame, 'objective', 'Make paying us effortless').getAttribute('data-objective-id')).toBe(
      selected,
    );

    // The same address opened afresh (a link from the macro or the team page) lands with it open.
    await page.goto(page.url());
    await boardFrame(page)
      .getByRole('heading', { name: 'Make paying us effortless for enterprise finance teams', level: 3 })
      .waitFor();
    // Closing the panel clears the selection from the address.
    await boardFrame(page).getByRole('dialog').getByRole('button', { name: 'Close', exact: true }).click();
    await page.waitForURL((url) => !url.searchParams.has('objective'));
    expect(problems.errors).toEqual([]);
  });
});

/** Titles' line boxes, measured in the frame (this suite's tsconfig has no DOM types). */
interface Box {
  readonly scrollHeight: number;
  readonly clientHeight: number;
  readonly clientWidth: number;
}
interface Rect {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly width: number;
}
/** A box of the alignment map: its SVG title (the whole title) and its title lines. */
interface MapNode {
  querySelector(selector: 'title'): { readonly textContent: string | null } | null;
  querySelectorAll(
    selector: string,
  ): Iterable<{ readonly textContent: string | null; getComputedTextLength(): number }>;
}
/** A row's stacked cell and its lines, as measured in the frame. */
interface Stack {
  getBoundingClientRect(): Rect;
  readonly children: Iterable<{ getBoundingClientRect(): Rect; readonly textContent: string | null }>;
}
const OBJECTIVE_LINE = 20;

const SIZES = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
] as const;

describe.each(['en-US', 'nl-NL'] as const)('the board in %s', (locale) => {
  it.each(
    SIZES.flatMap((size) => (['light', 'dark'] as const).map((theme) => [size.width, size.height, theme] as const)),
  )(
    'holds at %ix%i (%s): titles on two lines, no line cut in half, a compact filter bar, counts that match the data',
    async (width, height, theme) => {
      await page.setViewportSize({ width, height });
      const frame = await openBoard(
        page,
        host,
        `as=${ELENA}&locale=${locale}${theme === 'dark' ? '&theme=dark' : ''}`,
        locale === 'nl-NL' ? 'actief' : 'active',
      );
      await screenshot(page, `board-${String(width)}-${theme}-${locale}`);
      const titles = frame.locator('[data-row-kind="objective"] .cad-row__title-text');
      expect(await titles.count()).toBeGreaterThan(3);
      const boxes = await titles.evaluateAll((els: Box[]) =>
        els.map((e) => ({ scrollHeight: e.scrollHeight, clientHeight: e.clientHeight, clientWidth: e.clientWidth })),
      );
      for (const box of boxes) {
        // Every title shows its first two lines (or all of it when shorter).
        const needed = Math.round(box.scrollHeight / OBJECTIVE_LINE);
        expect(Math.round(box.clientHeight / OBJECTIVE_LINE)).toBeGreaterThanOrEqual(Math.min(2, needed));
      }
      // In a column wide enough to read them (the old board left them ~15 characters at 1024 px).
      const mains = await frame
        .locator('[data-row-kind="objective"] > .cad-row__main')
        .evaluateAll((els: Box[]) => els.map((e) => e.clientWidth));
      for (const w of mains) expect(w).toBeGreaterThan(width >= 1440 ? 450 : 330);
      // No cell cuts a line in half: every line a row's cell shows lies whole inside it (a line that
      // does not fit is out of sight, one too long alone ends in … inside its own box).
      const cut = await frame.locator('[data-row-kind] .cad-row__stack').evaluateAll((stacks: Stack[]) =>
        stacks.flatMap((s) => {
          const outer = s.getBoundingClientRect();
          return [...s.children]
            .map((c) => ({ box: c.getBoundingClientRect(), text: c.textContent }))
            .filter(({ box }) => box.width > 0 && box.top < outer.bottom)
            .filter(({ box }) => box.right > outer.right + 0.5 || box.bottom > outer.bottom + 0.5)
            .map(({ text }) => text);
        }),
      );
      expect(cut).toEqual([]);
      // The filter bar: at most ~15 % of the viewport's height.
      const bar = await frame.getByRole('search').boundingBox();
      expect(bar?.height ?? Infinity).toBeLessThanOrEqual(height * 0.15);

      // The counts by status are the published objectives in each status, as the data says.
      const cycleId = new URL(page.url()).pathname.split('/').at(-1) ?? '';
      const board = await invoke<'board.get'>('board.get', { cycleId });
      const expected = new Map<string, number>();
      const walk = (nodes: typeof board.roots): void => {
        for (const n of nodes) {
          if (n.objective.status === 'published')
            expected.set(n.objective.track, (expected.get(n.objective.track) ?? 0) + 1);
          walk(n.children);
        }
      };
      walk(board.roots);
      const items = frame.locator('.cad-status-summary__item');
      expect(await items.count()).toBe(expected.size);
      for (const [track, count] of expected) {
        const text = await frame
          .locator(`.cad-status-summary__item--${track} .cad-status-summary__count`)
          .textContent();
        expect(text).toBe(String(count));
      }
      if (locale === 'nl-NL') {
        await frame.getByRole('heading', { name: 'OKR-alignmentbord' }).waitFor();
        expect(await frame.getByRole('searchbox', { name: 'Objectives en key results zoeken' }).count()).toBe(1);
      }
      const violations = await seriousViolations(page);
      expect(violations).toEqual([]);
      expect(problems.errors).toEqual([]);
    },
  );
});

const invoke = async <K extends 'board.get'>(key: K, payload: ApiInput<K>): Promise<ApiOutput<K>> => {
  const outcome = await host.runtime.app.invokeResolver({
    moduleKey: 'cadence-board',
    functionKey: key,
    payload,
    accountId: ELENA,
  });
  const result = outcome.ok ? (outcome.result as Result<ApiOutput<K>>) : undefined;
  if (result?.ok !== true) throw new Error(`${key} failed`);
  return result.data;
};

describe('the board and the macro', () => {
  it('show the same objectives for the same team filter', async () => {
    const frame = await openBoard(page, host, `as=${ELENA}`);
    await frame.getByRole('combobox', { name: 'Team' }).selectOption({ label: 'Platform' });
    await frame
      .getByRole('status')
      .filter({ hasText: /match(es)? the filters/ })
      .waitFor();
    const onBoard = (
      await frame
        .locator('[data-row-kind="objective"]')
        .evaluateAll((els: { dataset: Record<string, string | undefined> }[]) =>
          els.map((e) => e.dataset.objectiveId ?? ''),
        )
    ).sort();

    // The macro as a team alignment board (config saved the way its config dialog saves it).
    const macro = await openMacroTree(page, host, 'Platform');
    const inMacro = (
      await macro
        .locator('li[data-objective]')
        .evaluateAll((els: { dataset: Record<string, string | undefined> }[]) =>
          els.map((e) => e.dataset.objective ?? ''),
        )
    ).sort();
    expect(inMacro.length).toBeGreaterThan(1);
    expect(onBoard).toEqual(inMacro);
    expect(problems.errors).toEqual([]);
  });
});
