import type { OpenedPage } from './views-host';
import { PEOPLE, screenshot, seriousViolations, useViewsHost, withUser } from './views-host';

/**
 * The dashboard gadget in a real browser on the local host: a prompt until configured; its edit view
 * chooses a team scorecard or "my key results"; the view then shows what was chosen.
 */
jest.setTimeout(60_000);

const suite = useViewsHost();
const { open } = suite;

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
});
