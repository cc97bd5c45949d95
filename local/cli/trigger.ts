import path from 'node:path';
import { createLocalRuntime, passThroughFromEnv } from '../platform/local-runtime';
import { parseCliOptions } from './options';

/** `npm run trigger -- <scheduledTriggerKey>`: runs a scheduled trigger now against the local data. */
const main = async (): Promise<void> => {
  const root = path.resolve(__dirname, '..', '..');
  const options = parseCliOptions(process.argv.slice(2), process.env, root);
  const key = options.positionals[0];
  const runtime = createLocalRuntime({
    dataDir: options.dataDir,
    root,
    faults: options.faults,
    callLogFile: options.callLogFile,
    kvsQuota: options.kvsQuota,
    license: options.license,
    ...(options.kvsQueryVisibilityMs === undefined ? {} : { kvsQueryVisibilityMs: options.kvsQueryVisibilityMs }),
    passThrough: passThroughFromEnv(process.env),
  });
  try {
    const known = runtime.manifest.modules.scheduledTrigger.map((t) => t.key);
    if (key === undefined) throw new Error(`name a scheduled trigger: ${known.join(', ')}`);
    const outcome = await runtime.app.runScheduledTrigger(key);
    console.log(JSON.stringify({ ...outcome, calls: runtime.log.last()?.summary }, null, 2));
    process.exitCode = outcome.ok ? 0 : 1;
  } finally {
    runtime.close();
  }
};

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
