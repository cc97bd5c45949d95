import type { FrameLocator } from 'playwright-core';
import type { OpenedPage } from './views-host';
import { invokeAs, PEOPLE, screenshot, seriousViolations, useViewsHost, withUser } from './views-host';

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
};

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
