import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../../db';
import { cachedPrepare } from '../schema';

/**
 * Jira's precomputations: the stored mapping from one app function call (function, field, operator and
 * arguments) to the JQL fragment it returned (docs: developer.atlassian.com/cloud/jira/platform/
 * jql-functions, "Precomputations"). Rules emulated from that page:
 * - a call is evaluated by the app once; later searches use the stored fragment until the app updates
 *   it (REST "JQL functions (apps)") — Jira itself never refreshes it;
 * - "Precomputations not evaluated for 7 days are removed automatically by Jira": the next search
 *   invokes the app again and stores a fresh one;
 * - not scoped to users: one fragment serves every searcher;
 * - an error the app answers is stored only with `storeErrorAsPrecomputation: true`; otherwise (and when
 *   the app fails) the failure is cached for up to a minute, then the app is asked again.
 */
export const PRECOMPUTATION_TTL_MS = 7 * 24 * 3600 * 1000;
export const FAILURE_CACHE_MS = 60 * 1000;

export interface FunctionCall {
  functionKey: string;
  functionName: string;
  field: string;
  operator: string;
  arguments: readonly string[];
}

export interface Precomputation extends FunctionCall {
  id: string;
  /** The stored fragment; undefined when the precomputation is a stored error. */
  value: string | undefined;
  error: string | undefined;
  created: string;
  updated: string;
  used: string;
}

const Row = z.object({
  id: z.string(),
  function_key: z.string(),
  function_name: z.string(),
  field: z.string(),
  operator: z.string(),
  arguments: z.string(),
  value: z.string().nullable(),
  error: z.string().nullable(),
  created: z.string(),
  updated: z.string(),
  used: z.string(),
});

const toPrecomputation = (raw: unknown): Precomputation => {
  const row = Row.parse(raw);
  return {
    id: row.id,
    functionKey: row.function_key,
    functionName: row.function_name,
    field: row.field,
    operator: row.operator,
    arguments: z.array(z.string()).parse(JSON.parse(row.arguments)),
    value: row.value ?? undefined,
    error: row.error ?? undefined,
    created: row.created,
    updated: row.updated,
    used: row.used,
  };
};

export const migratePrecomputations = (db: Db): void => {
  db.exec(`
    CREATE TABLE IF NOT EXISTS jira_jql_precomputations (
      id TEXT PRIMARY KEY,
      function_key TEXT NOT NULL,
      function_name TEXT NOT NULL,
      field TEXT NOT NULL,
      operator TEXT NOT NULL,
      arguments TEXT NOT NULL,
      value TEXT,
      error TEXT,
      created TEXT NOT NULL,
      updated TEXT NOT NULL,
      used TEXT NOT NULL,
      UNIQUE (function_key, field, operator, arguments)
    );
  `);
};

/** Field names compare case-insensitively in JQL; arguments and operators as written. */
const callKey = (call: FunctionCall): [string, string, string, string] => [
  call.functionKey,
  call.field.toLowerCase(),
  call.operator,
  JSON.stringify(call.arguments),
];

export interface PrecomputationStore {
  /** The live precomputation of a call (its `used` time touched), or undefined (none, or expired and removed). */
  find(call: FunctionCall, now: Date): Precomputation | undefined;
  /** Stores what the app answered on first evaluation, under the id the app was told. */
  create(id: string, call: FunctionCall, answer: { value: string } | { error: string }, now: Date): void;
  /** The app's live precomputations (expired ones are removed first), oldest first. */
  list(now: Date, functionKeys?: readonly string[]): Precomputation[];
  get(id: string, now: Date): Precomputation | undefined;
  update(id: string, answer: { value: string } | { error: string }, now: Date): void;
  /** A failure the app answered (or a failed invocation), remembered for FAILURE_CACHE_MS. */
  failure(call: FunctionCall, now: Date): string | undefined;
  rememberFailure(call: FunctionCall, message: string, now: Date): void;
  newId(): string;
}

export const createPrecomputationStore = (db: Db): PrecomputationStore => {
  migratePrecomputations(db);
  const prepare = cachedPrepare(db);
  const failures = new Map<string, { message: string; untilMs: number }>();
  const expire = (now: Date): void => {
    prepare('DELETE FROM jira_jql_precomputations WHERE used < ?').run(
      new Date(now.getTime() - PRECOMPUTATION_TTL_MS).toISOString(),
    );
  };
  const get = (id: string, now: Date): Precomputation | undefined => {
    expire(now);
    const row: unknown = prepare('SELECT * FROM jira_jql_precomputations WHERE id = ?').get(id);
    return row === undefined ? undefined : toPrecomputation(row);
  };
  return {
    find: (call, now) => {
      expire(now);
      const row: unknown = prepare(
        'SELECT * FROM jira_jql_precomputations WHERE function_key = ? AND field = ? AND operator = ? AND arguments = ?',
      ).get(...callKey(call));
      if (row === undefined) return undefined;
      const found = toPrecomputation(row);
      prepare('UPDATE jira_jql_precomputations SET used = ? WHERE id = ?').run(now.toISOString(), found.id);
      return { ...found, used: now.toISOString() };
    },
    create: (id, call, answer, now) => {
      const at = now.toISOString();
      const [functionKey, field, operator, args] = callKey(call);
      prepare(
        `INSERT INTO jira_jql_precomputations
           (id, function_key, function_name, field, operator, arguments, value, error, created, updated, used)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (function_key, field, operator, arguments) DO NOTHING`,
      ).run(
        id,
        functionKey,
        call.functionName,
        field,
        operator,
        args,
        'value' in answer ? answer.value : null,
        'error' in answer ? answer.error : null,
        at,
        at,
        at,
      );
    },
    list: (now, functionKeys) => {
      expire(now);
      const rows: unknown[] = prepare('SELECT * FROM jira_jql_precomputations ORDER BY created, id').all();
      const all = rows.map(toPrecomputation);
      return functionKeys === undefined || functionKeys.length === 0
        ? all
        : all.filter((p) => functionKeys.includes(p.functionKey));
    },
    get,
    update: (id, answer, now) => {
      prepare('UPDATE jira_jql_precomputations SET value = ?, error = ?, updated = ? WHERE id = ?').run(
        'value' in answer ? answer.value : null,
        'error' in answer ? answer.error : null,
        now.toISOString(),
        id,
      );
    },
    failure: (call, now) => {
      const key = JSON.stringify(callKey(call));
      const cached = failures.get(key);
      if (cached === undefined) return undefined;
      if (cached.untilMs <= now.getTime()) {
        failures.delete(key);
        return undefined;
      }
      return cached.message;
    },
    rememberFailure: (call, message, now) => {
      failures.set(JSON.stringify(callKey(call)), { message, untilMs: now.getTime() + FAILURE_CACHE_MS });
    },
    newId: () => randomUUID(),
  };
};
