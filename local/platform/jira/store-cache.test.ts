import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { seedDemoSite } from '../../demo/seed-jira';
import { openDatabase } from '../db';
import { createJiraSite } from './site';
import { jqlKeys } from './test-requests';
import type { TestSite } from './test-support';
import { createTestSite, installForgeFetch } from './test-support';

/** The parsed-issue cache must never show stale or rolled-back data. */
describe('issue list cache', () => {
  let t: TestSite;
  beforeEach(() => {
    t = createTestSite();
  });
  afterEach(() => {
    t.close();
  });

  it('sees admin changes immediately', async () => {
    expect(await jqlKeys('project = PAY AND status = Backlog')).toEqual([]);
    t.site.updateIssue('PAY-5', { status: 'Backlog' });
    expect(await jqlKeys('project = PAY AND status = Backlog')).toEqual(['PAY-5']);
  });

  it('forgets what a rolled-back transaction read', async () => {
    expect(() =>
      t.site.transaction(() => {
        t.site.createIssue({ project: 'PAY', issueType: 'Task', summary: 'Never committed' });
        expect(t.site.listIssues().some((i) => i.summary === 'Never committed')).toBe(true);
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(await jqlKeys('summary ~ "committed"')).toEqual([]);
    expect(t.site.listIssues().some((i) => i.summary === 'Never committed')).toBe(false);
  });
});

it('sees commits made through another connection to the same database file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cadence-jira-'));
  const file = path.join(dir, 'cadence.db');
  const [dbA, dbB] = [openDatabase(file), openDatabase(file)];
  const [siteA, siteB] = [createJiraSite(dbA), createJiraSite(dbB)];
  seedDemoSite(siteA);
  const uninstall = installForgeFetch(siteB);
  try {
    expect(await jqlKeys('project = PAY AND status = Backlog')).toEqual([]);
    siteA.updateIssue('PAY-5', { status: 'Backlog' });
    expect(await jqlKeys('project = PAY AND status = Backlog')).toEqual(['PAY-5']);
  } finally {
    uninstall();
    dbA.close();
    dbB.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
