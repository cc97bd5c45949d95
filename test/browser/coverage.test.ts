import type { FrameLocator, Locator } from 'playwright-core';
import { boardFrame, demoCycleName } from './board-support';
import type { OpenedPage } from './views-host';
import { PEOPLE, screenshot, seriousViolations, useViewsHost, withUser } from './views-host';

/**
 * Strategy coverage in Chromium on the local host (#13): the board's figure opens "Work without an
 * objective" (a modal dialog: focus on its heading, Escape gives it back to the figure), an uncovered
 * epic is linked to a KR from the list and the figure rises; the team page has the same section.
 * Screenshots at 1024x768 and 1440x900, light and dark, and Dutch once.
 */
jest.setTimeout(180_000);

const suite = useViewsHost();

// Every in-progress epic of the demo serves a KR; two new ones in Payments' project serve none yet.
beforeAll(async () => {
  const { runtime } = suite.host();
  for (const summary of ['Payroll tax filings in Germany', 'Instant payouts for contractors'])
    runtime.site.createIssue({ project: 'PAY', issueType: 'Epic', summary, status: 'In Progress' });
  await runtime.whenIdle();
});

/** The board as someone, on the demo cycle, once its coverage figure has answered. */
const openBoard = async (query: string): Promise<{ o: OpenedPage; frame: FrameLocator; figure: Locator }> => {
  const o = await suite.open(`/jira/apps/cadence-board?${query}`);
  const frame = boardFrame(o.page);
  const picker = frame.locator('select').first();
  await picker.waitFor();
  const option = await picker.locator('option', { hasText: await demoCycleName(suite.host()) }).first().getAttribute('value');
  await picker.selectOption(option ?? '');
  await frame.locator('[data-row-kind="keyResult"]').first().waitFor();
  const figure = frame.locator('button.cad-coverage__figure:not([disabled])');
  await figure.waitFor();
  return { o, frame, figure };
};

const ratioOf = async (figure: Locator): Promise<number> => Number(await figure.getAttribute('data-coverage-ratio'));

/** Waits until the figure's ratio passes `before`; fails showing the last one. */
const rises = async (figure: Locator, before: number): Promise<number> => {
  let now = before;
  for (let i = 0; i < 100 && now <= before; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    now = await ratioOf(figure);
  }
  expect(now).toBeGreaterThan(before);
  return now;
};

describe('strategy coverage', () => {
  it('shows the figure on the board, opens the work without an objective, links an epic to a KR and rises', async () => {
    const { o, frame, figure } = await openBoard(`as=${PEOPLE.elena}`);
    await o.page.setViewportSize({ width: 1024, height: 768 });
    expect(await figure.textContent()).toMatch(/^Coverage \d+%$/);
    expect(await figure.getAttribute('title')).toMatch(/^Share of the in-progress epics/);
    const before = await ratioOf(figure);
    expect(before).toBeLessThan(1);

    await figure.click();
    const dialog = frame.getByRole('dialog', { name: 'Work without an objective' });
    await dialog.waitFor();
    // The heading has focus: keyboard users start at the top of the dialog.
    expect(await frame.locator('dialog.cad-coverage-dialog h2:focus').count()).toBe(1);
    const list = dialog.getByRole('list', { name: 'Epics without an objective' });
    await list.waitFor();
    const first = list.locator('li[data-coverage-epic]').first();
    const key = (await first.getAttribute('data-coverage-epic')) ?? '';
    expect(key).toMatch(/^[A-Z]+-\d+$/);
    expect(await seriousViolations(o.page)).toEqual([]);
    await screenshot(o.page, 'coverage-dialog-1024');

    await first.getByRole('button', { name: `Link ${key} to a key result` }).click();
    const form = dialog.getByRole('form', { name: `Link ${key} to a key result` });
    const objective = form.getByLabel('Objective', { exact: true });
    await objective.locator('option:not([disabled]):not([value=""])').first().waitFor({ state: 'attached' });
    const objectiveId = await objective.locator('option:not([disabled]):not([value=""])').first().getAttribute('value');
    await objective.selectOption(objectiveId ?? '');
    const keyResult = form.getByLabel('Key result', { exact: true });
    await keyResult.locator('option:not([disabled]):not([value=""])').first().waitFor({ state: 'attached' });
    const keyResultId = await keyResult.locator('option:not([disabled]):not([value=""])').first().getAttribute('value');
    await keyResult.selectOption(keyResultId ?? '');
    await form.getByRole('button', { name: 'Link epic' }).click();

    await dialog.getByRole('status').filter({ hasText: `${key} now serves a key result.` }).waitFor();
    await list.locator(`li[data-coverage-epic="${key}"]`).waitFor({ state: 'detached' });
    await rises(figure, before);

    // Escape closes the dialog and gives focus back to the figure.
    await o.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await frame.locator('button.cad-coverage__figure:focus').count()).toBe(1);
  });

  it('follows the team filter, and looks right at both sizes, light and dark, and in Dutch', async () => {
    for (const theme of ['light', 'dark'] as const) {
      const { o, frame, figure } = await openBoard(`as=${PEOPLE.priya}${theme === 'dark' ? '&theme=dark' : ''}`);
      for (const [width, height] of [
        [1024, 768],
        [1440, 900],
      ] as const) {
        await o.page.setViewportSize({ width, height });
        await screenshot(o.page, `coverage-board-${theme}-${String(width)}`);
        await figure.click();
        const dialog = frame.getByRole('dialog', { name: 'Work without an objective' });
        await dialog.waitFor();
        // Priya cannot browse the Security project: none of its epics reach her.
        expect(await dialog.textContent()).not.toContain('SEC-');
        await screenshot(o.page, `coverage-dialog-${theme}-${String(width)}`);
        await dialog.getByRole('button', { name: 'Close' }).click();
        await dialog.waitFor({ state: 'detached' });
      }
    }
    const { o, frame } = await openBoard(`as=${PEOPLE.priya}&locale=nl-NL`);
    const figure = frame.locator('button.cad-coverage__figure:not([disabled])');
    expect(await figure.textContent()).toMatch(/^Dekking \d+%$/);
    await figure.click();
    await frame.getByRole('dialog', { name: 'Werk zonder objective' }).waitFor();
    await screenshot(o.page, 'coverage-dialog-nl');
  });

  it('has a coverage section on the team page with the uncovered epics', async () => {
    const o = await suite.open(withUser('/jira/projects/PAY/apps/cadence-team', PEOPLE.priya));
    const page = o.frame();
    const section = page.getByRole('region', { name: 'Strategy coverage' });
    await section.waitFor();
    await section.getByText(/^Coverage \d+%|^Coverage: no epics in progress/).first().waitFor();
    expect(await seriousViolations(o.page)).toEqual([]);
    for (const [width, height] of [
      [1024, 768],
      [1440, 900],
    ] as const) {
      await o.page.setViewportSize({ width, height });
      await section.scrollIntoViewIfNeeded();
      await screenshot(o.page, `coverage-team-${String(width)}`);
    }
  });
});
