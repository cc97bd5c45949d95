/**
 * The one registry of storage names: custom entities (declared in manifest.yml), their indexes, and
 * plain KVS keys. Kebab-case entity names; plain keys use a `<kind>:<name>` prefix.
 */
export const ENTITY = {
  objective: 'objective',
  checkIn: 'check-in',
  /** Per Jira issue: the objectives and KRs that link it (read by key when an issue event arrives). */
  issueLink: 'issue-link',
  krSnapshot: 'kr-snapshot',
  /** Small sets read whole (cycles, teams): one document each, read with get (strongly consistent). */
  catalog: 'catalog',
  /** The board's projection of a cycle: SHARD_COUNT documents per cycle, written with every objective change. */
  boardShard: 'board-shard',
  /** A KPI's readings, append-only like check-ins (the KPI itself is an item of the 'kpis' catalog). */
  kpiReading: 'kpi-reading',
} as const;
export type EntityName = (typeof ENTITY)[keyof typeof ENTITY];

export const INDEX = {
  checkInByKeyResult: 'by-key-result',
  snapshotByCycleWeek: 'by-cycle-week',
  readingByKpi: 'by-kpi',
  /** Built into every entity: all items in key order. */
  byKey: 'by-key',
} as const;

export const KEY = {
  bands: 'settings:bands',
  /** The reconcile job's last successful runs (JobState). */
  reconcileJobState: 'job:reconcile-initiatives',
} as const;

/**
 * Plain key of one owner's stale check-in reminder in an ISO week (reminder-repository.ts). Outside the
 * generations: it records what Jira was asked to send, which an import does not undo.
 */
export const reminderKey = (week: string, accountId: string): string => `reminder:${week}:${accountId}`;

/**
 * Plain key of coverage.get's cached epic list for one set of projects (`hash`: of the sorted project
 * keys; coverage-cache-repository.ts). Outside the generations: it mirrors Jira, not the app's data.
 */
export const coverageEpicsKey = (hash: string): string => `coverage-epics:${hash}`;

/**
 * Catalog document of one cycle's "not this cycle" list (left-out-repository.ts): the company's, or one
 * team's. Read by key (strongly consistent), in the generations like every other record of the app's data.
 */
export const LEFT_OUT_PREFIX = 'left-out:';
export const leftOutKey = (cycleId: string, teamId: string | undefined): string =>
  `${LEFT_OUT_PREFIX}${cycleId}:${teamId === undefined ? 'company' : `team:${teamId}`}`;

/** Keys of the catalog entity's documents ('generation' is never prefixed: it says which space is live). */
export const CATALOG = {
  cycles: 'cycles',
  teams: 'teams',
  /** Every KPI of the installation (kpi-repository.ts), capped so the document stays small. */
  kpis: 'kpis',
  generation: 'generation',
} as const;

/**
 * A generation of the app's data. An import writes a new generation beside the live one, verifies it,
 * then makes it live with one conditional write of the generation document; the old one is deleted
 * after. Every key of a generation (and every attribute value an index partitions on) carries its
 * prefix, so generations never see each other. The first generation, 'root', has no prefix.
 */
export interface Space {
  readonly generation: string;
  readonly prefix: string;
}
export const ROOT_GENERATION = 'root';
export const spaceOf = (generation: string): Space => ({
  generation,
  prefix: generation === ROOT_GENERATION ? '' : `gen.${generation}.`,
});
export const ROOT_SPACE: Space = spaceOf(ROOT_GENERATION);
/** A key (or partition value) in a space. */
export const at = (space: Space, key: string): string => `${space.prefix}${key}`;
/** The key (or value) as the app knows it, without its space's prefix. */
export const unprefixed = (space: Space, key: string): string => (key.startsWith(space.prefix) ? key.slice(space.prefix.length) : key);
/** Whether a stored key belongs to a space (the root space owns every key without a generation prefix). */
export const inSpace = (space: Space, key: string): boolean => (space.prefix === '' ? !key.startsWith('gen.') : key.startsWith(space.prefix));
export type CatalogKey = (typeof CATALOG)[keyof typeof CATALOG];

/** Entity queries return at most 100 items a page. */
export const PAGE_LIMIT = 100;

/**
 * Objectives are spread over 16 shards by a stable hash of their id, so listing a cycle is 16 parallel
 * queries (one round trip at 1,000 objectives) instead of ten sequential pages.
 */
export const SHARD_COUNT = 16;

/** FNV-1a (32-bit): stable across runtimes and releases, unlike anything tied to insertion order. */
export const shardOf = (id: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % SHARD_COUNT;
};

export const snapshotKey = (cycleId: string, week: string, shard: number): string => `${cycleId}:${week}:${String(shard)}`;

/** Deterministic key of a cycle's board shard: read by key with batchGet, never through an index. */
export const boardShardKey = (cycleId: string, shard: number): string => `${cycleId}:${String(shard)}`;
