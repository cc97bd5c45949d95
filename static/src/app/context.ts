import { view } from '@forge/bridge';
import type { FullContext } from '@forge/bridge';
import { ensureThemeAttributes } from '../components/theme';
import { startI18n } from './i18n';

/** The bridge's context, as every view receives it. */
export type ForgeContext = FullContext;

/**
 * What every view waits for before it renders: theming switched on (the host sets data-color-mode, our
 * bundled Atlaskit token themes follow it, so dark mode works), then the context, then the user's
 * catalog (two fetches of __LOCALES__ files). Two bridge round trips and the fetches; a view that
 * wants them under way before React has loaded starts them itself and hands the promise to mount() (the board does, see views/board/main.tsx). No React here, on purpose.
 */
export const startContext = (): Promise<ForgeContext> =>
  view.theme
    .enable()
    .catch(() => undefined) // theming is cosmetic: a host without it still gets a working view
    .then(() => {
      ensureThemeAttributes();
      return view.getContext();
    })
    .then(async (context) => {
      // The catalog loads before the first render, so no view ever shows a key or flips language.
      document.documentElement.lang = await startI18n(context.locale);
      return context;
    });
