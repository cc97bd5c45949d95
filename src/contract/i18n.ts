/**
 * The two languages Cadence speaks and the one way a message is filled in, shared by the UI (through
 * the bridge's i18n) and the backend (through @forge/api's i18n). Forge's own translator only looks a
 * key up (a flat key or a dotted path, strings only); plurals and placeholders are ours, kept this small
 * on purpose so every view stays inside its bundle budget.
 */
export const LOCALES = ['en-US', 'nl-NL'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en-US';

/**
 * The language to speak for a Forge locale ("nl_NL", "nl-BE", "en-GB"): Dutch for any Dutch locale,
 * English otherwise (the manifest's fallback), so formats follow the language we actually show.
 */
export const localeOf = (raw: string | null | undefined): Locale =>
  (raw ?? '').toLowerCase().startsWith('nl') ? 'nl-NL' : DEFAULT_LOCALE;

export type MessageParams = Readonly<Record<string, string | number>>;
/** Looks one key up in the user's catalog (with Forge's fallback); null when no catalog has it. */
export type Lookup = (key: string) => string | null;
export type Translate = (key: string, params?: MessageParams) => string;

/**
 * A key's message in one catalog the way Forge's own translator finds it: the key as a flat entry, else
 * its dotted path through nested objects; strings only [@forge/i18n translationValueGetter].
 */
export const messageIn = (catalog: unknown, key: string): string | null => {
  const read = (at: unknown, name: string): unknown =>
    typeof at === 'object' && at !== null && Object.hasOwn(at, name)
      ? (at as Record<string, unknown>)[name]
      : undefined;
  const flat = read(catalog, key);
  const value = flat !== undefined && flat !== '' ? flat : key.split('.').reduce<unknown>(read, catalog);
  return typeof value === 'string' ? value : null;
};

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * A translate function over a lookup. A numeric `count` picks the plural form by the locale's rules:
 * `key.one`, `key.other` (CLDR categories, `Intl.PluralRules`), then `key` itself. `{name}` is replaced
 * by params.name; numbers are formatted for the locale. A key no catalog has comes back as the key, so a
 * missing message is visible rather than blank (and test/i18n checks every used key exists).
 */
export const translator = (lookup: Lookup, locale: Locale): Translate => {
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const fill = (template: string, params: MessageParams): string =>
    template.replace(PLACEHOLDER, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === 'number' ? numbers.format(value) : value;
    });
  return (key, params = {}) => {
    const count = params.count;
    const template =
      (typeof count === 'number' ? (lookup(`${key}.${plurals.select(count)}`) ?? lookup(`${key}.other`)) : null) ??
      lookup(key);
    return template === null ? key : fill(template, params);
  };
};
