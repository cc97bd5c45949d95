import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { seedDemoSite } from '../../local/demo';
import type { AppHandlers } from '../../local/platform/app-host';
import type { LocalRuntime, LocalRuntimeOptions } from '../../local/platform/local-runtime';
import { createLocalRuntime } from '../../local/platform/local-runtime';

/**
 * The backend as `forge deploy` uploads it: the CommonJS file @forge/bundler wrote for the `index`
 * entry point (`npm run package`, which `npm test` runs before jest). Forge adds its runtime wrapper
 * around it at deploy time; here the local runtime provides the same platform globals instead.
 */
const ROOT = path.join(__dirname, '..', '..');
export const BUNDLE_FILE = path.join(ROOT, 'dist', 'forge', 'index.cjs');

/** Builds the bundle when it is missing (a suite run on its own); `npm test` always rebuilds it first. */
export const ensureBundle = (): void => {
  if (existsSync(BUNDLE_FILE)) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'local/cli/package.ts'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
};

/** A local runtime whose functions are the bundle's exports, never the TypeScript sources. */
export const bundleRuntime = (options: LocalRuntimeOptions = {}): LocalRuntime => {
  const runtime = createLocalRuntime({
    ...options,
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the globals exist, as on Forge
    loadHandlers: () => require(BUNDLE_FILE) as AppHandlers,
  });
  seedDemoSite(runtime.site);
  return runtime;
};
