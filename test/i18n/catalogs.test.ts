import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { getTranslationValue } from '@forge/i18n';
import { LOCALES, messageIn, translator } from '../../src/contract';
import { i18nBundleFiles, readCatalog } from '../../local/platform/i18n/catalogs';

/**
 * The catalogs are the only place words live: both languages say the same things with the same
 * placeholders, and every key the code names exists. A key missing from a catalog would show as the key.
 */
const ROOT = path.resolve(__dirname, '..', '..');

const leaves = (value: unknown, prefix = ''): Map<string, string> => {
  const out = new Map<string, string>();
  if (typeof value === 'string') out.set(prefix, value);
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value))
      for (const [kk, vv] of leaves(v, prefix === '' ? k : `${prefix}.${k}`)) out.set(kk, vv);
  return out;
};

// Every word: the catalog Forge serves, the chunks' own words and the backend's (each in one place only).
const catalogs = Object.fromEntries(
  LOCALES.map((l) => [l, leaves(readCatalog(ROOT, l, { chunks: true, backend: true }))]),
);
const english = catalogs['en-US'] ?? new Map<string, string>();
const dutch = catalogs['nl-NL'] ?? new Map<string, string>();
const PLURAL = /\.(zero|one|two|few|many|other)$/;
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });

/** Literal keys passed to t(): `t('board.title')`, and the fixed part of `t(\`common.track.${x}\`)`. */
const usedKeys = (): { file: string; key: string; prefix: boolean }[] =>
  [...sourceFiles(path.join(ROOT, 'static', 'src')), ...sourceFiles(path.join(ROOT, 'src'))].flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    return [
      ...[...text.matchAll(/\bt\(\s*'([\w.-]+)'/g)].map((m) => ({ file, key: m[1] ?? '', prefix: false })),
      ...[...text.matchAll(/\bt\(\s*`([\w.-]+)\.\$\{/g)].map((m) => ({ file, key: m[1] ?? '', prefix: true })),
    ];
  });

describe('the message catalogs', () => {
  it('say the same things in English and Dutch', () => {
    expect([...dutch.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('fill the same placeholders in both languages', () => {
    const differing = [...english].filter(
      ([key, text]) => placeholders(text).join() !== placeholders(dutch.get(key) ?? '').join(),
    );
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it('have every key the code uses', () => {
    const used = usedKeys();
    expect(used.length).toBeGreaterThan(0);
    const missing = used.filter(({ key, prefix }) => {
      if (prefix) return ![...english.keys()].some((k) => k.startsWith(`${key}.`));
      return !english.has(key) && !english.has(`${key}.other`);
    });
    expect(missing.map(({ file, key }) => `${path.relative(ROOT, file)}: ${key}`)).toEqual([]);
  });

  it("keep the chunks' words out of the catalog every view fetches, each chunk file loaded by the UI", () => {
    const areas = readdirSync(path.join(ROOT, 'locales', 'en-US', 'chunks')).map((f) => f.replace(/\.json$/, ''));
    expect(areas.length).toBeGreaterThan(0);
    const loader = readFileSync(path.join(ROOT, 'static', 'src', 'app', 'chunk-words.ts'), 'utf8');
    for (const locale of LOCALES) {
      const served = leaves(readCatalog(ROOT, locale));
      const all = catalogs[locale] ?? new Map<string, string>();
      for (const area of areas) {
        expect(loader).toContain(`'../../../locales/${locale}/chunks/${area}.json'`);
        const chunkKeys = [...all.keys()].filter((k) => k.startsWith(`${area}.`) && !served.has(k));
        expect(chunkKeys.length).toBeGreaterThan(0);
      }
    }
  });

  it("keep the backend's words out of the catalog every view fetches, each backend file bundled by the function", () => {
    const areas = readdirSync(path.join(ROOT, 'locales', 'en-US', 'backend')).map((f) => f.replace(/\.json$/, ''));
    expect(areas).toEqual(expect.arrayContaining(['errors', 'reminders']));
    const bundler = readFileSync(path.join(ROOT, 'src', 'adapters', 'i18n', 'backend-words.ts'), 'utf8');
    for (const locale of LOCALES) {
      const served = leaves(readCatalog(ROOT, locale));
      for (const area of areas) {
        expect(bundler).toContain(`'../../../locales/${locale}/backend/${area}.json'`);
        expect([...served.keys()].filter((k) => k.startsWith(`${area}.`))).toEqual([]);
      }
    }
  });

  it('give plural forms an "other" form in both languages', () => {
    const pluralBases = new Set([...english.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    for (const base of pluralBases) {
      expect(english.has(`${base}.other`)).toBe(true);
      expect(dutch.has(`${base}.other`)).toBe(true);
    }
  });

  it('bundle into __LOCALES__ as the CLI does, module titles in both languages', () => {
    const files = i18nBundleFiles(ROOT);
    expect([...files.keys()].sort()).toEqual(['en-US.json', 'i18n-info.json', 'nl-NL.json']);
    const info = JSON.parse(files.get('i18n-info.json') ?? '{}') as {
      translations: Record<string, Record<string, string>>;
      config: { locales: string[]; fallback: { default: string } };
    };
    expect(info.config).toEqual({ locales: ['en-US', 'nl-NL'], fallback: { default: 'en-US' } });
    expect(info.translations['app.modules.board']).toEqual({ 'en-US': 'Cadence OKRs', 'nl-NL': "Cadence OKR's" });
  });
});

describe('messageIn', () => {
  it("finds every message as Forge's own translator does, and nothing where it finds nothing", () => {
    for (const locale of LOCALES) {
      const catalog = readCatalog(ROOT, locale);
      const keys = [...(catalogs[locale] ?? new Map<string, string>()).keys()];
      for (const key of [...keys, 'common', 'common.track', 'nope.nothing', 'common.track.on_pace.x'])
        expect(messageIn(catalog, key)).toBe(getTranslationValue({ [locale]: catalog }, key, locale));
    }
    expect(messageIn({ 'a.b': 'flat', a: { b: 'nested' } }, 'a.b')).toBe('flat');
    expect(messageIn({ a: { b: 'nested' } }, 'a.b')).toBe('nested');
    expect(messageIn('not a catalog', 'a')).toBeNull();
  });
});

describe('translator', () => {
  const lookupIn = (messages: Record<string, string>) => (key: string) => messages[key] ?? null;

  it('fills placeholders and formats numbers for the locale', () => {
    const en = translator(lookupIn({ x: '{name} has {n} points' }), 'en-US');
    const nl = translator(lookupIn({ x: '{name} heeft {n} punten' }), 'nl-NL');
    expect(en('x', { name: 'Ana', n: 52000.5 })).toBe('Ana has 52,000.5 points');
    expect(nl('x', { name: 'Ana', n: 52000.5 })).toBe('Ana heeft 52.000,5 punten');
  });

  it('picks the plural form by count, then other, and answers the key when nothing matches', () => {
    const t = translator(lookupIn({ 'o.one': '{count} objective', 'o.other': '{count} objectives' }), 'en-US');
    expect(t('o', { count: 1 })).toBe('1 objective');
    expect(t('o', { count: 0 })).toBe('0 objectives');
    expect(t('o', { count: 3 })).toBe('3 objectives');
    expect(t('nope')).toBe('nope');
  });
});
