import type { ExportCounts, ExportDocument, ExportPart, ImportHeader } from '../../../../src/contract';
import { countsOf, totalCount } from '../../../../src/contract/export-pages';

/**
 * A part's size in JSON characters. data.import.append takes one part per invoke, and an invoke's
 * payload may be at most 500 KB (docs: platform/forge/platform-quotas-and-limits, "Invocation limits"):
 * parts stay under a third of that so multi-byte text and the envelope never push one over.
 */
export const PART_BUDGET = 160_000;

const sizeOf = (value: unknown): number => JSON.stringify(value).length;

/** How many records in all (the contract's count, optional sections included). */
export const totalOf = (counts: ExportCounts): number => totalCount(counts);

export const headerOf = (doc: ExportDocument): ImportHeader => ({
  format: doc.format,
  version: doc.version,
  exportedAt: doc.exportedAt,
  counts: countsOf(doc),
});

/**
 * The document in parts for data.import.append, in the shape its rules want (src/usecases/import-paged.ts):
 * the settings, cycles and teams first; then objectives, each with its KRs and their initiatives and
 * check-ins in the same part (a KR travels with its objective); then the weekly snapshots. Each part
 * is filled up to `budget` characters; a single objective larger than that goes alone.
 */
export const splitIntoParts = (doc: ExportDocument, budget = PART_BUDGET): ExportPart[] => {
  const parts: ExportPart[] = [{ settings: doc.settings, cycles: doc.cycles, teams: doc.teams }];
  const krsOf = new Map<string, ExportDocument['keyResults']>();
  for (const kr of doc.keyResults) krsOf.set(kr.objectiveId, [...(krsOf.get(kr.objectiveId) ?? []), kr]);
  const initiativesOf = new Map<string, ExportDocument['initiatives']>();
  for (const i of doc.initiatives) initiativesOf.set(i.keyResultId, [...(initiativesOf.get(i.keyResultId) ?? []), i]);
  const checkInsOf = new Map<string, ExportDocument['checkIns']>();
  for (const c of doc.checkIns) checkInsOf.set(c.keyResultId, [...(checkInsOf.get(c.keyResultId) ?? []), c]);

  let current: Required<Pick<ExportPart, 'objectives' | 'keyResults' | 'initiatives' | 'checkIns'>> | undefined;
  let size = 0;
  const flush = (): void => {
    if (current !== undefined) parts.push(current);
    current = undefined;
    size = 0;
  };
  for (const objective of doc.objectives) {
    const keyResults = krsOf.get(objective.id) ?? [];
    const initiatives = keyResults.flatMap((kr) => initiativesOf.get(kr.id) ?? []);
    const checkIns = keyResults.flatMap((kr) => checkInsOf.get(kr.id) ?? []);
    const groupSize = sizeOf([objective, keyResults, initiatives, checkIns]);
    if (current !== undefined && size + groupSize > budget) flush();
    current ??= { objectives: [], keyResults: [], initiatives: [], checkIns: [] };
    current.objectives.push(objective);
    current.keyResults.push(...keyResults);
    current.initiatives.push(...initiatives);
    current.checkIns.push(...checkIns);
    size += groupSize;
  }
  flush();

  let snapshots: ExportDocument['snapshots'] = [];
  for (const snapshot of doc.snapshots) {
    const s = sizeOf(snapshot);
    if (snapshots.length > 0 && size + s > budget) {
      parts.push({ snapshots });
      snapshots = [];
      size = 0;
    }
    snapshots.push(snapshot);
    size += s;
  }
  if (snapshots.length > 0) parts.push({ snapshots });
  return parts;
};

/** The file name an export downloads as: cadence-export-2026-05-04.json (the export's UTC day). */
export const exportFileName = (exportedAt: string): string => `cadence-export-${exportedAt.slice(0, 10)}.json`;
