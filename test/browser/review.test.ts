import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import type { ApiKey, ApiOutput, Result } from '../../src/contract';
import { launchBrowser, screenshot, watchProblems } from '../support/browser';
import type { PageProblems } from '../support/browser';
import type { BoardHost } from './board-support';
import { boardFrame, ELENA, seriousViolations, startBoardHost } from './board-support';

/**
 * Review and Improve in Chromium (issue #14): an OKR admin moves a cycle to review from the cycle bar and
 * lands in the grading view, changes a KR's final score (refused without a reason, then saved with one),
 * writes the retrospective over its draft, closes the cycle through carry-over (one objective kept, one
 * rewritten) and finds their lessons beside the objective form in the next cycle. Screenshots at 1024x768
 * and 1440x900, light and dark, and once in Dutch; axe finds nothing serious.
 */
jest.setTimeout(180_000);

let host: BoardHost;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: PageProblems;

const DAY = 86_400_000;
const isoDay = (offset: number): string => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

const CYCLE = 'Review test quarter';
const NEXT = 'Next test quarter';
const TEAM = 'Review crew';
const KEPT = 'Make onboarding effortless for new teams';
const KEPT_KR = 'Raise activation from 20% to 60%';
const REWRITTEN = 'Win the first ten partner integrations';
const REWRITE_TO = 'Win five deep partner integrations';
const LEARNED = 'Activation moved once the setup wizard shipped; start with it next time.';

/** A resolver call as Elena (OKR admin), failing the test on a refusal. */
const api = async <K extends ApiKey>(key: K, payload: unknown): Promise<ApiOutput<K>> => {
  const outcome = await host.runtime.app.invokeResolver({
    moduleKey: 'cadence-board',
    functionKey: key,
    payload,
    accountId: ELENA,
  });
  const result = outcome.ok ? (outcome.result as Result<ApiOutput<K>>) : undefined;
  if (result?.ok !== true) throw new Error(`${key} failed: ${JSON.stringify(outcome)}`);
  return result.data;
};

beforeAll(async () => {
  host = await startBoardHost();
  browser = await launchBrowser();
  const cycle = await api('cycles.create', { name: CYCLE, startDate: isoDay(-80), endDate: isoDay(10) });
  await api('cycles.update', { id: cycle.id, status: 'active' });
  await api('cycles.create', { name: NEXT, startDate: isoDay(11), endDate: isoDay(100) });
  const team = await api('teams.create', { name: TEAM, memberAccountIds: [ELENA], jiraProjectKeys: [] });
  const objective = (title: string) =>
    api('objectives.create', { cycleId: cycle.id, title, level: 'team', teamId: team.id, status: 'published' });
  const kept = await objective(KEPT);
  await api('keyResults.create', {
    objectiveId: kept.id,
    title: KEPT_KR,
    metric: { kind: 'percent', start: 20, target: 60, current: 44, unit: '%' },
  });
  await api('keyResults.create', {
    objectiveId: kept.id,
    title: 'Cut setup time from 10 days to 2 days',
    metric: { kind: 'number', start: 10, target: 2, current: 2 },
  });
  const rewritten = await objective(REWRITTEN);
  await api('keyResults.create', {
    objectiveId: rewritten.id,
    title: 'Sign partners from 0 to 10',
    metric: { kind: 'number', start: 0, target: 10, current: 3 },
  });
}, 120_000);

afterAll(async () => {
  await browser.close();
  await host.close();
});

beforeEach(async () => {
  context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  problems = watchProblems(page);
});

afterEach(async () => {
  await context.close();
});

/** The board as Elena on the test cycle (`status`: how the picker words its status). */
const openCycle = async (query: string, status: string): Promise<FrameLocator> => {
  await page.goto(`${host.url}/jira/apps/cadence-board?as=${ELENA}${query}`);
  const frame = boardFrame(page);
  const picker = frame.locator('select').first();
  await picker.waitFor();
  await picker.selectOption({ label: `${CYCLE} (${status})` });
  return frame;
};

const cardOf = (frame: FrameLocator, title: string) => frame.getByRole('region', { name: title });

const shoot = async (name: string, frame: FrameLocator): Promise<void> => {
  for (const [width, height] of [
    [1024, 768],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await cardOf(frame, KEPT).waitFor();
    // The frame scrolls inside the page: its top (heading, team, grade) in the shot.
    await frame.locator('h1.cad-review__heading').evaluate((el: { scrollIntoView(options: object): void }) => {
      el.scrollIntoView({ block: 'start' });
    });
    await screenshot(page, `review-${name}-${width}`);
  }
};

describe('review and improve', () => {
  it('grades a cycle, writes a retrospective, closes it with carry-over and shows the lessons next cycle', async () => {
    let frame = await openCycle('', 'active');
    await frame.getByRole('button', { name: 'Move to review' }).click();
    // Moving to review opens the grading view on the cycle.
    await frame.getByRole('heading', { name: `Review of ${CYCLE}`, level: 1 }).waitFor();
    const picker = frame.getByRole('combobox', { name: 'Team', exact: true });
    // Only the teams with objectives in the cycle (the demo's other teams have none in it), and the company.
    await picker.locator('option', { hasText: TEAM }).waitFor({ state: 'attached' });
    expect(await picker.locator('option').allTextContents()).toEqual([TEAM, 'Company']);
    await picker.selectOption({ label: TEAM });
    const card = cardOf(frame, KEPT);
    await card.waitFor();
    await card.getByText('Draft, not saved').waitFor();

    // A changed score needs its reason: refused in words, then saved with one.
    await card.getByLabel(`Final score for ${KEPT_KR}`).selectOption('0.8');
    await card.getByRole('button', { name: 'Save grades and retrospective' }).click();
    await card.getByText('Say why this score differs from the measured grade.').waitFor();
    await card.getByRole('textbox', { name: 'Why this score' }).fill('The partner launch counted late.');
    await card.getByRole('textbox', { name: 'What we learned' }).fill(LEARNED);
    await card.getByRole('button', { name: 'Save grades and retrospective' }).click();
    await card.getByText('Saved.').waitFor();
    await card.getByText('Draft, not saved').waitFor({ state: 'hidden' });

    expect(await seriousViolations(page)).toEqual([]);
    await shoot('light', frame);

    // Close: the carry-over dialog keeps the unfinished objective, rewrites the other.
    await page.setViewportSize({ width: 1440, height: 900 });
    await frame.getByRole('button', { name: 'Close cycle…' }).click();
    const dialog = frame.getByRole('dialog', { name: `Close ${CYCLE}` });
    await dialog.waitFor();
    expect(await dialog.getByLabel('Carry into').locator('option:checked').textContent()).toBe(NEXT);
    const rewrite = dialog.getByRole('group', { name: `${REWRITTEN} (${TEAM})` });
    await rewrite.getByRole('radio', { name: 'Rewrite' }).check();
    await dialog.getByRole('textbox', { name: 'New title' }).fill(REWRITE_TO);
    // The lessons each carried objective takes along are there to read before choosing.
    await dialog.locator('li', { hasText: KEPT }).getByText('Lessons it takes along').click();
    await dialog.locator('li', { hasText: KEPT }).getByText(LEARNED).waitFor();
    expect(await dialog.getByRole('group', { name: `${KEPT} (${TEAM})` }).getByRole('radio', { name: 'Keep' }).isChecked()).toBe(true);
    await screenshot(page, 'review-carry-over-1440');
    await dialog.getByRole('button', { name: 'Carry over and close' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The board lands on the next cycle, where both carried objectives wait as drafts.
    frame = boardFrame(page);
    await frame.locator('[data-row-kind="objective"]', { hasText: REWRITE_TO }).waitFor();
    await frame
      .locator('[data-row-kind="objective"]', { hasText: KEPT })
      .getByRole('link', { name: KEPT, exact: true })
      .click();
    // Its panel shows the lessons it carries; so does its form, beside last cycle's other lessons.
    const panel = frame.getByRole('dialog');
    await panel.getByRole('region', { name: `Lessons carried from “${KEPT}”` }).getByText(LEARNED).waitFor();
    await panel.getByRole('button', { name: 'Edit objective' }).click();
    await panel.getByRole('form', { name: 'Edit objective' }).waitFor();
    await panel.getByRole('region', { name: `Lessons carried from “${KEPT}”` }).getByText(LEARNED).waitFor();
    await screenshot(page, 'review-lessons-carried-1440');

    // A new objective of the team, in the Set phase: last cycle's lessons beside the form.
    await panel.getByRole('button', { name: 'Close', exact: true }).click();
    await frame.getByRole('button', { name: 'New objective' }).click();
    const form = panel.getByRole('form', { name: 'New objective' });
    await form.getByRole('radio', { name: 'Team', exact: true }).check();
    await form.getByRole('combobox', { name: 'Team' }).selectOption({ label: TEAM });
    await form.getByText(`Lessons from ${CYCLE}`).waitFor();
    expect(problems.errors).toEqual([]);
  });

  it('shows the closed review in the dark and in Dutch', async () => {
    const dark = await openCycle('&theme=dark', 'closed');
    await dark.getByRole('button', { name: 'Review', exact: true }).click();
    await dark.getByRole('combobox', { name: 'Team', exact: true }).selectOption({ label: TEAM });
    await shoot('dark', dark);

    const dutch = await openCycle('&locale=nl-NL', 'afgesloten');
    await dutch.getByRole('button', { name: 'Review', exact: true }).click();
    await dutch.getByRole('combobox', { name: 'Team', exact: true }).selectOption({ label: TEAM });
    await page.setViewportSize({ width: 1024, height: 768 });
    await cardOf(dutch, KEPT).getByText(LEARNED).waitFor();
    await screenshot(page, 'review-dutch-1024');
    expect(problems.errors).toEqual([]);
  });
});
