import '@atlaskit/css-reset';
import { StrictMode } from 'react';
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { installTokenThemes } from '../components/theme';
import type { ForgeContext } from './context';
import { startContext } from './context';
import { ErrorBoundary } from './error-boundary';

export type { ForgeContext } from './context';

/**
 * Mounts a module view: switches on theming, reads the context once (startContext), then renders.
 * `context` lets a view pass those calls already under way (started before React loaded).
 */
export const mount = (
  render: (context: ForgeContext) => ReactNode,
  context: Promise<ForgeContext> = startContext(),
): void => {
  const el = document.getElementById('root');
  if (!el) throw new Error('index.html has no #root element');
  const root = createRoot(el);
  installTokenThemes();
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
        <p role="alert">Cadence could not start: {error instanceof Error ? error.message : String(error)}</p>,
      );
    },
  );
};
