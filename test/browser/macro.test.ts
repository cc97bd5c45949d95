import type { Frame, FrameLocator } from 'playwright-core';
import type { OpenedPage } from './views-host';
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
import type { Tracks } from './views-host';

/**
 * The Confluence macro in a real browser on the local host: its config dialog picks what the page
 * embeds; a scorecard renders with the team's objectives (and prints clean); a check-in made through
 * the macro's check-in panel lands in the same Jira-side data the board reads; a reader who cannot
 * browse the SEC project sees the restricted placeholder, never the epic.
 */
jest.setTimeout(60_000);

const suite = useViewsHost();
const { open } = suite;

const teamId = async (name: string): Promise<string> => {
  const { teams } = await invokeAs(suite.host(), PEOPLE.elena, 'teams.list', {});
  const team = teams.find((t) => t.name === name);
  if (!team) throw new Error(`no team ${name}`);
  return team.id;
};

/** Chooses options in the config dialog and saves; the host closes it and reloads the macro. */
const configure = async (o: OpenedPage, choose: (dialog: FrameLocator) => Promise<void>): Promise<FrameLocator> => {
  const dialog = o.frame('macro-config');
  await dialog.getByRole('form', { name: 'Configure the OKR macro' }).waitFor();
  await choose(dialog);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await o.page.locator('#macro-config-dialog').waitFor({ state: 'detached' });
  return o.frame('view');
};

describe('Confluence macro', () => {
  it('shows a prompt until configured, then the scorecard chosen in its config dialog', async () => {
    const o = await open(withUser('/wiki/spaces/OKR/pages/1001', PEOPLE.elena));
    await o.frame('view').getByRole('heading', { name: 'Choose what this OKR macro shows' }).waitFor();
    await o.page.goto(`${suite.host().url}${withUser('/wiki/spaces/OKR/pages/1001?configure=1', PEOPLE.elena)}`);
    const dialog = o.frame('macro-config');
    await dialog.getByRole('form', { name: 'Configure the OKR macro' }).waitFor();
    expect(await seriousViolations(o.page, 'macro-config')).toEqual([]);
    await dialog.getByLabel('Team', { exact: true }).selectOption({ label: 'Payments' });
    await screenshot(o.page, 'macro-config');

    const view = await configure(o, async (d) => {
      await d.getByRole('radio', { name: /^Scorecard — / }).check();
    });
    await view.getByRole('heading', { name: /^Payments · / }).waitFor();
    await view.getByRole('heading', { name: 'Make paying us effortless for enterprise finance teams' }).waitFor();
    await view.getByText('Reduce failed invoice payments from 4.2% to 1.5%').waitFor();
    // Only the team's objectives: the company objective it aligns to is not part of the scorecard.
    expect(await view.getByText('Make our first enterprise customers successful and referenceable').count()).toBe(0);
    await view.getByText('Invoice reconciliation for enterprise billing').waitFor();
    expect(await seriousViolations(o.page, 'view')).toEqual([]);
    await screenshot(o.page, 'macro-scorecard');

    // Printable: no controls, and an objective is never split across pages.
    const frame = o.page.frames().find((f) => f.url().includes('/resources/macro/'));
    if (!frame) throw new Error('macro frame not found');
    // A light page fetched and installed the light colour theme only (components/theme.ts).
    expect(await themeSheets(frame)).toEqual(['cadence-design-tokens-light']);
    await o.page.emulateMedia({ media: 'print' });
    // Evaluated in the page (this suite's tsconfig has no DOM types), hence expressions as strings.
    const printed = {
      breakInside: await frame.evaluate<string>(
        "getComputedStyle(document.querySelector('.cad-objective')).breakInside",
      ),
      background: await frame.evaluate<string>('getComputedStyle(document.body).backgroundColor'),
    };
    expect(printed).toEqual({ breakInside: 'avoid', background: 'rgb(255, 255, 255)' });
    await o.page.emulateMedia({ media: 'screen' });

    // Dark mode: the same scorecard, the tokens following the data-color-mode the host sets.
    const dark = await open(withUser('/wiki/spaces/OKR/pages/1001', PEOPLE.elena, 'dark'));
    await dark
      .frame('view')
      .getByRole('heading', { name: /^Payments · / })
      .waitFor();
    await darkChecks(dark);
  });
});

/** The macro frame is themed dark and still has no serious accessibility violation (contrast included). */
const darkChecks = async (o: OpenedPage): Promise<void> => {
  const frame = o.page.frames().find((f) => f.url().includes('/resources/macro/'));
  expect(await frame?.evaluate<string | null>("document.documentElement.getAttribute('data-color-mode')")).toBe('dark');
  // Dark surface: the body takes the dark theme's --ds-surface, not white.
  expect(await frame?.evaluate<string>('getComputedStyle(document.body).backgroundColor')).not.toBe(
    'rgb(255, 255, 255)',
  );
  expect(await seriousViolations(o.page, 'view')).toEqual([]);
  await screenshot(o.page, 'macro-scorecard-dark');
  if (!frame) throw new Error('macro frame not found');
  expect(await themeSheets(frame)).toEqual(['cadence-design-tokens-dark']);

  // The host switches to light while the page is open: the light theme is fetched then and applies.
  await frame.evaluate("document.documentElement.setAttribute('data-color-mode', 'light')");
  await frame.waitForFunction("document.getElementById('cadence-design-tokens-light') !== null");
  expect(await themeSheets(frame)).toEqual(['cadence-design-tokens-dark', 'cadence-design-tokens-light']);
  expect(await frame.evaluate<string>('getComputedStyle(document.body).backgroundColor')).toBe('rgb(255, 255, 255)');
  // data-theme maps each mode to a theme: light mode mapped to the dark theme reads dark again.
  await frame.evaluate(
    "document.documentElement.setAttribute('data-theme', 'light:dark dark:dark spacing:spacing typography:typography')",
  );
  await frame.waitForFunction("getComputedStyle(document.body).backgroundColor !== 'rgb(255, 255, 255)'");
};

/** The colour-theme sheets a frame has installed (components/theme.ts), by id. */
const themeSheets = (frame: Frame): Promise<string[]> =>
  frame.evaluate<string[]>(
    '[...document.querySelectorAll(\'style[id^="cadence-design-tokens-"]\')].map((s) => s.id).sort()',
  );

describe('Confluence macro, other embeds', () => {
  it('embeds a team alignment board as a read-only tree with score bars', async () => {
    const o = await open(withUser('/wiki/spaces/OKR/pages/1002?configure=1', PEOPLE.elena));
    const view = await configure(o, async (d) => {
      await d.getByRole('radio', { name: /^Alignment board — / }).check();
      await d.getByLabel('Team', { exact: true }).selectOption({ label: 'Platform' });
    });
    await view.getByRole('heading', { name: 'Platform · alignment' }).waitFor();
    await view.getByText('Keep the platform fast and dependable as enterprise usage grows').waitFor();
    // The company objective shows as context above the team's.
    await view.getByText('Make our first enterprise customers successful and referenceable').waitFor();
    expect(
      await view.getByRole('img', { name: /^Score \d\.\d\d \((on pace|behind|at risk|stale|no value yet)\)$/ }).count(),
    ).toBeGreaterThan(1);
    expect(await view.getByRole('button').count()).toBe(0);
    expect(await seriousViolations(o.page, 'view')).toEqual([]);
    await screenshot(o.page, 'macro-board');
  });

  it('embeds one objective as a scorecard without its key results, or as a subtree', async () => {
    const o = await open(withUser('/wiki/spaces/OKR/pages/1002?configure=1', PEOPLE.elena));
    const view = await configure(o, async (d) => {
      await d.getByRole('radio', { name: /^Scorecard — / }).check();
      await d.getByRole('radio', { name: 'One objective', exact: true }).check();
      const objective = d.getByLabel('Objective', { exact: true });
      const option = objective.locator('option', { hasText: 'Make our first enterprise customers successful' });
      await objective.selectOption((await option.getAttribute('value')) ?? '');
      await d.getByRole('checkbox', { name: 'Key results', exact: true }).uncheck();
    });
    await view
      .getByRole('heading', { name: 'Make our first enterprise customers successful and referenceable' })
      .first()
      .waitFor();
    expect(await view.locator('.cad-objective').count()).toBe(1);
    expect(await view.locator('.cad-kr').count()).toBe(0);

    await o.page.goto(`${suite.host().url}${withUser('/wiki/spaces/OKR/pages/1002?configure=1', PEOPLE.elena)}`);
    const tree = await configure(o, async (d) => {
      await d.getByRole('radio', { name: /^Alignment board — / }).check();
      await d.getByRole('radio', { name: 'An objective and what aligns to it', exact: true }).check();
      const objective = d.getByLabel('Objective', { exact: true });
      const option = objective.locator('option', { hasText: 'Make paying us effortless' });
      await objective.selectOption((await option.getAttribute('value')) ?? '');
    });
    await tree.getByRole('heading', { name: 'Make paying us effortless for enterprise finance teams' }).waitFor();
    // The subtree: the team objective and the individual objective aligned to it, not its parent.
    await tree.getByText('Become the go-to expert on enterprise payment flows').waitFor();
    expect(await tree.getByText('Make our first enterprise customers successful and referenceable').count()).toBe(0);
    expect(await seriousViolations(o.page, 'view')).toEqual([]);
  });

  it('records a check-in made in the macro check-in panel, visible to the Jira board', async () => {
    const platform = await teamId('Platform');
    const o = await open(withUser('/wiki/spaces/OKR/pages/1002?configure=1', PEOPLE.kenji));
    const view = await configure(o, async (d) => {
      await d.getByRole('radio', { name: /^Check-in panel — / }).check();
      await d.getByLabel('Team', { exact: true }).selectOption({ label: 'Platform' });
    });
    const kr = view.getByRole('region', { name: 'Reduce p95 API latency from 850 ms to 300 ms' });
    await kr.waitFor();
    expect(await seriousViolations(o.page, 'view')).toEqual([]);
    await kr.getByLabel('Current value (ms)').fill('410');
    await kr.getByRole('radio', { name: 'At risk' }).check();
    await kr.getByLabel('Note (optional)').fill('Cache rollout in two regions.');
    await kr.getByRole('button', { name: 'Check in' }).click();
    await kr.getByRole('status').getByText('Checked in: 410 ms · At risk.').waitFor();
    // Kenji does not own the uptime KR: its form is disabled and says why.
    const uptime = view.getByRole('region', { name: 'Raise monthly uptime from 99.5% to 99.95%' });
    await uptime.getByText('Only the key result’s owner or the objective’s owner can check in.').waitFor();
    expect(await uptime.getByRole('button', { name: 'Check in' }).isDisabled()).toBe(true);
    await screenshot(o.page, 'macro-check-in');

    // The Jira side: the board's KR rows carry the new value and confidence.
    const { cycles } = await invokeAs(suite.host(), PEOPLE.elena, 'cycles.list', {});
    const cycleId = cycles.find((c) => c.status === 'active')?.id ?? '';
    const board = await invokeAs(suite.host(), PEOPLE.elena, 'board.get', { cycleId, teamId: platform });
    const objectiveIds: string[] = [];
    const walk = (nodes: typeof board.roots) => {
      for (const n of nodes) {
        if (n.objective.teamId === platform) objectiveIds.push(n.objective.id);
        walk(n.children);
      }
    };
    walk(board.roots);
    const rows = await invokeAs(suite.host(), PEOPLE.elena, 'board.keyResults', { cycleId, objectiveIds });
    const latency = rows.objectives
      .flatMap((r) => r.keyResults)
      .find((k) => k.title.startsWith('Reduce p95 API latency'));
    expect(latency?.metric.current).toBe(410);
    expect(latency?.lastCheckIn).toMatchObject({ value: 410, confidence: 'at_risk' });
  });

  it('shows epics of a project the reader cannot browse as a placeholder, never their key or summary', async () => {
    const o = await open(withUser('/wiki/spaces/OKR/pages/1001?configure=1', PEOPLE.priya));
    const view = await configure(o, async (d) => {
      await d.getByRole('radio', { name: /^Scorecard — / }).check();
      await d.getByLabel('Team', { exact: true }).selectOption({ label: 'Security' });
    });
    await view.getByRole('heading', { name: 'Secure SOC 2 Type II certification' }).waitFor();
    expect(await view.getByText('Restricted epic — you don’t have access').count()).toBe(2);
    const text = (await view.locator('body').textContent()) ?? '';
    expect(text).not.toMatch(/SEC-\d/);
    expect(text).not.toContain('SOC 2 Type II audit readiness');
    expect(text).not.toContain('Customer-managed encryption keys');
    expect(await seriousViolations(o.page, 'view')).toEqual([]);
    await screenshot(o.page, 'macro-restricted');
  });
});

const currentCycleId = async (): Promise<string> => {
  const { cycles } = await invokeAs(suite.host(), PEOPLE.elena, 'cycles.list', {});
  return cycles.find((c) => c.status === 'active')?.id ?? '';
};

/** "3 on pace", "1 behind"...: the counts a status summary bar shows for these figures (English). */
const countsOf = (tracks: Tracks): string[] => shownTracks(tracks).map((k) => `${String(tracks[k])} ${TRACK_WORDS[k]}`);

describe('Confluence macro, the whole company', () => {
  it('previews what the page will show as the config changes, before Save', async () => {
    const o = await open(withUser('/wiki/spaces/OKR/pages/1002?configure=1', PEOPLE.elena));
    const dialog = o.frame('macro-config');
    await dialog.getByRole('form', { name: 'Configure the OKR macro' }).waitFor();
    const preview = dialog.getByRole('region', { name: 'Preview' });
    await dialog.getByRole('radio', { name: /^Scorecard — / }).check();
    // Choosing a cycle clears the objective (one belongs to one cycle).
    const cycle = dialog.getByLabel('Cycle', { exact: true });
    await cycle.selectOption((await cycle.locator('option', { hasText: '(active)' }).getAttribute('value')) ?? '');
    await dialog.getByRole('radio', { name: 'One objective', exact: true }).check();
    // Nothing to show yet: the preview says what is missing, in words.
    await preview.getByText('Choose an objective to see what the page will show.').waitFor();
    await dialog.getByRole('radio', { name: 'A team', exact: true }).check();
    await dialog.getByLabel('Team', { exact: true }).selectOption({ label: 'Payments' });
    await preview.getByRole('heading', { name: /^Payments · / }).waitFor();
    await preview.getByRole('heading', { name: 'Make paying us effortless for enterprise finance teams' }).waitFor();
    // The scope changes: the preview follows without saving.
    await dialog.getByRole('radio', { name: 'The whole company (every team)', exact: true }).check();
    await preview.getByRole('heading', { name: /^Whole company · / }).waitFor();
    await preview.getByRole('region', { name: 'Platform' }).waitFor();
    expect(await preview.getByRole('heading', { name: /^Payments · / }).count()).toBe(0);
    await dialog.getByRole('radio', { name: /^Alignment board — / }).check();
    await preview.getByRole('heading', { name: 'Whole company · alignment' }).waitFor();
    expect(await seriousViolations(o.page, 'macro-config')).toEqual([]);
    await atBothSizes(o, 'macro-config-preview');
    // Cancel: nothing was saved, the page still shows what it showed.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await o.page.locator('#macro-config-dialog').waitFor({ state: 'detached' });
  });

  it('shows every team with the figures of its own scorecard, opens a team, and its titles lead to the board', async () => {
    const cycleId = await currentCycleId();
    const o = await open(withUser('/wiki/spaces/OKR/pages/1002?configure=1', PEOPLE.elena));
    const view = await configure(o, async (d) => {
      await d.getByRole('radio', { name: /^Scorecard — / }).check();
      await d.getByRole('radio', { name: 'The whole company (every team)', exact: true }).check();
    });
    await view.getByRole('heading', { name: /^Whole company · / }).waitFor();
    // The company's counts by status are board.get's for the whole cycle (published objectives only).
    const board = await invokeAs(suite.host(), PEOPLE.elena, 'board.get', { cycleId });
    const header = view.locator('.cad-scorecard__header .cad-status-summary');
    for (const words of countsOf(board.summary)) await header.getByRole('button', { name: words }).waitFor();
    // Each team's figures are those of the team's own scorecard.
    const { teams } = await invokeAs(suite.host(), PEOPLE.elena, 'teams.list', {});
    for (const team of teams) {
      const own = await invokeAs(suite.host(), PEOPLE.elena, 'scorecard.get', { cycleId, teamId: team.id });
      if (own.objectives.length === 0) continue;
      const section = view.getByRole('region', { name: team.name, exact: true });
      const n = own.summary.objectives;
      await section.getByText(new RegExp(`^${String(n)} objectives? · `)).waitFor();
      for (const words of countsOf(own.summary.tracks)) await section.getByRole('button', { name: words }).waitFor();
    }
    expect(await seriousViolations(o.page, 'view')).toEqual([]);
    await atBothSizes(o, 'macro-company');

    const payments = view.getByRole('region', { name: 'Payments', exact: true });
    await payments.getByRole('button', { name: /^Show its/ }).click();
    const title = payments.getByRole('link', { name: 'Make paying us effortless for enterprise finance teams' });
    await title.waitFor();
    await screenshot(o.page, 'macro-company-open');
    const objectiveId = (await title.getAttribute('data-objective-id')) ?? '';
    expect(objectiveId).not.toBe('');
    await title.click();
    await o.page.waitForURL(
      (url) => url.pathname === '/jira/apps/cadence-board' || url.pathname.startsWith('/jira/apps/cadence-board/'),
    );
    expect(decodeURIComponent(o.page.url())).toContain(`objective=${objectiveId}`);
    await o.frame().getByText('Make paying us effortless for enterprise finance teams').first().waitFor();
  }, 120_000);

  it('shows the whole alignment tree, every objective a link', async () => {
    const o = await open(withUser('/wiki/spaces/OKR/pages/1002?configure=1', PEOPLE.elena));
    const view = await configure(o, async (d) => {
      await d.getByRole('radio', { name: /^Alignment board — / }).check();
      await d.getByRole('radio', { name: 'The whole company', exact: true }).check();
    });
    await view.getByRole('heading', { name: 'Whole company · alignment' }).waitFor();
    // Company objectives and every team's under them, none shown as mere context.
    await view
      .getByRole('link', { name: 'Make our first enterprise customers successful and referenceable' })
      .waitFor();
    await view.getByRole('link', { name: 'Keep the platform fast and dependable as enterprise usage grows' }).waitFor();
    expect(await view.locator('.cad-tree__item--context').count()).toBe(0);
    expect(await seriousViolations(o.page, 'view')).toEqual([]);
    await atBothSizes(o, 'macro-company-tree');
  }, 120_000);

  it('speaks Dutch: the company tree in dark mode, the config preview and every team', async () => {
    const nl = await open(withUser('/wiki/spaces/OKR/pages/1002?locale=nl-NL', PEOPLE.elena, 'dark'));
    const dutch = nl.frame('view');
    await dutch.getByRole('heading', { name: 'Hele bedrijf · alignment' }).waitFor();
    await dutch
      .getByText(/^\d+ key results?/)
      .first()
      .waitFor();
    expect(await seriousViolations(nl.page, 'view')).toEqual([]);
    await atBothSizes(nl, 'macro-company-tree-nl-dark');

    const card = await open(withUser('/wiki/spaces/OKR/pages/1001?configure=1&locale=nl-NL', PEOPLE.elena));
    const dialog = card.frame('macro-config');
    await dialog.getByRole('form', { name: 'De OKR-macro instellen' }).waitFor();
    await dialog.getByRole('radio', { name: /^Scorecard — / }).check();
    await dialog.getByRole('radio', { name: 'Het hele bedrijf (elk team)', exact: true }).check();
    await dialog
      .getByRole('region', { name: 'Voorbeeld' })
      .getByRole('heading', { name: /^Hele bedrijf · / })
      .waitFor();
    expect(await seriousViolations(card.page, 'macro-config')).toEqual([]);
    await atBothSizes(card, 'macro-config-preview-nl');
    await dialog.getByRole('button', { name: /^(Opslaan|Save)$/ }).click();
    await card.page.locator('#macro-config-dialog').waitFor({ state: 'detached' });
    const company = card.frame('view');
    await company.getByRole('heading', { name: /^Hele bedrijf · / }).waitFor();
    await company
      .getByRole('region', { name: 'Payments', exact: true })
      .getByText(/^\d+ objectives? · \d+ key results?/)
      .waitFor();
    await atBothSizes(card, 'macro-company-nl');
    const darkNl = await open(withUser('/wiki/spaces/OKR/pages/1001?locale=nl-NL', PEOPLE.elena, 'dark'));
    await darkNl
      .frame('view')
      .getByRole('heading', { name: /^Hele bedrijf · / })
      .waitFor();
    expect(await seriousViolations(darkNl.page, 'view')).toEqual([]);
    await atBothSizes(darkNl, 'macro-company-nl-dark');
  }, 180_000);
});
