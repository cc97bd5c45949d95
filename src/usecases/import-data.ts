import type { ApiOutput, ApiParsedInput, CheckIn, Cycle, ExportDocument } from '../contract';
import { ExportDocumentSchema } from '../contract';
import { AppError } from './errors';
import { isIdOf } from './ids';
import type { LastCheckIn, ObjectiveAggregate, StoredInitiative } from './model';
import { EMPTY_PROGRESS } from './model';
import type { Ctx } from './shared/context';
import { groupBy } from './shared/lookups';
import { withForecastScore } from './shared/forecasts';
import { requireOkrAdmin } from './shared/permissions';

export interface Issue {
  field: string;
  message: string;
}

export const fail = (issues: Issue[]): AppError => {
  const first = issues[0];
  return new AppError('VALIDATION', first === undefined ? 'data is invalid' : `${first.field} ${first.message}`, first?.field, issues.slice(0, 50));
};

/** Cross-record rules the schema cannot express: unique ids, hierarchical ids, references that resolve. */
const referenceIssues = (doc: ExportDocument): Issue[] => {
  const issues: Issue[] = [];
  const ids = (name: string, items: readonly { id: string }[]): Set<string> => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) issues.push({ field: `data.${name}.${String(i)}.id`, message: `duplicates another ${name} id` });
      seen.add(item.id);
    });
    return seen;
  };
  const cycles = ids('cycles', doc.cycles);
  const teams = ids('teams', doc.teams);
  const objectives = ids('objectives', doc.objectives);
  const krs = ids('keyResults', doc.keyResults);
  ids('initiatives', doc.initiatives);
  ids('checkIns', doc.checkIns);
  const ref = (ok: boolean, field: string, message: string): void => {
    if (!ok) issues.push({ field, message });
  };
  doc.teams.forEach((t, i) => {
    ref(t.parentTeamId === undefined || teams.has(t.parentTeamId), `data.teams.${String(i)}.parentTeamId`, 'names no team of the document');
  });
  doc.objectives.forEach((o, i) => {
    const at = `data.objectives.${String(i)}`;
    ref(isIdOf('objective', o.id), `${at}.id`, 'is not an objective id (12 characters a-z, 0-9)');
    ref(cycles.has(o.cycleId), `${at}.cycleId`, 'names no cycle of the document');
    ref(o.teamId === undefined || teams.has(o.teamId), `${at}.teamId`, 'names no team of the document');
    ref(o.parentObjectiveId === undefined || objectives.has(o.parentObjectiveId), `${at}.parentObjectiveId`, 'names no objective of the document');
  });
  doc.keyResults.forEach((kr, i) => {
    const at = `data.keyResults.${String(i)}`;
    ref(isIdOf('keyResult', kr.id) && kr.id.startsWith(`${kr.objectiveId}-`), `${at}.id`, 'must be "<objectiveId>-k" and 6 characters a-z, 0-9');
    ref(objectives.has(kr.objectiveId), `${at}.objectiveId`, 'names no objective of the document');
  });
  doc.initiatives.forEach((ini, i) => {
    const at = `data.initiatives.${String(i)}`;
    ref(isIdOf('initiative', ini.id) && ini.id.startsWith(`${ini.keyResultId.split('-')[0] ?? ''}-`), `${at}.id`, 'must be "<objectiveId>-i" and 6 characters a-z, 0-9');
    ref(krs.has(ini.keyResultId), `${at}.keyResultId`, 'names no key result of the document');
  });
  doc.checkIns.forEach((c, i) => {
    const at = `data.checkIns.${String(i)}`;
    ref(c.id.startsWith(`${c.keyResultId}-c`), `${at}.id`, 'must start with "<keyResultId>-c"');
    ref(krs.has(c.keyResultId), `${at}.keyResultId`, 'names no key result of the document');
  });
  doc.snapshots.forEach((s, i) => {
    ref(cycles.has(s.cycleId), `data.snapshots.${String(i)}.cycleId`, 'names no cycle of the document');
  });
  ids('leftOut', doc.leftOut ?? []);
  (doc.leftOut ?? []).forEach((item, i) => {
    ref(cycles.has(item.cycleId), `data.leftOut.${String(i)}.cycleId`, 'names no cycle of the document');
    ref(item.teamId === undefined || teams.has(item.teamId), `data.leftOut.${String(i)}.teamId`, 'names no team of the document');
  });
  const kpis = ids('kpis', doc.kpis ?? []);
  (doc.kpis ?? []).forEach((kpi, i) => {
    ref(kpi.teamId === undefined || teams.has(kpi.teamId), `data.kpis.${String(i)}.teamId`, 'names no team of the document');
  });
  ids('kpiReadings', doc.kpiReadings ?? []);
  (doc.kpiReadings ?? []).forEach((r, i) => {
    ref(kpis.has(r.kpiId), `data.kpiReadings.${String(i)}.kpiId`, 'names no KPI of the document');
  });
  doc.objectives.forEach((o, i) => {
    ref(o.kpiId === undefined || kpis.has(o.kpiId), `data.objectives.${String(i)}.kpiId`, 'names no KPI of the document');
  });
  return issues;
};

const latest = (checkIns: readonly CheckIn[]): LastCheckIn | undefined => {
  let best: CheckIn | undefined;
  for (const c of checkIns) if (best === undefined || c.at > best.at || (c.at === best.at && c.id > best.id)) best = c;
  return best === undefined ? undefined : { id: best.id, at: best.at, value: best.value, confidence: best.confidence, authorAccountId: best.authorAccountId };
};

/**
 * The aggregates of a document's objectives. With the document's cycles, each KR's kept forecast score
 * (shared/forecasts.ts) is worked out again from its imported trail, so the board counts disagreements
 * at once; KRs of a paged import's part without their cycle get theirs at their next write.
 */
export const aggregatesOf = (
  doc: Pick<ExportDocument, 'objectives' | 'keyResults' | 'checkIns' | 'initiatives'>,
  cycles: readonly Cycle[] = [],
): ObjectiveAggregate[] => {
  const krsOf = groupBy(doc.keyResults, (kr) => kr.objectiveId);
  const checkInsOf = groupBy(doc.checkIns, (c) => c.keyResultId);
  const initiativesOf = groupBy(doc.initiatives, (i) => i.keyResultId.split('-')[0] ?? '');
  return doc.objectives.map(({ createdAt, updatedAt, ...objective }) => ({
    objective,
    keyResults: (krsOf.get(objective.id) ?? []).map((kr) => {
      const last = latest(checkInsOf.get(kr.id) ?? []);
      const stored = last === undefined ? kr : { ...kr, lastCheckIn: last };
      const cycle = cycles.find((c) => c.id === objective.cycleId);
      return cycle === undefined ? stored : withForecastScore(stored, cycle);
    }),
    // Epic snapshots are Jira's data: blank until the next refresh, shown restricted meanwhile.
    initiatives: (initiativesOf.get(objective.id) ?? []).map(
      (i): StoredInitiative => ({
        ...i,
        epic: { summary: '', statusName: '', statusCategory: 'new', projectId: '', projectKey: '', progress: EMPTY_PROGRESS, missing: false, refreshedAt: '' },
      }),
    ),
    createdAt,
    updatedAt,
    version: 1,
  }));
};

/**
 * data.import: replaces all app data with an export document. The whole document is validated first
 * (schema, unique and hierarchical ids, references) and nothing is written if anything is wrong; then
 * the store is emptied and the document written. Epic progress is read again by the reconcile job.
 * Site admins only (POST /rest/api/3/permissions/check).
 * @throws AppError FORBIDDEN, VALIDATION naming the JSON path (e.g. data.keyResults.3.metric.target).
 */
export const importData = async (ctx: Ctx, input: ApiParsedInput<'data.import'>): Promise<ApiOutput<'data.import'>> => {
  await requireOkrAdmin(ctx, 'import data');
  const parsed = ExportDocumentSchema.safeParse(input.data);
  if (!parsed.success) {
    throw fail(parsed.error.issues.map((i) => ({ field: ['data', ...i.path.map(String)].join('.'), message: i.message })));
  }
  const doc = parsed.data;
  const issues = referenceIssues(doc);
  if (issues.length > 0) throw fail(issues);
  await ctx.store.replaceAll({
    bands: doc.settings.bands,
    cycles: doc.cycles,
    teams: doc.teams,
    objectives: aggregatesOf(doc, doc.cycles),
    checkIns: doc.checkIns,
    snapshots: doc.snapshots,
    leftOut: doc.leftOut ?? [],
    kpis: doc.kpis ?? [],
    kpiReadings: doc.kpiReadings ?? [],
  });
  return {
    imported: {
      cycles: doc.cycles.length,
      teams: doc.teams.length,
      objectives: doc.objectives.length,
      keyResults: doc.keyResults.length,
      initiatives: doc.initiatives.length,
      checkIns: doc.checkIns.length,
      snapshots: doc.snapshots.length,
    },
  };
};
