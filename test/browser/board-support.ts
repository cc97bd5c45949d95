import type { FrameLocator, Page } from 'playwright-core';
import { seriousViolationsIn } from '../support/axe';
import { DEMO_USERS, seedDemo } from '../../local/demo';
import type { ApiOutput, Result } from '../../src/contract';
import { createHostServer } from '../../local/host/host-server';
import type { HostServer } from '../../local/host/host-server';
import { createLocalRuntime } from '../../local/platform/local-runtime';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import { TEST_FRAMES } from '../support/browser';

/** A runtime seeded with the demo company (site and OKRs) behind a host on an ephemeral port. */
export interface BoardHost {
  runtime: LocalRuntime;
  server: HostServer;
  url: string;
  close(): Promise<void>;
}

export const startBoardHost = async (): Promise<BoardHost> => {
  const runtime = createLocalRuntime();
  await seedDemo(runtime);
  const server = await createHostServer(runtime, { port: 0, host: '127.0.0.1', frames: TEST_FRAMES });
  return {
    runtime,
    server,
    url: server.url,
    close: async () => {
      await server.close();
      runtime.close();
    },
  };
};

export const ELENA = DEMO_USERS.elena.accountId;
/** Payments PM: not in the security-team group, so the SEC project's epics are hidden from her. */
export const PRIYA = DEMO_USERS.priya.accountId;

/** The board's frame on the Jira global page. */
export const boardFrame = (page: Page): FrameLocator => page.locator('iframe[data-frame-id]').first().contentFrame();

/** The demo company's cycle (the current quarter), by name: tests add cycles, and the board opens the latest active one. */
export const demoCycleName = async (host: BoardHost): Promise<string> => {
  const outcome = await host.runtime.app.invokeResolver({
    moduleKey: 'cadence-board',
    functionKey: 'cycles.list',
    payload: {},
    accountId: ELENA,
  });
  const result = outcome.ok ? (outcome.result as Result<ApiOutput<'cycles.list'>>) : undefined;
  const name = result?.ok === true ? result.data.cycles[0]?.name : undefined;
  if (name === undefined) throw new Error('the demo seed left no cycle');
  return name;
};

/**
 * Opens the board as a user (`query`: `as=...`, `theme=dark`, `locale=nl-NL`), picks the demo cycle, and
 * waits for its first KR rows: board.get and a first board.keyResults batch have answered. `active` is
 * the word the cycle picker says for an active cycle, in the page's language.
 */
export const openBoard = async (
  page: Page,
  host: BoardHost,
  query: string,
  active = 'active',
): Promise<FrameLocator> => {
  await page.goto(`${host.url}/jira/apps/cadence-board?${query}`);
  const frame = boardFrame(page);
  const picker = frame.locator('select').first();
  await picker.waitFor();
  await picker.selectOption({ label: `${await demoCycleName(host)} (${active})` });
  await frame.locator('[data-row-kind="keyResult"]').first().waitFor();
  return frame;
};

/** axe-core on the board's frame only: serious and critical violations (test/support/axe.ts retries and fails on nothing checked). */
export const seriousViolations = (page: Page): Promise<string[]> => seriousViolationsIn(page, 'iframe[data-frame-id]');

/**
 * The Confluence macro configured, through its config dialog, as a team's alignment board (the tree),
 * in the same page; answers the macro's frame once its tree is drawn.
 */
export const openMacroTree = async (page: Page, host: BoardHost, team: string): Promise<FrameLocator> => {
  await page.goto(`${host.url}/wiki/spaces/OKR/pages/1002?configure=1&as=${ELENA}`);
  const dialog = page.locator('iframe[data-frame-id][data-role="macro-config"]').first().contentFrame();
  await dialog.getByRole('radio', { name: /^Alignment board — / }).check();
  // The demo cycle by name: other tests start cycles of their own, and "current" would follow them.
  const cycle = dialog.getByLabel('Cycle', { exact: true });
  const option = cycle.locator('option', { hasText: await demoCycleName(host) });
  await cycle.selectOption((await option.first().getAttribute('value')) ?? '');
  await dialog.getByLabel('Team', { exact: true }).selectOption({ label: team });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.locator('#macro-config-dialog').waitFor({ state: 'detached' });
  const view = page.locator('iframe[data-frame-id][data-role="view"]').first().contentFrame();
  await view.locator('li[data-objective]').first().waitFor();
  return view;
};
