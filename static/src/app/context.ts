import { view } from '@forge/bridge';
import type { FullContext } from '@forge/bridge';
import { ensureThemeAttributes } from '../components/theme';

/** The bridge's context, as every view receives it. */
export type ForgeContext = FullContext;

/**
 * What every view waits for before it renders: theming switched on (the host sets data-color-mode, our
 * bundled Atlaskit token themes follow it, so dark mode works), then the context. Two bridge round
 * trips; a view that wants them under way before React has loaded starts them itself and hands the
 * promise to mount() (the board does, see views/board/main.tsx). No React here, on purpose.
 */
export const startContext = (): Promise<ForgeContext> =>
  view.theme
    .enable()
    .catch(() => undefined) // theming is cosmetic: a host without it still gets a working view
    .then(() => {
      ensureThemeAttributes();
      return view.getContext();
    });
