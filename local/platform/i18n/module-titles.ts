import { readFileSync } from 'node:fs';
import path from 'node:path';
import { I18N_BUNDLE_FOLDER_NAME, I18N_INFO_FILE_NAME } from '@forge/i18n';
import { z } from 'zod';

/**
 * Module titles in the user's language, as Jira and Confluence show them: from the `__LOCALES__`
 * i18n-info.json the CLI bundles (every title key's translations plus the lookup config), in the lookup
 * order of @forge/i18n's TranslationsGetter.getLocaleLookupOrder: the locale, its manifest fallbacks, then
 * the default locale (docs: manifest-reference/translations).
 */
const I18nInfo = z.object({
  translations: z.record(z.string(), z.record(z.string(), z.string())),
  config: z.object({
    locales: z.array(z.string()),
    fallback: z.object({ default: z.string() }).catchall(z.array(z.string())),
  }),
});
type I18nInfo = z.infer<typeof I18nInfo>;

const infos = new Map<string, I18nInfo>();
const infoIn = (appCodeDir: string): I18nInfo => {
  let info = infos.get(appCodeDir);
  if (info === undefined) {
    const file = path.join(appCodeDir, I18N_BUNDLE_FOLDER_NAME, I18N_INFO_FILE_NAME);
    info = I18nInfo.parse(JSON.parse(readFileSync(file, 'utf8')));
    infos.set(appCodeDir, info);
  }
  return info;
};

export const localeLookupOrder = (locale: string, config: I18nInfo['config']): string[] => {
  const order = [locale, ...(config.fallback[locale] ?? []), config.fallback.default];
  return [...new Set(order)].filter((l) => config.locales.includes(l));
};

/** A module title (`text` in the default locale, `key` when the manifest names a translation) for a locale. */
export const moduleTitle = (
  appCodeDir: string,
  title: { text: string; key: string | undefined },
  locale: string,
): string => {
  if (title.key === undefined) return title.text;
  const info = infoIn(appCodeDir);
  const translations = info.translations[title.key] ?? {};
  for (const l of localeLookupOrder(locale, info.config)) {
    const text = translations[l];
    if (text !== undefined) return text;
  }
  return title.text;
};
