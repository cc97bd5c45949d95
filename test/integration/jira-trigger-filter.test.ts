import type { LocalRuntime } from '../../local/platform/local-runtime';
import { accountOf, newRuntime } from '../support/cadence-client';

/**
 * The issue-event trigger's filter expression (manifest.yml) runs in the platform before the app is
 * invoked: only epics, issues with a parent and issues taken out of an epic reach on-issue-event.
 */

let runtime: LocalRuntime;
beforeEach(() => {
  runtime = newRuntime();
});
afterEach(() => {
  runtime.close();
});

/** Invocations of the issue-events trigger since `mark`. */
const invocations = (mark: number) =>
  runtime.log
    .recent()
    .slice(mark)
    .filter((e) => e.call === 'issue-events');

const change = async (fn: () => void) => {
  const mark = runtime.log.recent().length;
  fn();
  await runtime.whenIdle();
  return invocations(mark).length;
};

const reporter = accountOf('priya');

describe('the issue-event filter expression', () => {
  it('does not invoke the app for an issue that has no parent and is not an epic', async () => {
    let key = '';
    expect(
      await change(() => {
        key = runtime.site.createIssue({
          project: 'PAY',
          issueType: 'Task',
          summary: 'Tidy the backlog',
          reporter,
        }).key;
      }),
    ).toBe(0);
    expect(await change(() => runtime.site.updateIssue(key, { summary: 'Tidy the backlog, again' }))).toBe(0);
    expect(
      await change(() => {
        runtime.site.deleteIssue(key);
      }),
    ).toBe(0);
  });

  it('invokes the app for an epic, for its child issues, and when an issue leaves the epic', async () => {
    let epic = '';
    let child = '';
    expect(
      await change(() => {
        epic = runtime.site.createIssue({
          project: 'PAY',
          issueType: 'Epic',
          summary: 'Instant payouts',
          reporter,
        }).key;
      }),
    ).toBe(1);
    expect(
      await change(() => {
        child = runtime.site.createIssue({
          project: 'PAY',
          issueType: 'Story',
          summary: 'Payout rails',
          parent: epic,
          reporter,
        }).key;
      }),
    ).toBe(1);
    expect(await change(() => runtime.site.updateIssue(child, { status: 'Done' }))).toBe(1);
    expect(await change(() => runtime.site.updateIssue(child, { parent: null }))).toBe(1);
    // Now parentless: its further changes no longer concern any epic.
    expect(await change(() => runtime.site.updateIssue(child, { summary: 'Payout rails v2' }))).toBe(0);
    expect(await change(() => runtime.site.updateIssue(epic, { summary: 'Instant payouts everywhere' }))).toBe(1);
  });
});
