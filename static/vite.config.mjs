// Shared Vite settings for every Custom UI resource.
import path from 'node:path';
import { methodGuidePlugin } from './guide/markdown-to-guide.cjs';

/** One entry per manifest resource; each becomes static/build/<view>/index.html. */
export const VIEWS = ['board', 'team', 'panel', 'gadget', 'macro', 'admin'];

/** @returns {import('vite').InlineConfig} */
export const viteConfig = (staticDir, view) => ({
  configFile: false,
  logLevel: 'warn',
  root: path.join(staticDir, 'entries', view),
  // Forge serves a resource from an unknown path prefix: every asset URL must be relative.
  base: './',
  publicDir: path.join(staticDir, 'public'),
  // docs/okr-method*.md as the tree the in-product guide renders (`import('….md?guide')`).
  plugins: [methodGuidePlugin()],
  build: {
    outDir: path.join(staticDir, 'build', view),
    emptyOutDir: true,
    // CSP: no inline scripts, so never inline the module preload polyfill or assets as data: scripts.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
