import { z } from 'zod';
import { JiraHttpError } from '../http';
import { checkFragment } from '../jql/app-function-calls';
import type { Precomputation } from '../jql/precomputations';
import { parseJsonBody, parseQuery } from '../request';
import type { Route, RouteEnv } from './route';

/**
 * REST v3 "JQL functions (apps)" (developer.atlassian.com/cloud/jira/platform/rest/v3/
 * api-group-jql-functions--apps-/): the app reads and rewrites the precomputations of its own functions.
 * "This API is only accessible to apps": a call as a user is a 403. An update's fragment is checked like
 * the function's own answer (valid JQL, at most 1,000 values); unknown ids are a 404 unless
 * `skipNotFoundPrecomputations=true`, which lists them instead.
 */

const ORDER_BY = z.enum(['functionKey', 'used', 'created', 'updated']).optional();

const listQuery = z.object({
  functionKey: z.array(z.string()).optional(),
  startAt: z.coerce.number().int().min(0).default(0),
  maxResults: z.coerce.number().int().min(1).max(100).default(100),
  orderBy: ORDER_BY,
});

const Update = z.union([
  z.strictObject({ id: z.string(), value: z.string() }),
  z.strictObject({ id: z.string(), error: z.string().min(1) }),
]);
const updateBody = z.strictObject({ values: z.array(Update).min(1) });
const updateQuery = z.object({ skipNotFoundPrecomputations: z.enum(['true', 'false']).optional() });
const searchBody = z.strictObject({ precomputationIDs: z.array(z.string()).min(1) });
const searchQuery = z.object({ orderBy: ORDER_BY });

const onlyApps = (env: RouteEnv): void => {
  if (env.caller.kind !== 'app')
    throw new JiraHttpError(403, ['This API is only accessible to apps, for their own functions.']);
};

const ordered = (list: Precomputation[], orderBy: z.infer<typeof ORDER_BY>): Precomputation[] =>
  orderBy === undefined ? list : [...list].sort((a, b) => a[orderBy].localeCompare(b[orderBy]));

const bean = (p: Precomputation): Record<string, unknown> => ({
  id: p.id,
  ...(p.value === undefined ? {} : { value: p.value }),
  ...(p.error === undefined ? {} : { error: p.error }),
  functionKey: p.functionKey,
  field: p.field,
  operator: p.operator,
  functionName: p.functionName,
  arguments: p.arguments,
  created: p.created,
  updated: p.updated,
  used: p.used,
});

export const jqlFunctionRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/jql\/function\/computation$/,
    template: '/rest/api/3/jql/function/computation',
    handle: (env) => {
      onlyApps(env);
      const input = parseQuery(listQuery, env.request.query, ['functionKey']);
      const all = ordered(env.ctx.jqlFunctions?.store.list(env.ctx.now(), input.functionKey) ?? [], input.orderBy);
      const values = all.slice(input.startAt, input.startAt + input.maxResults).map(bean);
      return {
        maxResults: input.maxResults,
        startAt: input.startAt,
        total: all.length,
        isLast: input.startAt + input.maxResults >= all.length,
        values,
      };
    },
  },
  {
    method: 'POST',
    pattern: /^\/rest\/api\/3\/jql\/function\/computation$/,
    template: '/rest/api/3/jql/function/computation',
    handle: (env) => {
      onlyApps(env);
      const skip = parseQuery(updateQuery, env.request.query).skipNotFoundPrecomputations === 'true';
      const { values } = parseJsonBody(updateBody, env.request.body);
      const store = env.ctx.jqlFunctions?.store;
      const now = env.ctx.now();
      const found = values.map((u) => ({ update: u, stored: store?.get(u.id, now) }));
      const missing = found.filter((f) => f.stored === undefined).map((f) => f.update.id);
      if (missing.length > 0 && !skip)
        throw new JiraHttpError(404, [`Precomputations not found: ${missing.join(', ')}.`]);
      // Every fragment is checked before any is stored: a bad one changes nothing.
      for (const { update, stored } of found)
        if (stored && 'value' in update) checkFragment(stored.functionName, update.value);
      for (const { update, stored } of found)
        if (stored && store) store.update(update.id, 'value' in update ? { value: update.value } : { error: update.error }, now);
      return skip ? { notFoundPrecomputationIDs: missing } : {};
    },
  },
  {
    method: 'POST',
    pattern: /^\/rest\/api\/3\/jql\/function\/computation\/search$/,
    template: '/rest/api/3/jql/function/computation/search',
    handle: (env) => {
      onlyApps(env);
      const { orderBy } = parseQuery(searchQuery, env.request.query);
      const { precomputationIDs } = parseJsonBody(searchBody, env.request.body);
      const now = env.ctx.now();
      const found = precomputationIDs.flatMap((id) => {
        const p = env.ctx.jqlFunctions?.store.get(id, now);
        return p ? [p] : [];
      });
      return {
        precomputations: ordered(found, orderBy).map(bean),
        notFoundPrecomputationIDs: precomputationIDs.filter((id) => !found.some((p) => p.id === id)),
      };
    },
  },
];
