import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import type { ESLint } from 'eslint';
import { Linter } from 'eslint';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the rule is CommonJS so eslint.config.mjs and jest both load it
const localRules = require('../eslint-rules/no-stored-promise.cjs') as ESLint.Plugin;

/**
 * Platform packages stay in their adapters and the pure core stays pure, so the app can be reasoned
 * about and run locally. A scan of import specifiers keeps that from regressing.
 */
const root = path.join(__dirname, '..');

const sourceFiles = (dir: string): string[] =>
  readdirSync(path.join(root, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (statSync(path.join(root, rel)).isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx|mts)$/.test(name) ? [rel] : [];
  });

const importsOf = (file: string): string[] => {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*|require\(\s*|import\s+)['"]([^'"]+)['"]/g)].map(
    (m) => m[1] ?? '',
  );
};

const offenders = (files: string[], isForbidden: (spec: string, file: string) => boolean): string[] =>
  files.flatMap((f) =>
    importsOf(f)
      .filter((s) => isForbidden(s, f))
      .map((s) => `${f} imports ${s}`),
  );

const src = sourceFiles('src').filter((f) => !f.endsWith('.test.ts'));

describe('import guardrails', () => {
  it('keeps @forge/kvs inside src/adapters/kvs', () => {
    expect(offenders(src, (s, f) => s === '@forge/kvs' && !f.startsWith('src/adapters/kvs/'))).toEqual([]);
  });

  it('keeps @forge/api inside src/adapters/jira, and its i18n in src/adapters/i18n', () => {
    expect(
      offenders(
        src,
        (s, f) => s === '@forge/api' && !f.startsWith('src/adapters/jira/') && f !== 'src/adapters/i18n/index.ts',
      ),
    ).toEqual([]);
    // The i18n adapter takes only `i18n` from @forge/api (product calls stay in the Jira adapter).
    const i18nAdapter = readFileSync(path.join(root, 'src/adapters/i18n/index.ts'), 'utf8');
    expect([...i18nAdapter.matchAll(/import\s+(.+?)\s+from\s+'@forge\/api'/g)].map((m) => m[1])).toEqual(['{ i18n }']);
  });

  it('keeps @forge/resolver inside src/resolvers', () => {
    expect(offenders(src, (s, f) => s === '@forge/resolver' && !f.startsWith('src/resolvers/'))).toEqual([]);
  });

  it('keeps src/domain and src/contract free of platform packages and I/O', () => {
    const core = src.filter((f) => f.startsWith('src/domain/') || f.startsWith('src/contract/'));
    expect(core.length).toBeGreaterThan(0);
    expect(offenders(core, (s) => s.startsWith('@forge/') || s.startsWith('node:') || s.includes('adapters'))).toEqual(
      [],
    );
  });

  it('never lets deployed code or the UI import the local runtime', () => {
    const ui = sourceFiles('static/src');
    expect(offenders([...src, ...ui], (s) => /(^|\/)local(\/|$)/.test(s))).toEqual([]);
  });

  it('lets the UI reach the backend only through @forge/bridge and the shared contract', () => {
    const ui = sourceFiles('static/src');
    expect(offenders(ui, (s) => s.startsWith('@forge/') && s !== '@forge/bridge')).toEqual([]);
    // The one exception is the pure domain (no I/O, no platform package, checked above): the UI imports
    // the same function (inline lint hints, past scores) rather than re-implement the OKR maths.
    expect(offenders(ui, (s) => /\.\.\/.*src\/(?!contract|domain)/.test(s))).toEqual([]);
  });
});

/**
 * A promise started, kept in a variable and awaited later is unhandled whenever the code throws before
 * that await (issue #10: checkIns.create died with its reads pending when the write failed first).
 * no-floating-promises cannot see it, so src/ runs the local rule no-stored-promise; these cases show
 * it catches exactly that and lets the safe forms through.
 */
describe('promise guardrail (local/no-stored-promise)', () => {
  const fixtures = mkdtempSync(path.join(os.tmpdir(), 'no-stored-promise-'));
  let cases = 0;
  const lint = (body: string): string[] => {
    // A folder per case: typescript-eslint caches a program per file path, so reusing one file across
    // cases could lint the new text with the old text's types (it did on a clean clone).
    cases += 1;
    const fixtureDir = path.join(fixtures, `case-${String(cases)}`);
    mkdirSync(fixtureDir);
    writeFileSync(
      path.join(fixtureDir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, target: 'ES2022', lib: ['ES2022'], types: [] },
        include: ['*.ts'],
      }),
    );
    const file = path.join(fixtureDir, 'case.ts');
    const code = `declare const read: () => Promise<number>;\ndeclare const write: () => Promise<void>;\ndeclare const startEarly: <T>(p: Promise<T>) => Promise<T>;\nexport const run = async (): Promise<unknown> => {\n${body}\n};\n`;
    writeFileSync(file, code);
    const linter = new Linter({ configType: 'flat', cwd: fixtureDir });
    const messages = linter.verify(
      code,
      [
        {
          files: ['**/*.ts'],
          languageOptions: {
            parser: tsParser,
            parserOptions: { project: './tsconfig.json', tsconfigRootDir: fixtureDir },
          },
          plugins: { local: localRules },
          rules: { 'local/no-stored-promise': ['error', { allow: ['startEarly'] }] },
        },
      ],
      file,
    );
    return messages.map((m) => m.ruleId ?? m.message);
  };

  afterAll(() => {
    rmSync(fixtures, { recursive: true, force: true });
  });

  it.each([
    ['a read started before the write', 'const r = read();\nawait write();\nreturn await r;'],
    ['an array of reads', 'const rs = [read(), read()];\nawait write();\nreturn await Promise.all(rs);'],
    ['a promise assigned later', 'let r: Promise<number> | undefined;\nr ??= read();\nawait write();\nreturn await r;'],
  ])('catches %s', (_name, body) => {
    expect(lint(body)).toEqual(['local/no-stored-promise']);
  });

  it.each([
    ['an immediate await', 'const r = await read();\nawait write();\nreturn r;'],
    ['Promise.all awaited at once', 'const [a, b] = await Promise.all([read(), read()]);\nreturn a + b;'],
    ['startEarly', 'const r = startEarly(read());\nawait write();\nreturn await r;'],
    ['a stored function', 'const later = () => read();\nawait write();\nreturn await later();'],
    [
      'a memo handed on at once',
      'let memo: Promise<number> | undefined;\nconst get = () => (memo ??= read());\nreturn await get();',
    ],
  ])('allows %s', (_name, body) => {
    expect(lint(body)).toEqual([]);
  });

  it('is on for src/ in the project config', () => {
    // eslint.config.mjs is ESM, which jest cannot import: ask the CLI for the resolved config instead.
    const printed = execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/eslint/bin/eslint.js'), '--print-config', 'src/usecases/create-check-in.ts'],
      { cwd: root, encoding: 'utf8' },
    );
    const config = JSON.parse(printed) as { rules?: Record<string, unknown> };
    expect(config.rules?.['local/no-stored-promise']).toEqual([2, { allow: ['startEarly'] }]);
  });
});
