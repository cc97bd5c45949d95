import { PEOPLE, screenshot, seriousViolations, useViewsHost, withUser } from './views-host';

/**
 * The team page (Jira project page) in a real browser on the local host: the OKRs of the teams that
 * list the project, the KRs due for a check-in this week with the form inline, the team's score over
 * the cycle.
 */
jest.setTimeout(60_000);

const suite = useViewsHost();
const { open } = suite;

describe('team page', () => {
  it("renders the project's team OKRs, what is due this week and the score over the cycle", async () => {
    const o = await open(withUser('/jira/projects/ONB/apps/cadence-team', PEOPLE.hannah));
    const page = o.frame();
    await page.getByRole('heading', { name: /^Onboarding · / }).waitFor();
    await page
      .getByRole('heading', { name: 'Deliver an exceptional onboarding experience for new enterprise clients' })
      .waitFor();
    await page.getByRole('heading', { name: 'Team score over the cycle' }).waitFor();
    const caption = page.locator('figcaption', { hasText: /^Team score \d\.\d\d now/ });
    await caption.waitFor();
    const before = await caption.textContent();
    // teams.history: one row per week of the cycle so far, the last one the score now.
    await page.getByText('Show the team score as a table').click();
    await page.getByRole('table', { name: 'Team score by week' }).getByRole('cell', { name: 'Now', exact: true }).waitFor();

    // Hannah never checked in on the data import KR: it is due, and she checks in right there.
    await page.getByRole('heading', { name: 'Due for a check-in this week (2)' }).waitFor();
    const due = page.getByRole('region', { name: 'Launch the guided data import for HR records' });
    await due.waitFor();
    expect(await seriousViolations(o.page)).toEqual([]);
    await screenshot(o.page, 'team');
    await due.getByRole('radio', { name: 'Done', exact: true }).check();
    await due.getByRole('button', { name: 'Check in' }).click();
    await due.getByRole('status').getByText('Checked in: Done · On track.').waitFor();
    // Checked in this week: no longer counted as due, though it stays on screen with its confirmation.
    await page.getByRole('heading', { name: 'Due for a check-in this week (1)' }).waitFor();
    await due.getByText('checked in today').waitFor();
    // The history reloads with the scorecard: the team's score now includes the done KR.
    await page.locator('figcaption', { hasText: /^Team score \d\.\d\d now/, hasNotText: before ?? '' }).waitFor();
  });

  it('renders in dark mode without serious accessibility violations', async () => {
    const o = await open(withUser('/jira/projects/PAY/apps/cadence-team', PEOPLE.priya, 'dark'));
    await o.frame().getByRole('heading', { name: 'Make paying us effortless for enterprise finance teams' }).waitFor();
    await o
      .frame()
      .locator('figcaption', { hasText: /^Team score/ })
      .waitFor();
    expect(await seriousViolations(o.page)).toEqual([]);
    await screenshot(o.page, 'team-dark');
  });
});
