import { readFile } from 'node:fs/promises';
import { kvs } from '@forge/kvs';
import type { FrameLocator, Page } from 'playwright-core';
import type { ApiInput, ApiKey, ApiOutput, Result } from '../../src/contract';
import { PATHS } from '../../local/host/links';
import { seriousViolationsIn } from '../support/axe';
import { screenshot, watchProblems } from '../support/browser';
import type { PageProblems } from '../support/browser';
import { EMPTY_PEOPLE, startEmptyHost } from '../support/empty-host';
import { at, CATALOG, ROOT_GENERATION, spaceOf } from '../../src/adapters/kvs/registry';
import type { EmptyHost } from '../support/empty-host';

/**
 * "Cadence settings" (issue #12) on the site `npm start -- --no-seed` starts, through the UI: the Jira
 * admin creates a team from a Jira project suggestion and adds a member, changes the score bands (kept
 * after a reload), exports everything to a JSON file and imports it back, and repairs a damaged record
 * that data health lists; a colleague who is no OKR admin reads the settings from the board with no
 * action buttons. axe and screenshots at 1024x768 and 1440x900, light and dark, English and Dutch.
 */
jest.setTimeout(300_000);

let host: EmptyHost;
beforeAll(async () => {
  host = await startEmptyHost();
}, 90_000);
afterAll(async () => {
  await host.close();
});

let page: Page;
let problems: PageProblems;
afterEach(async () => {
  expect(problems.errors).toEqual([]);
  await page.context().close();
});

const SIZES = [
  [1024, 768],
  [1440, 900],
] as const;

const settingsPath = (): string => {
  const { appId, environmentId } = host.runtime.installation;
  return PATHS.adminSettings('main', appId, environmentId);
};

const open = async (path: string, query: string): Promise<FrameLocator> => {
  const context = await host.browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  problems = watchProblems(page);
  await page.goto(`${host.url}${path}?${query}`);
  return page.locator('iframe[data-frame-id]').first().contentFrame();
};

const checkBothSizes = async (name: string): Promise<void> => {
  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    expect(await seriousViolationsIn(page, 'iframe[data-frame-id]')).toEqual([]);
    await screenshot(page, `${name}-${String(width)}`);
  }
};

const invokeAs = async <K extends ApiKey>(accountId: string, key: K, payload: ApiInput<K>): Promise<ApiOutput<K>> => {
  const response = await fetch(`${host.url}/forge/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ moduleKey: 'cadence-settings', functionKey: key, payload, accountId }),
  });
  const body = (await response.json()) as Result<ApiOutput<K>>;
  if (!body.ok) throw new Error(`${key}: ${body.error.code} ${body.error.message}`);
  return body.data;
};

const section = async (frame: FrameLocator, name: string, nav = 'Settings sections'): Promise<void> => {
  await frame.getByRole('navigation', { name: nav }).getByRole('link', { name }).click();
  await frame.getByRole('heading', { level: 2, name }).waitFor();
};

test('the Jira admin creates a team from a Jira project, adds a member and changes the score bands', async () => {
  const frame = await open(settingsPath(), `as=${EMPTY_PEOPLE.admin}`);
  await frame.getByRole('heading', { level: 1, name: 'Cadence settings' }).waitFor();
  const suggestions = frame.getByRole('list', { name: 'Suggested from Jira' });
  await suggestions.getByRole('button', { name: 'Create a team from WEB Website' }).waitFor();
  await checkBothSizes('admin-teams-empty');

  await suggestions.getByRole('button', { name: 'Create a team from WEB Website' }).click();
  await frame.getByText('Team Website created.').waitFor();
  const teams = frame.getByRole('list', { name: 'Teams' });
  await teams.getByRole('heading', { name: 'Website' }).waitFor();
  expect(await suggestions.getByRole('button', { name: /WEB/ }).count()).toBe(0);

  await teams.getByRole('button', { name: 'Edit team Website' }).click();
  await frame.getByLabel('Add a member: search by name or email').fill('Sam');
  await frame.getByRole('button', { name: /^Add Sam/ }).click();
  await frame
    .getByRole('list', { name: 'Members' })
    .getByRole('button', { name: /^Remove Sam/ })
    .waitFor();
  await checkBothSizes('admin-team-form');
  await frame.getByRole('button', { name: 'Save', exact: true }).click();
  await frame.getByText('Team Website saved.').waitFor();
  await teams.getByText('1 member').waitFor();

  await section(frame, 'Scoring');
  await frame.getByLabel('Yellow from').fill('0.8');
  await frame.getByText('Green from: must be more than Yellow from (0.8).').waitFor();
  expect(await frame.getByText('Correct the score bands above to see what they mean.').count()).toBe(1);
  await checkBothSizes('admin-scoring-invalid');
  await frame.getByLabel('Green from').fill('0.9');
  await frame.getByText('A key result scored 0.70 is red: fell short.').waitFor();
  await frame.getByRole('button', { name: 'Save', exact: true }).click();
  await frame.getByText('Scoring saved. Views use it from their next load.').waitFor();

  // Opened afresh (a new tab): what the page shows now comes from storage.
  await page.context().close();
  const again = await open(settingsPath(), `as=${EMPTY_PEOPLE.admin}`);
  await again.getByRole('heading', { level: 1, name: 'Cadence settings' }).waitFor();
  await section(again, 'Scoring');
  await expect(again.getByLabel('Yellow from').inputValue()).resolves.toBe('0.8');
  await expect(again.getByLabel('Green from').inputValue()).resolves.toBe('0.9');
  await checkBothSizes('admin-scoring');
});

test('export downloads every record as JSON, and importing it puts the data back as it was', async () => {
  const frame = await open(settingsPath(), `as=${EMPTY_PEOPLE.admin}`);
  await section(frame, 'Export and import');
  await frame.getByRole('button', { name: 'Export all data' }).click();
  const link = frame.getByRole('link', { name: /^Download cadence-export-.*\.json$/ });
  await link.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const file = await download.path();
  const doc = JSON.parse(await readFile(file, 'utf8')) as { format: string; teams: { name: string }[] };
  expect(doc.format).toBe('cadence-export');
  expect(doc.teams.map((t) => t.name)).toEqual(['Website']);
  await checkBothSizes('admin-export');

  // A change after the export, which the import takes back.
  await invokeAs(EMPTY_PEOPLE.admin, 'teams.create', { name: 'Made after the export' });

  await frame.getByLabel('Choose an export file (.json)').setInputFiles(file);
  await frame.getByText(/a Cadence export from/).waitFor();
  const replace = frame.getByRole('button', { name: 'Replace all data with this file' });
  expect(await replace.isDisabled()).toBe(true);
  await frame.getByLabel('I understand: this replaces all data on this site').check();
  await checkBothSizes('admin-import-confirm');
  await replace.click();
  await frame.getByText(/^Import done: \d+ records/).waitFor({ timeout: 60_000 });
  const { teams } = await invokeAs(EMPTY_PEOPLE.admin, 'teams.list', {});
  expect(teams.map((t) => t.name)).toEqual(['Website']);

  // A file that is no export is refused before anything is sent, naming the fields.
  await frame.getByLabel('Choose an export file (.json)').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: 'something-else' })),
  });
  await frame.getByText('notes.json is not a Cadence export Cadence can import:').waitFor();
  await frame.getByText(/^format: /).waitFor();
});

test('data health lists a damaged record, which is repaired from its JSON, and another removed', async () => {
  const cycle = await invokeAs(EMPTY_PEOPLE.admin, 'cycles.create', {});
  const make = (title: string) =>
    invokeAs(EMPTY_PEOPLE.admin, 'objectives.create', {
      cycleId: cycle.id,
      title,
      level: 'company',
      status: 'published',
    });
  const kept = await make('Customers love the new website');
  const lost = await make('Ship the mobile app to both stores');
  // Stored under the live generation's prefix (an earlier test's import made a new one).
  const generation = await kvs.entity<{ active?: string }>('catalog').get(CATALOG.generation);
  const space = spaceOf(generation?.active ?? ROOT_GENERATION);
  const objectives = kvs.entity<Record<string, unknown>>('objective');
  const good = await objectives.get(at(space, kept.id));
  if (good === undefined) throw new Error('the objective was not stored');
  // Each keeps only its own id, so neither's stored JSON names the other.
  const broken = (id: string) => ({ ...good, data: { schemaVersion: 1, objective: { id } } });
  await objectives.set(at(space, kept.id), broken(kept.id));
  await objectives.set(at(space, lost.id), broken(lost.id));
  host.runtime.kvs.settle();

  const frame = await open(settingsPath(), `as=${EMPTY_PEOPLE.admin}`);
  await section(frame, 'Data health');
  await frame.getByRole('button', { name: 'Check the data' }).click();
  await frame.getByText(/^2 damaged records among \d+\.$/).waitFor();
  await checkBothSizes('admin-health');

  const list = frame.getByRole('list', { name: 'Damaged records' });
  // The editor holds the stored record as data.health's raw shows it: the record is put back whole.
  await list.getByLabel(`Stored JSON of objective ${kept.id}`).fill(JSON.stringify(good, null, 2));
  await list.getByRole('listitem').filter({ hasText: kept.id }).getByRole('button', { name: 'Save repaired' }).click();
  await frame.getByText(`objective ${kept.id} repaired.`).waitFor();

  const other = list.getByRole('listitem').filter({ hasText: lost.id });
  await other.getByRole('button', { name: 'Remove' }).click();
  await other.getByRole('button', { name: 'Remove for good' }).click();
  await frame.getByText(`objective ${lost.id} removed.`).waitFor();

  host.runtime.kvs.settle();
  await frame.getByRole('button', { name: 'Check again' }).click();
  await frame.getByText(/^All \d+ records are sound\.$/).waitFor();
});

test('a colleague who is no OKR admin reads the settings from the board, with no action buttons', async () => {
  const board = await open('/jira/apps/cadence-board', `as=${EMPTY_PEOPLE.sam}`);
  await board.locator('#root > *').first().waitFor();
  expect(await board.getByRole('button', { name: 'Settings', exact: true }).count()).toBe(0);
  await page.context().close();

  const frame = await open('/jira/apps/cadence-board', `as=${EMPTY_PEOPLE.sam}&settings=teams`);
  await frame.getByRole('heading', { level: 1, name: 'Cadence settings' }).waitFor();
  await frame.getByText('You can read these settings, not change them').waitFor();
  await frame.getByRole('list', { name: 'Teams' }).getByRole('heading', { name: 'Website' }).waitFor();
  await section(frame, 'Scoring');
  await section(frame, 'Administrators');
  await frame.getByText(/Only Jira administrators choose the group/).waitFor();
  const nav = frame.getByRole('navigation', { name: 'Settings sections' });
  expect(await nav.getByRole('link').allTextContents()).toEqual(['Teams', 'Scoring', 'Administrators']);
  // Back to the board is the one button: nothing here changes anything.
  expect(await frame.locator('.cad-admin button').allTextContents()).toEqual(['Back to the board']);
  await checkBothSizes('admin-member');
});

test('the Jira admin opens the settings from the board; in Dutch and dark', async () => {
  const board = await open('/jira/apps/cadence-board', `as=${EMPTY_PEOPLE.admin}&locale=nl-NL&theme=dark`);
  await board.getByRole('button', { name: 'Instellingen', exact: true }).click();
  await board.getByRole('heading', { level: 1, name: 'Cadence-instellingen' }).waitFor();
  await board.getByRole('list', { name: 'Teams' }).getByRole('heading', { name: 'Website' }).waitFor();
  await checkBothSizes('admin-teams-nl-dark');
  await section(board, 'Scores', 'Onderdelen van de instellingen');
  await checkBothSizes('admin-scoring-nl-dark');
  await board.getByRole('button', { name: 'Terug naar het bord' }).click();
  await board.getByRole('button', { name: 'Instellingen', exact: true }).waitFor();
});
