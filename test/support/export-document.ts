import type { ExportDocument, ExportPage } from '../../src/contract';
import { mergeExportPages } from '../../src/contract';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import type { DemoHandle } from './cadence-client';
import { ok } from './cadence-client';

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
