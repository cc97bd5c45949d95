import type { Invocation } from './invocation';
import { currentInvocation } from './invocation';

/**
 * A promise rejected inside an invocation with nobody awaiting it fails that invocation, as on Forge:
 * functions run on AWS Lambda's Node.js runtime, whose own `unhandledRejection` handler ends the
 * invocation with `Runtime.UnhandledPromiseRejection` (docs.sentry.io/platforms/javascript/guides/
 * aws-lambda/configuration/integrations/unhandledrejection: "AWS adds their own unhandledRejection
 * handlers"; www.pluggy.ai/blog/unexpected-unhandledPromiseRejection). Node's default would exit the
 * process, taking every other invocation down with it (issue #10); here only the guilty one fails.
 *
 * The rejection is attributed through the invocation's AsyncLocalStorage context, which Node keeps for
 * the promise. A rejection that surfaces after its invocation answered is reported on stderr (Lambda
 * would fail a later invocation of the same sandbox); one outside any invocation keeps Node's default.
 */
export class UnhandledRejectionError extends Error {
  override readonly name = 'UnhandledRejectionError';
  readonly status = 500;
  readonly code = 'UNHANDLED_REJECTION';
}

const running = new WeakMap<Invocation, (error: UnhandledRejectionError) => void>();
let listening = false;

const describe = (reason: unknown): string => (reason instanceof Error ? reason.message : String(reason));

const onUnhandledRejection = (reason: unknown): void => {
  const invocation = currentInvocation();
  if (invocation === undefined) throw reason;
  const fail = running.get(invocation);
  const what = `${invocation.moduleKey} ${invocation.functionKey} (invocation ${invocation.id})`;
  if (fail !== undefined) {
    fail(
      new UnhandledRejectionError(`a promise rejected with nobody awaiting it, failing ${what}: ${describe(reason)}`),
    );
    return;
  }
  console.error(`local runtime: a promise of ${what} rejected after it answered, with nobody awaiting it:`, reason);
};

/** The settled turn's rejections are reported after it ends: one more turn lets them arrive. */
const nextTurn = (): Promise<void> =>
  new Promise((resolve) => {
    setImmediate(resolve);
  });

/**
 * Runs an invocation's work; it fails with UnhandledRejectionError if any promise of the invocation is
 * rejected unhandled before it answers, even if the work itself succeeded.
 */
export const failOnUnhandledRejection = async <T>(invocation: Invocation, work: () => Promise<T>): Promise<T> => {
  if (!listening) {
    process.on('unhandledRejection', onUnhandledRejection);
    listening = true;
  }
  let leaked: UnhandledRejectionError | undefined;
  let failNow: (error: UnhandledRejectionError) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => {
    failNow = reject;
  });
  // Only raced below; a leak after the race settled is read from `leaked` instead.
  failed.catch(() => undefined);
  running.set(invocation, (error) => {
    leaked ??= error;
    failNow(error);
  });
  try {
    const result = await Promise.race([work(), failed]);
    await nextTurn();
    if (leaked !== undefined) throw leaked;
    return result;
  } finally {
    running.delete(invocation);
  }
};
