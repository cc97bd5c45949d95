import type { FrameLocator, Locator } from 'playwright-core';
import { atBothSizes, invokeAs, PEOPLE, screenshot, seriousViolations, useViewsHost, withUser } from './views-host';

/**
 * "Not this cycle" (issue #14) in a real browser: Priya adds an item to Payments' list on the team page
 * and carries one forward from last cycle; the board's disclosure (filtered to Payments) and a team
 * scorecard in the macro show them. Light and dark, 1024 and 1440, Dutch once.
 */
jest.setTimeout(240_000);

const suite = useViewsHost();
const { open } = suite;

const DAY = 86_400_000;
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Payments' team id and the active cycle, with last quarter holding one item of Payments' list. */
const setup = async () => {
  const host = suite.host();
  const [{ teams }, { cycles }] = await Promise.all([
    invokeAs(host, PEOPLE.elena, 'teams.list', {}),
    invokeAs(host, PEOPLE.elena, 'cycles.list', {}),
  ]);
  const teamId = teams.find((t) => t.name === 'Payments')?.id ?? '';
  const active = cycles.find((c) => c.status === 'active');
  if (active === undefined) throw new Error('the demo should have an active cycle');
  const start = Date.parse(`${active.startDate}T00:00:00Z`);
  const last = await invokeAs(host, PEOPLE.elena, 'cycles.create', {
    name: 'Last quarter',
    startDate: isoDay(start - 91 * DAY),
    endDate: isoDay(start - DAY),
  });
  await invokeAs(host, PEOPLE.priya, 'leftOut.add', {
    cycleId: last.id,
    teamId,
    title: 'Pay suppliers in crypto',
    why: 'No customer asked for it; reliability first.',
  });
  return { teamId, cycleId: active.id };
};

const section = (frame: FrameLocator) => frame.getByRole('region', { name: 'Not this cycle', exact: true });
/** An item's title as shown (its remove button repeats it, hidden, for screen readers). */
const titled = (scope: Locator, title: string) => scope.locator('.cad-left-out__title', { hasText: title });

describe('not this cycle', () => {
  it('is added on the team page, carried forward from last cycle, and shown on the board and in the macro', async () => {
    const { teamId, cycleId } = await setup();

    const o = await open(withUser('/jira/projects/PAY/apps/cadence-team', PEOPLE.priya));
    const list = section(o.frame());
    await list.getByText('Nothing has been left out on purpose yet.').waitFor();
    await list.getByText('From last cycle: 1 item not carried forward yet').waitFor();
    await list.getByLabel('Priority left out').fill('Instant payouts to debit cards');
    await list.getByLabel('Why not this cycle (optional)').fill('Failed payouts first: instant ones would double the support load.');
    await list.getByRole('button', { name: 'Add to “not this cycle”' }).click();
    await list.getByRole('status').getByText('“Instant payouts to debit cards” is on the list.').waitFor();
    const items = list.getByRole('list', { name: 'Not this cycle: left out this cycle' });
    await titled(items, 'Instant payouts to debit cards').waitFor();
    await items.getByText('Added by').waitFor();
    await items.getByText('Priya Raman').waitFor();

    await list.getByRole('button', { name: 'Carry forward Pay suppliers in crypto' }).click();
    await titled(items, 'Pay suppliers in crypto').waitFor();
    await items.getByText('Carried forward by').waitFor();
    expect(await list.getByRole('button', { name: /^Carry forward/ }).count()).toBe(0);
    expect(await seriousViolations(o.page)).toEqual([]);
    await list.scrollIntoViewIfNeeded();
    await atBothSizes(o, 'left-out-team');

    // Read by key: the board, filtered to Payments, shows the company's list and Payments' own.
    const board = await open(withUser(`/jira/apps/cadence-board/cycles/${cycleId}?team=${teamId}`, PEOPLE.priya));
    const frame = board.frame();
    const disclosure = frame.locator('[data-left-out-board]');
    await disclosure.getByText('Not this cycle', { exact: true }).click();
    const company = frame.getByRole('region', { name: 'Company: not this cycle' });
    await titled(company, 'Open a sales office in Singapore').waitFor();
    // Priya is no OKR admin: the company's list is hers to read, not to change.
    expect(await company.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    const payments = frame.getByRole('region', { name: 'Payments: not this cycle' });
    await titled(payments, 'Instant payouts to debit cards').waitFor();
    await titled(payments, 'Pay suppliers in crypto').waitFor();
    expect(await seriousViolations(board.page)).toEqual([]);
    await disclosure.scrollIntoViewIfNeeded();
    await atBothSizes(board, 'left-out-board');

    // The macro: a Payments scorecard carries the list, read-only.
    const page = await open(withUser('/wiki/spaces/OKR/pages/1001?configure=1', PEOPLE.elena));
    const dialog = page.frame('macro-config');
    await dialog.getByRole('form', { name: 'Configure the OKR macro' }).waitFor();
    await dialog.getByRole('radio', { name: /^Scorecard — / }).check();
    await dialog.getByLabel('Team', { exact: true }).selectOption({ label: 'Payments' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.page.locator('#macro-config-dialog').waitFor({ state: 'detached' });
    const macro = section(page.frame('view'));
    await titled(macro, 'Instant payouts to debit cards').waitFor();
    await titled(macro, 'Pay suppliers in crypto').waitFor();
    expect(await macro.getByRole('button').count()).toBe(0);
    expect(await seriousViolations(page.page, 'view')).toEqual([]);
    await macro.scrollIntoViewIfNeeded();
    await screenshot(page.page, 'left-out-macro');
  });

  it('reads well in dark mode and in Dutch', async () => {
    const dark = await open(withUser('/jira/projects/PLAT/apps/cadence-team', PEOPLE.kenji, 'dark'));
    const list = section(dark.frame());
    await titled(list, 'Move every service onto a service mesh').waitFor();
    expect(await seriousViolations(dark.page)).toEqual([]);
    await list.scrollIntoViewIfNeeded();
    await atBothSizes(dark, 'left-out-team-dark');

    const dutch = await open(`${withUser('/jira/projects/PLAT/apps/cadence-team', PEOPLE.kenji)}&locale=nl-NL`);
    const lijst = dutch.frame().getByRole('region', { name: 'Niet deze cyclus', exact: true });
    await titled(lijst, 'Self-service sandbox environments').waitFor();
    await lijst.getByText('Toegevoegd door', { exact: false }).first().waitFor();
    await lijst.getByRole('button', { name: 'Toevoegen aan “niet deze cyclus”' }).waitFor();
    await lijst.scrollIntoViewIfNeeded();
    await screenshot(dutch.page, 'left-out-team-nl');
  });
});
