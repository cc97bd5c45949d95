import type { Cycle, Locale, Objective, Translate } from '../contract';
import { localeOf } from '../contract';
import { DAY_MS } from '../domain/calendar-day';
import { isoWeek } from '../domain/iso-week';
import { epochOf, freshSince } from '../domain/staleness';
import { AppError } from './errors';
import type { ObjectiveDigest, StoredKeyResult } from './model';
import type { Clock, NotificationChannel, OkrStore } from './ports';
import type { ReminderLine } from './shared/reminder-message';
import { reminderMessage } from './shared/reminder-message';
import { isStale } from './shared/stale';

/** A cycle and its objectives' digests, as the weekly job reads them. */
export interface CycleDigests {
  cycle: Cycle;
  digests: readonly ObjectiveDigest[];
}

/** The catalog's translate function for a language (adapters/i18n, passed in by the trigger). */
export type WordsFor = (locale: Locale) => Promise<Translate>;

export interface ReminderDeps {
  store: Pick<OkrStore, 'getObjectives' | 'reminderLog'>;
  jira: NotificationChannel;
  clock: Clock;
}

export interface ReminderOutcome {
  week: string;
  /** Owners of at least one stale KR. */
  owners: number;
  sent: number;
  /** Already reminded this week (or a run died while sending to them: at most once, never twice). */
  alreadyReminded: number;
  /** No epic linked to any of their active KRs that they may browse, or not an active Jira user: no channel. */
  unreachable: number;
  /** Jira refused the email (the claim is given back, so a later run this week tries again). */
  refused: number;
}

/** A stale KR and what its line in the reminder says. */
export interface StaleItem {
  keyResult: StoredKeyResult;
  objective: Objective;
  days: number;
}

/** Per owner, their stale KRs, the longest without a check-in first (then by title, for a stable order). */
export const groupByOwner = (items: readonly StaleItem[]): Map<string, StaleItem[]> => {
  const byOwner = new Map<string, StaleItem[]>();
  for (const item of items) {
    const list = byOwner.get(item.keyResult.ownerAccountId) ?? [];
    list.push(item);
    byOwner.set(item.keyResult.ownerAccountId, list);
  }
  for (const list of byOwner.values())
    list.sort((a, b) => b.days - a.days || a.keyResult.title.localeCompare(b.keyResult.title));
  return byOwner;
};

/** The stale KRs of active cycles (the snapshot's rule, shared/stale.ts) and how many days each has gone. */
export const staleItems = (cycles: readonly CycleDigests[], now: Date): StaleItem[] =>
  cycles.flatMap(({ cycle, digests }) =>
    digests.flatMap((d) =>
      d.objective.status === 'archived'
        ? []
        : d.keyResults
            .filter((kr) => isStale(kr, d.objective, cycle, now))
            .map((kr) => ({
              keyResult: kr,
              objective: d.objective,
              days: Math.floor(
                (now.getTime() - freshSince(epochOf(kr.lastCheckIn?.at), epochOf(kr.createdAt), cycle)) / DAY_MS,
              ),
            })),
    ),
  );

interface EpicRef {
  issueId: string;
  issueKey: string;
}

/**
 * The epics each owner could be told on: first those linked to their stale KRs, then (the fallback) those
 * linked to their other active KRs of active cycles. Epics Cadence knows are deleted are left out. One
 * batch read of the aggregates holding them (the digests only count epics).
 */
const candidateEpics = async (
  store: ReminderDeps['store'],
  cycles: readonly CycleDigests[],
  owners: ReadonlySet<string>,
): Promise<{ byKeyResult: Map<string, EpicRef[]>; fallback: Map<string, EpicRef[]> }> => {
  const wanted = cycles.flatMap(({ digests }) =>
    digests.filter(
      (d) =>
        d.objective.status !== 'archived' &&
        d.keyResults.some(
          (kr) => kr.status === 'active' && owners.has(kr.ownerAccountId) && (d.initiativeCounts[kr.id] ?? 0) > 0,
        ),
    ),
  );
  const aggregates = await store.getObjectives(wanted.map((d) => d.objective.id));
  const byKeyResult = new Map<string, EpicRef[]>();
  const fallback = new Map<string, EpicRef[]>();
  for (const a of aggregates) {
    for (const kr of a.keyResults) {
      if (kr.status !== 'active' || !owners.has(kr.ownerAccountId)) continue;
      const epics = a.initiatives
        .filter((i) => i.keyResultId === kr.id && !i.epic.missing)
        .map((i) => ({ issueId: i.issueId, issueKey: i.issueKey }));
      byKeyResult.set(kr.id, epics);
      fallback.set(kr.ownerAccountId, [...(fallback.get(kr.ownerAccountId) ?? []), ...epics]);
    }
  }
  return { byKeyResult, fallback };
};

/** Jira answered the notify with an error status, so nothing went out; a 5xx or a timeout may have sent it. */
const surelyNotSent = (error: unknown): boolean => error instanceof AppError && error.code === 'INTERNAL';

/**
 * Tells each owner of stale KRs about all of them in ONE Jira email a week (POST /rest/api/3/issue/{id}/notify
 * on an epic linked to one of their KRs, as the app: docs developer.atlassian.com/cloud/jira/platform/rest/v3/
 * api-group-issues/#api-rest-api-3-issue-issueidorkey-notify-post). Per owner: a claim in storage, one
 * permission check of the candidate epics for them, one notify; once per run: serverInfo for links and
 * user/bulk (names and languages, 100 owners a call).
 *
 * Once a week: the claim is written before sending and kept after, so a rerun in the same ISO week sends
 * nobody a second email. A crash between send and record leaves the claim: that owner may miss this
 * week's reminder but never gets two (at most once). Jira refusing (400, 404) gives the claim back.
 * Outgoing email switched off (403) stops the run's sending; a call that fails otherwise (scopes,
 * Jira unavailable) stops it and is thrown, after giving back the claim when Jira surely sent nothing.
 */
export const sendReminders = async (
  deps: ReminderDeps,
  cycles: readonly CycleDigests[],
  wordsFor: WordsFor,
): Promise<ReminderOutcome> => {
  const now = deps.clock.now();
  const week = isoWeek(now);
  const byOwner = groupByOwner(staleItems(cycles, now));
  const outcome: ReminderOutcome = {
    week,
    owners: byOwner.size,
    sent: 0,
    alreadyReminded: 0,
    unreachable: 0,
    refused: 0,
  };
  if (byOwner.size === 0) return outcome;

  const { byKeyResult, fallback } = await candidateEpics(deps.store, cycles, new Set(byOwner.keys()));
  const candidatesOf = (owner: string, items: readonly StaleItem[]): EpicRef[] => {
    const all = [...items.flatMap((i) => byKeyResult.get(i.keyResult.id) ?? []), ...(fallback.get(owner) ?? [])];
    return all.filter((e, index) => all.findIndex((o) => o.issueId === e.issueId) === index);
  };
  const reachable = [...byOwner].filter(([owner, items]) => candidatesOf(owner, items).length > 0);
  outcome.unreachable = byOwner.size - reachable.length;
  if (reachable.length === 0) return outcome;

  const log = deps.store.reminderLog(week);
  const users = await deps.jira.usersByAccountId(reachable.map(([owner]) => owner));
  let baseUrl: string | undefined;
  const words = new Map<Locale, Translate>();
  const wordsOf = async (locale: Locale): Promise<Translate> => {
    const t = words.get(locale) ?? (await wordsFor(locale));
    words.set(locale, t);
    return t;
  };
  for (const [owner, items] of reachable) {
    const user = users.get(owner);
    if (user?.active !== true) {
      outcome.unreachable++;
      continue;
    }
    if (!(await log.claim(owner, now.toISOString()))) {
      outcome.alreadyReminded++;
      continue;
    }
    let sending = false;
    try {
      const candidates = candidatesOf(owner, items);
      const browsable = await deps.jira.issuesBrowsableBy(
        owner,
        candidates.map((e) => e.issueId),
      );
      const target = candidates.find((e) => browsable.has(e.issueId));
      if (target === undefined) {
        await log.release(owner);
        outcome.unreachable++;
        continue;
      }
      baseUrl ??= await deps.jira.siteBaseUrl();
      const locale = localeOf(user.locale);
      const t = await wordsOf(locale);
      const lines = items.map((i): ReminderLine => {
        const epic = (byKeyResult.get(i.keyResult.id) ?? []).find((e) => browsable.has(e.issueId));
        return {
          keyResult: i.keyResult.title,
          objective: i.objective.title,
          days: i.days,
          checkIn:
            epic === undefined
              ? undefined
              : { issueKey: epic.issueKey, url: `${baseUrl ?? ''}/browse/${epic.issueKey}` },
        };
      });
      const message = reminderMessage(t, user.displayName, lines);
      sending = true;
      const answer = await deps.jira.notifyIssue({ issueId: target.issueId, ...message, toAccountIds: [owner] });
      if (answer.sent) {
        await log.markSent(owner, target.issueKey, now.toISOString());
        outcome.sent++;
        continue;
      }
      await log.release(owner);
      outcome.refused++;
      // Outgoing email is off for the whole site: every other owner would be refused the same way.
      if (answer.status === 403) break;
    } catch (error) {
      if (!sending || surelyNotSent(error)) await log.release(owner);
      throw error;
    }
  }
  return outcome;
};
