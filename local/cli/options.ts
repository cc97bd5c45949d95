import { parseArgs } from 'node:util';
import path from 'node:path';
import { z } from 'zod';
import type { FaultConfig } from '../platform/faults';
import type { KvsQuotaLimits } from '../platform/kvs';
import type { LicenseState } from '../platform/runtime-globals';

/** Command-line flags shared by `npm start` and `npm run trigger`; documented in the README. */
export interface CliOptions {
  port: number;
  dataDir: string;
  reset: boolean;
  rebuild: boolean;
  seed: boolean;
  clock: boolean;
  clockEverySeconds: number | undefined;
  callLogFile: string | undefined;
  faults: Partial<FaultConfig>;
  /** --kvs-query-delay: ms a write stays invisible to entity queries (undefined: the strict default). */
  kvsQueryVisibilityMs: number | undefined;
  /** --kvs-read-units, --kvs-write-units (per minute), --kvs-rps: storage quota overrides. */
  kvsQuota: Partial<KvsQuotaLimits>;
  /** --license none|active|inactive: the installation's Marketplace license (default none, as in development). */
  license: LicenseState;
  positionals: string[];
}

const num = (name: string, raw: string | undefined, schema: z.ZodNumber): number | undefined => {
  if (raw === undefined) return undefined;
  const parsed = schema.safeParse(Number(raw));
  if (!parsed.success) throw new Error(`--${name}: ${parsed.error.issues[0]?.message ?? 'invalid'} (got '${raw}')`);
  return parsed.data;
};

const licenseState = (raw: string): LicenseState => {
  const parsed = z.enum(['none', 'active', 'inactive']).safeParse(raw);
  if (!parsed.success) throw new Error(`--license: one of none, active, inactive (got '${raw}')`);
  return parsed.data;
};

export const parseCliOptions = (argv: string[], env: NodeJS.ProcessEnv, root: string): CliOptions => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      reset: { type: 'boolean', default: false },
      rebuild: { type: 'boolean', default: false },
      'no-seed': { type: 'boolean', default: false },
      clock: { type: 'boolean', default: false },
      'clock-every': { type: 'string' },
      'call-log': { type: 'string' },
      latency: { type: 'string' },
      'fault-rate': { type: 'string' },
      faults: { type: 'string' },
      'fault-targets': { type: 'string' },
      'retry-after': { type: 'string' },
      seed: { type: 'string' },
      'kvs-query-delay': { type: 'string' },
      'kvs-read-units': { type: 'string' },
      'kvs-write-units': { type: 'string' },
      'kvs-rps': { type: 'string' },
      license: { type: 'string', default: 'none' },
    },
  });
  const kvsQuota: Partial<KvsQuotaLimits> = {};
  const readUnits = num('kvs-read-units', values['kvs-read-units'], z.number().int().min(1));
  if (readUnits !== undefined) kvsQuota.readUnitsPerMinute = readUnits;
  const writeUnits = num('kvs-write-units', values['kvs-write-units'], z.number().int().min(1));
  if (writeUnits !== undefined) kvsQuota.writeUnitsPerMinute = writeUnits;
  const rps = num('kvs-rps', values['kvs-rps'], z.number().int().min(1));
  if (rps !== undefined) kvsQuota.requestsPerSecond = rps;
  const faults: Partial<FaultConfig> = {};
  const latency = num('latency', values.latency, z.number().min(0).max(60_000));
  if (latency !== undefined) faults.latencyMs = latency;
  const rate = num('fault-rate', values['fault-rate'], z.number().min(0).max(1));
  if (rate !== undefined) faults.rate = rate;
  const retryAfter = num('retry-after', values['retry-after'], z.number().int().min(0));
  if (retryAfter !== undefined) faults.retryAfterSeconds = retryAfter;
  const faultSeed = num('seed', values.seed, z.number().int());
  if (faultSeed !== undefined) faults.seed = faultSeed;
  if (values.faults !== undefined) {
    faults.kinds = z
      .array(z.enum(['429', '5xx', 'slow']))
      .min(1)
      .parse(values.faults.split(','));
  }
  if (values['fault-targets'] !== undefined) {
    faults.targets = z
      .array(z.enum(['kvs', 'jira', 'confluence', 'events']))
      .min(1)
      .parse(values['fault-targets'].split(','));
  }
  return {
    port: num('port', values.port ?? env.PORT, z.number().int().min(0).max(65_535)) ?? 4870,
    dataDir: path.resolve(root, values.data ?? env.CADENCE_DATA_DIR ?? '.cadence'),
    reset: values.reset,
    rebuild: values.rebuild,
    seed: !values['no-seed'],
    clock: values.clock,
    clockEverySeconds: num('clock-every', values['clock-every'], z.number().int().min(1)),
    callLogFile: values['call-log'] === undefined ? undefined : path.resolve(root, values['call-log']),
    faults,
    kvsQueryVisibilityMs: num('kvs-query-delay', values['kvs-query-delay'], z.number().int().min(0).max(600_000)),
    kvsQuota,
    license: licenseState(values.license),
    positionals,
  };
};
