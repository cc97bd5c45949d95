/**
 * Tokens of the Jira expressions subset the emulator evaluates (trigger filter expressions). Anything
 * outside it is a JiraExpressionUnsupported naming the text and its position, never a silent guess.
 */

export class JiraExpressionUnsupported extends Error {
  override readonly name = 'JiraExpressionUnsupported';
}

export type Token =
  | { kind: 'number'; value: number; at: number }
  | { kind: 'string'; value: string; at: number }
  | { kind: 'name'; value: string; at: number }
  | { kind: 'punct'; value: string; at: number }
  | { kind: 'end'; at: number };

/** Longest first, so `?.` wins over `?` and `==` over `=`. */
const PUNCTUATION = ['?.', '=>', '==', '!=', '<=', '>=', '&&', '||', '.', '[', ']', '(', ')', ',', '!', '<', '>'];
const MORE_PUNCTUATION = ['+', '-', '*', '/', '%', '?', ':'];
/** JavaScript operators Jira expressions do not have, or the emulator does not evaluate. */
const REFUSED = ['===', '!==', '??', '=', '{', '}', '`', ';', '&', '|', '^', '~'];

const unsupported = (source: string, at: number, what: string): JiraExpressionUnsupported =>
  new JiraExpressionUnsupported(
    `${what} at character ${at + 1} of the filter expression is not supported by the local runtime: '${source.slice(at, at + 20)}'`,
  );

const readString = (source: string, start: number): { value: string; end: number } => {
  const quote = source[start];
  let value = '';
  let i = start + 1;
  while (i < source.length && source[i] !== quote) {
    if (source[i] === '\\') {
      const next = source[i + 1];
      if (next === undefined) break;
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      i += 2;
      continue;
    }
    value += source[i] ?? '';
    i += 1;
  }
  if (i >= source.length) throw unsupported(source, start, 'An unterminated string');
  return { value, end: i + 1 };
};

export const tokenize = (source: string): Token[] => {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i] ?? '';
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (c === "'" || c === '"') {
      const { value, end } = readString(source, i);
      tokens.push({ kind: 'string', value, at: i });
      i = end;
      continue;
    }
    const number = /^\d+(\.\d+)?/.exec(source.slice(i));
    if (number) {
      tokens.push({ kind: 'number', value: Number(number[0]), at: i });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_$][\w$]*/.exec(source.slice(i));
    if (name) {
      tokens.push({ kind: 'name', value: name[0], at: i });
      i += name[0].length;
      continue;
    }
    const refused = REFUSED.find((p) => source.startsWith(p, i));
    const punct = [...PUNCTUATION, ...MORE_PUNCTUATION].find((p) => source.startsWith(p, i));
    if (refused !== undefined && (punct === undefined || refused.length > punct.length)) {
      throw unsupported(source, i, `The operator '${refused}'`);
    }
    if (punct === undefined) throw unsupported(source, i, `The character '${c}'`);
    tokens.push({ kind: 'punct', value: punct, at: i });
    i += punct.length;
  }
  tokens.push({ kind: 'end', at: source.length });
  return tokens;
};
