import type { FrameLocator } from 'playwright-core';
import { boardFrame, demoCycleName } from './board-support';
import type { OpenedPage } from './views-host';
import { atBothSizes, invokeAs, PEOPLE, screenshot, seriousViolations, useViewsHost, withUser } from './views-host';

/**
 * Forecast vs confidence in Chromium on the local host (#13): the board's KR rows show where each KR is
 * heading ("→ 88.5% by 31 Dec", its basis in words on hover); a KR whose owner says on track while its
 * values fall is flagged in words; the summary's "forecast disagrees" count filters the board to its
 * objective. Screenshots at 1024x768 and 1440x900, light and dark, and Dutch once.
 */
jest.setTimeout(240_000);

const suite = useViewsHost();
const RETENTION = 'Increase enterprise logo retention from 82% to 92%';

// The demo's retention KR rose for weeks to 86%; this week it drops back to 83% and its owner still says on track.
beforeAll(async () => {
  const host = suite.host();
  const { cycles } = await invokeAs(host, PEOPLE.elena, 'cycles.list', {});
  const cycleId = cycles.find((c) => c.status === 'active')?.id ?? '';
  const card = await invokeAs(host, PEOPLE.elena, 'scorecard.get', { cycleId, includeInitiatives: false });
  const kr = card.objectives.flatMap((o) => o.keyResults).find((k) => k.title === RETENTION);
  if (kr === undefined) throw new Error(`no KR ${RETENTION}`);
  await invokeAs(host, kr.ownerAccountId, 'checkIns.create', { keyResultId: kr.id, value: 83, confidence: 'on_track' });
});

/** The board on the demo cycle, once its first KR rows are drawn. */
const openBoard = async (query: string): Promise<{ o: OpenedPage; frame: FrameLocator }> => {
  const o = await suite.open(`/jira/apps/cadence-board?${query}`);
  const frame = boardFrame(o.page);
  const picker = frame.locator('select').first();
  await picker.waitFor();
  const option = await picker.locator('option', { hasText: await demoCycleName(suite.host()) }).first().getAttribute('value');
  await picker.selectOption(option ?? '');
  await frame.locator('[data-row-kind="keyResult"]').first().waitFor();
  return { o, frame };
};

describe('forecasts on the board', () => {
  it('shows forecasts on KR rows, flags the one that disagrees, and filters to it from the summary', async () => {
    const { o, frame } = await openBoard(`as=${PEOPLE.elena}`);
    await o.page.setViewportSize({ width: 1024, height: 768 });
    const row = frame.locator('[data-row-kind="keyResult"]', { hasText: RETENTION });
    await row.waitFor();
    const forecast = row.locator('[data-forecast]');
    expect(await forecast.textContent()).toMatch(/^→ -?[\d.]+%Forecast: At this week’s trend/);
    expect(await forecast.getAttribute('title')).toMatch(/^At this week’s trend \(last \d weeks?\), -?[\d.]+% by \w+ \d+$/);
    const flag = row.locator('[data-forecast-disagrees="optimistic"]');
    // Not colour alone: the flag says it in words, short on the row, whole for screen readers and on hover.
    expect(await flag.textContent()).toMatch(/^!Forecast disagreesForecast disagrees: on track, but heading for 0\.\d\d$/);
    expect(await flag.getAttribute('title')).toMatch(/^Forecast disagrees: on track, but heading for 0\.\d\d\. The latest check-in says on track/);
    // Other KRs have forecasts that agree: no flag.
    expect(await frame.locator('[data-row-kind="keyResult"] [data-forecast]').count()).toBeGreaterThan(1);
    expect(await frame.locator('[data-forecast-disagrees]').count()).toBe(1);

    const toggle = frame.locator('button[data-forecast-filter]');
    expect(await toggle.textContent()).toMatch(/^!1 forecast disagrees$/);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await seriousViolations(o.page)).toEqual([]);
    await screenshot(o.page, 'forecast-board-1024');

    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await frame
      .getByRole('status')
      .filter({ hasText: /match(es)? the filters/ })
      .waitFor();
    // The retention KR's objective matches; its ancestors stay as context (dimmed); nothing else.
    const matched = frame.locator('[data-row-kind="objective"]:not(.cad-row--dimmed)');
    expect(await matched.count()).toBe(1);
    await row.waitFor();
    expect(o.page.url()).toContain('forecast=disagrees');
    await o.page.setViewportSize({ width: 1440, height: 900 });
    await screenshot(o.page, 'forecast-board-filtered-1440');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
  });

  it('reads the same in the dark and in Dutch', async () => {
    const dark = await openBoard(`as=${PEOPLE.elena}&theme=dark`);
    await dark.o.page.setViewportSize({ width: 1440, height: 900 });
    await dark.frame.locator('[data-forecast-disagrees]').waitFor();
    expect(await seriousViolations(dark.o.page)).toEqual([]);
    await screenshot(dark.o.page, 'forecast-board-dark-1440');
    await dark.o.page.setViewportSize({ width: 1024, height: 768 });
    await screenshot(dark.o.page, 'forecast-board-dark-1024');

    const { o, frame } = await openBoard(`as=${PEOPLE.elena}&locale=nl-NL`);
    await o.page.setViewportSize({ width: 1024, height: 768 });
    const flag = frame.locator('[data-forecast-disagrees]');
    expect(await flag.textContent()).toMatch(/Prognose wijkt af: op koers, maar op weg naar 0,\d\d$/);
    expect(await frame.locator('[data-row-kind="keyResult"] [data-forecast]').first().getAttribute('title')).toMatch(
      /^(Met de trend van deze week|In het tempo sinds de start)/,
    );
    expect(await frame.locator('button[data-forecast-filter]').textContent()).toMatch(/^!1 afwijkende prognose$/);
    await screenshot(o.page, 'forecast-board-nl-1024');
  });

  it('shows the forecast on the epic panel’s KR and projects it on the history chart', async () => {
    const o = await suite.open(withUser('/jira/browse/ONB-1', PEOPLE.hannah));
    const kr = o.frame().getByRole('region', { name: 'Increase onboarding completion rate from 62% to 90%' });
    const forecast = kr.locator('[data-forecast]').first();
    expect(await forecast.textContent()).toMatch(/^→ [\d.]+% by \w+ \d+Forecast: /);
    const show = kr.getByRole('button', { name: /^Show history/ });
    if ((await show.count()) > 0) await show.click();
    await kr.locator('.cad-plot canvas').first().waitFor();
    expect(await kr.locator('figcaption').textContent()).toMatch(/Dashed: the forecast\. At this week’s trend/);
    expect(await seriousViolations(o.page)).toEqual([]);
    await atBothSizes(o, 'forecast-panel');
  });
});
