import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MESSAGES, matchPattern } from './error-words';

/**
 * Every refusal the backend words as a whole message must be one the error-words table knows, or a Dutch
 * user reads it in English. This reads the message literals of src/ (AppError, forbidden, invalidState and
 * the permission checks' refuse) and checks each against the table, trying a few sample values for the
 * parts a template fills in. Internal errors (logged, never shown) and validation messages built from a
 * field and a rule (said by the rules table) are not whole messages.
 */
const SRC = path.resolve(__dirname, '..');

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });

/** A string or template literal right after the call's opening (and, for AppError, its code). */
const CALLS = [
  /new AppError\(\s*'(?<code>\w+)',\s*(?<q>['`])(?<text>(?:\\.|(?!\k<q>)[^\\])*)\k<q>/g,
  /\b(?<code>forbidden|invalidState|refuse)\(\s*(?<q>['`])(?<text>(?:\\.|(?!\k<q>)[^\\])*)\k<q>/g,
];

/** Values tried for each `${…}` of a template, so "at most ${n}" and "is in ${status}" can both match. */
const SAMPLES = [
  '1',
  'planning',
  'verifying',
  'PAY-12',
  'Payments',
  'status 503',
  'storage did not answer',
  'was not found or is not visible to you',
  'change teams',
  'choose the OKR admin group',
  'cycle',
  'the cycle',
];

const instances = (template: string): string[] => {
  const parts = template.split(/\$\{[^}]*\}/);
  let out = [parts[0] ?? ''];
  for (const part of parts.slice(1)) out = out.flatMap((head) => SAMPLES.map((s) => `${head}${s}${part}`));
  return out;
};

/** Messages that are not said to people as they are (their words come from elsewhere or are logs). */
const NOT_WHOLE_MESSAGES = new Set(['INTERNAL', 'VALIDATION']);

const literals = sourceFiles(SRC).flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  return CALLS.flatMap((re) =>
    [...text.matchAll(re)].map((m) => ({
      file: path.relative(SRC, file),
      code: m.groups?.code ?? '',
      text: (m.groups?.text ?? '').replace(/\\'/g, "'"),
    })),
  );
});

describe('backend refusals and the error-words table', () => {
  test('finds the refusals it checks', () => {
    expect(literals.filter((l) => !NOT_WHOLE_MESSAGES.has(l.code)).length).toBeGreaterThan(30);
  });

  test('every whole message the backend says is one the table words in every language', () => {
    const unknown = literals
      .filter((l) => !NOT_WHOLE_MESSAGES.has(l.code))
      .filter((l) => !instances(l.text).some((sample) => matchPattern(MESSAGES, sample) !== undefined))
      .map((l) => `${l.file}: ${l.text}`);
    expect(unknown).toEqual([]);
  });
});
