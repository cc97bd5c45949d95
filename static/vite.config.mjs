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
    rolldownOptions: { output: { codeSplitting: { groups: [initialAppGroup()] } } },
  },
});

/**
 * One chunk for what a view's entry loads at once through a dynamic import (the board's app: React's
 * renderer and every module the board statically needs), instead of a chunk per module that lazy parts
 * also use. Each file is a request, and a frame's files come over HTTP/1.1's six connections per origin
 * locally; twenty small chunks held the board's app chunk back until the last had arrived. Modules the
 * entry itself imports stay in the entry; lazy parts (side panel, map) stay their own chunks and import
 * what they share from this one, so nothing is duplicated.
 * @returns {import('rolldown').CodeSplittingGroup}
 */
const initialAppGroup = () => {
  /** @type {Set<string> | undefined} */
  let initial;
  let chunkName = 'app';
  /** Modules statically reachable from `roots`. */
  const closure = (ctx, roots) => {
    const seen = new Set();
    const stack = [...roots];
    while (stack.length > 0) {
      const id = stack.pop();
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
    }
    return seen;
  };
  /** The view's entry module (its index.html's script), found from any module through its importers. */
  const entryOf = (ctx, from) => {
    const seen = new Set();
    const queue = [from];
    while (queue.length > 0) {
      const id = queue.shift();
      if (seen.has(id)) continue;
      seen.add(id);
      const info = ctx.getModuleInfo(id);
      if (info?.isEntry) return id;
      queue.push(...(info?.importers ?? []), ...(info?.dynamicImporters ?? []));
    }
    return undefined;
  };
  return {
    debugName: 'initial app',
    // The set is closed under static imports already, except for the entry's own modules, which must
    // stay in the entry (they run before the dynamic import); by default they would be pulled in too.
    includeDependenciesRecursively: false,
    name: (id, ctx) => {
      if (initial === undefined) {
        // index.html is the build's entry; its scripts are its static imports.
        const html = entryOf(ctx, id);
        const entryStatic = html === undefined ? new Set() : closure(ctx, [html]);
        const scripts = html === undefined ? [] : (ctx.getModuleInfo(html)?.importedIds ?? []);
        const apps = scripts.flatMap((script) => ctx.getModuleInfo(script)?.dynamicallyImportedIds ?? []);
        initial = new Set([...closure(ctx, apps)].filter((m) => !entryStatic.has(m)));
        // Named after the app module, as its chunk was (board-app.tsx -> board-app-<hash>.js).
        chunkName = apps.length === 0 ? 'app' : path.basename(apps[0]).replace(/\.[^.]+$/, '');
      }
      return initial.has(id) ? chunkName : null;
    },
  };
};
