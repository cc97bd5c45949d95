import {
  invokeAs,
  PEOPLE,
  screenshot,
  seriousViolations,
  useViewsHost,
  withUser,
  atBothSizes,
  shownTracks,
  TRACK_WORDS,
} from './views-host';

/**
 * The team page (Jira project page) in a real browser on the local host: the OKRs of the teams that
 * list the project, the KRs due for a check-in this week with the form inline, the team's score over
 * the cycle.
 */
jest.setTimeout(60_000);

const suite = useViewsHost();
const { open } = suite;

const teamScorecard = async (name: string) => {
  const host = suite.host();
  const [{ teams }, { cycles }] = await Promise.all([
    invokeAs(host, PEOPLE.elena, 'teams.list', {}),
    invokeAs(host, PEOPLE.elena, 'cycles.list', {}),
  ]);
  const teamId = teams.find((t) => t.name === name)?.id ?? '';
  const cycleId = cycles.find((c) => c.status === 'active')?.id ?? '';
  return invokeAs(host, PEOPLE.elena, 'scorecard.get', { cycleId, teamId });
};

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
    await page
      .getByRole('table', { name: 'Team score by week' })
      .getByRole('cell', { name: 'Now', exact: true })
      .waitFor();

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

  it('opens with counts by status that match the data and filter the objectives; titles lead to the board', async () => {
    const card = await teamScorecard('Payments');
    const o = await open(withUser('/jira/projects/PAY/apps/cadence-team', PEOPLE.priya));
    const page = o.frame();
    await page.getByRole('heading', { name: /^Payments · / }).waitFor();
    const bar = page.locator('.cad-team__header .cad-status-summary');
    const tracks = shownTracks(card.summary.tracks);
    expect(tracks.length).toBeGreaterThan(0);
    for (const k of tracks)
      await bar.getByRole('button', { name: `${String(card.summary.tracks[k])} ${TRACK_WORDS[k]}` }).waitFor();
    expect(await bar.getByRole('button').count()).toBe(tracks.length);
    // Drafts are in no figure: the header counts the published objectives only.
    const published = card.objectives.filter((o) => o.status === 'published').length;
    await page.getByText(new RegExp(` · ${String(published)} objectives? · `)).waitFor();
    // Pressing a count keeps the objectives in that status.
    const first = tracks[0] ?? 'on_pace';
    await bar.getByRole('button', { name: new RegExp(TRACK_WORDS[first]) }).click();
    const inStatus = card.objectives.filter((o) => o.status === 'published' && o.track === first);
    await page
      .locator('.cad-objective')
      .nth(inStatus.length - 1)
      .waitFor();
    expect(await page.locator('.cad-objective').count()).toBe(inStatus.length);

    // An objective title is a link to the board with that objective selected.
    const objective = card.objectives[0];
    if (objective === undefined) throw new Error('Payments has no objective');
    const link = page.locator(`a[data-objective-id="${objective.id}"]`).first();
    await link.click();
    await o.page.waitForURL((url) => url.pathname.startsWith('/jira/apps/cadence-board'));
    expect(decodeURIComponent(o.page.url())).toContain(`objective=${objective.id}`);
  });

  it('speaks Dutch, light and dark, at 1024 and 1440 pixels', async () => {
    for (const theme of [undefined, 'dark'] as const) {
      const o = await open(withUser('/jira/projects/ONB/apps/cadence-team?locale=nl-NL', PEOPLE.hannah, theme));
      const page = o.frame();
      await page.getByRole('heading', { name: "Team-OKR's · ONB" }).waitFor();
      await page.getByRole('heading', { name: 'Teamscore in de loop van de cyclus' }).waitFor();
      await page.getByRole('heading', { name: /^Deze week toe aan een check-in/ }).waitFor();
      await page.locator('figcaption', { hasText: /^Teamscore nu \d,\d\d/ }).waitFor();
      expect(await seriousViolations(o.page)).toEqual([]);
      await atBothSizes(o, `team-nl${theme === undefined ? '' : '-dark'}`);
    }
    const en = await open(withUser('/jira/projects/PAY/apps/cadence-team', PEOPLE.priya));
    await en.frame().getByRole('heading', { name: 'Team score over the cycle' }).waitFor();
    await atBothSizes(en, 'team-en');
  }, 120_000);
});
