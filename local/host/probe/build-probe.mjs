// Builds the bridge probe (tests only) with Vite into the directory given as the first argument, the
// way static/build.mjs builds the app's resources: relative asset paths, nothing inlined (CSP).
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const outDir = process.argv[2];
if (!outDir) throw new Error('usage: node build-probe.mjs <outDir>');
await build({
  configFile: false,
  logLevel: 'warn',
  root: path.dirname(fileURLToPath(import.meta.url)),
  base: './',
  build: {
    outDir: path.resolve(outDir),
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: false,
  },
});
