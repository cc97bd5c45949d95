import { z } from 'zod';
import type { Space } from './registry';
import { at, unprefixed } from './registry';
import {
  AdminGroupSchema,
  BandConfigSchema,
  DEFAULT_BANDS,
  PaceThresholdsSchema,
  CheckInSchema,
  CycleSchema,
  EpicProgressSchema,
  InitiativeSchema,
  IsoDateTimeSchema,
  KeyResultSchema,
  KpiReadingSchema,
  KpiSchema,
  LastCheckInSchema,
  LeftOutSchema,
  ObjectiveSchema,
  TeamSchema,
  TrailPointSchema,
} from '../../contract';
import type { CheckIn, Cycle, KpiReading, LeftOut, Settings, Team } from '../../contract';
import { DEFAULT_STATUS_THRESHOLDS } from '../../domain/status';
import type { InitiativeLink, KeyResultSnapshot, ObjectiveAggregate, ObjectiveDigest } from '../../usecases/model';
import type { StoredKpi } from '../../usecases/ports';

/**
 * Versioned codecs: what each entity stores and how a stored value is parsed back. A value's payload
 * sits in `data` with a schemaVersion, so a later release can read old payloads and migrate them on
 * read. Only declared attributes are stored, and never an undefined one.
 */

export type Attributes = Record<string, unknown>;

/** Drops undefined properties: Forge rejects attributes that are present but empty. */
export const compact = (value: Attributes): Attributes =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

export class CorruptRecord extends Error {
  override readonly name = 'CorruptRecord';
}

const parse = <T>(schema: z.ZodType<T>, value: unknown, what: string): T => {
  const result = schema.safeParse(value);
  if (!result.success) {
    const detail = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new CorruptRecord(`stored ${what} does not match its schema: ${detail}`);
  }
  return result.data;
};

const versioned = <T extends z.ZodType>(payload: T) => z.object({ data: payload });

// cycle
const CycleDataV1 = z.object({ schemaVersion: z.literal(1), cycle: CycleSchema });
export const encodeCycle = (cycle: Cycle): Attributes => ({
  status: cycle.status,
  startDate: cycle.startDate,
  data: { schemaVersion: 1, cycle },
});
export const decodeCycle = (value: unknown): Cycle => parse(versioned(CycleDataV1), value, 'cycle').data.cycle;

// team
const TeamDataV1 = z.object({ schemaVersion: z.literal(1), team: TeamSchema });
export const encodeTeam = (team: Team): Attributes =>
  compact({ name: team.name, parentTeamId: team.parentTeamId, data: { schemaVersion: 1, team } });
export const decodeTeam = (value: unknown): Team => parse(versioned(TeamDataV1), value, 'team').data.team;

// catalog documents (cycles, teams): each item parsed on its own, so one corrupt item is skipped, not fatal
export interface Catalog<T> {
  items: T[];
  /** 0 when the document does not exist yet. */
  version: number;
  /** Ids (or positions) of stored items that failed their schema. */
  corrupt: string[];
  /** Client requests whose changes the document holds (usecases/shared/applied-requests.ts). */
  requests: string[];
}
const CatalogRecord = z.object({
  version: z.number().int(),
  data: z.object({ schemaVersion: z.literal(1), items: z.array(z.unknown()), requests: z.array(z.string()).optional() }),
});
export const encodeCatalog = (items: readonly unknown[], version: number, requests: readonly string[] = []): Attributes => ({
  version,
  data: { schemaVersion: 1, items, ...(requests.length === 0 ? {} : { requests }) },
});
const decodeCatalog = <T>(schema: z.ZodType<T>, value: unknown, what: string): Catalog<T> => {
  const record = parse(CatalogRecord, value, what);
  const items: T[] = [];
  const corrupt: string[] = [];
  record.data.items.forEach((raw, i) => {
    const item = schema.safeParse(raw);
    if (item.success) items.push(item.data);
    else corrupt.push(z.object({ id: z.string() }).safeParse(raw).data?.id ?? `#${String(i)}`);
  });
  return { items, version: record.version, corrupt, requests: record.data.requests ?? [] };
};
export const decodeCycleCatalog = (value: unknown): Catalog<Cycle> => decodeCatalog(CycleSchema, value, 'cycle catalog');
export const decodeTeamCatalog = (value: unknown): Catalog<Team> => decodeCatalog(TeamSchema, value, 'team catalog');
/** A "not this cycle" list (left-out-repository.ts): a catalog document of its items, in the order added. */
export const decodeLeftOutCatalog = (value: unknown): Catalog<LeftOut> => decodeCatalog(LeftOutSchema, value, 'not-this-cycle list');

// settings (plain KVS key 'settings:bands', its name from when it held only the bands)
const StoredRequests = z.array(z.string()).optional();
/** Release 1: the score bands alone. Read as version 2 with the default pace and no admin group. */
const SettingsV1 = z.object({ schemaVersion: z.literal(1), bands: BandConfigSchema, requests: StoredRequests });
/** Release 2 (issue #12): bands, pace thresholds and the optional OKR admin group. */
const SettingsV2 = z.object({
  schemaVersion: z.literal(2),
  bands: BandConfigSchema,
  pace: PaceThresholdsSchema,
  adminGroup: AdminGroupSchema.optional(),
  requests: StoredRequests,
});
const StoredSettings = z.discriminatedUnion('schemaVersion', [SettingsV1, SettingsV2]);
export const encodeSettings = (settings: Settings, requests: readonly string[] = []): Attributes =>
  compact({
    schemaVersion: 2,
    bands: settings.bands,
    pace: settings.pace,
    adminGroup: settings.adminGroup,
    ...(requests.length === 0 ? {} : { requests }),
  });
export const decodeSettings = (value: unknown): { settings: Settings; requests: string[] } => {
  const record = parse(StoredSettings, value, 'settings');
  const pace = record.schemaVersion === 1 ? { ...DEFAULT_STATUS_THRESHOLDS } : record.pace;
  const adminGroup = record.schemaVersion === 1 ? undefined : record.adminGroup;
  return {
    settings: { bands: record.bands, pace, ...(adminGroup === undefined ? {} : { adminGroup }) },
    requests: record.requests ?? [],
  };
};
/** The settings of a new installation: default bands and pace, no admin group. */
export const DEFAULT_SETTINGS: Settings = { bands: DEFAULT_BANDS, pace: { ...DEFAULT_STATUS_THRESHOLDS } };

// objective aggregate
const EpicSnapshotSchema = z.object({
  summary: z.string(),
  statusName: z.string(),
  statusCategory: z.enum(['new', 'indeterminate', 'done']),
  projectId: z.string(),
  projectKey: z.string(),
  progress: EpicProgressSchema,
  missing: z.boolean(),
  refreshedAt: z.string(),
});
/**
 * A stored KR: trail and forecastScore (issue #13) are optional, so records written before them parse
 * as they are (no migration: a KR without a trail reads its latest check-in as its trail).
 */
const StoredKeyResultSchema = KeyResultSchema.extend({
  lastCheckIn: LastCheckInSchema.optional(),
  trail: z.array(TrailPointSchema).optional(),
  forecastScore: z.number().min(0).max(1).optional(),
});
/** A digest's KR: its trail's trend instead of the trail (usecases/model.ts digestKeyResultOf). */
const DigestKeyResultSchema = StoredKeyResultSchema.extend({
  trend: z.object({ perDay: z.number(), weeks: z.number().int().min(1) }).nullable().optional(),
});
const ObjectiveDataV1 = z.object({
  schemaVersion: z.literal(1),
  objective: ObjectiveSchema,
  keyResults: z.array(StoredKeyResultSchema),
  initiatives: z.array(
    InitiativeSchema.extend({ linkedAt: z.string(), linkedByAccountId: z.string(), epic: EpicSnapshotSchema }),
  ),
  createdAt: z.string(),
  /** Client requests applied (usecases/shared/applied-requests.ts); absent in records written before. */
  requests: z.array(z.string()).optional(),
});
const ObjectiveRecord = z.object({ version: z.number().int(), updatedAt: z.string(), data: ObjectiveDataV1 });

export const encodeObjective = (aggregate: ObjectiveAggregate, version: number): Attributes => {
  const o = aggregate.objective;
  return compact({
    cycleId: o.cycleId,
    updatedAt: aggregate.updatedAt,
    version,
    data: {
      schemaVersion: 1,
      objective: o,
      keyResults: aggregate.keyResults,
      initiatives: aggregate.initiatives,
      createdAt: aggregate.createdAt,
      ...(aggregate.appliedRequests === undefined ? {} : { requests: aggregate.appliedRequests }),
    },
  });
};

export const decodeObjective = (value: unknown): ObjectiveAggregate => {
  const record = parse(ObjectiveRecord, value, 'objective');
  const { objective, keyResults, initiatives, createdAt, requests } = record.data;
  return {
    objective,
    keyResults,
    initiatives,
    createdAt,
    updatedAt: record.updatedAt,
    version: record.version,
    ...(requests === undefined ? {} : { appliedRequests: requests }),
  };
};

// board shard: digests of a cycle's objectives, deflated (see board-repository.ts)
const BoardShardRecord = z.object({ version: z.number().int(), data: z.object({ schemaVersion: z.literal(1), packed: z.string() }) });
export const decodeBoardShardRecord = (value: unknown): z.infer<typeof BoardShardRecord> => parse(BoardShardRecord, value, 'board shard');
const DigestV1 = z.object({
  objective: ObjectiveSchema,
  keyResults: z.array(DigestKeyResultSchema),
  initiativeCounts: z.record(z.string(), z.number().int()),
  updatedAt: z.string(),
});
/** Digests of one shard; one that fails its schema is skipped and reported, never fatal to the board. */
export const decodeDigests = (value: unknown, key: string): ObjectiveDigest[] => {
  const list = parse(z.array(z.unknown()), value, `board shard ${key}`);
  const digests: ObjectiveDigest[] = [];
  let corrupt = 0;
  for (const raw of list) {
    const digest = DigestV1.safeParse(raw);
    if (digest.success) digests.push(digest.data);
    else corrupt += 1;
  }
  if (corrupt > 0) console.warn(`board shard ${key}: ${String(corrupt)} corrupt digest(s) skipped`);
  return digests;
};

// check-in (append-only)
const CheckInDataV1 = z.object({
  schemaVersion: z.literal(1),
  value: z.number(),
  confidence: CheckInSchema.shape.confidence,
  note: z.string().optional(),
  blockers: z.string().optional(),
  // Added with drafted check-ins (issue #13): absent from older rows.
  epicStatuses: CheckInSchema.shape.epicStatuses,
});
const CheckInRecord = z.object({
  keyResultId: z.string(),
  authorAccountId: z.string(),
  at: z.string(),
  data: CheckInDataV1,
});
export const encodeCheckIn = (checkIn: CheckIn, objectiveId: string, cycleId: string, space: Space): Attributes => ({
  keyResultId: at(space, checkIn.keyResultId),
  objectiveId: at(space, objectiveId),
  cycleId: at(space, cycleId),
  authorAccountId: at(space, checkIn.authorAccountId),
  at: checkIn.at,
  data: compact({
    schemaVersion: 1,
    value: checkIn.value,
    confidence: checkIn.confidence,
    note: checkIn.note,
    blockers: checkIn.blockers,
    epicStatuses: checkIn.epicStatuses,
  }),
});
export const decodeCheckIn = (key: string, value: unknown, space: Space): CheckIn => {
  const r = parse(CheckInRecord, value, 'check-in');
  const { value: v, confidence, note, blockers, epicStatuses } = r.data;
  const checkIn = {
    id: unprefixed(space, key),
    keyResultId: unprefixed(space, r.keyResultId),
    authorAccountId: unprefixed(space, r.authorAccountId),
    at: r.at,
    value: v,
    confidence,
  };
  return parse(CheckInSchema, compact({ ...checkIn, note, blockers, epicStatuses }), 'check-in');
};

// issue lookup documents: the links of one Jira issue (no index, so ids are stored as the app knows them)
const IssueLinksRecord = z.object({
  version: z.number().int(),
  data: z.object({
    schemaVersion: z.literal(1),
    links: z.array(z.object({ initiativeId: z.string(), issueId: z.string(), keyResultId: z.string(), objectiveId: z.string(), cycleId: z.string(), linkedAt: z.string() })),
  }),
});
export const encodeIssueLinks = (links: readonly InitiativeLink[], version: number): Attributes => ({ version, data: { schemaVersion: 1, links } });
export const decodeIssueLinks = (value: unknown): { version: number; links: InitiativeLink[] } => {
  const record = parse(IssueLinksRecord, value, 'issue links');
  return { version: record.version, links: record.data.links };
};

// weekly KR snapshots
const SnapshotDataV1 = z.object({
  schemaVersion: z.literal(1),
  values: z.record(z.string(), z.number()),
  scores: z.record(z.string(), z.number()),
  stale: z.array(z.string()),
  takenAt: z.iso.datetime().optional(),
});
const SnapshotRecord = z.object({ cycleId: z.string(), week: z.string(), shard: z.number().int(), data: SnapshotDataV1 });
export const encodeSnapshot = (s: KeyResultSnapshot, shard: number, space: Space): Attributes => ({
  cycleId: at(space, s.cycleId),
  week: s.week,
  shard,
  data: { schemaVersion: 1, values: s.values, scores: s.scores, stale: s.stale, ...(s.takenAt === undefined ? {} : { takenAt: s.takenAt }) },
});
export const decodeSnapshot = (value: unknown, space: Space): KeyResultSnapshot => {
  const r = parse(SnapshotRecord, value, 'KR snapshot');
  return {
    cycleId: unprefixed(space, r.cycleId),
    week: r.week,
    values: r.data.values,
    scores: r.data.scores,
    stale: r.data.stale,
    ...(r.data.takenAt === undefined ? {} : { takenAt: r.data.takenAt }),
  };
};

// the generation document (catalog entity, key 'generation'): which space is live, one being staged, old ones to delete
export const GenerationSchema = z.object({
  active: z.string(),
  staging: z.object({ generation: z.string(), startedAt: z.string() }).optional(),
  /** Generations no longer live whose records may remain, and since when: deleted once nothing can still read them. */
  retired: z.array(z.object({ generation: z.string(), at: z.string() })),
});
export type Generation = z.infer<typeof GenerationSchema>;
const GenerationRecord = z.object({ version: z.number().int(), active: z.string(), data: z.object({ schemaVersion: z.literal(1), generation: GenerationSchema }) });
export const encodeGeneration = (generation: Generation, version: number): Attributes => ({
  version,
  active: generation.active,
  data: { schemaVersion: 1, generation },
});
export const decodeGeneration = (value: unknown): { generation: Generation; version: number } => {
  const record = parse(GenerationRecord, value, 'generation');
  return { generation: record.data.generation, version: record.version };
};

// KPIs (kpi-repository.ts): one catalog document of every KPI, each with the reading before its current one
const StoredKpiSchema = KpiSchema.extend({
  /** The reading before `current`, and when it was taken: kpis.list's move without an index query. */
  previous: z.number().optional(),
  previousAt: IsoDateTimeSchema.optional(),
});
export const decodeKpiCatalog = (value: unknown): Catalog<StoredKpi> => decodeCatalog(StoredKpiSchema, value, 'KPI catalog');
/** A stored KPI as parsed, or the problem (repair checks a replacement with it). */
export const parseStoredKpi = (value: unknown): StoredKpi => parse(StoredKpiSchema, value, 'KPI');

// KPI readings (append-only); kpiId is prefixed with the space: the index partitions on it
const KpiReadingDataV1 = z.object({ schemaVersion: z.literal(1), authorAccountId: z.string(), value: z.number(), note: z.string().optional() });
const KpiReadingRecord = z.object({ kpiId: z.string(), at: z.string(), data: KpiReadingDataV1 });
export const encodeKpiReading = (reading: KpiReading, space: Space): Attributes => ({
  kpiId: at(space, reading.kpiId),
  at: reading.at,
  data: compact({ schemaVersion: 1, authorAccountId: reading.authorAccountId, value: reading.value, note: reading.note }),
});
export const decodeKpiReading = (key: string, value: unknown, space: Space): KpiReading => {
  const r = parse(KpiReadingRecord, value, 'KPI reading');
  const { authorAccountId, value: v, note } = r.data;
  const reading = { id: unprefixed(space, key), kpiId: unprefixed(space, r.kpiId), authorAccountId, at: r.at, value: v, note };
  return parse(KpiReadingSchema, compact(reading), 'KPI reading');
};
