import type { LocalRuntime } from '../../local/platform/local-runtime';
import { sliceOf } from '../../src/usecases/reconcile-initiatives';
import { linkedPaymentsSetup } from '../support/scenario';

/**
 * The daily reconcile reads only epics changed since its last successful run (plus a seventh of all
 * epics a day), and pays for it in Jira points as the emulated site charges them.
 */

let runtime: LocalRuntime;
afterEach(() => {
  runtime.close();
});

const linked = async () => {
  const setup = await linkedPaymentsSetup();
  runtime = setup.runtime;
  const epic = runtime.site.getIssue(setup.fx);
  if (epic === undefined) throw new Error('epic missing');
  const children = runtime.site.listIssues().filter((i) => i.parentKey === setup.fx);
  return { ...setup, epic, children };
};

/**
 * Runs the job; answers the Jira points its epic reads spent and how many searches they made. The job
 * also checks the JQL functions' stored fragments once a day: one listing, 1 point while none is stored
 * (none is here), counted apart so the figures below stay those of the epic reads.
 */
const reconcile = async () => {
  const before = runtime.site.rateLimits.usage().pointsUsed;
  const outcome = await runtime.app.runScheduledTrigger('reconcile-initiatives');
  expect(outcome).toMatchObject({ ok: true });
  const calls = runtime.log.last()?.calls.filter((c) => c.kind === 'jira') ?? [];
  const listings = calls.filter((c) => c.operation.includes('/jql/function/computation'));
  expect(listings.map((c) => [c.operation.split('?')[0], c.cost?.jiraPoints])).toEqual([
    ['GET /rest/api/3/jql/function/computation', 1],
  ]);
  const searches = calls.filter((c) => c.operation.includes('/search/jql')).length;
  expect(searches).toBe(calls.length - listings.length);
  return { points: runtime.site.rateLimits.usage().pointsUsed - before - 1, searches };
};

describe('the reconcile job within its points budget', () => {
  it('reads every epic on its first run, then only what changed since', async () => {
    const { epic, children } = await linked();
    const fullRead = 1 + 1 + children.length; // one page: the epic and its children

    expect(await reconcile()).toEqual({ points: fullRead, searches: 1 });

    // Nothing changed: one empty change search, unless today's seventh includes this epic.
    const due = sliceOf(epic.id) === Math.floor(Date.now() / 86_400_000) % 7;
    expect(await reconcile()).toEqual(due ? { points: 1 + fullRead, searches: 2 } : { points: 1, searches: 1 });

    // A change that sent no event: found by the change search (1 point a page, 1 per changed issue),
    // then the epic is read in full. The search looks an hour further back than the last run.
    const child = children.find((c) => c.status !== 'Done');
    if (child === undefined) throw new Error('no open child');
    runtime.site.transaction(() => runtime.site.updateIssue(child.key, { status: 'Done' }), { silent: true });
    expect(await reconcile()).toEqual({ points: 1 + 1 + fullRead, searches: 2 });
  });

  it('is not fooled by the clock of a stored state older than a week: it reads everything again', async () => {
    const { children } = await linked();
    await reconcile();
    const stale = {
      schemaVersion: 1,
      lastRunAt: '2020-01-01T00:00:00.000Z',
      lastFullRunAt: '2020-01-01T00:00:00.000Z',
    };
    runtime.kvs.handle('set', { key: 'job:reconcile-initiatives', value: stale });
    expect(await reconcile()).toEqual({ points: 2 + children.length, searches: 1 });
  });
});
