import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  extractI18nKeysFromModules,
  FORGE_SUPPORTED_LOCALE_CODES,
  getTranslationValue,
  I18N_BUNDLE_FOLDER_NAME,
  I18N_INFO_FILE_NAME,
} from '@forge/i18n';
import { parse } from 'yaml';
import { z } from 'zod';

/**
 * Cadence's messages are written per area (locales/<locale>/<area>.json, the area's messages under the
 * key of the file's name) so each view's words sit together; Forge wants one file per locale
 * (manifest `translations.resources`), which `npm run build` writes to locales/build/<locale>.json.
 */
export const SOURCE_DIR = 'locales';
export const BUILD_DIR = path.join('locales', 'build');

const Translations = z.object({
  resources: z.array(z.object({ key: z.enum(FORGE_SUPPORTED_LOCALE_CODES), path: z.string() })).min(1),
  fallback: z.object({ default: z.string() }).catchall(z.array(z.string())),
});
const ManifestI18n = z.object({ modules: z.record(z.string(), z.unknown()), translations: Translations });
export type TranslationsConfig = z.infer<typeof Translations>;

const Catalog = z.record(z.string(), z.unknown());

/**
 * Words only one lazily loaded part of a view uses live in locales/<locale>/chunks/<area>.json: they are
 * bundled into that part (static/src/app/chunk-words.ts) and left out of the catalog every view fetches
 * before its first render, so a view does not download the words of screens it never shows.
 */
export const CHUNKS_DIR = 'chunks';

/**
 * Words only the backend says (error messages, reminder emails) live in locales/<locale>/backend/<area>.json:
 * the function bundle imports them (src/adapters/i18n/backend-words.ts), so they are left out of the catalog
 * every view fetches before its first render (they were a quarter of it).
 */
export const BACKEND_DIR = 'backend';

const readAreas = (dir: string, label: string): [string, Record<string, unknown>][] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const parsed = Catalog.safeParse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
      if (!parsed.success) throw new Error(`${path.join(label, file)} is not a JSON object of messages`);
      return [file.replace(/\.json$/, ''), parsed.data];
    });

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Adds a chunk's words to an area; a key both places define is refused (each word lives once). */
export const mergeWords = (into: unknown, words: Record<string, unknown>, at: string): Record<string, unknown> => {
  const out: Record<string, unknown> = isObject(into) ? { ...into } : {};
  for (const [key, value] of Object.entries(words)) {
    const before = out[key];
    if (before === undefined) out[key] = value;
    else if (isObject(before) && isObject(value)) out[key] = mergeWords(before, value, `${at}.${key}`);
    else throw new Error(`${at}.${key} is in both the catalog and its chunk's words`);
  }
  return out;
};

/**
 * One locale's catalog: every area file of locales/<locale>/, each under its file name; with `chunks`,
 * also the chunk words (locales/<locale>/chunks/), merged into their areas: all the words the UI can show;
 * with `backend`, also the backend's own words (locales/<locale>/backend/).
 */
export const readCatalog = (
  root: string,
  locale: string,
  options: { chunks?: boolean; backend?: boolean } = {},
): Record<string, unknown> => {
  const label = path.join(SOURCE_DIR, locale);
  const dir = path.join(root, label);
  const catalog: Record<string, unknown> = Object.fromEntries(readAreas(dir, label));
  const extra = [...(options.chunks === true ? [CHUNKS_DIR] : []), ...(options.backend === true ? [BACKEND_DIR] : [])];
  for (const sub of extra) {
    const subDir = path.join(dir, sub);
    if (!existsSync(subDir)) continue;
    for (const [area, words] of readAreas(subDir, path.join(label, sub))) catalog[area] = mergeWords(catalog[area], words, area);
  }
  return catalog;
};

export const readTranslationsConfig = (
  root: string,
): { modules: Record<string, unknown>; translations: TranslationsConfig } =>
  ManifestI18n.parse(parse(readFileSync(path.join(root, 'manifest.yml'), 'utf8')));

/** Writes every catalog the manifest names (locales/build/<locale>.json) from the area files. */
export const writeCatalogs = (root: string): string[] => {
  const { translations } = readTranslationsConfig(root);
  return translations.resources.map(({ key, path: file }) => {
    const target = path.join(root, file);
    mkdirSync(path.dirname(target), { recursive: true });
    // Compact: every view fetches this file before its first render.
    writeFileSync(target, JSON.stringify(readCatalog(root, key)));
    return file;
  });
};

/**
 * The `__LOCALES__` files the Forge CLI puts into every resource and into the function bundle:
 * <locale>.json per manifest resource, and i18n-info.json holding each module title key's translations
 * and the lookup config. Same shape and rule as the CLI's I18nResourceBundlingService.createI18nInfo
 * [@forge/cli-shared out/service/i18n-resource-bundling-service.js], including its refusal of a module
 * title key the default locale lacks; built from the area files, so no build step is needed.
 */
export const i18nBundleFiles = (root: string): Map<string, string> => {
  const { modules, translations } = readTranslationsConfig(root);
  const lookup = Object.fromEntries(translations.resources.map(({ key }) => [key, readCatalog(root, key)]));
  const locales = translations.resources.map(({ key }) => key).sort();
  const info: Record<string, Record<string, string>> = {};
  for (const key of extractI18nKeysFromModules(modules)) {
    info[key] = Object.fromEntries(
      locales.flatMap((locale) => {
        const value = getTranslationValue(lookup, key, locale);
        return value === null ? [] : [[locale, value]];
      }),
    );
    if (info[key][translations.fallback.default] === undefined)
      throw new Error(`Default locale '${translations.fallback.default}' is missing the translation of ${key}`);
  }
  const files = new Map<string, string>(
    Object.entries(lookup).map(([locale, c]) => [`${locale}.json`, JSON.stringify(c)]),
  );
  files.set(
    I18N_INFO_FILE_NAME,
    JSON.stringify({ translations: info, config: { locales, fallback: translations.fallback } }),
  );
  return files;
};

/** Writes the `__LOCALES__` folder into `dir` (the function's code directory, as the CLI does). */
export const writeI18nBundle = (root: string, dir: string): string => {
  const folder = path.join(dir, I18N_BUNDLE_FOLDER_NAME);
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of i18nBundleFiles(root)) writeFileSync(path.join(folder, name), text);
  return folder;
};

const codeDirs = new Map<string, string>();
/** A temporary function code directory holding only `__LOCALES__`, made once per repository and process. */
export const tempAppCodeDir = (root: string): string => {
  let dir = codeDirs.get(root);
  if (dir === undefined) {
    dir = mkdtempSync(path.join(tmpdir(), 'cadence-app-code-'));
    writeI18nBundle(root, dir);
    codeDirs.set(root, dir);
  }
  return dir;
};
