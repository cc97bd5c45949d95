/** Shapes shared by the pieces of the local Forge runtime. */

/** What a platform backend receives: the request @forge/* sent through __forge_fetch__. */
export interface PlatformRequest {
  method: string;
  /** Path and query exactly as the SDK sent it, e.g. `/api/v1/get` or `/rest/api/3/search/jql?jql=...`. */
  path: string;
  headers: Readonly<Record<string, string>>;
  body: string | undefined;
}

/** What a call cost in the platform's own quota units; absent parts cost nothing. */
export interface PlatformCost {
  /** Storage read units (10 KB each, rounded up per request). */
  readUnits?: number;
  writeUnits?: number;
  /** Jira rate-limit points. */
  jiraPoints?: number;
}

export interface PlatformResponse {
  status: number;
  headers?: Record<string, string>;
  /** Already serialised; empty string for no body. */
  body: string;
  /** What the call cost in the platform's own units (the call log sums them per invocation). */
  cost?: PlatformCost;
}

/** Who a product call acts as: the invoking user (asUser) or the app itself (asApp). */
export type Principal = { kind: 'user'; accountId: string } | { kind: 'app' };

/** The KVS and Custom Entity Store; synchronous because it sits on embedded SQLite. */
export interface KvsBackend {
  /** `operation` is the path after `/api/v1/` (e.g. `get`, `entity/query`, `batch/set`). */
  handle(operation: string, body: unknown): PlatformResponse;
}

/** An emulated (or passed-through) Atlassian product REST API. */
export interface ProductBackend {
  handle(request: PlatformRequest, principal: Principal): Promise<PlatformResponse>;
}

/** One platform call made during an invocation, for the call log benchmarks read. */
export interface CallRecord {
  kind: 'kvs' | 'jira' | 'confluence' | 'events';
  /** e.g. `entity/query` or `GET /rest/api/3/search/jql`. */
  operation: string;
  status: number;
  requestBytes: number;
  responseBytes: number;
  startedAtMs: number;
  durationMs: number;
  /** What the backend charged for the call (none for injected faults). */
  cost?: PlatformCost;
}

/** Thrown for anything the runtime does not emulate: fakes fail loudly, never return empty. */
export class UnsupportedByLocalRuntime extends Error {
  override readonly name = 'UnsupportedByLocalRuntime';
}
