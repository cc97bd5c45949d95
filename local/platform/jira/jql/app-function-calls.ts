import type { Clause, Query, TerminalClause } from '@atlaskit/jql-ast';
import { z } from 'zod';
import { badRequest } from '../http';
import type { JqlFunctionModule } from './app-functions';
import { fieldTypeOf } from './app-functions';
import { parseJql } from './parse-jql';
import type { FunctionCall, PrecomputationStore } from './precomputations';

/**
 * The site's side of the app's JQL functions (docs: developer.atlassian.com/cloud/jira/platform/
 * jql-functions): before a search runs, every clause whose operand is one of the app's functions is
 * replaced by the JQL fragment the app returned for it, read from the stored precomputation or, on the
 * call's first evaluation (or after 7 days unused), from invoking the app's function with
 * `{precomputationId, clause: {field, type, operator, functionName, arguments}}`. The app answers
 * `{jql}` or `{error, storeErrorAsPrecomputation?}`; the fragment may hold at most 1,000 right-hand side
 * values (same page, "Limitations"). Functions the app does not declare stay the site's usual 400.
 */

export interface JqlFunctionRuntime {
  modules: readonly JqlFunctionModule[];
  /** The precomputations' function key for a module (its extension ARI). */
  functionKeyOf(moduleKey: string): string;
  /** Runs the module's function as Forge does (25 s); rejects when the invocation fails. */
  invoke(module: JqlFunctionModule, payload: JqlFunctionPayload): Promise<unknown>;
  store: PrecomputationStore;
}

export interface JqlFunctionPayload {
  precomputationId: string;
  clause: { field: string; type: string[]; operator: string; functionName: string; arguments: string[] };
}

/** The fragments of one search, by call signature (see signatureOf). */
export type AppFragments = ReadonlyMap<string, string>;

export const MAX_FRAGMENT_VALUES = 1000;

const AppAnswer = z.union([
  z.object({ jql: z.string() }),
  z.object({ error: z.string().min(1), storeErrorAsPrecomputation: z.boolean().optional() }),
]);

interface AppCall {
  module: JqlFunctionModule;
  clause: TerminalClause;
  call: Omit<FunctionCall, 'functionKey'>;
}

const signatureOf = (call: Omit<FunctionCall, 'functionKey'>): string =>
  JSON.stringify([call.functionName.toLowerCase(), call.field.toLowerCase(), call.operator, call.arguments]);

/** The app function a terminal clause calls, or undefined (no function operand, or not the app's). */
const appCallOf = (modules: readonly JqlFunctionModule[], clause: TerminalClause): AppCall | undefined => {
  const operand = typeof clause.operand === 'object' ? clause.operand : undefined;
  if (operand?.operandType !== 'function' || typeof clause.operator !== 'object') return undefined;
  const name = operand.function.value.toLowerCase();
  const module = modules.find((m) => m.name.toLowerCase() === name);
  if (!module) return undefined;
  return {
    module,
    clause,
    call: {
      functionName: module.name,
      field: clause.field.text,
      operator: clause.operator.value,
      arguments: operand.arguments.map((a) => a.value),
    },
  };
};

const terminals = (clause: Clause): TerminalClause[] => {
  switch (clause.clauseType) {
    case 'compound':
      return clause.clauses.flatMap(terminals);
    case 'not':
      return terminals(clause.clause);
    case 'terminal':
      return [clause];
  }
};

/** Refuses a call the module does not declare: its field type, operator or argument count. */
const checkCall = ({ module, call }: AppCall): void => {
  const type = fieldTypeOf(call.field);
  if (type === undefined || !module.types.some((t) => t === type))
    throw badRequest(`The function '${module.name}' is not supported by the field '${call.field}'.`);
  if (!module.operators.some((o) => o === call.operator))
    throw badRequest(`The operator '${call.operator}' is not supported by the function '${module.name}'.`);
  const required = module.arguments.filter((a) => a.required).length;
  if (call.arguments.length < required || call.arguments.length > module.arguments.length) {
    const expected =
      required === module.arguments.length ? String(required) : `${String(required)} to ${String(module.arguments.length)}`;
    throw badRequest(
      `The function '${module.name}' takes ${expected} argument(s), but ${String(call.arguments.length)} were given.`,
    );
  }
};

/** Right-hand side values of a fragment: every single value and every list member. */
const rightHandValues = (query: Query | undefined): number => {
  const where = typeof query?.where === 'object' ? query.where : undefined;
  if (!where) return 0;
  return terminals(where).reduce((sum, t) => {
    const operand = typeof t.operand === 'object' ? t.operand : undefined;
    return sum + (operand === undefined ? 0 : operand.operandType === 'list' ? operand.values.length : 1);
  }, 0);
};

/** A fragment Jira could put in place of a clause: a WHERE only, valid JQL, within the values limit. */
export const checkFragment = (functionName: string, fragment: string): void => {
  let query: Query | undefined;
  try {
    query = parseJql(fragment);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw badRequest(`The function '${functionName}' returned JQL that is not valid: ${why}`);
  }
  if (typeof query?.where !== 'object' || typeof query.orderBy === 'object')
    throw badRequest(`The function '${functionName}' returned JQL that is not a condition: '${fragment}'.`);
  const values = rightHandValues(query);
  if (values > MAX_FRAGMENT_VALUES)
    throw badRequest(
      `The function '${functionName}' returned ${String(values)} values, over the limit of ${String(MAX_FRAGMENT_VALUES)}.`,
    );
};

const evaluate = async (runtime: JqlFunctionRuntime, appCall: AppCall, now: () => Date): Promise<string> => {
  const call: FunctionCall = { ...appCall.call, functionKey: runtime.functionKeyOf(appCall.module.key) };
  const stored = runtime.store.find(call, now());
  if (stored) {
    if (stored.value !== undefined) return stored.value;
    throw badRequest(stored.error ?? `The function '${call.functionName}' failed.`);
  }
  const cachedFailure = runtime.store.failure(call, now());
  if (cachedFailure !== undefined) throw badRequest(cachedFailure);
  const precomputationId = runtime.store.newId();
  const fieldType = fieldTypeOf(call.field) ?? 'issue';
  let raw: unknown;
  try {
    raw = await runtime.invoke(appCall.module, {
      precomputationId,
      clause: {
        field: call.field,
        type: [fieldType],
        operator: call.operator,
        functionName: call.functionName,
        arguments: [...call.arguments],
      },
    });
  } catch (error) {
    const message = `The function '${call.functionName}' could not be evaluated: ${error instanceof Error ? error.message : String(error)}.`;
    runtime.store.rememberFailure(call, message, now());
    throw badRequest(message);
  }
  const answer = AppAnswer.safeParse(raw);
  if (!answer.success) {
    const message = `The function '${call.functionName}' answered neither {jql} nor {error}: ${raw === undefined ? 'undefined' : JSON.stringify(raw)}.`;
    runtime.store.rememberFailure(call, message, now());
    throw badRequest(message);
  }
  if ('error' in answer.data) {
    if (answer.data.storeErrorAsPrecomputation === true)
      runtime.store.create(precomputationId, call, { error: answer.data.error }, now());
    else runtime.store.rememberFailure(call, answer.data.error, now());
    throw badRequest(answer.data.error);
  }
  try {
    checkFragment(call.functionName, answer.data.jql);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    runtime.store.rememberFailure(call, message, now());
    throw error;
  }
  runtime.store.create(precomputationId, call, { value: answer.data.jql }, now());
  return answer.data.jql;
};

/**
 * The fragments for every app function call in `jql` (none when the runtime has no app functions or the
 * query calls none). Parse errors surface here first, as they would from the search itself.
 */
export const resolveAppFunctions = async (
  jql: string,
  runtime: JqlFunctionRuntime | undefined,
  now: () => Date,
): Promise<AppFragments> => {
  const fragments = new Map<string, string>();
  if (!runtime || runtime.modules.length === 0) return fragments;
  const where = parseJql(jql)?.where;
  if (typeof where !== 'object') return fragments;
  for (const clause of terminals(where)) {
    const appCall = appCallOf(runtime.modules, clause);
    if (!appCall) continue;
    checkCall(appCall);
    const signature = signatureOf(appCall.call);
    if (!fragments.has(signature)) fragments.set(signature, await evaluate(runtime, appCall, now));
  }
  return fragments;
};

/** The fragment that replaces `clause`, when it calls an app function this search resolved. */
export const fragmentFor = (fragments: AppFragments | undefined, clause: TerminalClause): string | undefined => {
  if (!fragments || fragments.size === 0) return undefined;
  const operand = typeof clause.operand === 'object' ? clause.operand : undefined;
  if (operand?.operandType !== 'function' || typeof clause.operator !== 'object') return undefined;
  return fragments.get(
    signatureOf({
      functionName: operand.function.value,
      field: clause.field.text,
      operator: clause.operator.value,
      arguments: operand.arguments.map((a) => a.value),
    }),
  );
};
