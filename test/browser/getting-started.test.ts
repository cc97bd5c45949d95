import type { FrameLocator, Locator, Page } from 'playwright-core';
import { seriousViolationsIn } from '../support/axe';
import { screenshot, watchProblems } from '../support/browser';
import type { PageProblems } from '../support/browser';
import { EMPTY_PEOPLE, EMPTY_PROJECTS, startEmptyHost } from '../support/empty-host';
import type { EmptyHost } from '../support/empty-host';
import { boardFrame } from './board-support';

/**
 * Getting started on the site `npm start -- --no-seed` starts (issue #12): a colleague who is no OKR admin
 * is told whom to ask; then the Jira admin walks the steps in the UI only: the proposed quarter's cycle,
 * two teams from the Jira projects, a member, the first company objective from an example with its
 * three key results. axe at 1024x768 and 1440x900; screenshots light and dark, English and Dutch.
 */
jest.setTimeout(240_000);

let host: EmptyHost;
beforeAll(async () => {
  host = await startEmptyHost();
}, 90_000);
afterAll(async () => {
  await host.close();
});

let page: Page;
let problems: PageProblems;
afterEach(async () => {
  expect(problems.errors).toEqual([]);
  await page.context().close();
});

const SIZES = [
  [1024, 768],
  [1440, 900],
] as const;

const openBoard = async (accountId: string, query = ''): Promise<FrameLocator> => {
  const context = await host.browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  problems = watchProblems(page);
  await page.goto(`${host.url}/jira/apps/cadence-board?as=${accountId}${query}`);
  return boardFrame(page);
};

/** axe and a screenshot at both sizes. */
const checkBothSizes = async (name: string): Promise<void> => {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    expect(await seriousViolationsIn(page, 'iframe[data-frame-id]')).toEqual([]);
    await screenshot(page, `${name}-${String(width)}`);
  }
};

const step = (frame: FrameLocator, id: string): Locator => frame.locator(`[data-step="${id}"]`);
const waitState = (frame: FrameLocator, id: string, state: string) =>
  frame.locator(`[data-step="${id}"][data-state="${state}"]`).waitFor({ timeout: 30_000 });

test('a colleague who is no OKR admin sees the guide and whom to ask, and can hide it', async () => {
  const frame = await openBoard(EMPTY_PEOPLE.sam);
  await frame.getByRole('heading', { name: 'Get started with Cadence' }).waitFor();
  await expect(step(frame, 'cycle').textContent()).resolves.toContain('Only OKR admins can create a cycle');
  await expect(step(frame, 'teams').textContent()).resolves.toContain('Only OKR admins can set up teams');
  expect(
    await step(frame, 'cycle')
      .getByRole('button', { name: /^Create / })
      .count(),
  ).toBe(0);
  expect(await step(frame, 'objective').textContent()).toContain('this step opens once the cycle exists');
  await checkBothSizes('getting-started-member');

  // Skipping a step is remembered for this person, in this browser.
  await step(frame, 'teams')
    .getByRole('button', { name: /^Skip this step: / })
    .click();
  await waitState(frame, 'teams', 'skipped');
  await frame.getByRole('button', { name: 'Hide the guide' }).click();
  await frame.getByRole('heading', { name: 'No OKR cycle yet' }).waitFor();
  await page.reload();
  const again = boardFrame(page);
  await again.getByRole('heading', { name: 'No OKR cycle yet' }).waitFor();
  await again.getByRole('button', { name: 'Getting started' }).click();
  await waitState(again, 'teams', 'skipped');
});

test('in Dutch, dark: the guide speaks Dutch', async () => {
  const frame = await openBoard(EMPTY_PEOPLE.noor, '&theme=dark');
  await frame.getByRole('heading', { name: 'Aan de slag met Cadence' }).waitFor();
  expect(await step(frame, 'cycle').textContent()).toContain('Alleen OKR-beheerders kunnen een cyclus aanmaken');
  await checkBothSizes('getting-started-member-nl-dark');
});

test('the Jira admin creates the cycle, two teams, a member and the first objective with three KRs, in the UI', async () => {
  const frame = await openBoard(EMPTY_PEOPLE.admin);
  await frame.getByRole('heading', { name: 'Get started with Cadence' }).waitFor();
  await expect(frame.getByRole('status').filter({ hasText: 'steps done' }).first().textContent()).resolves.toBe(
    '0 of 4 steps done',
  );
  await checkBothSizes('getting-started-admin');

  // (a) The cycle form proposes this quarter; the dates are there to change.
  await step(frame, 'cycle')
    .getByRole('button', { name: /^Create Q[1-4] \d{4}/ })
    .click();
  const cycleForm = frame.getByRole('form', { name: 'New cycle' });
  await expect(cycleForm.getByLabel('Name').inputValue()).resolves.toMatch(/^Q[1-4] \d{4}$/);
  await expect(cycleForm.getByLabel('Starts').inputValue()).resolves.toMatch(/^\d{4}-\d{2}-01$/);
  await cycleForm.getByRole('button', { name: 'Create cycle' }).click();
  await waitState(frame, 'cycle', 'done');

  // (b) Two teams, one click each, from the Jira projects.
  for (const project of EMPTY_PROJECTS) {
    await step(frame, 'teams')
      .getByRole('button', { name: `Create a team from ${project.key} ${project.name}` })
      .click();
    await step(frame, 'teams')
      .getByRole('button', { name: `Create a team from ${project.key} ${project.name}` })
      .waitFor({
        state: 'detached',
      });
  }
  await waitState(frame, 'teams', 'done');
  expect(await step(frame, 'teams').textContent()).toContain('2 teams');

  // (d) A member for the first team, and the message with the board's link to send.
  const owners = step(frame, 'owners');
  await owners.getByLabel('Add a member: search by name or email').first().fill('Sam');
  await owners
    .getByRole('button', { name: /Sam Taylor/ })
    .first()
    .click();
  await waitState(frame, 'owners', 'done');
  // The board's address comes from the host (router.getUrl) and joins the message when it answers.
  const message = owners.getByLabel('Message to send');
  for (const until = Date.now() + 20_000; Date.now() < until; ) {
    if ((await message.inputValue()).includes('cadence-board')) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await message.inputValue()).toMatch(/cadence-board/);
  await checkBothSizes('getting-started-admin-steps');

  // (c) The first company objective, from an example, with its three KRs.
  await step(frame, 'objective').getByRole('button', { name: 'Write the company objective…' }).click();
  const form = frame.getByRole('form', { name: 'New objective' });
  await expect(form.getByRole('radio', { name: 'Company' }).isChecked()).resolves.toBe(true);
  await form.getByRole('button', { name: 'Start from an example' }).click();
  await form.getByLabel('Function').selectOption('sales');
  await screenshot(page, 'getting-started-gallery');
  await form.getByRole('button', { name: 'Use this' }).first().click();
  const title = await form.getByLabel('Title', { exact: false }).first().inputValue();
  expect(title.length).toBeGreaterThan(10);
  expect(await form.getByRole('group', { name: /^Key result \d$/ }).count()).toBe(3);
  await screenshot(page, 'getting-started-example-filled');
  await form.getByRole('button', { name: 'Create objective' }).click();
  await frame.locator('[data-row-kind="objective"]').first().waitFor({ timeout: 30_000 });
  await frame.locator('[data-row-kind="keyResult"]').nth(2).waitFor({ timeout: 30_000 });
  expect(await frame.locator('[data-row-kind="objective"]').first().textContent()).toContain(title);
  // Every step done: the board shows no getting-started link any more.
  await frame.getByRole('button', { name: /^Getting started/ }).waitFor({ state: 'detached' });
});

test('in Dutch, dark: a member starts an objective from a Dutch example (the gallery at both sizes)', async () => {
  const frame = await openBoard(EMPTY_PEOPLE.noor, '&theme=dark');
  await frame.locator('[data-row-kind="objective"]').first().waitFor({ timeout: 30_000 });
  await frame.getByRole('button', { name: 'Nieuwe objective' }).click();
  const form = frame.getByRole('form', { name: 'Nieuwe objective' });
  // Noor is in no team and no OKR admin: her objective starts as an individual one, hers.
  await expect(form.getByRole('radio', { name: 'Individueel' }).isChecked()).resolves.toBe(true);
  await form.getByRole('button', { name: 'Begin met een voorbeeld' }).click();
  await form.getByLabel('Vakgebied').selectOption('people');
  await form.getByRole('button', { name: 'Gebruik deze' }).first().waitFor();
  await checkBothSizes('getting-started-gallery-nl-dark');
});
