import { keyResultScore } from '../domain/score';
import type { Cycle } from '../contract';
import type { KeyResultSnapshot, ObjectiveCore } from './model';
import type { Deps } from './ports';
import { isoWeek } from '../domain/iso-week';
import { isStale } from './shared/stale';
import type { ReminderOutcome, WordsFor } from './send-reminders';
import { sendReminders } from './send-reminders';

/**
 * A cycle's snapshot for one week: each active KR's value and score (a grade once given) and, while the
 * cycle is active, whether it is stale. The weekly job takes it every week; closing a cycle takes the
 * last one (update-cycle.ts), so a scorecard frozen at the cycle's end shows what stood at close.
 */
export const cycleSnapshot = (cycle: Cycle, digests: readonly ObjectiveCore[], week: string, now: Date): KeyResultSnapshot => {
  const snapshot: KeyResultSnapshot = { cycleId: cycle.id, week, values: {}, scores: {}, stale: [], takenAt: now.toISOString() };
  for (const a of digests) {
    if (a.objective.status === 'archived') continue;
    for (const kr of a.keyResults) {
      if (kr.status !== 'active') continue;
      snapshot.values[kr.id] = kr.metric.current;
      snapshot.scores[kr.id] = keyResultScore(kr);
      if (isStale(kr, a.objective, cycle, now)) snapshot.stale.push(kr.id);
    }
  }
  return snapshot;
};

/**
 * Weekly job: for every active cycle, stores the week's snapshot of each active KR's current value and
 * score (for history charts) and flags the stale ones (no check-in for 7 days). Rerunning in the same
 * ISO week overwrites that week's snapshot. Staleness is also computed at read time from lastCheckIn,
 * so the board, team page and lint never wait for this job. Then it reminds the owners of stale KRs
 * through Jira, once a week each (send-reminders.ts; `wordsFor` gives the email's words).
 * @returns the snapshots written and what the reminders did.
 */
export const runWeeklyJob = async (
  deps: Deps,
  wordsFor: WordsFor,
): Promise<{ snapshots: KeyResultSnapshot[]; reminders: ReminderOutcome }> => {
  const now = deps.clock.now();
  const week = isoWeek(now);
  const cycles = (await deps.store.listCycles()).filter((c) => c.status === 'active');
  const read = await Promise.all(
    cycles.map(async (cycle) => ({ cycle, digests: await deps.store.listDigestsOfCycle(cycle.id) })),
  );
  const snapshots = read.map(({ cycle, digests }) => cycleSnapshot(cycle, digests, week, now));
  await deps.store.putSnapshots(snapshots);
  // After the snapshot is stored, so a Jira failure while reminding never costs the week's history.
  return { snapshots, reminders: await sendReminders(deps, read, wordsFor) };
};
