import { createHash } from 'node:crypto';
import { z } from 'zod';
import { visibilityFor } from '../access';
import { parseFieldSelection } from '../fields';
import { badRequest } from '../http';
import { resolveAppFunctions } from '../jql/app-function-calls';
import { runJql } from '../jql/run-jql';
import { createRenderLookup, renderChangelog, renderIssue } from '../render-issue';
import type { IssueJson } from '../render-issue';
import { parseJsonBody, parseQuery } from '../request';
import type { Route, RouteEnv } from './route';

/**
 * `GET|POST /rest/api/3/search/jql`: token paging, `fields` default id only, no `total`. `expand`
 * honours `changelog` (render-issue.ts renderChangelog); its other values, `properties`, `fieldsByKeys`,
 * `failFast` and `reconcileIssues` are accepted and ignored (the local site is always consistent, so
 * reconciling is a no-op).
 */

const searchBody = z.strictObject({
  jql: z.string().optional(),
  nextPageToken: z.string().optional(),
  maxResults: z.number().int().min(1).optional(),
  fields: z.array(z.string()).optional(),
  expand: z.string().optional(),
  properties: z.array(z.string()).max(5).optional(),
  fieldsByKeys: z.boolean().optional(),
  failFast: z.boolean().optional(),
  reconcileIssues: z.array(z.number().int()).max(50).optional(),
});

const searchQuery = z.object({
  jql: z.string().optional(),
  nextPageToken: z.string().optional(),
  maxResults: z.coerce.number().int().min(1).optional(),
  fields: z.array(z.string()).optional(),
  expand: z.string().optional(),
  properties: z.array(z.string()).max(5).optional(),
  fieldsByKeys: z.enum(['true', 'false']).optional(),
  failFast: z.enum(['true', 'false']).optional(),
  reconcileIssues: z.array(z.string()).optional(),
});

type SearchInput = Pick<z.infer<typeof searchBody>, 'jql' | 'nextPageToken' | 'maxResults' | 'fields' | 'expand'>;

export interface SearchPage {
  issues: IssueJson[];
  nextPageToken?: string;
  isLast: boolean;
}

/** The token is opaque to callers; it carries the offset and a fingerprint of the query it belongs to. */
const fingerprint = (jql: string): string => createHash('sha256').update(jql).digest('hex').slice(0, 16);
const pageToken = z.object({ offset: z.number().int().min(0), query: z.string() });

const encodeToken = (offset: number, jql: string): string =>
  Buffer.from(JSON.stringify({ offset, query: fingerprint(jql) })).toString('base64url');

const decodeToken = (token: string, jql: string): number => {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    raw = undefined;
  }
  const parsed = pageToken.safeParse(raw);
  if (!parsed.success || parsed.data.query !== fingerprint(jql)) {
    throw badRequest('The nextPageToken is invalid or does not belong to this JQL query.');
  }
  return parsed.data.offset;
};

export const search = async (env: RouteEnv, input: SearchInput): Promise<SearchPage> => {
  const jql = input.jql ?? '';
  const selection = parseFieldSelection(input.fields, 'id');
  // Jira pages up to 5000 issues only when nothing but ids/keys is requested, else up to 100.
  const limit = Math.min(input.maxResults ?? 50, selection.size === 0 ? 5000 : 100);
  const offset = input.nextPageToken === undefined ? 0 : decodeToken(input.nextPageToken, jql);
  // The app's functions first (it may be invoked): the rest of the search then reads one consistent site.
  const appFragments = await resolveAppFunctions(jql, env.ctx.jqlFunctions, env.ctx.now);
  const matched = runJql(
    jql,
    env.caller,
    visibilityFor(env.ctx, env.caller),
    env.ctx.directory.listUsers(),
    env.ctx.now(),
    appFragments,
  );
  const lookup = createRenderLookup(env.ctx);
  // A comma-delimited string, unlike most of Jira's `expand` parameters.
  const changelog = (input.expand ?? '').split(',').some((e) => e.trim() === 'changelog');
  const issues = matched.slice(offset, offset + limit).map((issue) => {
    const json = renderIssue(env.ctx, lookup, issue, selection);
    return changelog ? { ...json, changelog: renderChangelog(env.ctx, lookup, issue) } : json;
  });
  const more = offset + limit < matched.length;
  // On the last page Jira leaves nextPageToken out rather than sending null.
  return more ? { issues, nextPageToken: encodeToken(offset + limit, jql), isLast: false } : { issues, isLast: true };
};

export const searchRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/search\/jql$/,
    template: '/rest/api/3/search/jql',
    handle: (env) =>
      search(env, parseQuery(searchQuery, env.request.query, ['fields', 'properties', 'reconcileIssues'])),
  },
  {
    method: 'POST',
    pattern: /^\/rest\/api\/3\/search\/jql$/,
    template: '/rest/api/3/search/jql',
    handle: (env) => search(env, parseJsonBody(searchBody, env.request.body)),
  },
];
