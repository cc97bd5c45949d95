/**
 * The one registry of storage names: custom entities (declared in manifest.yml), their indexes, and
 * plain KVS keys. Kebab-case entity names; plain keys use a `<kind>:<name>` prefix.
 */
export const ENTITY = {
  cycle: 'cycle',
  team: 'team',
  objective: 'objective',
  checkIn: 'check-in',
  initiative: 'initiative',
  krSnapshot: 'kr-snapshot',
  /** Small sets read whole (cycles, teams): one document each, read with get (strongly consistent). */
  catalog: 'catalog',
  /** The board's projection of a cycle: SHARD_COUNT documents per cycle, written with every objective change. */
  boardShard: 'board-shard',
} as const;
export type EntityName = (typeof ENTITY)[keyof typeof ENTITY];

export const INDEX = {
  checkInByKeyResult: 'by-key-result',
  initiativeByIssue: 'by-issue',
  snapshotByCycleWeek: 'by-cycle-week',
  /** Built into every entity: all items in key order. */
  byKey: 'by-key',
} as const;

export const KEY = {
  bands: 'settings:bands',
  /** The reconcile job's last successful runs (JobState). */
  reconcileJobState: 'job:reconcile-initiatives',
} as const;

/** Keys of the catalog entity's documents. */
export const CATALOG = {
  cycles: 'cycles',
  teams: 'teams',
} as const;
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
