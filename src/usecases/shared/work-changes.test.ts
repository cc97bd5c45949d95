import type { WorkIssue } from '../ports';
import { changesSince, WORK_LIST_LIMIT, workChanges } from './work-changes';

const SINCE = '2026-03-02T09:00:00.000Z';
const BEFORE = '2026-02-20T09:00:00.000Z';
const AFTER = '2026-03-04T09:00:00.000Z';

const issue = (over: Partial<WorkIssue> & Pick<WorkIssue, 'id' | 'key'>): WorkIssue => ({
  summary: `Summary of ${over.key}`,
  statusName: 'To Do',
  statusCategory: 'new',
  resolution: undefined,
  created: BEFORE,
  resolved: undefined,
  parentId: '100',
  parentSetAt: undefined,
  ...over,
});
const epic = issue({
  id: '100',
  key: 'PAY-1',
  statusName: 'In Progress',
  statusCategory: 'indeterminate',
  parentId: undefined,
});
/** What moved under epic PAY-1 (baseline In Progress) since SINCE, among these children. */
const changesOf = (children: readonly WorkIssue[]) =>
  workChanges({
    epicIds: ['100'],
    since: SINCE,
    baseline: new Map([['100', 'In Progress']]),
    issues: [epic, ...children],
  });
const keys = (list: readonly { issueKey: string }[]): string[] => list.map((i) => i.issueKey);

describe('changesSince', () => {
  it('counts from the latest check-in when there is one', () => {
    expect(changesSince({ lastCheckInAt: SINCE, keyResultCreatedAt: AFTER, cycleStartDate: '2026-01-01' })).toBe(SINCE);
  });

  it('else from when the KR was added or the cycle began (00:00 UTC), the later', () => {
    expect(changesSince({ lastCheckInAt: undefined, keyResultCreatedAt: BEFORE, cycleStartDate: '2026-01-01' })).toBe(
      BEFORE,
    );
    expect(changesSince({ lastCheckInAt: undefined, keyResultCreatedAt: BEFORE, cycleStartDate: '2026-03-01' })).toBe(
      '2026-03-01T00:00:00.000Z',
    );
    expect(
      changesSince({ lastCheckInAt: undefined, keyResultCreatedAt: undefined, cycleStartDate: '2026-03-01' }),
    ).toBe('2026-03-01T00:00:00.000Z');
  });
});

describe('workChanges', () => {
  it('sorts child issues into done, added and won’t do by their fields since then', () => {
    const changes = changesOf([
      issue({
        id: '1',
        key: 'PAY-2',
        statusCategory: 'done',
        statusName: 'Done',
        resolution: 'Done',
        resolved: AFTER,
      }),
      issue({ id: '2', key: 'PAY-3', created: AFTER }),
      issue({ id: '3', key: 'PAY-4', statusCategory: 'done', resolution: "Won't Do", resolved: AFTER }),
      issue({
        id: '4',
        key: 'PAY-5',
        statusCategory: 'done',
        resolution: 'Duplicate',
        resolved: AFTER,
        created: AFTER,
      }),
      // Resolved before: no news. Resolved since but not done (a resolution outside the done category): neither.
      issue({ id: '5', key: 'PAY-6', statusCategory: 'done', resolution: 'Done', resolved: BEFORE }),
      issue({ id: '6', key: 'PAY-7', statusCategory: 'indeterminate', resolution: 'Done', resolved: AFTER }),
      // Exactly at `since` counts.
      issue({ id: '7', key: 'PAY-8', statusCategory: 'done', resolution: 'Done', resolved: SINCE }),
    ]);
    expect(keys(changes.done)).toEqual(['PAY-2', 'PAY-8']);
    expect(keys(changes.added)).toEqual(['PAY-3', 'PAY-5']);
    expect(keys(changes.wontDo)).toEqual(['PAY-4', 'PAY-5']);
    expect(changes.done[0]).toEqual({ issueId: '1', issueKey: 'PAY-2', summary: 'Summary of PAY-2', epicKey: 'PAY-1' });
    expect(changes.epics).toEqual([]);
    expect(changes.truncated).toBe(false);
  });

  it('counts an old issue moved under the epic since then as added, and one moved there before as not', () => {
    const changes = changesOf([
      issue({ id: '1', key: 'PAY-2', parentSetAt: AFTER }),
      issue({ id: '2', key: 'PAY-3', parentSetAt: BEFORE }),
      // Moved in and done since then: both.
      issue({
        id: '3',
        key: 'PAY-4',
        parentSetAt: SINCE,
        statusCategory: 'done',
        resolution: 'Done',
        resolved: AFTER,
      }),
    ]);
    expect(keys(changes.added)).toEqual(['PAY-2', 'PAY-4']);
    expect(keys(changes.done)).toEqual(['PAY-4']);
  });

  it('never lists children of an epic the viewer cannot see, nor an epic as its own child', () => {
    const changes = workChanges({
      epicIds: ['100'],
      since: SINCE,
      baseline: undefined,
      issues: [
        epic,
        issue({ id: '1', key: 'SEC-2', parentId: '200', created: AFTER }),
        issue({ id: '2', key: 'PAY-9', parentId: undefined, created: AFTER }),
      ],
    });
    expect(changes.added).toEqual([]);
  });

  it('lists epics whose status differs from the baseline; every epic, from null, without one', () => {
    const other = issue({ id: '101', key: 'PAY-20', statusName: 'Done', statusCategory: 'done', parentId: undefined });
    const withBaseline = workChanges({
      epicIds: ['100', '101'],
      since: SINCE,
      baseline: new Map([
        ['100', 'In Progress'],
        ['101', 'In Progress'],
      ]),
      issues: [epic, other],
    });
    expect(withBaseline.epics).toEqual([
      { issueKey: 'PAY-20', summary: 'Summary of PAY-20', from: 'In Progress', to: 'Done' },
    ]);
    const without = workChanges({ epicIds: ['100', '101'], since: SINCE, baseline: undefined, issues: [epic, other] });
    expect(without.epics.map((e) => [e.issueKey, e.from, e.to])).toEqual([
      ['PAY-1', null, 'In Progress'],
      ['PAY-20', null, 'Done'],
    ]);
    // An epic linked after the last check-in has no baseline of its own.
    const linkedSince = workChanges({
      epicIds: ['100', '101'],
      since: SINCE,
      baseline: new Map([['100', 'In Progress']]),
      issues: [epic, other],
    });
    expect(linkedSince.epics.map((e) => e.from)).toEqual([null]);
  });

  it('cuts each list at the limit, in key order (numeric), and says so', () => {
    const many = Array.from({ length: WORK_LIST_LIMIT + 2 }, (_, n) =>
      issue({ id: String(n + 1), key: `PAY-${String(n + 2)}`, created: AFTER }),
    );
    const changes = workChanges({
      epicIds: ['100'],
      since: SINCE,
      baseline: undefined,
      issues: [epic, ...many.reverse()],
    });
    expect(changes.added).toHaveLength(WORK_LIST_LIMIT);
    expect(keys(changes.added).slice(0, 3)).toEqual(['PAY-2', 'PAY-3', 'PAY-4']);
    expect(changes.truncated).toBe(true);
  });
});
