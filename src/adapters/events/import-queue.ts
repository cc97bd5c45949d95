import { Queue } from '@forge/events';

/** The queue a paged import's verification runs on (manifest.yml consumer `import-consumer`). */
export const IMPORT_QUEUE = 'cadence-import';

export interface ImportStepEvent {
  importId: string;
  /** Index of the next part of the job to verify. */
  part: number;
}

const queue = new Queue({ key: IMPORT_QUEUE });

/** Enqueues one step of an import's verification (a tiny body, far under the 200 KB push limit). */
export const pushImportStep = async (step: ImportStepEvent): Promise<void> => {
  await queue.push({ body: { importId: step.importId, part: step.part } });
};
