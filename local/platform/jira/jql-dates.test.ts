import { jqlError, jqlKeys } from './test-requests';
import type { TestSite } from './test-support';
import { createTestSite, TEST_NOW } from './test-support';

let t: TestSite;
beforeEach(() => {
  t = createTestSite();
});
afterEach(() => {
  t.close();
});

describe('JQL on created and updated', () => {
  it('compares with absolute dates (UTC) and periods relative to the site clock', async () => {
    const touched = t.site.updateIssue('PAY-4', { summary: 'Snapshot the FX rate at approval' });
    expect(touched.updated).toBe(TEST_NOW);
    expect(await jqlKeys('project = PAY AND updated >= "-1m"')).toEqual(['PAY-4']);
    expect(await jqlKeys('project = PAY AND updated >= "2026-03-02 10:00"')).toEqual(['PAY-4']);
    expect(await jqlKeys('project = PAY AND updated > "2026/03/02 10:00"')).toEqual([]);
    expect(await jqlKeys('key = PAY-4 AND updated < "-1w 2d"')).toEqual([]);
    expect((await jqlKeys('project = PAY AND created <= "2026-03-02"')).length).toBeGreaterThan(0);
  });

  it('compares resolved (alias resolutiondate); an unresolved issue matches no comparison', async () => {
    t.site.updateIssue('PAY-4', { status: 'Done' });
    expect(await jqlKeys('project = PAY AND resolved >= "-1m"')).toEqual(['PAY-4']);
    expect(await jqlKeys('project = PAY AND resolutiondate >= "2026-03-02 10:00"')).toEqual(['PAY-4']);
    t.site.updateIssue('PAY-4', { status: 'To Do' });
    expect(await jqlKeys('key = PAY-4 AND resolved != "2020-01-01"')).toEqual([]);
  });

  it('refuses other date forms by name', async () => {
    expect(await jqlError('updated >= "yesterday"')).toMatchObject({
      status: 400,
      message: expect.stringContaining("Date value 'yesterday'") as unknown,
    });
    expect(await jqlError('updated >= startOfDay()')).toMatchObject({
      status: 400,
      message: expect.stringContaining('not supported by the local Jira site') as unknown,
    });
    expect(await jqlError('updated in ("-1d")')).toMatchObject({ status: 400 });
  });
});
