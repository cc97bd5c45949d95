import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { AppError } from '../../usecases/errors';
import type { JobName, JobState, JobStateStore } from '../../usecases/ports';
import { rateLimited } from './kvs-io';
import { KEY } from './registry';

/** Scheduled jobs' state in plain KVS keys (get is strongly consistent), one versioned document per job. */

const KEYS: Readonly<Record<JobName, string>> = { 'reconcile-initiatives': KEY.reconcileJobState };

const StoredJobState = z.object({
  schemaVersion: z.literal(1),
  lastRunAt: z.iso.datetime(),
  lastFullRunAt: z.iso.datetime(),
});

export const jobState = (job: JobName): JobStateStore => ({
  async read(): Promise<JobState | undefined> {
    const value = await rateLimited(() => kvs.get<unknown>(KEYS[job]));
    if (value === undefined) return undefined;
    const parsed = StoredJobState.safeParse(value);
    if (!parsed.success)
      throw new AppError('INTERNAL', `stored state of job ${job} is unreadable: ${parsed.error.message}`);
    return { lastRunAt: parsed.data.lastRunAt, lastFullRunAt: parsed.data.lastFullRunAt };
  },
  write: (state) => rateLimited(() => kvs.set(KEYS[job], { schemaVersion: 1, ...state })),
});
