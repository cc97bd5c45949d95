import { requestJira } from '@forge/bridge';
import { asRecord } from '../../components/extension';

/** A Jira project as the pickers show it: key and name. */
export interface JiraProject {
  readonly key: string;
  readonly name: string;
}

/** A Jira group as GET /rest/api/3/groups/picker gives it. */
export interface JiraGroup {
  readonly groupId: string;
  readonly name: string;
}

const strings = <K extends string>(raw: unknown, keys: readonly K[]): Record<K, string> | undefined => {
  const record = asRecord(raw);
  if (record === undefined) return undefined;
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = record[key];
    if (typeof value !== 'string' || value === '') return undefined;
    out[key] = value;
  }
  return out as Record<K, string>;
};

const getJson = async (path: string): Promise<unknown> => {
  const response = await requestJira(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`Jira answered ${String(response.status)}`);
  return response.json() as Promise<unknown>;
};

/**
 * Projects the viewer may browse whose key or name contains `query` (all of them without one), first 50
 * by key: GET /rest/api/3/project/search, a PageBean; `more` when Jira has further pages.
 */
export const searchProjects = async (query = ''): Promise<{ projects: JiraProject[]; more: boolean }> => {
  const q = query.trim();
  const body = asRecord(
    await getJson(
      `/rest/api/3/project/search?maxResults=50&orderBy=key${q === '' ? '' : `&query=${encodeURIComponent(q)}`}`,
    ),
  );
  const values = Array.isArray(body?.values) ? (body.values as unknown[]) : [];
  return {
    projects: values.flatMap((v) => strings(v, ['key', 'name'] as const) ?? []),
    more: body?.isLast === false,
  };
};

/** Groups whose name contains `query`: GET /rest/api/3/groups/picker ({groups: [{name, groupId}]}). */
export const searchGroups = async (query: string): Promise<JiraGroup[]> => {
  const body = asRecord(
    await getJson(`/rest/api/3/groups/picker?maxResults=20&query=${encodeURIComponent(query.trim())}`),
  );
  const groups = Array.isArray(body?.groups) ? (body.groups as unknown[]) : [];
  return groups.flatMap((g) => strings(g, ['groupId', 'name'] as const) ?? []);
};
