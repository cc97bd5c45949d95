import spacing from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-spacing';
import typography from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-typography';

/**
 * The design-token themes a view needs, installed once per document.
 *
 * Our CSS (and Atlaskit's) refers to tokens as CSS custom properties (`var(--ds-text)`, exactly what
 * `token('color.text')` returns). Their values come from these theme sheets, keyed on the attributes
 * `view.theme.enable()` puts on <html>: `data-color-mode="light|dark"` and `data-theme="light:light
 * dark:dark spacing:spacing typography:typography"`. @atlaskit/tokens publishes the themes as JS strings
 * (its own setGlobalTheme injects them the same way), so each goes in as a <style> element, allowed by
 * the manifest's `permissions.content.styles: [unsafe-inline]`.
 *
 * Spacing and typography are small and always needed. The colour themes (~3.4 KB gzipped each) are
 * chunks of their own and only the one the host's attributes select is fetched, before the first render
 * (startContext waits for it). If the host switches colour mode while the view is open, the other theme
 * is fetched then: for the moment that takes, colours fall back to the CSS defaults.
 */
const STYLE_ID = 'cadence-design-tokens';

export type ColourTheme = 'light' | 'dark';

const COLOUR_THEMES: Readonly<Record<ColourTheme, () => Promise<{ default: string }>>> = {
  light: () => import('@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-light'),
  dark: () => import('@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-dark'),
};

/**
 * The colour theme the host's attributes select: `data-theme` maps each colour mode to a theme
 * ("light:light dark:dark"), `data-color-mode` says which mode is on. Themes other than these two
 * (none of which Cadence bundles) read as the mode's own.
 */
export const colourThemeOf = (doc: Document = document): ColourTheme => {
  const root = doc.documentElement;
  const mode = root.getAttribute('data-color-mode') === 'dark' ? 'dark' : 'light';
  const mapped = (root.getAttribute('data-theme') ?? '')
    .split(/\s+/)
    .find((pair) => pair.startsWith(`${mode}:`))
    ?.slice(mode.length + 1);
  return mapped === 'light' || mapped === 'dark' ? mapped : mode;
};

const styleOf = (doc: Document, id: string, css: string): void => {
  if (doc.getElementById(id)) return;
  const style = doc.createElement('style');
  style.id = id;
  style.textContent = css;
  doc.head.appendChild(style);
};

/** Each document's colour themes, loaded or loading. */
const loading = new WeakMap<Document, Map<ColourTheme, Promise<void>>>();

const installColourTheme = (doc: Document, theme: ColourTheme): Promise<void> => {
  let themes = loading.get(doc);
  if (themes === undefined) {
    themes = new Map();
    loading.set(doc, themes);
  }
  const known = themes.get(theme);
  if (known !== undefined) return known;
  const installed = COLOUR_THEMES[theme]().then(
    ({ default: css }) => {
      styleOf(doc, `${STYLE_ID}-${theme}`, css);
    },
    () => {
      // Theming is cosmetic, as when the host has none: the view still works, and a later switch retries.
      themes.delete(theme);
    },
  );
  themes.set(theme, installed);
  return installed;
};

/**
 * Installs spacing, typography and the colour theme the host selected, and follows the host's later
 * switches. Settles once the selected theme is in (never rejects: a view renders without it).
 */
export const installTokenThemes = (doc: Document = document): Promise<void> => {
  if (!doc.getElementById(STYLE_ID)) {
    styleOf(doc, STYLE_ID, `${spacing}\n${typography}`);
    new MutationObserver(() => {
      void installColourTheme(doc, colourThemeOf(doc));
    }).observe(doc.documentElement, { attributes: true, attributeFilter: ['data-color-mode', 'data-theme'] });
  }
  return installColourTheme(doc, colourThemeOf(doc));
};

/**
 * If the host did not theme the frame (theming failed, or a host without it), fall back to the light
 * theme rather than render with every token undefined. Attributes a host already set are kept.
 */
export const ensureThemeAttributes = (doc: Document = document): void => {
  const root = doc.documentElement;
  if (!root.hasAttribute('data-color-mode')) root.setAttribute('data-color-mode', 'light');
  if (!root.hasAttribute('data-theme')) {
    root.setAttribute('data-theme', 'light:light dark:dark spacing:spacing typography:typography');
  }
};
