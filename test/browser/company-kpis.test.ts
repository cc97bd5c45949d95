import { PATHS } from '../../local/host/links';
import type { OpenedPage } from './views-host';
import { atBothSizes, frameSelector, invokeAs, PEOPLE, screenshot, seriousViolations, useViewsHost, withUser } from './views-host';

/**
 * Company KPIs in "Cadence settings" (#14): the OKR admin of the demo (Elena, Jira administrator) opens
 * the section, adds a company KPI with a healthy range, records a value outside it and sees it flagged
 * in words, beside the demo's company KPI; the KPI is then the company's (kpis.list without teamId). Someone who is no OKR admin gets no
 * such section. Screenshots at 1024 and 1440, light and dark, Dutch once.
 */
jest.setTimeout(180_000);

const suite = useViewsHost();
const KPI = 'Net revenue retention';
/** The company KPI the demo seeds (local/demo/seed-okrs.ts). */
const DEMO_KPI = 'Enterprise logo churn (trailing 12 months)';

const settings = (query = ''): string => {
  const { appId, environmentId } = suite.host().runtime.installation;
  return `${PATHS.adminSettings('main', appId, environmentId)}${query}`;
};

const openKpis = async (o: OpenedPage, nav = 'Settings sections', name = 'Company KPIs'): Promise<void> => {
  const frame = o.frame();
  await frame.getByRole('navigation', { name: nav }).getByRole('link', { name }).click();
  await frame.getByRole('heading', { level: 2, name }).waitFor();
};

describe('company KPIs in the settings', () => {
  it('lets the OKR admin add a company KPI, record a value outside its range and see it flagged in words', async () => {
    const o = await suite.open(withUser(settings(), PEOPLE.elena));
    await openKpis(o);
    const section = o.frame().getByRole('region', { name: 'Company KPIs' });
    // The demo's company KPI, in range; no team's KPI shows here.
    await section.getByRole('listitem', { name: DEMO_KPI }).locator('[data-kpi-health="healthy"]').waitFor();
    await section.getByText('None out of range.').waitFor();
    expect(await section.getByRole('listitem', { name: 'Checkout latency p95' }).count()).toBe(0);

    await section.getByRole('button', { name: 'Add KPI' }).click();
    const add = section.getByRole('form', { name: 'Add a KPI' });
    await add.getByLabel('Name').fill(KPI);
    await add.getByLabel('Unit (optional)').fill('%');
    await add.getByLabel('Which way is better').selectOption({ label: 'higher is better' });
    await add.getByLabel('Lowest healthy value').fill('100');
    await add.getByLabel('Highest healthy value').fill('130');
    await add.getByRole('button', { name: 'Add KPI' }).click();
    const card = section.getByRole('listitem', { name: KPI });
    await card.getByText('healthy 100%–130% · higher is better').waitFor();
    await card.locator('[data-kpi-health="no_value"]').getByText('No reading yet').waitFor();

    await card.getByRole('button', { name: `Record value of ${KPI}` }).click();
    const form = card.getByRole('form', { name: `Record a value of ${KPI}` });
    await form.getByLabel('Value (%)').fill('92');
    await form.getByRole('button', { name: 'Record value' }).click();
    await form.getByRole('status').getByText('Recorded 92%: Below range.').waitFor();
    await card.locator('[data-kpi-health="low"]').getByText('Below range').waitFor();
    expect(await card.getAttribute('class')).toContain('cad-kpi--flagged');
    await section.getByText('1 KPI out of range.').waitFor();
    expect(await seriousViolations(o.page)).toEqual([]);
    await atBothSizes(o, 'company-kpis');

    // The company's, not a team's: kpis.list without teamId has it, with the reading.
    const { kpis } = await invokeAs(suite.host(), PEOPLE.elena, 'kpis.list', {});
    const saved = kpis.find((k) => k.name === KPI);
    expect(saved).toMatchObject({ current: 92, health: 'low', healthy: { min: 100, max: 130 } });
    expect(saved?.teamId).toBeUndefined();
  });

  it('looks right in dark mode and in Dutch', async () => {
    const dark = await suite.open(withUser(settings(), PEOPLE.elena, 'dark'));
    await openKpis(dark);
    await dark.frame().getByRole('listitem', { name: KPI }).waitFor();
    expect(await seriousViolations(dark.page)).toEqual([]);
    await atBothSizes(dark, 'company-kpis-dark');

    const nl = await suite.open(withUser(settings('?locale=nl-NL'), PEOPLE.elena));
    await openKpis(nl, 'Onderdelen van de instellingen', "KPI's van het bedrijf");
    const card = nl.frame().getByRole('listitem', { name: KPI });
    await card.getByText('Onder het bereik').waitFor();
    await screenshot(nl.page, 'company-kpis-nl');
  });

  it('shows no company KPIs section to someone who is no OKR admin, even when the address asks for it', async () => {
    expect((await invokeAs(suite.host(), PEOPLE.priya, 'me.get', {})).isOkrAdmin).toBe(false);
    // Not a Jira admin either: the settings open inside the board for them.
    // Its own tab: the board keeps its (hidden) board beside the settings, which suite.open waits to see.
    const context = await suite.host().browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${suite.host().url}${withUser('/jira/apps/cadence-board?settings=kpis', PEOPLE.priya)}`);
    const frame = page.locator(frameSelector()).first().contentFrame();
    await frame.getByRole('heading', { level: 1, name: 'Cadence settings' }).waitFor();
    await frame.getByRole('heading', { level: 2, name: 'Teams' }).waitFor();
    const nav = frame.getByRole('navigation', { name: 'Settings sections' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Teams', 'Scoring', 'Administrators']);
    await context.close();
  });
});
