import type { ApiOutput, ApiParsedInput, ExportPart, ImportStatus } from '../contract';
import { countsOf, ExportPartSchema, ImportHeaderSchema, totalCount } from '../contract';
import { AppError } from './errors';
import { isIdOf } from './ids';
import type { Issue } from './import-data';
import { aggregatesOf, fail } from './import-data';
import type { Deps, ImportJob } from './ports';
import type { Ctx } from './shared/context';
import { requireOkrAdmin } from './shared/permissions';

/**
 * A paged import, for documents larger than one invoke (500 KB): data.import.start claims a staging
 * generation, data.import.append writes one part at a time into it (each a slice of the export
 * document, as data.export's pages are), data.import.finish hands it to async events that read it back
 * page by page and switch it on, data.import.status reports progress. The live data stays whole
 * throughout: nothing is visible before the switch, and any failure leaves it as it was.
 */

const statusOf = (job: ImportJob): ImportStatus => {
  return {
    importId: job.importId,
    state: job.state,
    expected: totalCount(job.expected),
    written: totalCount(job.written),
    verified: job.verified,
    ...(job.error === undefined ? {} : { error: job.error }),
  };
};

const issuesOf = (error: { issues: { path: PropertyKey[]; message: string }[] }, root: string): Issue[] =>
  error.issues.map((i) => ({ field: [root, ...i.path.map(String)].join('.'), message: i.message }));

/**
 * Rules a part must keep on its own: unique ids, hierarchical ids, and every KR, initiative and check-in
 * of the part belongs to an objective (or KR) of the same part, as data.export's pages give them.
 * References between parts (an objective's cycle, team and parent) are checked before the switch.
 */
const partIssues = (part: ExportPart): Issue[] => {
  const issues: Issue[] = [];
  const ids = (name: string, items: readonly { id: string }[] | undefined): Set<string> => {
    const seen = new Set<string>();
    (items ?? []).forEach((item, i) => {
      if (seen.has(item.id))
        issues.push({ field: `part.${name}.${String(i)}.id`, message: `duplicates another ${name} id` });
      seen.add(item.id);
    });
    return seen;
  };
  ids('cycles', part.cycles);
  ids('teams', part.teams);
  const objectives = ids('objectives', part.objectives);
  const krs = ids('keyResults', part.keyResults);
  ids('initiatives', part.initiatives);
  ids('checkIns', part.checkIns);
  ids('leftOut', part.leftOut);
  ids('kpis', part.kpis);
  ids('kpiReadings', part.kpiReadings);
  const ref = (ok: boolean, field: string, message: string): void => {
    if (!ok) issues.push({ field, message });
  };
  (part.objectives ?? []).forEach((o, i) => {
    ref(
      isIdOf('objective', o.id),
      `part.objectives.${String(i)}.id`,
      'is not an objective id (12 characters a-z, 0-9)',
    );
  });
  (part.keyResults ?? []).forEach((kr, i) => {
    const at = `part.keyResults.${String(i)}`;
    ref(
      isIdOf('keyResult', kr.id) && kr.id.startsWith(`${kr.objectiveId}-`),
      `${at}.id`,
      'must be "<objectiveId>-k" and 6 characters a-z, 0-9',
    );
    ref(
      objectives.has(kr.objectiveId),
      `${at}.objectiveId`,
      'names no objective of this part (a KR travels with its objective)',
    );
  });
  (part.initiatives ?? []).forEach((ini, i) => {
    const at = `part.initiatives.${String(i)}`;
    ref(
      isIdOf('initiative', ini.id) && ini.id.startsWith(`${ini.keyResultId.split('-')[0] ?? ''}-`),
      `${at}.id`,
      'must be "<objectiveId>-i" and 6 characters a-z, 0-9',
    );
    ref(krs.has(ini.keyResultId), `${at}.keyResultId`, 'names no key result of this part');
  });
  (part.checkIns ?? []).forEach((c, i) => {
    const at = `part.checkIns.${String(i)}`;
    ref(c.id.startsWith(`${c.keyResultId}-c`), `${at}.id`, 'must start with "<keyResultId>-c"');
    ref(krs.has(c.keyResultId), `${at}.keyResultId`, 'names no key result of this part');
  });
  return issues;
};

/**
 * data.import.start: checks the header (format version, how many records of each kind will come) and
 * opens an import; a repeat with the same request id answers the same import. Site admins only.
 * @throws AppError FORBIDDEN, VALIDATION (header), CONFLICT (another import started at that moment).
 */
export const startPagedImport = async (
  ctx: Ctx,
  input: ApiParsedInput<'data.import.start'>,
): Promise<ApiOutput<'data.import.start'>> => {
  await requireOkrAdmin(ctx, 'import data');
  const header = ImportHeaderSchema.safeParse(input.header);
  if (!header.success) throw fail(issuesOf(header.error, 'header'));
  // The id derives from the request: a retried start finds the import its first attempt opened.
  const importId = ctx.ids.derive(`import:${ctx.actor.accountId}:${input.requestId}`, 16);
  const job = await ctx.store.startImport({
    importId,
    requestId: input.requestId,
    expected: header.data.counts,
    createdBy: ctx.actor.accountId,
    now: ctx.clock.now().toISOString(),
  });
  return { importId: job.importId };
};

const jobOf = async (ctx: Ctx, importId: string): Promise<ImportJob> => {
  const job = await ctx.store.getImportJob(importId);
  if (job === undefined)
    throw new AppError(
      'NOT_FOUND',
      'No import with this id (a failed import is cleaned up after a while).',
      'importId',
    );
  return job;
};

/**
 * data.import.append: validates one part and writes it into the import's staging generation. A repeat
 * with the same request id writes nothing and answers the progress. A part that cannot be written fails
 * the whole import (start again): the live data is untouched. Site admins only.
 * @throws AppError FORBIDDEN, NOT_FOUND, VALIDATION (the part; the import goes on), CONFLICT (not staging),
 * UNAVAILABLE (storage failed: the import failed, nothing changed).
 */
export const appendImportPart = async (
  ctx: Ctx,
  input: ApiParsedInput<'data.import.append'>,
): Promise<ApiOutput<'data.import.append'>> => {
  await requireOkrAdmin(ctx, 'import data');
  const parsed = ExportPartSchema.safeParse(input.part);
  if (!parsed.success) throw fail(issuesOf(parsed.error, 'part'));
  const part = parsed.data;
  const issues = partIssues(part);
  if (issues.length > 0) throw fail(issues);
  await jobOf(ctx, input.importId);
  const data = {
    ...(part.settings === undefined ? {} : { bands: part.settings.bands }),
    cycles: part.cycles ?? [],
    teams: part.teams ?? [],
    objectives: aggregatesOf(
      {
        objectives: part.objectives ?? [],
        keyResults: part.keyResults ?? [],
        checkIns: part.checkIns ?? [],
        initiatives: part.initiatives ?? [],
      },
      part.cycles ?? [],
    ),
    checkIns: part.checkIns ?? [],
    snapshots: part.snapshots ?? [],
    leftOut: part.leftOut ?? [],
    kpis: part.kpis ?? [],
    kpiReadings: part.kpiReadings ?? [],
    counts: countsOf(part),
  };
  try {
    return statusOf(await ctx.store.appendImportPart(input.importId, input.requestId, data));
  } catch (error) {
    if (error instanceof AppError) throw error;
    console.error('import part failed', error);
    await ctx.store
      .abandonImport(input.importId, 'a part could not be stored; start the import again (your data is as it was)')
      .catch(() => undefined);
    throw new AppError(
      'UNAVAILABLE',
      'This part could not be stored, so the import stopped. Nothing was changed: your data is as it was. Start the import again.',
    );
  }
};

/**
 * data.import.finish: no more parts; the import is verified and switched on in the background (async
 * events), data.import.status reports how far it got. Site admins only.
 * @throws AppError FORBIDDEN, NOT_FOUND, UNAVAILABLE (could not hand over: finish again).
 */
export const finishPagedImport = async (
  ctx: Ctx,
  input: ApiParsedInput<'data.import.finish'>,
): Promise<ApiOutput<'data.import.finish'>> => {
  await requireOkrAdmin(ctx, 'import data');
  await jobOf(ctx, input.importId);
  return statusOf(await ctx.store.finishImport(input.importId));
};

/** data.import.status: the import's state and counts. Site admins only. @throws AppError FORBIDDEN, NOT_FOUND. */
export const getImportStatus = async (
  ctx: Ctx,
  input: ApiParsedInput<'data.import.status'>,
): Promise<ApiOutput<'data.import.status'>> => {
  await requireOkrAdmin(ctx, 'import data');
  return statusOf(await jobOf(ctx, input.importId));
};

/**
 * One async event of a finishing import (the consumer function): no user, no resolver, no answer.
 * @returns whether the event should be delivered again (a storage fault; the step is safe to repeat).
 */
export const runImportStep = async (
  deps: Deps,
  importId: string,
  step: number,
  retryCount: number,
): Promise<{ retry: boolean }> => ({ retry: (await deps.store.runImportStep(importId, step, retryCount)).retry });
