import '@atlaskit/css-reset';
import { view } from '@forge/bridge';
import type { FullContext } from '@forge/bridge';
import { StrictMode } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from './error-boundary';

/** The bridge's context, as every view receives it. */
export type ForgeContext = FullContext;

/**
 * Mounts a module view: switches on theming (the host sets data-color-mode, our bundled Atlaskit token
 * themes follow it, so dark mode works), reads the context once, then renders.
 */
export const mount = (render: (context: ForgeContext) => ReactNode): void => {
  const el = document.getElementById('root');
  if (!el) throw new Error('index.html has no #root element');
  const root = createRoot(el);
  void view.theme
    .enable()
    .catch(() => undefined) // theming is cosmetic: a host without it still gets a working view
    .then(() => view.getContext())
    .then(
      (context) => {
        root.render(
          <StrictMode>
            <ErrorBoundary>{render(context)}</ErrorBoundary>
          </StrictMode>,
        );
      },
      (error: unknown) => {
        root.render(
          <p role="alert">Cadence could not start: {error instanceof Error ? error.message : String(error)}</p>,
        );
      },
    );
};
