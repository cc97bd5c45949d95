import type { PlatformResponse } from '../types';
import { badRequest, jsonResponse, KvsError, keyNotFound, noContent } from './errors';
import type { Namespace } from './item-table';
import {
  deleteBody,
  entityDeleteBody,
  entityGetBody,
  entitySetBody,
  getBody,
  parseBody,
  setBody,
} from './request-schemas';
import { applyWrite, describeItem, itemBody, prepareWrite, resolveTarget } from './store-context';
import type { StoreContext } from './store-context';

/** get, secret/get and entity/get: 404 KEY_NOT_FOUND for a missing or expired item (the SDK returns undefined). */
export const handleGet = (ctx: StoreContext, ns: Namespace, operation: string, body: unknown): PlatformResponse => {
  const request =
    ns === 'entity'
      ? parseBody(entityGetBody, body, operation)
      : { ...parseBody(getBody, body, operation), entityName: undefined };
  const { ref } = resolveTarget(ctx, ns, request.key, request.entityName);
  const item = ctx.table.get(ref, ctx.now());
  if (item === undefined) throw keyNotFound(describeItem(ref));
  return jsonResponse(200, itemBody(item, request.options?.metadataFields));
};

/**
 * set, secret/set and entity/set. keyPolicy FAIL_IF_EXISTS on a live key answers 409 KEY_CONFLICT, as
 * Forge answers (see README.md). returnValue PREVIOUS/LATEST answers with a get-shaped body, or 204 when
 * there is no previous item.
 */
export const handleSet = (ctx: StoreContext, ns: Namespace, operation: string, body: unknown): PlatformResponse => {
  const request =
    ns === 'entity'
      ? parseBody(entitySetBody, body, operation)
      : { ...parseBody(setBody, body, operation), entityName: undefined };
  const options = request.options ?? {};
  if (options.keyPolicy === 'FAIL_IF_EXISTS' && options.returnValue !== undefined) {
    throw badRequest('INVALID_SET_OPTIONS', 'returnValue may only be used with keyPolicy OVERRIDE');
  }
  const target = resolveTarget(ctx, ns, request.key, request.entityName);
  const write = prepareWrite(ctx, target, request.value, options.ttl);
  const { previous, latest } = ctx.table.transaction(() => {
    const existing = ctx.table.get(target.ref, ctx.now());
    if (existing !== undefined && options.keyPolicy === 'FAIL_IF_EXISTS') {
      throw new KvsError(409, 'KEY_CONFLICT', `${describeItem(target.ref)} already exists (keyPolicy FAIL_IF_EXISTS)`);
    }
    return { previous: existing, latest: applyWrite(ctx, write, existing) };
  });
  const returned =
    options.returnValue === 'PREVIOUS' ? previous : options.returnValue === 'LATEST' ? latest : undefined;
  return returned === undefined ? noContent() : jsonResponse(200, itemBody(returned, options.returnMetadataFields));
};

/** delete, secret/delete and entity/delete: 404 KEY_NOT_FOUND when absent (the SDK treats it as done). */
export const handleDelete = (ctx: StoreContext, ns: Namespace, operation: string, body: unknown): PlatformResponse => {
  const request =
    ns === 'entity'
      ? parseBody(entityDeleteBody, body, operation)
      : { ...parseBody(deleteBody, body, operation), entityName: undefined };
  const { ref } = resolveTarget(ctx, ns, request.key, request.entityName);
  const existed = ctx.table.transaction(() => {
    const live = ctx.table.get(ref, ctx.now()) !== undefined;
    // Also removes an expired leftover, so it stops taking space.
    ctx.table.delete(ref);
    return live;
  });
  if (!existed) throw keyNotFound(describeItem(ref));
  return noContent();
};
