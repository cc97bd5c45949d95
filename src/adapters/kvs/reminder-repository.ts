import { kvs } from '@forge/kvs';
import type { ReminderLog } from '../../usecases/ports';
import { isConditionFailure, rateLimited } from './kvs-io';
import { reminderKey } from './registry';

/**
 * The weekly reminders' log in plain KVS keys, one per owner and ISO week. The claim is a FAIL_IF_EXISTS
 * write (docs: storage-reference/kvs-api, `keyPolicy`), so two runs of the job at once cannot both send;
 * records expire after 60 days (KVS TTL, at most a year) since only the current week is ever read.
 */

const TTL = { value: 60, unit: 'DAYS' } as const;

export const reminderLog = (week: string): ReminderLog => ({
  async claim(accountId, at) {
    try {
      await rateLimited(() =>
        kvs.set(
          reminderKey(week, accountId),
          { schemaVersion: 1, state: 'sending', at },
          { ttl: TTL, keyPolicy: 'FAIL_IF_EXISTS' },
        ),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  },
  markSent: (accountId, issueKey, at) =>
    rateLimited(() =>
      kvs.set(reminderKey(week, accountId), { schemaVersion: 1, state: 'sent', at, issueKey }, { ttl: TTL }),
    ),
  release: (accountId) => rateLimited(() => kvs.delete(reminderKey(week, accountId))),
});
