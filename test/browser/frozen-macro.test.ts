import type { FrameLocator } from 'playwright-core';
import { isoWeek } from '../../src/domain/iso-week';
import type { OpenedPage } from './views-host';
import { atBothSizes, invokeAs, PEOPLE, screenshot, seriousViolations, useViewsHost, withUser } from './views-host';

/**
 * A frozen scorecard (issue #14) in a real browser: the macro's config dialog chooses "as of a week",
 * its preview and the page say so in words, and a check-in made afterwards moves a live macro's
 * figures while the frozen macro's stay put.
 */
jest.setTimeout(120_000);

const suite = useViewsHost();
const { open } = suite;

const FROZEN_PAGE = '/wiki/spaces/OKR/pages/1001';
const LIVE_PAGE = '/wiki/spaces/OKR/pages/1002';

/** Payments' first KR measured by hand, with its owner (who may check in). */
const paymentsKeyResult = async () => {
  const { teams } = await invokeAs(suite.host(), PEOPLE.elena, 'teams.list', {});
  const team = teams.find((t) => t.name === 'Payments');
  if (!team) throw new Error('no team Payments');
  const { cycles } = await invokeAs(suite.host(), PEOPLE.elena, 'cycles.list', {});
  const cycle = cycles.find((c) => c.status === 'active');
  if (!cycle) throw new Error('no active cycle');
  const card = await invokeAs(suite.host(), PEOPLE.elena, 'scorecard.get', { cycleId: cycle.id, teamId: team.id });
  const kr = card.objectives.flatMap((o) => o.keyResults).find((k) => k.progressSource === 'manual' && k.metric.kind !== 'binary');
  if (!kr) throw new Error('no manual KR in Payments');
  return kr;
};

/** Configures the page's macro through its dialog: Payments' scorecard, and `figures` chosen there. */
const configure = async (path: string, figures: (dialog: FrameLocator, o: OpenedPage) => Promise<void>): Promise<OpenedPage> => {
  const o = await open(withUser(`${path}?configure=1`, PEOPLE.elena));
  const dialog = o.frame('macro-config');
  await dialog.getByRole('form', { name: 'Configure the OKR macro' }).waitFor();
  await dialog.getByRole('radio', { name: /^Scorecard — / }).check();
  await dialog.getByLabel('Team', { exact: true }).selectOption({ label: 'Payments' });
  await figures(dialog, o);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await o.page.locator('#macro-config-dialog').waitFor({ state: 'detached' });
  return o;
};

const valueOf = async (view: FrameLocator, keyResultId: string): Promise<string> => {
  const value = view.locator(`[data-key-result="${keyResultId}"] .cad-kr__value`);
  await value.waitFor();
  return value.innerText();
};

describe('a frozen scorecard in the Confluence macro', () => {
  it('keeps the figures of its week after a check-in that moves the live one, and says it is frozen', async () => {
    const kr = await paymentsKeyResult();
    // This week's snapshot, as the weekly job takes it.
    expect(await suite.host().runtime.app.runScheduledTrigger('weekly-check-in')).toMatchObject({ ok: true });
    const week = isoWeek(new Date());
    const number = String(Number(week.slice(6)));

    const frozenPage = await configure(FROZEN_PAGE, async (dialog, o) => {
      await dialog.getByRole('radio', { name: /^As of a week of the cycle/ }).check();
      const select = dialog.getByLabel('Week', { exact: true });
      // It starts at the latest week so far: this one.
      expect(await select.inputValue()).toBe(week);
      // The preview says it too, before saving.
      await dialog.getByRole('region', { name: new RegExp(`^Figures as of week ${number} `) }).waitFor();
      expect(await seriousViolations(o.page, 'macro-config')).toEqual([]);
      await screenshot(o.page, 'frozen-macro-config');
    });
    const frozen = frozenPage.frame('view');
    const label = frozen.getByRole('region', { name: new RegExp(`^Figures as of week ${number} `) });
    await label.waitFor();
    await label.getByText('Frozen', { exact: true }).waitFor();
    const frozenBefore = await valueOf(frozen, kr.id);
    expect(await seriousViolations(frozenPage.page, 'view')).toEqual([]);

    const livePage = await configure(LIVE_PAGE, async (dialog) => {
      await dialog.getByRole('radio', { name: /^Live/ }).check();
    });
    const live = livePage.frame('view');
    const liveBefore = await valueOf(live, kr.id);
    expect(await live.locator('.cad-frozen').count()).toBe(0);
    expect(liveBefore).toBe(frozenBefore);

    // A check-in after the snapshot: a value no one had.
    const value = kr.metric.current === kr.metric.target ? kr.metric.start : kr.metric.target;
    await invokeAs(suite.host(), kr.ownerAccountId, 'checkIns.create', { keyResultId: kr.id, value, confidence: 'on_track' });

    await livePage.page.reload();
    const liveAfter = await valueOf(livePage.frame('view'), kr.id);
    expect(liveAfter).not.toBe(liveBefore);
    await frozenPage.page.reload();
    const frozenAgain = frozenPage.frame('view');
    await frozenAgain.getByRole('region', { name: new RegExp(`^Figures as of week ${number} `) }).waitFor();
    expect(await valueOf(frozenAgain, kr.id)).toBe(frozenBefore);
    await atBothSizes(frozenPage, 'frozen-macro');
  });

  it('reads well in dark mode and in Dutch, and says when a week has no snapshot yet', async () => {
    const dark = await open(withUser(FROZEN_PAGE, PEOPLE.elena, 'dark'));
    await dark.frame('view').locator('.cad-frozen').waitFor();
    expect(await seriousViolations(dark.page, 'view')).toEqual([]);
    await atBothSizes(dark, 'frozen-macro-dark');

    const dutch = await open(withUser(`${FROZEN_PAGE}?locale=nl-NL`, PEOPLE.elena));
    await dutch.frame('view').getByRole('region', { name: /^Stand per week / }).waitFor();
    await dutch.frame('view').getByText('Bevroren', { exact: true }).waitFor();
    await screenshot(dutch.page, 'frozen-macro-nl');

    // A week still to come reads the latest snapshot before it, and says which.
    const { cycles } = await invokeAs(suite.host(), PEOPLE.elena, 'cycles.list', {});
    const cycle = cycles.find((c) => c.status === 'active');
    if (!cycle) throw new Error('no active cycle');
    const ahead = isoWeek(new Date(Date.now() + 14 * 86_400_000));
    const later = await configure(FROZEN_PAGE, async (dialog) => {
      await dialog.getByRole('radio', { name: /^As of a week of the cycle/ }).check();
      await dialog.getByLabel('Week', { exact: true }).selectOption(ahead);
    });
    await later.frame('view').getByText(/^The snapshot of week \d+ .* is the latest at or before it\.$/).waitFor();
    await screenshot(later.page, 'frozen-macro-earlier');

    // A cycle no snapshot was taken of yet: no figures, said in words.
    const next = await invokeAs(suite.host(), PEOPLE.elena, 'cycles.create', {});
    const none = await open(withUser(`${FROZEN_PAGE}?configure=1`, PEOPLE.elena));
    const dialog = none.frame('macro-config');
    await dialog.getByRole('form', { name: 'Configure the OKR macro' }).waitFor();
    await dialog.getByLabel('Cycle', { exact: true }).selectOption(next.id);
    await dialog.getByLabel('Team', { exact: true }).selectOption({ label: 'Payments' });
    await dialog.getByRole('radio', { name: /^As of a week of the cycle/ }).check();
    const preview = dialog.getByRole('region', { name: 'Preview' });
    await preview.getByText(/^No weekly snapshot yet for week /).waitFor();
    expect(await preview.locator('.cad-objective').count()).toBe(0);
    // The end of the cycle is for closed cycles only.
    expect(await dialog.getByRole('radio', { name: /^End of cycle/ }).isDisabled()).toBe(true);
    await screenshot(none.page, 'frozen-macro-no-snapshot');
  });
});
