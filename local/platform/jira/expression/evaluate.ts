import { JiraExpressionUnsupported } from './lexer';
import type { Node } from './parser';

/**
 * Evaluates a parsed filter expression against the event payload (a Map in Jira expressions).
 * Semantics, from developer.atlassian.com/platform/forge/events-reference/product_events ("Filter out
 * Atlassian app events") and /cloud/jira/platform/jira-expressions:
 * - reading a property of null, or a property the payload does not have, is an evaluation error;
 *   optional chaining (`?.`) turns either into null instead;
 * - arithmetic or ordering on incompatible types is an error; `==`/`!=` compare values;
 * - at most 50,000 steps (each property access, operator or call is one).
 * A method the emulator does not know is a JiraExpressionUnsupported (a fault of the emulator or the
 * expression, never an event-time outcome).
 */

export class JiraExpressionError extends Error {
  override readonly name = 'JiraExpressionError';
}

export const MAX_STEPS = 50_000;

type Value = unknown;
type Scope = ReadonlyMap<string, Value>;

const typeName = (v: Value): string =>
  v === null || v === undefined ? 'null' : Array.isArray(v) ? 'List' : typeof v === 'object' ? 'Map' : typeof v;

const truthy = (v: Value): boolean => v !== null && v !== undefined && v !== false && v !== 0 && v !== '';

const isRecord = (v: Value): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const equal = (a: Value, b: Value): boolean => {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  return a === b;
};

export const evaluateExpression = (tree: Node, variables: Record<string, Value>): Value => {
  let steps = 0;
  const step = (): void => {
    steps += 1;
    if (steps > MAX_STEPS) throw new JiraExpressionError(`the expression took more than ${MAX_STEPS} steps`);
  };

  const property = (object: Value, key: Value, optional: boolean): Value => {
    if (object === null || object === undefined) {
      if (optional) return null;
      throw new JiraExpressionError(`Type null does not have any properties (reading '${String(key)}')`);
    }
    if (Array.isArray(object)) {
      if (key === 'length') return object.length;
      if (typeof key === 'number') return object[key] ?? null;
    }
    if (typeof object === 'string' && key === 'length') return object.length;
    if (isRecord(object) && typeof key === 'string' && Object.hasOwn(object, key)) return object[key] ?? null;
    if (optional) return null;
    throw new JiraExpressionError(`${typeName(object)} has no property '${String(key)}'`);
  };

  const lambda = (node: Node | undefined, scope: Scope, method: string): ((item: Value) => Value) => {
    if (node?.type !== 'arrow') throw new JiraExpressionError(`${method}() takes a function such as x => x.id`);
    return (item) => run(node.body, new Map([...scope, [node.param, item]]));
  };

  const call = (node: Extract<Node, { type: 'call' }>, scope: Scope): Value => {
    const target = run(node.object, scope);
    if (target === null || target === undefined) {
      if (node.optional) return null;
      throw new JiraExpressionError(`Type null does not have any methods (calling ${node.method})`);
    }
    const [first] = node.args;
    if (Array.isArray(target)) {
      switch (node.method) {
        case 'some':
          return target.some((x) => truthy(lambda(first, scope, 'some')(x)));
        case 'every':
          return target.every((x) => truthy(lambda(first, scope, 'every')(x)));
        case 'filter':
          return target.filter((x) => truthy(lambda(first, scope, 'filter')(x)));
        case 'map':
          return target.map(lambda(first, scope, 'map'));
        case 'includes': {
          const wanted = first === undefined ? undefined : run(first, scope);
          return target.some((x) => equal(x, wanted));
        }
      }
    }
    if (typeof target === 'string' && ['includes', 'startsWith', 'endsWith'].includes(node.method)) {
      const arg = first === undefined ? undefined : run(first, scope);
      if (typeof arg !== 'string') throw new JiraExpressionError(`${node.method}() takes a string`);
      if (node.method === 'includes') return target.includes(arg);
      return node.method === 'startsWith' ? target.startsWith(arg) : target.endsWith(arg);
    }
    throw new JiraExpressionUnsupported(
      `the method ${typeName(target)}.${node.method}() is not supported by the local runtime's filter expressions`,
    );
  };

  const arithmetic = (op: string, left: Value, right: Value): Value => {
    if (op === '+' && typeof left === 'string' && (typeof right === 'string' || typeof right === 'number'))
      return left + String(right);
    if (typeof left !== 'number' || typeof right !== 'number') {
      throw new JiraExpressionError(`can't apply '${op}' to ${typeName(left)} and ${typeName(right)}`);
    }
    if (op === '+') return left + right;
    if (op === '-') return left - right;
    if (op === '*') return left * right;
    if (op === '/') return left / right;
    return left % right;
  };

  const compare = (op: string, left: Value, right: Value): boolean => {
    const comparable =
      (typeof left === 'number' && typeof right === 'number') ||
      (typeof left === 'string' && typeof right === 'string');
    if (!comparable) throw new JiraExpressionError(`can't compare ${typeName(left)} to ${typeName(right)}`);
    return op === '<' ? left < right : op === '<=' ? left <= right : op === '>' ? left > right : left >= right;
  };

  const run = (node: Node, scope: Scope): Value => {
    step();
    switch (node.type) {
      case 'literal':
        return node.value;
      case 'list':
        return node.items.map((item) => run(item, scope));
      case 'name':
        if (!scope.has(node.name)) throw new JiraExpressionError(`unknown variable '${node.name}'`);
        return scope.get(node.name);
      case 'member': {
        const object = run(node.object, scope);
        const key = typeof node.property === 'string' ? node.property : run(node.property, scope);
        return property(object, key, node.optional);
      }
      case 'call':
        return call(node, scope);
      case 'arrow':
        throw new JiraExpressionError('a function is not a value here');
      case 'unary': {
        const operand = run(node.operand, scope);
        if (node.op === '!') return !truthy(operand);
        if (typeof operand !== 'number') throw new JiraExpressionError(`can't negate ${typeName(operand)}`);
        return -operand;
      }
      case 'conditional':
        return truthy(run(node.test, scope)) ? run(node.then, scope) : run(node.otherwise, scope);
      case 'binary': {
        if (node.op === '&&' || node.op === '||') {
          const left = run(node.left, scope);
          if (node.op === '&&' ? !truthy(left) : truthy(left)) return left;
          return run(node.right, scope);
        }
        const [left, right] = [run(node.left, scope), run(node.right, scope)];
        if (node.op === '==') return equal(left, right);
        if (node.op === '!=') return !equal(left, right);
        if (['<', '<=', '>', '>='].includes(node.op)) return compare(node.op, left, right);
        return arithmetic(node.op, left, right);
      }
    }
  };

  return run(tree, new Map(Object.entries(variables)));
};
