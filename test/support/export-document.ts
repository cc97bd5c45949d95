import type { ExportDocument, ExportPage } from '../../src/contract';
import { mergeExportPages } from '../../src/contract';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import type { DemoHandle } from './cadence-client';
import { newRuntime, ok } from './cadence-client';
import { paymentsSetup } from './scenario';

/** Every page of data.export, in order (each call follows the last answer's cursor). */
export const exportPages = async (runtime: LocalRuntime, as: DemoHandle = 'elena'): Promise<ExportPage[]> => {
  const pages: ExportPage[] = [];
  let cursor: string | undefined;
  do {
    const answer = await ok(runtime, 'data.export', cursor === undefined ? {} : { cursor }, as);
    pages.push(answer.page);
    cursor = answer.nextCursor;
  } while (cursor !== undefined);
  return pages;
};

/** The whole export document, as the pages put back together give it. */
export const exportDocument = async (runtime: LocalRuntime, as: DemoHandle = 'elena'): Promise<ExportDocument> =>
  mergeExportPages(await exportPages(runtime, as));

/** A store with `count` objectives: one built through the API (two KRs, a check-in), cloned with new ids, imported at once. */
export const storeOfClones = async (count: number): Promise<LocalRuntime> => {
  const runtime = newRuntime();
  const { kr1 } = await paymentsSetup(runtime);
  await ok(
    runtime,
    'checkIns.create',
    { keyResultId: kr1.id, value: 3, confidence: 'on_track', note: 'Going well' },
    'daniel',
  );
  const doc = await exportDocument(runtime);
  const template = doc.objectives[0];
  if (template === undefined) throw new Error('no objective');
  const related = JSON.stringify({ objective: template, keyResults: doc.keyResults, checkIns: doc.checkIns });
  const clones = Array.from({ length: count }, (_, n) => {
    const id = `${template.id.slice(0, 8)}${n.toString(36).padStart(4, '0')}`;
    return JSON.parse(related.split(template.id).join(id)) as Pick<ExportDocument, 'keyResults' | 'checkIns'> & {
      objective: ExportDocument['objectives'][number];
    };
  });
  const big: ExportDocument = {
    ...doc,
    objectives: clones.map((c) => c.objective),
    keyResults: clones.flatMap((c) => c.keyResults),
    initiatives: [],
    checkIns: clones.flatMap((c) => c.checkIns),
  };
  await ok(runtime, 'data.import', { data: big }, 'elena');
  runtime.kvs.settle();
  return runtime;
};
