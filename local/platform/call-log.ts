import { appendFileSync } from 'node:fs';
import type { CallRecord } from './types';

/** Summary of an invocation's platform calls: what benchmarks and budgets are measured with. */
export interface CallSummary {
  storageCalls: number;
  jiraCalls: number;
  /** Longest chain of calls where each started after the previous one finished. */
  sequentialStorageRoundTrips: number;
  sequentialRoundTrips: number;
  requestBytes: number;
  responseBytes: number;
  /** Storage read and write units and Jira points the calls cost (sums of their records' costs). */
  readUnits: number;
  writeUnits: number;
  jiraPoints: number;
}

/**
 * Depth of the dependency chain: a call's depth is one more than the deepest call that had finished
 * before it started. Calls issued together (Promise.all) share a depth, so this counts round trips.
 */
const chainDepth = (calls: readonly CallRecord[]): number => {
  const sorted = [...calls].sort((a, b) => a.startedAtMs - b.startedAtMs);
  const depth: number[] = [];
  let max = 0;
  sorted.forEach((call, i) => {
    let d = 1;
    for (let j = 0; j < i; j++) {
      const prev = sorted[j];
      if (prev && prev.startedAtMs + prev.durationMs <= call.startedAtMs) d = Math.max(d, (depth[j] ?? 0) + 1);
    }
    depth.push(d);
    max = Math.max(max, d);
  });
  return max;
};

export const summariseCalls = (calls: readonly CallRecord[]): CallSummary => {
  const storage = calls.filter((c) => c.kind === 'kvs');
  return {
    storageCalls: storage.length,
    jiraCalls: calls.filter((c) => c.kind === 'jira').length,
    sequentialStorageRoundTrips: chainDepth(storage),
    sequentialRoundTrips: chainDepth(calls),
    requestBytes: calls.reduce((n, c) => n + c.requestBytes, 0),
    responseBytes: calls.reduce((n, c) => n + c.responseBytes, 0),
    readUnits: calls.reduce((n, c) => n + (c.cost?.readUnits ?? 0), 0),
    writeUnits: calls.reduce((n, c) => n + (c.cost?.writeUnits ?? 0), 0),
    jiraPoints: calls.reduce((n, c) => n + (c.cost?.jiraPoints ?? 0), 0),
  };
};

export interface InvocationLogEntry {
  invocationId: string;
  functionKey: string;
  moduleKey: string;
  /** The resolver key or trigger key that ran. */
  call: string;
  accountId: string | undefined;
  ok: boolean;
  durationMs: number;
  responseBytes: number;
  summary: CallSummary;
  calls: CallRecord[];
}

/** Keeps recent invocations in memory and, when a file is given, appends each as one JSON line. */
export class CallLog {
  private readonly entries: InvocationLogEntry[] = [];
  constructor(
    private readonly file?: string,
    private readonly keep = 500,
  ) {}

  record(entry: InvocationLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.keep) this.entries.shift();
    if (this.file !== undefined) appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
  }

  recent(): readonly InvocationLogEntry[] {
    return this.entries;
  }

  last(): InvocationLogEntry | undefined {
    return this.entries[this.entries.length - 1];
  }
}
