// Gzipped size of what each Custom UI view loads before it can render: the files its index.html names
// (module script, modulepreload links, stylesheets), the chunks its entry imports at once (EAGER), and
// every chunk those import statically. Chunks
// reached only through import() (the macro config dialog, the gadget edit view, charts, pickers) load
// on demand and are listed apart. Run after `npm run build`: `npm run bench:ui`. Prints, no assertions.
// Every view also fetches its words before the first render (static/src/app/context.ts): @forge/bridge's
// i18n reads ./__LOCALES__/i18n-info.json, then the user's locale file only (getTranslations with
// fallback off, static/src/app/i18n.ts); those count in the initial size per language, with the chunk
// words a view fetches before its first render (FIRST_CHUNK_WORDS).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const repo = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.join(repo, 'static', 'build');
/** The merged catalogs `npm run build` writes (manifest.yml translations), and the CLI's i18n-info.json. */
const CATALOGS = path.join(repo, 'locales', 'build');
const I18N_INFO = path.join(repo, 'dist', 'forge', '__LOCALES__', 'i18n-info.json');
const LANGUAGES = ['en-US', 'nl-NL'];
/** Issue #5's budgets, gzipped initial JS + CSS per view (the team page has none; shown for reference). */
const BUDGETS = {
  board: 250,
  panel: 120,
  macro: 120,
  gadget: 120,
  // The settings page (jira:adminPage) is opened rarely and by admins; it validates imports and settings
  // with the contract's zod schemas in the page, as settings.update and data.import check them.
  admin: 160,
};

/**
 * Chunks an entry imports with import() as soon as it runs, not on demand: they load before the first
 * render, so they count as initial. The board's entry starts its bridge calls, then imports the app
 * chunk (static/src/views/board/main.tsx).
 */
const EAGER = { board: [/^board-app-/] };

/**
 * Chunks of which every view loads exactly one before its first render, whichever the host selects: the
 * colour themes (static/src/components/theme.ts). The larger counts as initial, the other as on demand.
 */
const ONE_OF = [[/^atlassian-light-/, /^atlassian-dark-/]];

const gz = (file) => gzipSync(readFileSync(file)).length;
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** Static imports of an ES module chunk: `import x from "./a.js"`, `import "./a.js"`, `export * from "./a.js"`. */
const staticImports = (code) =>
  [...code.matchAll(/(?:\bimport|\bexport)\s*(?:[^"'()]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)].map((m) => m[1]);

const measure = (view) => {
  const dir = path.join(root, view);
  const html = readFileSync(path.join(dir, 'index.html'), 'utf8');
  const named = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*href="([^"]+)"/g),
  ].map((m) => path.join(dir, m[1]));
  const initial = new Set();
  const visit = (file) => {
    if (initial.has(file) || !existsSync(file)) return;
    initial.add(file);
    if (file.endsWith('.js'))
      for (const spec of staticImports(readFileSync(file, 'utf8'))) visit(path.join(path.dirname(file), spec));
  };
  named.forEach(visit);
  const assets = readdirSync(path.join(dir, 'assets')).map((f) => path.join(dir, 'assets', f));
  const eager = EAGER[view] ?? [];
  assets.filter((f) => eager.some((re) => re.test(path.basename(f)))).forEach(visit);
  for (const group of ONE_OF) {
    const choices = assets.filter((f) => group.some((re) => re.test(path.basename(f))));
    if (choices.length !== group.length) throw new Error(`${view}: expected one chunk for each of ${group.join(', ')}`);
    visit(choices.reduce((a, b) => (gz(b) > gz(a) ? b : a)));
  }
  // A chunk's own stylesheet is loaded with it (Vite's preload helper), not by an import statement.
  const stem = (f) => path.basename(f).replace(/-[\w-]{8}\.(js|css)$/, '');
  const loadedJs = new Set([...initial].filter((f) => f.endsWith('.js')).map(stem));
  assets.filter((f) => f.endsWith('.css') && loadedJs.has(stem(f))).forEach((f) => initial.add(f));
  const sum = (files, ext) => files.filter((f) => f.endsWith(ext)).reduce((n, f) => n + gz(f), 0);
  const initialFiles = [...initial];
  const lazyFiles = assets.filter((f) => !initial.has(f) && (f.endsWith('.js') || f.endsWith('.css')));
  return {
    view,
    js: sum(initialFiles, '.js'),
    css: sum(initialFiles, '.css'),
    lazy: lazyFiles.map((f) => `${path.basename(f).replace(/-[\w-]{8}\./, '.')} ${kb(gz(f))}`),
  };
};

/** Gzipped bytes a view fetches for its words in a language: i18n-info.json and the locale's catalog. */
const wordsOf = (locale) => {
  const files = [path.join(CATALOGS, `${locale}.json`)];
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length > 0) {
    console.error(`No catalog ${missing.map((f) => path.relative(repo, f)).join(', ')}: run \`npm run build\` first.`);
    process.exit(1);
  }
  return [...files, ...(existsSync(I18N_INFO) ? [I18N_INFO] : [])].reduce((n, f) => n + gz(f), 0);
};

/**
 * Chunk words (locales/<locale>/chunks/<area>.json) a view fetches before its first render, beside its
 * app chunk: the board's own words (static/src/views/board/main.tsx).
 */
const FIRST_CHUNK_WORDS = { board: ['board'] };
const chunkWordsOf = (view, locale) =>
  (FIRST_CHUNK_WORDS[view] ?? []).reduce(
    (n, area) => n + gz(path.join(repo, 'locales', locale, 'chunks', `${area}.json`)),
    0,
  );

const views = existsSync(root) ? readdirSync(root).filter((v) => existsSync(path.join(root, v, 'index.html'))) : [];
if (views.length === 0) {
  console.error('No build found: run `npm run build` first.');
  process.exit(1);
}
const words = Object.fromEntries(LANGUAGES.map((l) => [l, wordsOf(l)]));
console.log('Initial JS + CSS + words per view, gzipped (default level)');
console.log(
  `words fetched before the first render: ${LANGUAGES.map((l) => `${l} ${kb(words[l])}`).join(', ')}` +
    (existsSync(I18N_INFO)
      ? ' (with i18n-info.json)'
      : ' (without i18n-info.json: run `npm run package` to count it)') +
    '\n',
);
const header = LANGUAGES.map((l) => `total ${l}`.padStart(15)).join('');
console.log(`view     js         css       ${header}  budget   lazy chunks (on demand)`);
for (const view of views.sort()) {
  const m = measure(view);
  const totals = LANGUAGES.map((l) => m.js + m.css + words[l] + chunkWordsOf(view, l));
  const budget = BUDGETS[view];
  const worst = Math.max(...totals);
  const verdict = budget === undefined ? '   -    ' : `${worst / 1024 <= budget ? 'ok' : 'OVER'} ≤${budget}`;
  console.log(
    `${view.padEnd(8)} ${kb(m.js).padStart(9)}  ${kb(m.css).padStart(8)}  ${totals.map((t) => kb(t).padStart(15)).join('')}  ${verdict.padEnd(8)} ${m.lazy.join(', ')}`,
  );
}
