import { badRequest } from './errors';
import type { Scalar } from './entity-attributes';
import type { AttributeType, EntityModel } from './entity-definitions';
import type { RawFilters } from './request-schemas';

/** Every condition @forge/kvs can build (conditions.js); WHERE_CONDITIONS is the subset allowed on a range. */
export const FILTER_CONDITIONS = [
  'BEGINS_WITH',
  'BETWEEN',
  'CONTAINS',
  'EQUAL_TO',
  'EXISTS',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
  'NOT_CONTAINS',
  'NOT_EQUAL_TO',
  'NOT_EXISTS',
] as const;
export type ConditionName = (typeof FILTER_CONDITIONS)[number];
export const WHERE_CONDITIONS: readonly ConditionName[] = [
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
];
const MAX_CONDITIONS = 100;

export interface Condition {
  property: string;
  condition: ConditionName;
  values: Scalar[];
}

export interface ConditionGroup {
  operator: 'and' | 'or';
  conditions: Condition[];
}

const STRING_ONLY: readonly ConditionName[] = ['BEGINS_WITH', 'CONTAINS', 'NOT_CONTAINS'];
const EQUALITY: readonly ConditionName[] = ['EQUAL_TO', 'NOT_EQUAL_TO', 'EXISTS', 'NOT_EXISTS'];

const isConditionName = (name: string, allowed: readonly ConditionName[]): name is ConditionName =>
  (allowed as readonly string[]).includes(name);

const isScalar = (value: unknown): value is Scalar =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/** JS type a condition value must have to be compared with an attribute of this type. */
const valueTypeFor = (type: AttributeType): string | undefined =>
  type === 'string' ? 'string' : type === 'boolean' ? 'boolean' : type === 'any' ? undefined : 'number';

/**
 * Checks one condition against the attribute it applies to. `where` names it in messages
 * (e.g. "filter on 'status'" or "range of index 'by-cycle'").
 */
export const checkCondition = (
  raw: { condition: string; values: unknown[] },
  type: AttributeType,
  where: string,
  allowed: readonly ConditionName[] = FILTER_CONDITIONS,
): { condition: ConditionName; values: Scalar[] } => {
  const name = raw.condition;
  if (!isConditionName(name, allowed)) {
    throw badRequest('INVALID_FILTER_CONDITION', `${where}: condition '${name}' is not one of ${allowed.join(', ')}`);
  }
  if (name === 'EXISTS' || name === 'NOT_EXISTS') return { condition: name, values: [] };
  const wanted = name === 'BETWEEN' ? 2 : 1;
  if (raw.values.length < wanted) {
    throw badRequest(
      'INSUFFICIENT_FILTER_VALUES',
      `${where}: ${name} needs ${wanted} value(s), got ${raw.values.length}`,
    );
  }
  if (raw.values.length > wanted) {
    throw badRequest('INVALID_FILTER_VALUES', `${where}: ${name} takes ${wanted} value(s), got ${raw.values.length}`);
  }
  if (type !== 'string' && type !== 'any' && STRING_ONLY.includes(name)) {
    throw badRequest('INVALID_FILTER_CONDITION', `${where}: ${name} applies to strings, the attribute is '${type}'`);
  }
  if (type === 'boolean' && !EQUALITY.includes(name)) {
    throw badRequest('INVALID_FILTER_CONDITION', `${where}: ${name} cannot compare a boolean attribute`);
  }
  const values: Scalar[] = [];
  const jsType = valueTypeFor(type);
  for (const value of raw.values) {
    if (!isScalar(value) || (jsType !== undefined && typeof value !== jsType)) {
      const expected = jsType ?? 'a string, number or boolean';
      throw badRequest('INVALID_FILTER_VALUES', `${where}: ${name} value ${JSON.stringify(value)} must be ${expected}`);
    }
    values.push(value);
  }
  return { condition: name, values };
};

/** Validates `{and:[…]}` / `{or:[…]}` filters or transaction conditions against an entity's attributes. */
export const checkFilters = (raw: RawFilters, model: EntityModel, what: string): ConditionGroup => {
  if (raw.and !== undefined && raw.or !== undefined) {
    throw badRequest('INVALID_FILTER_OPERATORS_COMBINATION', `${what}: use either 'and' or 'or', not both`);
  }
  const operator = raw.or !== undefined ? 'or' : 'and';
  const items = raw.or ?? raw.and ?? [];
  if (items.length === 0)
    throw badRequest('EMPTY_FILTER_OPERATOR', `${what}: '${operator}' needs at least one condition`);
  if (items.length > MAX_CONDITIONS) {
    throw badRequest(
      'TOO_MANY_FILTER_CONDITIONS',
      `${what}: at most ${MAX_CONDITIONS} conditions, got ${items.length}`,
    );
  }
  const conditions = items.map((item) => {
    const type = model.attributes.get(item.property);
    if (type === undefined) {
      throw badRequest(
        'INVALID_ENTITY_ATTRIBUTE',
        `${what}: '${item.property}' is not a declared attribute of entity '${model.name}'`,
      );
    }
    return { property: item.property, ...checkCondition(item, type, `${what} on '${item.property}'`) };
  });
  return { operator, conditions };
};

/** Orders like SQLite's BINARY collation (UTF-8 bytes), so filters agree with index order. */
export const compareScalars = (a: string | number, b: string | number): number =>
  typeof a === 'string' && typeof b === 'string'
    ? Buffer.compare(Buffer.from(a), Buffer.from(b))
    : a < b
      ? -1
      : a > b
        ? 1
        : 0;

/** Order of an attribute against a value of the same type, or undefined when they cannot be compared. */
const orderOf = (actual: unknown, value: Scalar | undefined): number | undefined =>
  (typeof actual === 'string' && typeof value === 'string') || (typeof actual === 'number' && typeof value === 'number')
    ? compareScalars(actual, value)
    : undefined;

const containsValue = (actual: unknown, value: Scalar): boolean =>
  typeof actual === 'string'
    ? typeof value === 'string' && actual.includes(value)
    : Array.isArray(actual) && actual.includes(value);

/** Missing attributes satisfy only NOT_EXISTS and the negations (NOT_EQUAL_TO, NOT_CONTAINS). */
const holds = ({ condition, values }: Condition, actual: unknown): boolean => {
  const [first, second] = values;
  switch (condition) {
    case 'EXISTS':
      return actual !== undefined;
    case 'NOT_EXISTS':
      return actual === undefined;
    case 'EQUAL_TO':
      return actual === first;
    case 'NOT_EQUAL_TO':
      return actual !== first;
    case 'CONTAINS':
      return first !== undefined && containsValue(actual, first);
    case 'NOT_CONTAINS':
      return first !== undefined && !containsValue(actual, first);
    case 'BEGINS_WITH':
      return typeof actual === 'string' && typeof first === 'string' && actual.startsWith(first);
    case 'BETWEEN': {
      const low = orderOf(actual, first);
      const high = orderOf(actual, second);
      return low !== undefined && high !== undefined && low >= 0 && high <= 0;
    }
    default: {
      const order = orderOf(actual, first);
      if (order === undefined) return false;
      if (condition === 'GREATER_THAN') return order > 0;
      if (condition === 'GREATER_THAN_EQUAL_TO') return order >= 0;
      if (condition === 'LESS_THAN') return order < 0;
      return order <= 0;
    }
  }
};

/**
 * Evaluates a group against an item's attributes. `undefined` means the item does not exist: then a
 * condition holds only if it is NOT_EXISTS (transactions use this for "create only if absent").
 */
export const matches = (group: ConditionGroup, attributes: Record<string, unknown> | undefined): boolean => {
  const test = (c: Condition): boolean =>
    attributes === undefined ? c.condition === 'NOT_EXISTS' : holds(c, attributes[c.property]);
  return group.operator === 'and' ? group.conditions.every(test) : group.conditions.some(test);
};
