import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { seedDemo, seedEmptySite } from '../demo';
import { createHostServer } from '../host';
import { createLocalRuntime, passThroughFromEnv } from '../platform/local-runtime';
import { startClock } from './clock';
import { parseCliOptions } from './options';

/**
 * `npm start`: builds the UI if needed, opens (or seeds) the local data, serves every module view on
 * 127.0.0.1 and prints the URL.
 */
const main = async (): Promise<void> => {
  const root = path.resolve(__dirname, '..', '..');
  const options = parseCliOptions(process.argv.slice(2), process.env, root);

  const resources = ['board', 'team', 'panel', 'gadget', 'macro'];
  if (options.rebuild || !resources.every((r) => existsSync(path.join(root, 'static', 'build', r, 'index.html')))) {
    console.log('Building the Custom UI…');
    execFileSync(process.execPath, [path.join(root, 'static', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  }
  if (options.reset) {
    rmSync(options.dataDir, { recursive: true, force: true });
    console.log(`Reset: removed ${options.dataDir}`);
  }

  const passThrough = passThroughFromEnv(process.env);
  const runtime = createLocalRuntime({
    dataDir: options.dataDir,
    root,
    faults: options.faults,
    callLogFile: options.callLogFile,
    kvsQuota: options.kvsQuota,
    license: options.license,
    ...(options.kvsQueryVisibilityMs === undefined ? {} : { kvsQueryVisibilityMs: options.kvsQueryVisibilityMs }),
    passThrough,
    siteUrl: `http://127.0.0.1:${String(options.port)}`,
  });
  if (options.seed) {
    const seeded = await seedDemo(runtime);
    if (seeded) console.log('Seeded the demo company (first run).');
  } else if (await seedEmptySite(runtime)) {
    // --no-seed: a company that just installed Cadence (its Jira people and projects, no Cadence data).
    console.log('Seeded an empty site: Jira people and projects, no Cadence data (first run).');
  }
  const server = await createHostServer(runtime, { port: options.port, host: '127.0.0.1' });
  const stopClock =
    options.clock || options.clockEverySeconds !== undefined
      ? startClock(
          runtime.manifest,
          runtime.app,
          options.clockEverySeconds === undefined ? undefined : options.clockEverySeconds * 1000,
        )
      : () => undefined;

  console.log(
    `Cadence is running at ${server.url}/  (data: ${options.dataDir}${passThrough ? `, Jira: ${passThrough.baseUrl}` : ''})`,
  );
  const shutdown = (): void => {
    stopClock();
    void server.close().then(() => {
      runtime.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
};

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
