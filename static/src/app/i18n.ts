import { i18n } from '@forge/bridge';
import type { Locale, MessageParams, Translate } from '../../../src/contract';
// The module, not the contract's index: that would bring zod and every schema into each view's entry.
import { DEFAULT_LOCALE, localeOf, messageIn, translator } from '../../../src/contract/i18n';

/**
 * The view's language, set once before the first render (mount awaits startI18n). A Forge view is an
 * iframe that reloads when the user's language changes, so one language per page is the platform's own
 * model; that lets every component and formatter call `t` directly instead of threading a hook.
 */
let current: { locale: Locale; translate: Translate } = {
  locale: DEFAULT_LOCALE,
  translate: (key) => key,
};

/**
 * Loads the user's catalog through the bridge's i18n (`./__LOCALES__/i18n-info.json`, then
 * `<locale>.json`), for the language of the context's locale (any Dutch locale reads Dutch). Only that
 * one catalog: with Forge's fallback on, a Dutch view would fetch the English catalog too, 12 KB for
 * nothing, since test/i18n/catalogs.test.ts holds both languages to the same keys.
 */
export const startI18n = async (contextLocale: string | undefined): Promise<Locale> => {
  const locale = localeOf(contextLocale);
  const { translations } = await i18n.getTranslations(locale, { fallback: false });
  if (translations === null) throw new Error(`Cadence has no ${locale} catalog in __LOCALES__`);
  catalog = isObject(translations) ? translations : {};
  setTranslations(locale, (key) => messageIn(catalog, key));
  return locale;
};

/** The catalog startI18n loaded, with any chunk words added since (addWords). */
let catalog: Record<string, unknown> = {};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const merged = (into: unknown, words: Record<string, unknown>): Record<string, unknown> => {
  const out: Record<string, unknown> = isObject(into) ? { ...into } : {};
  for (const [key, value] of Object.entries(words)) {
    const before = out[key];
    out[key] = isObject(before) && isObject(value) ? merged(before, value) : value;
  }
  return out;
};

/**
 * Adds the words a lazily loaded part brings with it (app/chunk-words.ts) to an area of the catalog, in
 * the view's language; test/i18n holds them to the same rules as the catalog's and keeps each key in one place.
 */
export const addWords = (area: string, words: Record<string, unknown>): void => {
  catalog = { ...catalog, [area]: merged(catalog[area], words) };
};

/** Sets the language from a lookup (startI18n, and unit tests with the catalog files). */
export const setTranslations = (locale: Locale, lookup: (key: string) => string | null): void => {
  current = { locale, translate: translator(lookup, locale) };
};

/** The message for a key in the view's language; a numeric `count` param picks the plural form. */
export const t = (key: string, params?: MessageParams): string => current.translate(key, params);

/** The view's language, for Intl formatters and `lang` attributes. */
export const currentLocale = (): Locale => current.locale;
