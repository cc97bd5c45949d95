import { i18n, view } from '@forge/bridge';
import type { FullContext } from '@forge/bridge';
import type { Locale } from '../../../src/contract/i18n';
import { localeOf } from '../../../src/contract/i18n';
import { prepareFormats } from '../components/format';
import { ensureThemeAttributes, installTokenThemes } from '../components/theme';
import { startI18n } from './i18n';

/** The bridge's context, as every view receives it. */
export type ForgeContext = FullContext;

/**
 * A locale Forge knows and Cadence ships no catalog for: asking for it with fallback off reads only the
 * catalog index (`__LOCALES__/i18n-info.json`), which @forge/i18n then keeps for the real request.
 */
const INDEX_ONLY_LOCALE = 'ja-JP';

/**
 * Loads the locale's ICU data while the catalog is still on its way: the first Intl object of a locale
 * costs tens of ms in a trace, and each date format a few more. The formatters made here are the ones
 * the views use (components/format.ts keeps them), so the first render no longer makes any.
 */
const warmIntl = (locale: string): void => {
  new Intl.PluralRules(locale).select(1);
  prepareFormats(locale);
};

/**
 * What every view waits for before it renders: theming switched on (the host sets data-color-mode, and
 * the Atlaskit token theme it selects is installed, so dark mode works), the context, and the user's catalog.
 * Theming and the context are independent bridge calls and go out together; the catalog index is
 * fetched beside them, so once the context names the locale only the catalog itself is left to fetch.
 * A view that wants all this under way before React has loaded starts it itself and hands the promise
 * to mount() (the board does, see views/board/main.tsx). No React here, on purpose. `onLocale` hears the
 * view's language as soon as the context names it, before the catalog has loaded (the board starts its
 * own words then).
 */
export const startContext = (onLocale?: (locale: Locale) => void): Promise<ForgeContext> => {
  // Theming is cosmetic: a host without it still gets a working view. Once the host has set its
  // attributes, the colour theme they select is fetched (beside the context and the catalog).
  const themed = view.theme
    .enable()
    .catch(() => undefined)
    .then(() => {
      ensureThemeAttributes();
    });
  const themes = themed.then(() => installTokenThemes());
  const index = i18n.getTranslations(INDEX_ONLY_LOCALE, { fallback: false }).catch(() => undefined);
  const context = view.getContext();
  return Promise.all([context, themed]).then(async ([ready]) => {
    const locale = localeOf(ready.locale);
    onLocale?.(locale);
    // The catalog loads before the first render, so no view ever shows a key or flips language. After
    // the index (settled either way): two index requests in flight would both go out.
    const catalog = index.then(() => startI18n(ready.locale));
    // In a task of its own, after the catalog's request has left (the line above sends it from a
    // microtask once the index is in): tens of ms of ICU loading that would otherwise hold it back.
    setTimeout(() => {
      warmIntl(locale);
    }, 0);
    document.documentElement.lang = await catalog;
    await themes;
    return ready;
  });
};
