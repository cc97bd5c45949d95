import dark from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-dark';
import light from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-light';
import spacing from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-spacing';
import typography from '@atlaskit/tokens/dist/esm/artifacts/themes/atlassian-typography';

/**
 * The design-token themes every view needs, installed once per document.
 *
 * Our CSS (and Atlaskit's) refers to tokens as CSS custom properties (`var(--ds-text)`, exactly what
 * `token('color.text')` returns). Their values come from these theme sheets, keyed on the attributes
 * `view.theme.enable()` puts on <html>: `data-color-mode="light|dark"` and `data-theme="light:light
 * dark:dark spacing:spacing typography:typography"`. Both colour themes are installed, so switching
 * `data-color-mode` switches every colour with no reload. @atlaskit/tokens publishes the themes as JS
 * strings (its own setGlobalTheme injects them the same way), so they go in as one <style> element,
 * allowed by the manifest's `permissions.content.styles: [unsafe-inline]`. ~8 KB gzipped in all.
 */
const STYLE_ID = 'cadence-design-tokens';

export const installTokenThemes = (doc: Document = document): void => {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = [light, dark, spacing, typography].join('\n');
  doc.head.appendChild(style);
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
