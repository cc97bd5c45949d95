import type { z } from 'zod';
import type { ApiKey, ApiOutput, Result } from '../../src/contract';
import { API, resultSchema } from '../../src/contract';
import { DEMO_USERS, seedDemoSite } from '../../local/demo';
import type { LocalRuntime } from '../../local/platform/local-runtime';
import { createLocalRuntime } from '../../local/platform/local-runtime';

/**
 * A typed client for the resolver API through the local runtime: the same path POST /forge/invoke takes.
 * Every answer is checked against the Result envelope and the key's output schema.
 */

export type DemoHandle = keyof typeof DEMO_USERS;
export const accountOf = (who: DemoHandle): string => DEMO_USERS[who].accountId;

export const newRuntime = (): LocalRuntime => {
  const runtime = createLocalRuntime();
  seedDemoSite(runtime.site);
  return runtime;
};

export const call = async <K extends ApiKey>(
  runtime: LocalRuntime,
  key: K,
  payload: unknown,
  as: DemoHandle,
  extension?: Record<string, unknown>,
): Promise<Result<ApiOutput<K>>> => {
  const outcome = await runtime.app.invokeResolver({
    moduleKey: 'cadence-board',
    functionKey: key,
    payload,
    accountId: accountOf(as),
    ...(extension === undefined ? {} : { extension }),
  });
  if (!outcome.ok) throw new Error(`${key} failed in the runtime: ${outcome.error.code} ${outcome.error.message}`);
  const schema = resultSchema(API[key].output as z.ZodType);
  const parsed = schema.safeParse(outcome.result);
  if (!parsed.success) throw new Error(`${key} answered outside its schema: ${parsed.error.message}\n${JSON.stringify(outcome.result).slice(0, 2000)}`);
  return outcome.result as Result<ApiOutput<K>>;
};

/** Calls and returns the data, failing the test with the error when the call did not succeed. */
export const ok = async <K extends ApiKey>(
  runtime: LocalRuntime,
  key: K,
  payload: unknown,
  as: DemoHandle,
  extension?: Record<string, unknown>,
): Promise<ApiOutput<K>> => {
  const result = await call(runtime, key, payload, as, extension);
  if (!result.ok) throw new Error(`${key} as ${as} failed: ${JSON.stringify(result.error)}`);
  return result.data;
};

/** Calls and returns the error, failing the test when the call succeeded. */
export const fails = async (
  runtime: LocalRuntime,
  key: ApiKey,
  payload: unknown,
  as: DemoHandle,
  extension?: Record<string, unknown>,
) => {
  const result = await call(runtime, key, payload, as, extension);
  if (result.ok) throw new Error(`${key} as ${as} should have failed but answered ${JSON.stringify(result.data).slice(0, 500)}`);
  return result.error;
};

/** The Jira id of a demo issue, by key. */
export const issueId = (runtime: LocalRuntime, key: string): string => {
  const issue = runtime.site.getIssue(key);
  if (issue === undefined) throw new Error(`no demo issue ${key}`);
  return issue.id;
};

/** The first demo epic whose summary starts with `summary`. */
export const epicKey = (runtime: LocalRuntime, summary: string): string => {
  const epic = runtime.site.listIssues().find((i) => i.issueType === 'Epic' && i.summary.startsWith(summary));
  if (epic === undefined) throw new Error(`no demo epic "${summary}"`);
  return epic.key;
};

/** The key of the emulated site's issue with exactly this summary (any type). */
export const issueKey = (runtime: LocalRuntime, summary: string): string => {
  const issue = runtime.site.listIssues().find((i) => i.summary === summary);
  if (issue === undefined) throw new Error(`no issue "${summary}"`);
  return issue.key;
};

/** Every stored item (plain KVS and entities), to assert that a failed call wrote nothing. */
export const storageState = (runtime: LocalRuntime): unknown =>
  runtime.db.prepare('SELECT * FROM kvs_items ORDER BY ns, entity, key').all();
