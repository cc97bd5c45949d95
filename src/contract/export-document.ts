import { z } from 'zod';
import { CheckInSchema, CycleSchema, InitiativeSchema, KeyResultSchema, ObjectiveSchema, TeamSchema } from './model';
import { BandConfigSchema } from './insights';

/**
 * All app data as one versioned JSON document (data.export / data.import). The format version moves
 * only when the shape changes; import accepts every version it knows and migrates.
 */
export const EXPORT_FORMAT = 'cadence-export';
export const EXPORT_VERSION = 1;

export const ExportDocumentSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.string(),
  settings: z.object({ bands: BandConfigSchema }),
  cycles: z.array(CycleSchema),
  teams: z.array(TeamSchema),
  objectives: z.array(ObjectiveSchema.and(z.object({ createdAt: z.string(), updatedAt: z.string() }))),
  keyResults: z.array(KeyResultSchema),
  initiatives: z.array(InitiativeSchema.extend({ linkedAt: z.string(), linkedByAccountId: z.string() })),
  checkIns: z.array(CheckInSchema),
  snapshots: z.array(z.object({ cycleId: z.string(), week: z.string(), values: z.record(z.string(), z.number()) })),
});
export type ExportDocument = z.infer<typeof ExportDocumentSchema>;
