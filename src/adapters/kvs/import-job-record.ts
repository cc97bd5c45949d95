import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { ExportCountsSchema, ImportStateSchema } from '../../contract';
import type { ImportJob } from '../../usecases/ports';
import type { Attributes } from './codecs';
import { isConditionFailure, rateLimited, versionIs } from './kvs-io';
import { at, ENTITY, spaceOf } from './registry';

/**
 * A paged import's job document. It lives in the import's own staging generation (catalog entity, key
 * `gen.<id>.import-job`), so cleaning the generation up removes it; before that, cleanup copies its
 * final state to a plain key with a TTL (`import-ended:<id>`), so data.import.status still answers
 * "failed" (with why) for a while instead of "no such import". Shared by import-jobs.ts and the
 * cleanup in data-repository.ts.
 */

const JOB_KEY = 'import-job';

/** How long a cleaned-up import's final state stays readable (KVS TTL, at most a year: docs:storage-reference/kvs-api). */
const ENDED_TTL_DAYS = 30;

export const JobSchema = z.object({
  importId: z.string(),
  state: ImportStateSchema,
  createdBy: z.string(),
  createdAt: z.string(),
  requestId: z.string(),
  expected: ExportCountsSchema,
  written: ExportCountsSchema,
  parts: z.array(z.object({ requestId: z.string(), objectiveIds: z.array(z.string()) })),
  /** Verify events done (each one page of the staged objectives, see import-jobs.ts stepsOf). */
  verifiedSteps: z.number().int(),
  verified: z.number().int(),
  /** The generation document's version once this import claimed it: the switch is conditional on it. */
  generationVersion: z.number().int(),
  error: z.string().optional(),
});
export type StoredJob = z.output<typeof JobSchema>;
const JobRecord = z.object({ version: z.number().int(), data: JobSchema });
const EndedRecord = z.object({ data: JobSchema });

const jobKey = (importId: string): string => at(spaceOf(importId), JOB_KEY);
const endedKey = (importId: string): string => `import-ended:${importId}`;

export const toJob = (job: StoredJob): ImportJob => ({
  importId: job.importId,
  state: job.state,
  createdBy: job.createdBy,
  expected: job.expected,
  written: job.written,
  verified: job.verified,
  ...(job.error === undefined ? {} : { error: job.error }),
});

export const readJob = async (importId: string): Promise<{ job: StoredJob; version: number } | undefined> => {
  const value = await rateLimited(() => kvs.entity<Attributes>(ENTITY.catalog).get(jobKey(importId)));
  if (value === undefined) return undefined;
  const record = JobRecord.parse(value);
  return { job: record.data, version: record.version };
};

/** The final state of an import whose generation was cleaned up (undefined once its TTL is over). */
export const readEndedJob = async (importId: string): Promise<StoredJob | undefined> => {
  const value = await rateLimited(() => kvs.get<unknown>(endedKey(importId)));
  return value === undefined ? undefined : EndedRecord.parse(value).data;
};

export const jobWrite = (job: StoredJob, version: number) => ({
  key: jobKey(job.importId),
  value: { version: version + 1, data: job } as Attributes,
  options: { entityName: ENTITY.catalog, conditions: versionIs(version) },
});

/** @returns false when the job changed since `version` was read. */
export const writeJob = async (job: StoredJob, version: number): Promise<boolean> => {
  const w = jobWrite(job, version);
  try {
    await rateLimited(() => kvs.transact().set(w.key, w.value, w.options).execute());
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
};

/** An import older than this is abandoned; why 24 h: see expireAbandonedImport. */
export const ABANDONED_AFTER_MS = 24 * 3_600_000;

/**
 * Before a staging generation is deleted: its job's final state is kept under a plain key with a TTL,
 * so data.import.status keeps answering. A job still `staging` or `verifying` is recorded failed with
 * `why` (it can no longer finish: its records are about to go).
 */
export const archiveJob = async (importId: string, why: string): Promise<void> => {
  const found = await readJob(importId);
  if (found === undefined) return;
  const { job } = found;
  const ended: StoredJob = job.state === 'staging' || job.state === 'verifying' ? { ...job, state: 'failed', error: why } : job;
  await rateLimited(() => kvs.set(endedKey(importId), { data: ended }, { ttl: { value: ENDED_TTL_DAYS, unit: 'DAYS' } }));
};

/**
 * A staging import started more than ABANDONED_AFTER_MS before `now` is given up: its job is marked
 * failed (conditionally, so an append racing it loses with CONFLICT) and the caller retires its
 * generation. 24 h because an append is one resolver call (at most 25 s) and a verify event at most
 * 55 s, with Forge's retries of an event spread over minutes (delayInSeconds ≤ 900): a day after the
 * import started, no append or event of it can still be in flight, and even a slow upload of a large
 * export (thousands of appends) has long finished. The daily reconcile runs the cleanup, so an
 * abandoned import is gone within 48 h.
 * @returns whether the import is now failed (true) or still live (an append moved it on meanwhile).
 */
export const expireAbandonedImport = async (importId: string): Promise<boolean> => {
  const found = await readJob(importId);
  if (found === undefined || found.job.state === 'failed' || found.job.state === 'done') return true;
  return writeJob(
    {
      ...found.job,
      state: 'failed',
      error: 'expired: the import was not finished within 24 hours of its start, so its staged data was removed; your data is as it was. Start the import again.',
    },
    found.version,
  );
};
