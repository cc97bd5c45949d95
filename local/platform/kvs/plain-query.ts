import type { PlatformResponse } from '../types';
import { decodeCursor, encodeCursor } from './cursor';
import { badRequest, jsonResponse } from './errors';
import { ITEM_COLUMNS, NOT_EXPIRED, toStoredItem } from './item-table';
import type { ItemRow } from './item-table';
import { parseBody, queryBody } from './request-schemas';
import { itemBody } from './store-context';
import type { StoreContext } from './store-context';

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
const CURSOR_SCOPE = 'query';
/** Above every character a valid key can contain, so `[prefix, prefix + TOP)` is exactly the prefix range. */
const TOP = '\u{10FFFF}';

/** The single `key BEGINS_WITH prefix` condition the plain KVS supports, or '' for no condition. */
const prefixOf = (where: { property: string; condition: string; values: unknown[] }[] | undefined): string => {
  if (where === undefined || where.length === 0) return '';
  const [first, ...rest] = where;
  if (first === undefined || rest.length > 0) {
    throw badRequest('QUERY_WHERE_INVALID', `query takes one where condition, got ${where.length}`);
  }
  if (first.property !== 'key') {
    throw badRequest('QUERY_WHERE_FIELD_INVALID', `query where must be on 'key', got '${first.property}'`);
  }
  const [prefix, ...more] = first.values;
  if (
    first.condition !== 'BEGINS_WITH' ||
    more.length > 0 ||
    (typeof prefix !== 'string' && typeof prefix !== 'number')
  ) {
    throw badRequest('QUERY_WHERE_INVALID', 'query where must be key BEGINS_WITH one string value');
  }
  return String(prefix);
};

/**
 * query: plain (non-secret, non-entity) keys in key order, optionally by prefix, paged with an opaque
 * `after` cursor. A cursor is returned only when more items follow.
 */
export const handlePlainQuery = (ctx: StoreContext, body: unknown): PlatformResponse => {
  const request = parseBody(queryBody, body, 'query');
  const limit = request.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw badRequest(
      'LIST_QUERY_LIMIT_EXCEEDED',
      `query limit must be an integer from 1 to ${MAX_LIMIT}, got ${limit}`,
    );
  }
  const prefix = prefixOf(request.where);
  const after = request.after === undefined ? undefined : decodeCursor(request.after, CURSOR_SCOPE).key;
  const rows = ctx.table
    .statement<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM kvs_items i
       WHERE i.ns = 'kvs' AND i.entity = '' AND i.key >= @prefix AND i.key < @upper AND i.key > @after AND ${NOT_EXPIRED}
       ORDER BY i.key LIMIT @take`,
    )
    .all({ prefix, upper: prefix + TOP, after: after ?? '', now: ctx.now(), take: limit + 1 });
  const page = rows.slice(0, limit).map(toStoredItem);
  const last = page.at(-1);
  const fields = request.options?.metadataFields;
  return jsonResponse(200, {
    data: page.map((item) => itemBody(item, fields)),
    ...(rows.length > limit && last !== undefined
      ? { cursor: encodeCursor({ scope: CURSOR_SCOPE, key: last.key }) }
      : {}),
  });
};
