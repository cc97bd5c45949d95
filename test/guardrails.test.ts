import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

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

  it('keeps @forge/api inside src/adapters/jira', () => {
    expect(offenders(src, (s, f) => s === '@forge/api' && !f.startsWith('src/adapters/jira/'))).toEqual([]);
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
