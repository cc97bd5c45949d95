import type { Token } from './lexer';
import { JiraExpressionUnsupported, tokenize } from './lexer';

/**
 * Parses the Jira expressions subset for trigger filters: literals (and lists of them), the `event` variable, static and
 * computed member access with optional chaining, method calls with `x => …` arguments, `!` and unary
 * `-`, arithmetic, comparisons, `==`/`!=`, `&&`/`||` and `? :`.
 * Syntax: developer.atlassian.com/cloud/jira/platform/jira-expressions ("Syntax and semantics").
 */

export type Node =
  | { type: 'literal'; value: string | number | boolean | null }
  | { type: 'name'; name: string }
  | { type: 'list'; items: Node[] }
  | { type: 'member'; object: Node; property: string | Node; optional: boolean }
  | { type: 'call'; object: Node; method: string; optional: boolean; args: Node[] }
  | { type: 'arrow'; param: string; body: Node }
  | { type: 'unary'; op: '!' | '-'; operand: Node }
  | { type: 'binary'; op: string; left: Node; right: Node }
  | { type: 'conditional'; test: Node; then: Node; otherwise: Node };

/** Reserved words of the full language (or JavaScript) the emulator does not evaluate. */
const UNSUPPORTED_WORDS = new Set([
  'typeof',
  'new',
  'let',
  'const',
  'var',
  'return',
  'try',
  'catch',
  'throw',
  'function',
  'in',
  'instanceof',
]);

const BINARY_LEVELS: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];

export const parseExpression = (source: string): Node => {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = (): Token => tokens[pos] ?? { kind: 'end', at: source.length };
  const next = (): Token => {
    const token = peek();
    pos += 1;
    return token;
  };
  const isPunct = (value: string, token: Token = peek()): boolean => token.kind === 'punct' && token.value === value;
  const fail = (token: Token, what: string): JiraExpressionUnsupported =>
    new JiraExpressionUnsupported(
      `${what} at character ${token.at + 1} of the filter expression ('${source.slice(token.at, token.at + 20)}')`,
    );
  const expect = (value: string): void => {
    const token = next();
    if (!isPunct(value, token)) throw fail(token, `Expected '${value}'`);
  };

  const conditional = (): Node => {
    const test = binary(0);
    if (!isPunct('?')) return test;
    next();
    const then = conditional();
    expect(':');
    return { type: 'conditional', test, then, otherwise: conditional() };
  };

  const binary = (level: number): Node => {
    const ops = BINARY_LEVELS[level];
    if (ops === undefined) return unary();
    let left = binary(level + 1);
    for (;;) {
      const token = peek();
      if (token.kind !== 'punct' || !ops.includes(token.value)) return left;
      next();
      left = { type: 'binary', op: token.value, left, right: binary(level + 1) };
    }
  };

  const unary = (): Node => {
    if (isPunct('!') || isPunct('-')) {
      const op = isPunct('!') ? '!' : '-';
      next();
      return { type: 'unary', op, operand: unary() };
    }
    return postfix(primary());
  };

  const postfix = (start: Node): Node => {
    let node = start;
    for (;;) {
      const optional = isPunct('?.');
      if (!optional && !isPunct('.') && !isPunct('[')) return node;
      const token = next();
      if (isPunct('[', token) || (optional && isPunct('['))) {
        if (optional) next();
        const property = conditional();
        expect(']');
        node = { type: 'member', object: node, property, optional };
        continue;
      }
      const name = next();
      if (name.kind !== 'name') throw fail(name, 'Expected a property name');
      if (isPunct('(')) {
        next();
        const args: Node[] = [];
        while (!isPunct(')')) {
          args.push(argument());
          if (!isPunct(')')) expect(',');
        }
        next();
        node = { type: 'call', object: node, method: name.value, optional, args };
        continue;
      }
      node = { type: 'member', object: node, property: name.value, optional };
    }
  };

  const argument = (): Node => {
    const token = peek();
    if (token.kind === 'name' && isPunct('=>', tokens[pos + 1])) {
      pos += 2;
      return { type: 'arrow', param: token.value, body: conditional() };
    }
    return conditional();
  };

  const primary = (): Node => {
    const token = next();
    switch (token.kind) {
      case 'number':
      case 'string':
        return { type: 'literal', value: token.value };
      case 'name':
        if (token.value === 'true' || token.value === 'false')
          return { type: 'literal', value: token.value === 'true' };
        if (token.value === 'null') return { type: 'literal', value: null };
        if (UNSUPPORTED_WORDS.has(token.value))
          throw fail(token, `'${token.value}' is not supported by the local runtime`);
        if (isPunct('=>'))
          throw fail(token, 'A function outside a method argument is not supported by the local runtime');
        return { type: 'name', name: token.value };
      case 'punct':
        if (token.value === '(') {
          const inner = conditional();
          expect(')');
          return inner;
        }
        if (token.value === '[') {
          const items: Node[] = [];
          while (!isPunct(']')) {
            items.push(conditional());
            if (!isPunct(']')) expect(',');
          }
          next();
          return { type: 'list', items };
        }
        throw fail(token, `Unexpected '${token.value}'`);
      case 'end':
        throw fail(token, 'Unexpected end');
    }
  };

  const tree = conditional();
  const rest = peek();
  if (rest.kind !== 'end') throw fail(rest, 'Unexpected text after the expression');
  return tree;
};
