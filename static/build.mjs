// Builds each Custom UI resource (one per manifest resource) into static/build/<view> with relative
// asset paths, as Forge serves every resource from its own directory.
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { VIEWS, viteConfig } from './vite.config.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
for (const view of VIEWS) {
  if (only.length > 0 && !only.includes(view)) continue;
  await build(viteConfig(here, view));
}
