import '@atlaskit/css-reset';
import { StrictMode } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ForgeContext } from './context';
import { startContext } from './context';
import { ErrorBoundary } from './error-boundary';
import { t } from './i18n';

export type { ForgeContext } from './context';

/**
 * Mounts a module view: switches on theming and installs its tokens, reads the context once (startContext),
 * then renders.
 * `context` lets a view pass those calls already under way (started before React loaded).
 */
/**
 * "Cadence could not start: …" in the view's language. Starting may have failed before the catalog
 * loaded (loading it is part of starting), so then the browser's language picks one of the two sentences
 * kept here, the only words outside the catalog.
 */
const couldNotStart = (reason: string): string => {
  const said = t('common.couldNotStart', { reason });
  if (said !== 'common.couldNotStart') return said;
  const dutch = typeof navigator !== 'undefined' && /^nl\b/i.test(navigator.language);
  return `${dutch ? 'Cadence kon niet starten' : 'Cadence could not start'}: ${reason}`;
};

export const mount = (
  render: (context: ForgeContext) => ReactNode,
  context: Promise<ForgeContext> = startContext(),
): void => {
  const el = document.getElementById('root');
  if (!el) throw new Error('index.html has no #root element');
  const root = createRoot(el);
  void context.then(
    (ready) => {
      root.render(
        <StrictMode>
          <ErrorBoundary>{render(ready)}</ErrorBoundary>
        </StrictMode>,
      );
    },
    (error: unknown) => {
      root.render(
        <p role="alert">{couldNotStart(error instanceof Error ? error.message : String(error))}</p>,
      );
    },
  );
};
