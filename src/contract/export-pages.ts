import { z } from 'zod';
import type { ExportDocument } from './export-document';
import { DocumentShape, EXPORT_FORMAT, EXPORT_VERSION, unknownFieldsOf } from './export-document';

/**
 * The export document in parts: data.export answers one page at a time (each far under the 5 MB
 * response limit) and data.import.append takes one part at a time (under the 500 KB invoke limit).
 * The file format stays the whole ExportDocument: mergeExportPages puts the pages back together.
 */

const PartShape = DocumentShape.omit({ format: true, version: true, exportedAt: true }).partial();

/** A part of the document: any of its sections, each possibly a slice; unknown fields refused as in the document. */
export const ExportPartSchema = z.unknown().transform((raw, ctx) => {
  const parsed = PartShape.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  }
  for (const path of unknownFieldsOf(raw, parsed.data))
    ctx.addIssue({ code: 'custom', path, message: 'is not a field of a Cadence export' });
  return parsed.data;
});
export type ExportPart = z.output<typeof PartShape>;

/** One page of data.export: the document's header and a part. */
export const ExportPageSchema = PartShape.extend({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
});
export type ExportPage = z.output<typeof ExportPageSchema>;

/** Where the next page starts (the cursor is its opaque encoding, made by the backend): the generation exported, the export's time, the section and the last id given. */
export const ExportPositionSchema = z
  .object({ g: z.string().min(1), at: z.string(), s: z.enum(['objectives', 'snapshots', 'leftOut', 'kpiReadings']), after: z.string() })
  .strict();
export type ExportPosition = z.output<typeof ExportPositionSchema>;

const SECTIONS = ['cycles', 'teams', 'objectives', 'keyResults', 'initiatives', 'checkIns', 'snapshots'] as const;
export type ExportSection = (typeof SECTIONS)[number];
export const EXPORT_SECTIONS: readonly ExportSection[] = SECTIONS;
/**
 * Sections added with #14, optional in a document and so in a header's counts: an import counts them
 * too when its header gives them (a header written before them does not, and is not held to them).
 */
const OPTIONAL_SECTIONS = ['leftOut', 'kpis', 'kpiReadings'] as const;
export type OptionalExportSection = (typeof OPTIONAL_SECTIONS)[number];
export const COUNTED_SECTIONS: readonly (ExportSection | OptionalExportSection)[] = [...SECTIONS, ...OPTIONAL_SECTIONS];

/** How many records of each section a document (or part) holds. */
export const ExportCountsSchema = z
  .object({
    ...(Object.fromEntries(SECTIONS.map((s) => [s, z.number().int().min(0)])) as Record<ExportSection, z.ZodNumber>),
    ...(Object.fromEntries(OPTIONAL_SECTIONS.map((s) => [s, z.number().int().min(0).optional()])) as Record<
      OptionalExportSection,
      z.ZodOptional<z.ZodNumber>
    >),
  })
  .strict();
export type ExportCounts = Record<ExportSection, number> & Partial<Record<OptionalExportSection, number>>;

/** Counts of every section the part holds (an optional section only when the part has it). */
export const countsOf = (part: ExportPart): ExportCounts => {
  const counts = Object.fromEntries(SECTIONS.map((s) => [s, part[s]?.length ?? 0])) as ExportCounts;
  for (const s of OPTIONAL_SECTIONS) {
    const items = part[s];
    if (items !== undefined) counts[s] = items.length;
  }
  return counts;
};

/** Every record the counts name. */
export const totalCount = (counts: ExportCounts): number => COUNTED_SECTIONS.reduce((n, s) => n + (counts[s] ?? 0), 0);

/** Concatenates data.export's pages, in the order given, into the export document. */
export const mergeExportPages = (pages: readonly ExportPage[]): ExportDocument => {
  const first = pages[0];
  if (first === undefined) throw new Error('no pages to merge');
  const settings = pages.find((p) => p.settings !== undefined)?.settings;
  if (settings === undefined) throw new Error('no page carries the settings (the first page does)');
  const section = <S extends ExportSection>(s: S): NonNullable<ExportPart[S]> =>
    pages.flatMap((p) => (p[s] ?? []) as unknown[]) as NonNullable<ExportPart[S]>;
  return {
    format: first.format,
    version: first.version,
    exportedAt: first.exportedAt,
    settings,
    cycles: section('cycles'),
    teams: section('teams'),
    objectives: section('objectives'),
    keyResults: section('keyResults'),
    initiatives: section('initiatives'),
    checkIns: section('checkIns'),
    snapshots: section('snapshots'),
    // Not counted in ExportCounts (an optional section since #14): present when any page carries it.
    ...(pages.some((p) => p.leftOut !== undefined) ? { leftOut: pages.flatMap((p) => p.leftOut ?? []) } : {}),
    ...(pages.some((p) => p.kpis !== undefined) ? { kpis: pages.flatMap((p) => p.kpis ?? []) } : {}),
    ...(pages.some((p) => p.kpiReadings !== undefined) ? { kpiReadings: pages.flatMap((p) => p.kpiReadings ?? []) } : {}),
  };
};

/** data.import.start's header: what the whole import will hold, checked before the switch. */
export const ImportHeaderSchema = z
  .object({
    format: z.literal(EXPORT_FORMAT),
    version: z.literal(EXPORT_VERSION),
    exportedAt: z.string().optional(),
    counts: ExportCountsSchema,
  })
  .strict();
export type ImportHeader = z.output<typeof ImportHeaderSchema>;

export const ImportStateSchema = z.enum(['staging', 'verifying', 'done', 'failed']);
export type ImportState = z.output<typeof ImportStateSchema>;

/** data.import.status: where a paged import is (written and verified count records of every section). */
export const ImportStatusSchema = z.object({
  importId: z.string(),
  state: ImportStateSchema,
  expected: z.number().int().min(0),
  written: z.number().int().min(0),
  verified: z.number().int().min(0),
  error: z.string().optional(),
});
export type ImportStatus = z.output<typeof ImportStatusSchema>;
