import { z } from 'zod';
import { CheckInSchema, CycleSchema, InitiativeSchema, KeyResultSchema, ObjectiveSchema, TeamSchema } from './model';
import { BandConfigSchema } from './insights';
import { TrailPointSchema } from './rhythm';
import { KpiReadingSchema, KpiSchema, LeftOutSchema } from './review';
import { IsoDateTimeSchema } from './ids';

/**
 * All app data as one versioned JSON document (data.export / data.import). The format version moves
 * only when the shape changes; import accepts every version it knows and migrates.
 */
export const EXPORT_FORMAT = 'cadence-export';
export const EXPORT_VERSION = 1;

export const DocumentShape = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  settings: z.object({ bands: BandConfigSchema }),
  cycles: z.array(CycleSchema),
  teams: z.array(TeamSchema),
  objectives: z.array(ObjectiveSchema.and(z.object({ createdAt: z.string(), updatedAt: z.string() }))),
  /** trail: the KR's recent values, the forecast's input (optional: documents from before it still import). */
  keyResults: z.array(KeyResultSchema.extend({ trail: z.array(TrailPointSchema).optional() })),
  initiatives: z.array(InitiativeSchema.extend({ linkedAt: z.string(), linkedByAccountId: z.string() })),
  checkIns: z.array(CheckInSchema),
  snapshots: z.array(z.object({ cycleId: z.string(), week: z.string(), values: z.record(z.string(), z.number()) })),
  /** "Not this cycle" items, list by list in the order added (optional: documents from before #14 still import). */
  leftOut: z.array(LeftOutSchema).optional(),
  /** KPIs, each with the reading before its current one (optional, like leftOut: documents from before #14 import). */
  kpis: z.array(KpiSchema.extend({ previous: z.number().optional(), previousAt: IsoDateTimeSchema.optional() })).optional(),
  /** Every KPI's readings, in id order. */
  kpiReadings: z.array(KpiReadingSchema).optional(),
});

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Paths of the fields in `raw` that the schema dropped from `parsed`. The model's schemas strip what
 * they do not know; comparing the document with what parsing kept finds unknown fields at any depth
 * without a strict copy of every nested schema. Iterative: an import can be large.
 */
export const unknownFieldsOf = (raw: unknown, parsed: unknown): (string | number)[][] => {
  const found: (string | number)[][] = [];
  const pending: [unknown, unknown, (string | number)[]][] = [[raw, parsed, []]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [input, output, path] = next;
    if (Array.isArray(input) && Array.isArray(output)) {
      input.forEach((item, i) => pending.push([item, output[i], [...path, i]]));
    } else if (isRecord(input) && isRecord(output)) {
      for (const [key, value] of Object.entries(input)) {
        if (Object.hasOwn(output, key)) pending.push([value, output[key], [...path, key]]);
        else found.push([...path, key]);
      }
    }
  }
  return found.sort((a, b) => a.join('.').localeCompare(b.join('.'), 'en', { numeric: true }));
};

const SHOWN_FIELDS = 10;

/**
 * The document, refusing fields Cadence does not know (issue #10: an import with unknown fields was
 * accepted and they were silently lost). One issue per unknown field at its path; the first names them all.
 */
export const ExportDocumentSchema = z.unknown().transform((raw, ctx) => {
  const parsed = DocumentShape.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  }
  const unknown = unknownFieldsOf(raw, parsed.data);
  if (unknown.length === 0) return parsed.data;
  const names = unknown.map((p) => p.join('.'));
  const listed =
    names.slice(0, SHOWN_FIELDS).join(', ') +
    (names.length > SHOWN_FIELDS ? ` and ${String(names.length - SHOWN_FIELDS)} more` : '');
  unknown.forEach((path, i) => {
    const message =
      i === 0
        ? `is not a field of a Cadence export; the document has ${String(names.length)} unknown field(s): ${listed}`
        : 'is not a field of a Cadence export';
    ctx.addIssue({ code: 'custom', path, message });
  });
  return z.NEVER;
});
export type ExportDocument = z.output<typeof ExportDocumentSchema>;
