import type { PlatformResponse } from '../types';
import { checkCondition, checkFilters, WHERE_CONDITIONS } from './conditions';
import type { ConditionGroup } from './conditions';
import { decodeCursor, encodeCursor } from './cursor';
import type { CursorPosition } from './cursor';
import { typeProblem } from './entity-attributes';
import { BY_KEY_INDEX } from './entity-definitions';
import type { AttributeType, EntityModel, ResolvedIndex } from './entity-definitions';
import { scanPartition } from './entity-scan';
import { badRequest, jsonResponse } from './errors';
import { entityModel } from './item-rules';
import { entityQueryBody, parseBody } from './request-schemas';
import type { EntityQueryBody } from './request-schemas';
import { itemBody } from './store-context';
import type { StoreContext } from './store-context';

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;

/** An index as a query sees it; `by-key` has no side-table entries and scans items directly. */
interface QueryIndex extends ResolvedIndex {
  byKey: boolean;
  rangeType: AttributeType;
}

const queryIndex = (model: EntityModel, name: string): QueryIndex => {
  if (name === BY_KEY_INDEX) return { name, partition: [], range: 'key', byKey: true, rangeType: 'string' };
  const index = model.indexes.get(name);
  if (index === undefined) {
    const known = [BY_KEY_INDEX, ...model.indexes.keys()].join(', ');
    throw badRequest('INVALID_ENTITY_INDEX', `entity '${model.name}' has no index '${name}' (indexes: ${known})`);
  }
  return { ...index, byKey: false, rangeType: model.attributes.get(index.range) ?? 'any' };
};

/** Forge requires a value for each partition attribute, in declaration order, of the declared type. */
const partitionKey = (model: EntityModel, index: QueryIndex, values: readonly unknown[]): string => {
  const where = `index '${index.name}' of entity '${model.name}'`;
  if (values.length !== index.partition.length) {
    throw badRequest(
      'INVALID_PARTITION',
      `${where} needs one partition value for each of [${index.partition.join(', ')}] in that order, got ${values.length}`,
    );
  }
  index.partition.forEach((attribute, i) => {
    const problem = typeProblem(model.attributes.get(attribute) ?? 'any', values[i]);
    if (problem !== undefined || values[i] === null) {
      throw badRequest(
        'INVALID_PARTITION',
        `${where}: partition value for '${attribute}': ${problem ?? 'must not be null'}`,
      );
    }
  });
  return JSON.stringify(values);
};

const checkLimit = (limit: number | undefined): number => {
  const value = limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(value) || value < 1 || value > MAX_LIMIT) {
    throw badRequest(
      'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
      `entity query limit must be an integer from 1 to ${MAX_LIMIT}, got ${value}`,
    );
  }
  return value;
};

/**
 * entity/query: one index partition, scanned in (range, key) order through the side table, an optional
 * range condition, filters applied to each candidate, `limit` items per page and a cursor when more follow.
 */
export const handleEntityQuery = (ctx: StoreContext, body: unknown): PlatformResponse => {
  const request: EntityQueryBody = parseBody(entityQueryBody, body, 'entity/query');
  const model = entityModel(ctx.entities, request.entityName);
  const index = queryIndex(model, request.indexName);
  const limit = checkLimit(request.limit);
  const partition = partitionKey(model, index, request.partition ?? []);
  const range =
    request.range === undefined
      ? undefined
      : checkCondition(request.range, index.rangeType, `range of index '${index.name}'`, WHERE_CONDITIONS);
  const filters: ConditionGroup | undefined =
    request.filters === undefined ? undefined : checkFilters(request.filters, model, 'filter');
  const sort = request.sort ?? 'ASC';
  const scope = `entity/${model.name}/${index.name}`;
  const position: CursorPosition | undefined =
    request.cursor === undefined ? undefined : decodeCursor(request.cursor, scope);
  const { page, more } = scanPartition(ctx.table, {
    entity: model.name,
    indexName: index.name,
    byKey: index.byKey,
    partition,
    range,
    filters,
    sort,
    after: position === undefined ? undefined : { range: position.range ?? position.key, key: position.key },
    limit,
    now: ctx.now(),
    hidden: ctx.recent.hidden(model.name),
  });
  const fields = request.options?.metadataFields ?? request.metadataFields;
  const last = page.at(-1);
  const cursor =
    more && last !== undefined ? encodeCursor({ scope, range: last.rangeValue, key: last.item.key }) : undefined;
  return jsonResponse(200, {
    data: page.map(({ item }) => itemBody(item, fields)),
    ...(cursor === undefined ? {} : { cursor }),
  });
};
