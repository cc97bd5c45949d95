import { assumeTrustedRoute, route } from '@forge/api';
import { z } from 'zod';
import type { Precomputation, PrecomputationUpdate } from '../../usecases/ports';
import type { JiraClient } from './jira-client';

/**
 * REST v3 "JQL functions (apps)" (developer.atlassian.com/cloud/jira/platform/rest/v3/
 * api-group-jql-functions--apps-), as the app: only apps may call it, for their own functions. Scopes
 * read:app-data:jira / write:app-data:jira (optional today, declared in manifest.yml).
 */

const PAGE_SIZE = 100;
/** Updates per POST: keeps one request's body small. */
const UPDATES_PER_REQUEST = 100;

const PrecomputationJson = z.object({
  id: z.string(),
  functionName: z.string(),
  field: z.string(),
  operator: z.string(),
  arguments: z.array(z.string()).default([]),
  value: z.string().optional(),
  error: z.string().optional(),
});
const PageJson = z.object({
  isLast: z.boolean().optional(),
  total: z.number().optional(),
  values: z.array(PrecomputationJson),
});
const UpdateJson = z.object({ notFoundPrecomputationIDs: z.array(z.string()).optional() }).optional();

export const listPrecomputations = async (client: JiraClient): Promise<Precomputation[]> => {
  const all: Precomputation[] = [];
  for (let startAt = 0; ; startAt += PAGE_SIZE) {
    const query = new URLSearchParams({ startAt: String(startAt), maxResults: String(PAGE_SIZE) });
    // Built from numbers only: nothing a caller passes reaches the path.
    const path = assumeTrustedRoute(`/rest/api/3/jql/function/computation?${query.toString()}`);
    const page = (await client.request('app', path, PageJson, { method: 'GET' })).body;
    const values = page?.values ?? [];
    all.push(...values.map((v) => ({ ...v, value: v.value, error: v.error })));
    if (values.length === 0 || page?.isLast !== false) return all;
  }
};

export const updatePrecomputations = async (client: JiraClient, updates: readonly PrecomputationUpdate[]): Promise<void> => {
  for (let i = 0; i < updates.length; i += UPDATES_PER_REQUEST) {
    // A precomputation Jira dropped since it was listed (7 days unused) needs no update.
    await client.request('app', route`/rest/api/3/jql/function/computation?skipNotFoundPrecomputations=true`, UpdateJson, {
      method: 'POST',
      body: { values: updates.slice(i, i + UPDATES_PER_REQUEST) },
    });
  }
};
