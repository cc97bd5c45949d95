import { z } from 'zod';
import { EMPTY_SITE_PEOPLE } from '../demo/seed-empty-site';
import type { TestHost } from './test-support';
import { frameIdsIn, postJson, startTestHost } from './test-support';

/**
 * The host on the empty site of `npm start -- --no-seed`: it serves every page with the site admin as the
 * default acting user (not 503 NO_USERS), and the colleague who works in Dutch gets Dutch by default.
 */
let host: TestHost;

beforeAll(async () => {
  host = await startTestHost({ seed: 'empty' });
});

afterAll(async () => {
  await host.close();
});

const page = async (path: string): Promise<{ status: number; body: string }> => {
  const response = await fetch(host.url + path);
  return { status: response.status, body: await response.text() };
};

const Context = z.object({ ok: z.literal(true), value: z.object({ accountId: z.string(), locale: z.string() }) });

describe('the empty site', () => {
  it('opens the start page as its Jira site admin and says what the site is', async () => {
    const start = await page('/');
    expect(start.status).toBe(200);
    expect(start.body).toContain(`<option value="${EMPTY_SITE_PEOPLE.alex.accountId}" selected>Alex Morgan</option>`);
    expect(start.body).toContain('data-site="empty"');
    expect(start.body).toContain('/jira/projects/WEB/apps/cadence-team');
  });

  it('frames the board for the default user and for the Dutch-speaking colleague in Dutch', async () => {
    for (const [as, locale] of [
      ['', 'en-US'],
      [`?as=${EMPTY_SITE_PEOPLE.noor.accountId}`, 'nl-NL'],
    ] as const) {
      const board = await page(`/jira/apps/cadence-board${as}`);
      expect(board.status).toBe(200);
      const [frameId] = frameIdsIn(board.body);
      const answer = await postJson(`${host.url}/__local/bridge/getContext`, { frameId });
      expect(Context.parse(answer.body).value.locale).toBe(locale);
    }
  });

  it('answers the emulated Jira as the default user', async () => {
    const me = await fetch(`${host.url}/rest/api/3/myself`);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ displayName: 'Alex Morgan' });
  });
});

describe('a site with no people at all', () => {
  it('still says why it cannot pick a user', async () => {
    const bare = await startTestHost({ seed: false });
    try {
      const response = await fetch(`${bare.url}/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toContain('npm start -- --no-seed');
    } finally {
      await bare.close();
    }
  });
});
