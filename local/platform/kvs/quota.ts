import { z } from 'zod';

/** Per-installation KVS / Custom Entity Store limits (developer.atlassian.com/platform/forge/limits-kvs-ce). */
export interface KvsQuotaLimits {
  /** Read units (10 KB each, rounded up per request) per rolling minute. */
  readUnitsPerMinute: number;
  writeUnitsPerMinute: number;
  /** Requests of any kind per rolling second. */
  requestsPerSecond: number;
}

export const FORGE_KVS_QUOTA: Readonly<KvsQuotaLimits> = {
  readUnitsPerMinute: 4000,
  writeUnitsPerMinute: 4000,
  requestsPerSecond: 1000,
};

/** The docs say "10KB" without saying KB or KiB; 10,000 bytes is the stricter reading. */
export const UNIT_BYTES = 10_000;

/** A request's units: its size rounded up to the next 10 KB; any request, even empty, costs one. */
export const unitsFor = (bytes: number): number => Math.max(1, Math.ceil(bytes / UNIT_BYTES));

export type UnitKind = 'read' | 'write';

const READS: ReadonlySet<string> = new Set(['get', 'secret/get', 'entity/get', 'query', 'entity/query', 'batch/get']);

/** Every operation is a read or a write; transactions (incl. their checks) count as one write. */
export const unitKindOf = (operation: string): UnitKind => (READS.has(operation) ? 'read' : 'write');

const bytesOf = (value: unknown): number =>
  value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), 'utf8');

const withValues = z.array(z.object({ value: z.unknown() }));
const sumOf = (items: readonly { value: unknown }[]): number => items.reduce((n, item) => n + bytesOf(item.value), 0);

/**
 * Value bytes a write request carries: set's value, batch/set's values, a transaction's set values.
 * Deletes carry none (one unit). A body the store will reject anyway measures as empty.
 */
export const writeBytes = (body: unknown): number => {
  const batch = withValues.safeParse(body);
  if (batch.success) return sumOf(batch.data);
  const transaction = z.object({ set: withValues }).safeParse(body);
  if (transaction.success) return sumOf(transaction.data.set);
  const single = z.object({ value: z.unknown() }).safeParse(body);
  return single.success ? bytesOf(single.data.value) : 0;
};

/** Value bytes a read answered with: get's value, a query page's values, batch/get's found values. */
export const readBytes = (responseBody: string): number => {
  if (responseBody === '') return 0;
  const body: unknown = JSON.parse(responseBody);
  const page = z.object({ data: withValues }).safeParse(body);
  if (page.success) return sumOf(page.data.data);
  const batch = z.object({ successfulKeys: withValues }).safeParse(body);
  if (batch.success) return sumOf(batch.data.successfulKeys);
  const single = z.object({ value: z.unknown() }).safeParse(body);
  return single.success ? bytesOf(single.data.value) : 0;
};

/** What tests and benchmarks can see of the meter. */
export interface QuotaUsage {
  readUnitsLastMinute: number;
  writeUnitsLastMinute: number;
  requestsLastSecond: number;
  limits: KvsQuotaLimits;
}

interface Spend {
  atMs: number;
  units: number;
}

const MINUTE_MS = 60_000;
const SECOND_MS = 1000;

/** Rolling windows on the host's real clock; spends are appended in time order, so pruning is a shift. */
export class QuotaMeter {
  private readonly spent: Record<UnitKind, Spend[]> = { read: [], write: [] };
  private readonly requests: number[] = [];
  private limits: KvsQuotaLimits;

  constructor(
    limits: Partial<KvsQuotaLimits>,
    private readonly hostNow: () => number,
  ) {
    this.limits = { ...FORGE_KVS_QUOTA, ...limits };
  }

  setLimits(limits: Partial<KvsQuotaLimits>): void {
    this.limits = { ...this.limits, ...limits };
  }

  /** Counts a request against the per-second rate; false when it is over (the request is refused). */
  admitRequest(): boolean {
    const now = this.hostNow();
    while (this.requests.length > 0 && (this.requests[0] ?? now) <= now - SECOND_MS) this.requests.shift();
    if (this.requests.length >= this.limits.requestsPerSecond) return false;
    this.requests.push(now);
    return true;
  }

  /** Whether `units` more of `kind` stay within the last minute's allowance. */
  fits(kind: UnitKind, units: number): boolean {
    return this.used(kind) + units <= this.limitOf(kind);
  }

  charge(kind: UnitKind, units: number): void {
    this.spent[kind].push({ atMs: this.hostNow(), units });
  }

  /** Seconds until `units` of `kind` would fit again (for messages). */
  secondsUntilFits(kind: UnitKind, units: number): number {
    const now = this.hostNow();
    let over = this.used(kind) + units - this.limitOf(kind);
    for (const spend of this.spent[kind]) {
      over -= spend.units;
      if (over <= 0) return Math.max(1, Math.ceil((spend.atMs + MINUTE_MS - now) / 1000));
    }
    return 60;
  }

  usage(): QuotaUsage {
    const now = this.hostNow();
    return {
      readUnitsLastMinute: this.used('read'),
      writeUnitsLastMinute: this.used('write'),
      requestsLastSecond: this.requests.filter((t) => t > now - SECOND_MS).length,
      limits: { ...this.limits },
    };
  }

  /** Forgets everything spent (a test or bench starting a fresh minute). */
  reset(): void {
    this.spent.read = [];
    this.spent.write = [];
    this.requests.length = 0;
  }

  private limitOf(kind: UnitKind): number {
    return kind === 'read' ? this.limits.readUnitsPerMinute : this.limits.writeUnitsPerMinute;
  }

  private used(kind: UnitKind): number {
    const list = this.spent[kind];
    const cutoff = this.hostNow() - MINUTE_MS;
    while (list.length > 0 && (list[0]?.atMs ?? cutoff) <= cutoff) list.shift();
    return list.reduce((n, s) => n + s.units, 0);
  }
}
