import type { IndexEntry } from './entity-attributes';
import type { StoredItem } from './item-table';

/**
 * An entity item as a query saw it before a write: the item with its declared-attributes JSON and
 * index entries, or undefined when it did not exist.
 */
export interface ItemSnapshot {
  item: StoredItem;
  attributes: string;
  entries: readonly IndexEntry[];
}

const PRUNE_EVERY = 1000;

interface PendingWrite {
  writtenAtMs: number;
  before: ItemSnapshot | undefined;
}

/**
 * Eventual consistency of Custom Entity Store queries: Forge documents `entity().query` as eventually
 * consistent while `get` is strongly consistent (README.md). A query sees the state of each item as it
 * was `windowMs` ago on the host's real clock: writes (sets and deletes) younger than that are not
 * visible to queries, which see the previous value instead (or nothing, for a fresh insert; a deleted
 * item still shows). `get` and `batch/get` read the table and always see the latest write.
 *
 * Writes are staged while a SQLite transaction runs and kept only if it commits.
 */
export class RecentWrites {
  /** entity -> key -> pending writes, oldest first. */
  private readonly byEntity = new Map<string, Map<string, PendingWrite[]>>();
  private staged: { entity: string; key: string; before: ItemSnapshot | undefined }[] = [];
  private depth = 0;
  private recordedSincePrune = 0;

  constructor(
    private windowMs: number,
    /** Real elapsed time of the host (ms); the app clock may be frozen by tests. */
    private readonly hostNow: () => number,
  ) {}

  /** Whether writes must be recorded at all (a zero window means queries are strongly consistent). */
  get enabled(): boolean {
    return this.windowMs > 0;
  }

  get window(): number {
    return this.windowMs;
  }

  setWindow(ms: number): void {
    this.windowMs = ms;
    if (ms <= 0) this.settle();
  }

  /** Runs `fn` as one unit: its writes are recorded when it returns, dropped when it throws. */
  within<T>(fn: () => T): T {
    this.depth++;
    try {
      const result = fn();
      if (this.depth === 1) this.commitStaged();
      return result;
    } catch (error) {
      if (this.depth === 1) this.staged = [];
      throw error;
    } finally {
      this.depth--;
    }
  }

  /** Records that `key` of `entity` is about to change; `before` is its state until now. */
  record(entity: string, key: string, before: ItemSnapshot | undefined): void {
    if (!this.enabled) return;
    this.staged.push({ entity, key, before });
    if (this.depth === 0) this.commitStaged();
  }

  /**
   * The items of `entity` whose query view differs from the table, each with the state a query sees
   * now (undefined: absent). Keys not in the map read as the table has them.
   */
  hidden(entity: string): ReadonlyMap<string, ItemSnapshot | undefined> {
    const items = this.byEntity.get(entity);
    const view = new Map<string, ItemSnapshot | undefined>();
    if (items === undefined) return view;
    const visibleBefore = this.hostNow() - this.windowMs;
    for (const [key, writes] of items) {
      // Writes at or before the cut-off are visible; the oldest invisible one hides what it replaced.
      const firstHidden = writes.findIndex((w) => w.writtenAtMs > visibleBefore);
      if (firstHidden === -1) {
        items.delete(key);
        continue;
      }
      if (firstHidden > 0) writes.splice(0, firstHidden);
      view.set(key, writes[0]?.before);
    }
    if (items.size === 0) this.byEntity.delete(entity);
    return view;
  }

  /** Test aid modelling a wait longer than the window: every write so far becomes visible to queries. */
  settle(): void {
    this.byEntity.clear();
  }

  /** How many items currently have writes that queries do not see yet. */
  pendingCount(): number {
    let count = 0;
    for (const items of this.byEntity.values()) count += items.size;
    return count;
  }

  private commitStaged(): void {
    const writtenAtMs = this.hostNow();
    for (const { entity, key, before } of this.staged) {
      let items = this.byEntity.get(entity);
      if (items === undefined) {
        items = new Map();
        this.byEntity.set(entity, items);
      }
      const writes = items.get(key);
      if (writes === undefined) items.set(key, [{ writtenAtMs, before }]);
      else writes.push({ writtenAtMs, before });
    }
    this.recordedSincePrune += this.staged.length;
    this.staged = [];
    // Entities nobody queries would otherwise keep every write: drop visible ones now and then.
    if (this.recordedSincePrune >= PRUNE_EVERY) {
      this.recordedSincePrune = 0;
      for (const entity of [...this.byEntity.keys()]) this.hidden(entity);
    }
  }
}
