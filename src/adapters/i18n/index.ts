import { i18n } from '@forge/api';
import type { CatalogWords, Locale } from '../../contract';
import { DEFAULT_LOCALE, messageIn, translator } from '../../contract';
import { BACKEND_WORDS } from './backend-words';

/**
 * The backend's catalog for a language: its own words (backend-words.ts: errors, reminders), then the
 * shared catalog through Forge's own i18n: @forge/api's createTranslationFunction reads
 * `${appCodeDir}/__LOCALES__` (the files the CLI bundles from manifest.yml's translations) with the
 * manifest's fallback to English (docs: forge/apis-reference/i18n-api). The only importer of @forge/api's
 * i18n; plurals and placeholders are contract/i18n's, the same as the UI's.
 */
const MISSING = '\u0000missing';

export const catalogFor = async (locale: Locale): Promise<CatalogWords> => {
  const lookUp = await i18n.createTranslationFunction(locale);
  // Forge's function answers the default (else the key) for a key no catalog has; ours wants null.
  const lookup = (key: string): string | null => {
    const own = messageIn(BACKEND_WORDS[locale], key) ?? messageIn(BACKEND_WORDS[DEFAULT_LOCALE], key);
    if (own !== null) return own;
    const value = lookUp(key, MISSING);
    return value === MISSING ? null : value;
  };
  return { lookup, translate: translator(lookup, locale) };
};
