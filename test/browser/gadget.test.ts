import type { OpenedPage } from './views-host';
import { invokeAs, PEOPLE, screenshot, seriousViolations, useViewsHost, withUser } from './views-host';

/**
 * The dashboard gadget in a real browser on the local host: a prompt until configured; its edit view
 * chooses a team scorecard or "my key results"; the view then shows what was chosen.
 */
jest.setTimeout(180_000);

const suite = useViewsHost();
const { open } = suite;

const COMPLETION = 'Increase onboarding completion rate from 62% to 90%';
const ONBOARDING = 'Deliver an exceptional onboarding experience for new enterprise clients';
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1440, height: 900 },
] as const;

/** Opens the edit view, lets `choose` fill it, saves, and waits for the dashboard to show the view again. */
const edit = async (o: OpenedPage, choose: (form: ReturnType<OpenedPage['frame']>) => Promise<void>): Promise<void> => {
  await o.page.goto(`${suite.host().url}${withUser('/jira/dashboards/local?edit=cadence-gadget', PEOPLE.hannah)}`);
  const frame = o.frame('gadget-edit');
  await frame.getByRole('form', { name: 'Configure the OKR gadget' }).waitFor();
  await choose(frame);
  expect(await seriousViolations(o.page, 'gadget-edit')).toEqual([]);
  await frame.getByRole('button', { name: 'Save' }).click();
  await o.page.waitForURL(`${suite.host().url}${withUser('/jira/dashboards/local', PEOPLE.hannah)}`);
};

describe('dashboard gadget', () => {
  it('asks to be configured, then shows the team scorecard chosen in its edit view', async () => {
    const o = await open(withUser('/jira/dashboards/local', PEOPLE.hannah));
    await o.frame('view').getByRole('heading', { name: 'Choose what this gadget shows' }).waitFor();
    expect(await seriousViolations(o.page, 'view')).toEqual([]);

    await edit(o, async (form) => {
      await form.getByRole('radio', { name: /^Team scorecard/ }).check();
      await form.getByLabel('Team', { exact: true }).selectOption({ label: 'Onboarding' });
      await screenshot(o.page, 'gadget-edit');
    });
    const view = o.frame('view');
    await view.getByRole('heading', { name: /^Onboarding · / }).waitFor();
    await view
      .getByRole('heading', { name: 'Deliver an exceptional onboarding experience for new enterprise clients' })
      .waitFor();
    expect(await seriousViolations(o.page, 'view')).toEqual([]);
    await screenshot(o.page, 'gadget-team');
  });

  it('shows the key results I own, under their objectives', async () => {
    const o = await open(withUser('/jira/dashboards/local', PEOPLE.hannah));
    await edit(o, async (form) => {
      await form.getByRole('radio', { name: /^My key results/ }).check();
    });
    const view = o.frame('view');
    await view.getByRole('heading', { name: /^My key results · / }).waitFor();
    const titles = await view.locator('.cad-kr__title').allTextContents();
    expect(titles.sort()).toEqual([
      'Increase onboarding completion rate from 62% to 90%',
      'Launch the guided data import for HR records',
    ]);
    await view.getByText('2 epics · ').first().waitFor();
    expect(await seriousViolations(o.page, 'view')).toEqual([]);
    await screenshot(o.page, 'gadget-mine');

    const dark = await open(withUser('/jira/dashboards/local', PEOPLE.hannah, 'dark'));
    await dark
      .frame('view')
      .getByRole('heading', { name: /^My key results · / })
      .waitFor();
    expect(await seriousViolations(dark.page, 'view')).toEqual([]);
    await screenshot(dark.page, 'gadget-mine-dark');
  });

  it('checks in on a row of my key results, and the panel agrees', async () => {
    const o = await open(withUser('/jira/dashboards/local', PEOPLE.hannah));
    const view = o.frame('view');
    await view.getByRole('heading', { name: /^My key results · / }).waitFor();
    await view.getByRole('button', { name: `Check in on ${COMPLETION}` }).click();
    const form = view.getByRole('form', { name: `Check in on ${COMPLETION}` });
    await form.getByLabel('Current value (%)').fill('83');
    await form.getByRole('radio', { name: 'At risk' }).check();
    expect(await seriousViolations(o.page, 'view')).toEqual([]);
    await screenshot(o.page, 'gadget-check-in');
    await form.getByRole('button', { name: 'Check in', exact: true }).click();
    await form.getByRole('status').getByText('Checked in: 83% · At risk.').waitFor();
    // The gadget reloads its rows: the KR now reads the new value and the owner's new word.
    const row = view.locator('.cad-gadget__item', { hasText: COMPLETION });
    await row.getByText('83% of 90%').waitFor();
    await row.locator('.cad-kr__confidence').getByText('At risk').waitFor();

    // The same KR in the epic's panel shows the same value.
    const panel = await open(withUser('/jira/browse/ONB-1', PEOPLE.hannah));
    await panel.frame().getByRole('region', { name: COMPLETION }).getByText('83% of 90%').waitFor();
  });

  it('checks in on a binary KR as done or not done, from the same form', async () => {
    const o = await open(withUser('/jira/dashboards/local', PEOPLE.hannah));
    const view = o.frame('view');
    const mine = await invokeAs(suite.host(), PEOPLE.hannah, 'keyResults.mine', {});
    const binary = mine.objectives.flatMap((x) => x.keyResults).find((k) => k.metric.kind === 'binary');
    if (binary === undefined) throw new Error('the demo gives Hannah a binary KR');
    await view.getByRole('button', { name: `Check in on ${binary.title}` }).click();
    const form = view.getByRole('form', { name: `Check in on ${binary.title}` });
    await form.getByRole('radio', { name: 'Done', exact: true }).check();
    await form.getByRole('button', { name: 'Check in', exact: true }).click();
    await form
      .getByRole('status')
      .getByText(/^Checked in: Done · /)
      .waitFor();
    expect(await seriousViolations(o.page, 'view')).toEqual([]);
  });

  it('opens the board on an objective from its title, and in a new tab on ctrl-click', async () => {
    const o = await open(withUser('/jira/dashboards/local', PEOPLE.hannah));
    const view = o.frame('view');
    const link = view.getByRole('link', { name: ONBOARDING }).first();
    // The real address comes from router.getUrl once per page, a moment after the first render.
    await view.locator('a[href*="objective="]', { hasText: ONBOARDING }).first().waitFor();
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/\/jira\/apps\/cadence-board\/cycles\/[^/?]+\?.*objective=/);

    const popup = o.page.context().waitForEvent('page');
    await link.click({ modifiers: ['Control'] });
    const tab = await popup;
    await tab.waitForURL(/\/jira\/apps\/cadence-board\/cycles\/[^/?]+\?.*objective=/);
    await tab.close();
    expect(o.page.url()).toContain('/jira/dashboards/local');

    await link.click();
    await o.page.waitForURL(/\/jira\/apps\/cadence-board\/cycles\/[^/?]+\?.*objective=/);
    expect(new URL(o.page.url()).searchParams.get('as')).toBe(PEOPLE.hannah);
    await o.frame().getByRole('heading', { name: ONBOARDING }).first().waitFor();
  });

  it('speaks Dutch and holds at 1024x768 and 1440x900, light and dark', async () => {
    for (const theme of [undefined, 'dark'] as const) {
      const o = await open(`${withUser('/jira/dashboards/local', PEOPLE.hannah, theme)}&locale=nl-NL`);
      const view = o.frame('view');
      await view.getByRole('heading', { name: /^Mijn key results · / }).waitFor();
      await view.getByRole('button', { name: `Inchecken op ${COMPLETION}` }).waitFor();
      await view.getByText(/\d+ key results · .*eindigt /).waitFor();
      expect(await seriousViolations(o.page, 'view')).toEqual([]);
      for (const size of SIZES) {
        await o.page.setViewportSize(size);
        // Nothing in the gadget is wider than its frame.
        const overflow = await view.locator('main').evaluate((el) => {
          // No DOM lib in the tests' tsconfig: the two widths the check needs.
          const box = el as unknown as { scrollWidth: number; clientWidth: number };
          return box.scrollWidth - box.clientWidth;
        });
        expect(overflow).toBeLessThanOrEqual(0);
        await screenshot(o.page, `gadget-mine-nl-${String(size.width)}${theme === undefined ? '' : '-dark'}`);
      }
      await view.getByRole('button', { name: `Inchecken op ${COMPLETION}` }).click();
      const form = view.getByRole('form', { name: `Inchecken op ${COMPLETION}` });
      await form.getByRole('radio', { name: 'Op koers' }).waitFor();
      await screenshot(o.page, `gadget-check-in-nl${theme === undefined ? '' : '-dark'}`);
    }
    for (const size of SIZES) {
      const en = await open(withUser('/jira/dashboards/local', PEOPLE.hannah));
      await en.page.setViewportSize(size);
      await en
        .frame('view')
        .getByRole('heading', { name: /^My key results · / })
        .waitFor();
      await screenshot(en.page, `gadget-mine-en-${String(size.width)}`);
    }
  });
});
