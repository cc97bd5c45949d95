import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Our views write design tokens as CSS custom properties (`var(--ds-text)`, what token('color.text')
 * returns), so a misspelt name would silently fall back to nothing. Every `--ds-*` name in the shared
 * components and the panel, gadget, macro and team views must be one @atlaskit/tokens defines.
 */
const root = path.join(__dirname, '..');
const SCANNED = ['components', 'views/panel', 'views/gadget', 'views/macro', 'views/team'].map((d) =>
  path.join(root, 'static', 'src', d),
);

const filesIn = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return filesIn(full);
    return /\.(css|ts|tsx)$/.test(name) ? [full] : [];
  });

const KNOWN = new Set(
  [
    ...readFileSync(
      path.join(root, 'node_modules', '@atlaskit', 'tokens', 'dist', 'esm', 'artifacts', 'token-names.js'),
      'utf8',
    ).matchAll(/'(--ds-[a-z0-9-]+)'/g),
  ].map((m) => m[1]),
);

describe('design tokens in the UI', () => {
  it('reads the token list', () => {
    expect(KNOWN.size).toBeGreaterThan(300);
    expect(KNOWN.has('--ds-text')).toBe(true);
  });

  it('uses only token names @atlaskit/tokens defines', () => {
    const unknown = SCANNED.flatMap(filesIn).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/--ds-[a-z0-9-]+/g)]
        .map((m) => m[0])
        .filter((name) => !KNOWN.has(name))
        .map((name) => `${path.relative(root, file)}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });
});
