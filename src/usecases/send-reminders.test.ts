import type { Cycle, Objective, Translate } from '../contract';
import { AppError } from './errors';
import type { ObjectiveAggregate, ObjectiveDigest, StoredKeyResult } from './model';
import type { IssueNotification, JiraUser, NotificationChannel, NotifyOutcome, ReminderLog } from './ports';
import type { ReminderDeps } from './send-reminders';
import { groupByOwner, sendReminders, staleItems } from './send-reminders';
import { reminderMessage } from './shared/reminder-message';

/** The use case on small in-memory ports: the grouping and the once-a-week rule, without a runtime. */

const DAY = 86_400_000;
const NOW = new Date('2026-03-04T09:00:00.000Z');
const ago = (days: number): string => new Date(NOW.getTime() - days * DAY).toISOString();

const cycle: Cycle = {
  id: 'cycle',
  name: 'Q1',
  kind: 'quarterly',
  startDate: '2026-01-01',
  endDate: '2026-03-31',
  status: 'active',
};
const objective = (id: string, title = `Objective ${id}`): Objective => ({
  id,
  cycleId: cycle.id,
  title,
  level: 'company',
  ownerAccountId: 'boss',
  status: 'published',
});
const kr = (id: string, owner: string, lastCheckInDaysAgo?: number, title = `KR ${id}`): StoredKeyResult => ({
  id,
  objectiveId: 'o1',
  title,
  ownerAccountId: owner,
  weight: 1,
  metric: { kind: 'number', start: 0, target: 10, current: 1 },
  progressSource: 'manual',
  status: 'active',
  createdAt: ago(40),
  ...(lastCheckInDaysAgo === undefined
    ? {}
    : {
        lastCheckIn: {
          id: `c-${id}`,
          at: ago(lastCheckInDaysAgo),
          value: 1,
          confidence: 'on_track',
          authorAccountId: owner,
        },
      }),
});

/** One objective holding `krs`, with epics linked per KR id (issue id = key number). */
const aggregate = (o: Objective, krs: StoredKeyResult[], epics: Record<string, string[]>): ObjectiveAggregate => ({
  objective: o,
  keyResults: krs.map((k) => ({ ...k, objectiveId: o.id })),
  initiatives: Object.entries(epics).flatMap(([krId, keys]) =>
    keys.map((key) => ({
      id: `${krId}-${key}`,
      keyResultId: krId,
      issueKey: key,
      issueId: key.replace(/\D/g, ''),
      linkedAt: ago(30),
      linkedByAccountId: 'boss',
      epic: {
        summary: key,
        statusName: 'In Progress',
        statusCategory: 'indeterminate',
        projectId: '1',
        projectKey: 'PAY',
        progress: { done: 0, total: 0, excluded: 0, ratio: null, addedAfterStart: 0 },
        missing: false,
        refreshedAt: ago(1),
      },
    })),
  ),
  createdAt: ago(40),
  updatedAt: ago(1),
  version: 1,
});
const digest = (a: ObjectiveAggregate): ObjectiveDigest => {
  const initiativeCounts: Record<string, number> = {};
  for (const i of a.initiatives) initiativeCounts[i.keyResultId] = (initiativeCounts[i.keyResultId] ?? 0) + 1;
  return { objective: a.objective, keyResults: a.keyResults, initiativeCounts, updatedAt: a.updatedAt };
};

/** A week's claims as storage would keep them, and the emails Jira took. */
const world = (
  aggregates: ObjectiveAggregate[],
  options: {
    browsable?: (owner: string, issueId: string) => boolean;
    notify?: (n: IssueNotification) => NotifyOutcome;
  } = {},
) => {
  const claims = new Map<string, 'sending' | 'sent'>();
  const sent: IssueNotification[] = [];
  const log = (week: string): ReminderLog => ({
    claim: (owner) => {
      if (claims.has(`${week}/${owner}`)) return Promise.resolve(false);
      claims.set(`${week}/${owner}`, 'sending');
      return Promise.resolve(true);
    },
    markSent: (owner) => {
      claims.set(`${week}/${owner}`, 'sent');
      return Promise.resolve();
    },
    release: (owner) => {
      claims.delete(`${week}/${owner}`);
      return Promise.resolve();
    },
  });
  const user = (accountId: string): JiraUser => ({
    accountId,
    displayName: accountId.toUpperCase(),
    active: true,
    locale: accountId === 'sanne' ? 'nl_NL' : 'en_US',
  });
  const jira: NotificationChannel = {
    siteBaseUrl: () => Promise.resolve('https://acme.atlassian.net'),
    usersByAccountId: (ids) => Promise.resolve(new Map(ids.map((id) => [id, user(id)]))),
    issuesBrowsableBy: (owner, ids) =>
      Promise.resolve(new Set(ids.filter((id) => options.browsable?.(owner, id) ?? true))),
    notifyIssue: (n) => {
      const outcome = options.notify?.(n) ?? { sent: true };
      if (outcome.sent) sent.push(n);
      return Promise.resolve(outcome);
    },
  };
  let now = NOW;
  const deps: ReminderDeps = {
    store: {
      getObjectives: (ids) => Promise.resolve(aggregates.filter((a) => ids.includes(a.objective.id))),
      reminderLog: log,
    },
    jira,
    clock: { now: () => now },
  };
  const wordsFor = (locale: string): Promise<Translate> =>
    Promise.resolve(
      (key, params) => `${locale}:${key}${params === undefined ? '' : `(${Object.values(params).join('|')})`}`,
    );
  return {
    claims,
    sent,
    run: () => sendReminders(deps, [{ cycle, digests: aggregates.map(digest) }], wordsFor),
    moveOn: (days: number) => {
      now = new Date(now.getTime() + days * DAY);
    },
  };
};

describe('groupByOwner', () => {
  it('gathers each owner’s stale KRs, the longest without a check-in first', () => {
    const o = objective('o1');
    const items = staleItems(
      [
        {
          cycle,
          digests: [
            digest(aggregate(o, [kr('a', 'ann', 9), kr('b', 'bob', 30), kr('c', 'ann', 20), kr('d', 'ann', 2)], {})),
          ],
        },
      ],
      NOW,
    );
    const groups = groupByOwner(items);
    expect([...groups.keys()]).toEqual(['ann', 'bob']);
    expect(groups.get('ann')?.map((i) => [i.keyResult.id, i.days])).toEqual([
      ['c', 20],
      ['a', 9],
    ]);
  });

  it('leaves out archived objectives, archived KRs and drafts', () => {
    const archived = { ...objective('o2'), status: 'archived' as const };
    const draft = { ...objective('o3'), status: 'draft' as const };
    const items = staleItems(
      [
        {
          cycle,
          digests: [
            digest(aggregate(archived, [kr('a', 'ann', 30)], {})),
            digest(aggregate(draft, [kr('b', 'ann', 30)], {})),
            digest(aggregate(objective('o1'), [{ ...kr('c', 'ann', 30), status: 'archived' }], {})),
          ],
        },
      ],
      NOW,
    );
    expect(items).toEqual([]);
  });
});

describe('sendReminders', () => {
  const setup = (options?: Parameters<typeof world>[1]) =>
    world(
      [
        aggregate(
          objective('o1', 'Reliable payouts'),
          [
            kr('a', 'ann', 9, 'Cut failures'),
            kr('b', 'ann', 12, 'Grow currencies'),
            kr('c', 'bob', 10),
            kr('d', 'cy', 2),
          ],
          {
            a: ['PAY-1'],
            b: ['PAY-2'],
            c: ['PAY-3'],
            d: ['PAY-4'],
          },
        ),
      ],
      options,
    );

  it('sends each stale owner one email listing all their stale KRs, on an epic of theirs, with links', async () => {
    const w = setup();
    expect(await w.run()).toEqual({
      week: '2026-W10',
      owners: 2,
      sent: 2,
      alreadyReminded: 0,
      unreachable: 0,
      refused: 0,
    });
    expect(w.sent.map((n) => [n.toAccountIds, n.issueId])).toEqual([
      [['ann'], '2'],
      [['bob'], '3'],
    ]);
    const ann = w.sent[0];
    expect(ann?.subject).toBe('en-US:reminders.subject(2)');
    expect(ann?.textBody).toContain(
      '- en-US:reminders.line(Grow currencies|Reliable payouts|en-US:reminders.days(12))',
    );
    expect(ann?.textBody).toContain('https://acme.atlassian.net/browse/PAY-1');
    expect(ann?.htmlBody).toContain('<a href="https://acme.atlassian.net/browse/PAY-2">');
    expect([...w.claims.values()]).toEqual(['sent', 'sent']);
  });

  it('sends nobody a second email in the same ISO week, and again the next week while still stale', async () => {
    const w = setup();
    await w.run();
    expect(await w.run()).toMatchObject({ sent: 0, alreadyReminded: 2 });
    w.moveOn(1);
    expect(await w.run()).toMatchObject({ sent: 0, alreadyReminded: 2 });
    w.moveOn(6);
    // Cy's check-in is now 9 days old too.
    expect(await w.run()).toMatchObject({ week: '2026-W11', owners: 3, sent: 3, alreadyReminded: 0 });
    expect(w.sent).toHaveLength(5);
  });

  it('keeps the claim of a run that died while sending: at most once, never twice', async () => {
    const w = setup({
      notify: () => {
        throw new AppError('UNAVAILABLE', 'Jira is not answering right now (status 503)');
      },
    });
    await expect(w.run()).rejects.toThrow(/not answering/);
    expect([...w.claims.values()]).toEqual(['sending']);
    const again = setup();
    // The same week's claims: the owner whose send may have gone out is skipped.
    for (const [k, v] of w.claims) again.claims.set(k, v);
    expect(await again.run()).toMatchObject({ sent: 1, alreadyReminded: 1 });
  });

  it('gives the claim back when Jira surely sent nothing: a refusal, or the app lacking the scope', async () => {
    const refused = setup({ notify: () => ({ sent: false, status: 400 }) });
    expect(await refused.run()).toMatchObject({ sent: 0, refused: 2 });
    expect(refused.claims.size).toBe(0);
    const noScope = setup({
      notify: () => {
        throw new AppError('INTERNAL', "the app's scopes do not allow POST /rest/api/3/issue/2/notify");
      },
    });
    await expect(noScope.run()).rejects.toThrow(/scopes/);
    expect(noScope.claims.size).toBe(0);
  });

  it('stops sending when outgoing email is off for the site (403)', async () => {
    const w = setup({ notify: () => ({ sent: false, status: 403 }) });
    expect(await w.run()).toMatchObject({ sent: 0, refused: 1 });
  });

  it('tells an owner on an epic they may browse, else one of their other KRs, else counts them unreachable', async () => {
    const o = objective('o1');
    const w = world(
      [
        aggregate(o, [kr('a', 'ann', 9), kr('b', 'ann'), kr('c', 'bob', 9), kr('e', 'eve', 9)], {
          a: ['SEC-7', 'PAY-1'],
          b: ['PAY-2'],
          e: ['SEC-8'],
        }),
      ],
      {
        browsable: (owner, id) => !(id === '7' || id === '8' || (owner === 'ann' && id === '1')),
      },
    );
    expect(await w.run()).toMatchObject({ owners: 3, sent: 1, unreachable: 2 });
    // Ann may browse neither of her stale KR's epics: the fallback is the epic of her other, fresh KR.
    expect(w.sent[0]?.issueId).toBe('2');
    expect(w.sent[0]?.textBody).toContain('reminders.onBoard');
    // Bob's KR has no epic at all; Eve's only epic is one she may not browse: her claim is given back.
    expect(w.claims.size).toBe(1);
  });

  it('writes in each owner’s Jira language', async () => {
    const w = world([aggregate(objective('o1'), [kr('a', 'sanne', 9)], { a: ['PAY-1'] })]);
    await w.run();
    expect(w.sent[0]?.subject).toBe('nl-NL:reminders.subject(1)');
  });
});

describe('reminderMessage', () => {
  it('never lets a title become markup in the HTML body', () => {
    const t: Translate = (key, params) =>
      key === 'reminders.onIssue'
        ? `Check in on ${String(params?.issueKey)}: ${String(params?.url)}`
        : `${key}:${Object.values(params ?? {}).join('|')}`;
    const message = reminderMessage(t, 'Ann & co', [
      {
        keyResult: '<script>x</script>',
        objective: 'A "quoted" one',
        days: 8,
        checkIn: { issueKey: 'PAY-1', url: 'https://acme.atlassian.net/browse/PAY-1' },
      },
    ]);
    expect(message.htmlBody).toContain('&lt;script&gt;x&lt;/script&gt;|A &quot;quoted&quot; one');
    expect(message.htmlBody).toContain('Ann &amp; co');
    expect(message.htmlBody).toContain(
      'Check in on PAY-1: <a href="https://acme.atlassian.net/browse/PAY-1">https://acme.atlassian.net/browse/PAY-1</a>',
    );
    expect(message.textBody).toContain('<script>x</script>');
  });
});
