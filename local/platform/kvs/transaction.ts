import type { PlatformResponse } from '../types';
import { checkFilters, matches } from './conditions';
import type { ConditionGroup } from './conditions';
import { badRequest, KvsError, noContent } from './errors';
import { parseBody, transactionBody } from './request-schemas';
import type { RawFilters } from './request-schemas';
import { applyWrite, describeItem, prepareWrite, resolveTarget } from './store-context';
import type { PreparedWrite, StoreContext, Target } from './store-context';

export const MAX_OPERATIONS = 25;
export const MAX_PAYLOAD_BYTES = 4 * 1024 * 1024;

interface PreparedOp {
  label: string;
  target: Target;
  conditions: ConditionGroup | undefined;
  write?: PreparedWrite;
  remove?: boolean;
}

/** Prefixes a validation error with the operation it came from, e.g. `set[24]`. */
const labelled = <T>(label: string, fn: () => T): T => {
  try {
    return fn();
  } catch (error) {
    if (error instanceof KvsError) throw new KvsError(error.status, error.code, `${label}: ${error.message}`);
    throw error;
  }
};

const conditionsFor = (target: Target, raw: RawFilters | undefined): ConditionGroup | undefined => {
  if (raw === undefined) return undefined;
  if (target.model === undefined) {
    throw badRequest('INVALID_REQUEST_BODY', `conditions need an entityName: they test entity attributes`);
  }
  return checkFilters(raw, target.model, 'condition');
};

const targetOf = (ctx: StoreContext, key: string, entityName: string | undefined): Target =>
  resolveTarget(ctx, entityName === undefined ? 'kvs' : 'entity', key, entityName);

/** Validates every operation before anything is read or written. */
const prepare = (ctx: StoreContext, body: unknown): PreparedOp[] => {
  const request = parseBody(transactionBody, body, 'transaction');
  const sets = request.set ?? [];
  const deletes = request.delete ?? [];
  const checks = request.check ?? [];
  const total = sets.length + deletes.length + checks.length;
  if (total === 0) throw badRequest('EMPTY_TRANSACTION', 'transaction needs at least one set, delete or check');
  if (total > MAX_OPERATIONS) {
    // 422, as live sites answer (docs name only the limit); the code is ours: none was reported.
    throw new KvsError(
      422,
      'TOO_MANY_OPERATIONS',
      `transaction has ${total} operations; the maximum is ${MAX_OPERATIONS}`,
    );
  }
  const bytes = Buffer.byteLength(JSON.stringify(body), 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES) {
    throw badRequest(
      'PAYLOAD_TOO_LARGE',
      `transaction payload is ${bytes} bytes; the maximum is ${MAX_PAYLOAD_BYTES} (4 MB)`,
    );
  }
  const seen = new Set<string>();
  const all = [
    ...sets.map((op, i) => ({ ...op, label: `set[${i}]` })),
    ...deletes.map((op, i) => ({ ...op, label: `delete[${i}]` })),
    ...checks.map((op, i) => ({ ...op, label: `check[${i}]` })),
  ];
  for (const op of all) {
    const id = JSON.stringify([op.entityName ?? null, op.key]);
    if (seen.has(id)) {
      const where = op.entityName === undefined ? '' : ` of entity '${op.entityName}'`;
      throw badRequest(
        'KEY_DUPLICATION_ERROR',
        `${op.label}: key '${op.key}'${where} appears more than once in the transaction`,
      );
    }
    seen.add(id);
  }
  return [
    ...sets.map((op, i) =>
      labelled(`set[${i}]`, () => {
        const target = targetOf(ctx, op.key, op.entityName);
        const conditions = conditionsFor(target, op.conditions);
        return { label: `set[${i}]`, target, conditions, write: prepareWrite(ctx, target, op.value, op.options?.ttl) };
      }),
    ),
    ...deletes.map((op, i) =>
      labelled(`delete[${i}]`, () => {
        const target = targetOf(ctx, op.key, op.entityName);
        return { label: `delete[${i}]`, target, conditions: conditionsFor(target, op.conditions), remove: true };
      }),
    ),
    ...checks.map((op, i) =>
      labelled(`check[${i}]`, () => {
        if (op.entityName === undefined || op.conditions === undefined) {
          throw badRequest('INVALID_CHECK', 'a check needs an entityName and conditions');
        }
        const target = targetOf(ctx, op.key, op.entityName);
        return { label: `check[${i}]`, target, conditions: conditionsFor(target, op.conditions) };
      }),
    ),
  ];
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * transaction: up to 25 sets/deletes/checks, each key once, all-or-nothing in one SQLite transaction.
 * Every condition is evaluated against the state before the transaction; if any fails the answer is
 * 400 CONDITIONAL_CHECK_FAILED, as Forge answers (see README.md) and nothing is written.
 */
export const handleTransaction = (ctx: StoreContext, body: unknown): PlatformResponse => {
  const ops = prepare(ctx, body);
  ctx.table.transaction(() => {
    const now = ctx.now();
    for (const op of ops) {
      if (op.conditions === undefined) continue;
      const existing = ctx.table.get(op.target.ref, now);
      const attributes = existing === undefined ? undefined : isRecord(existing.value) ? existing.value : {};
      if (!matches(op.conditions, attributes)) {
        const state = existing === undefined ? 'it does not exist' : 'its stored attributes do not match';
        throw badRequest(
          'CONDITIONAL_CHECK_FAILED',
          `${op.label}: conditions on ${describeItem(op.target.ref)} not met (${state})`,
        );
      }
    }
    for (const op of ops) {
      if (op.write !== undefined) applyWrite(ctx, op.write, ctx.table.get(op.target.ref, now));
      if (op.remove === true) ctx.table.delete(op.target.ref);
    }
  });
  return noContent();
};
