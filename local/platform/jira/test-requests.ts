import api, { route } from '@forge/api';
import { errorBody, searchPage } from './test-support';

/** Calls through the real @forge/api, shared by the site's tests. */

export type As = 'user' | 'app';

const requester = (as: As) => (as === 'app' ? api.asApp() : api.asUser());

export interface JsonReply {
  status: number;
  body: unknown;
}

const reply = async (response: { status: number; text(): Promise<string> }): Promise<JsonReply> => {
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
};

export const postSearch = async (body: Record<string, unknown>, as: As = 'app'): Promise<JsonReply> =>
  reply(
    await requester(as).requestJira(route`/rest/api/3/search/jql`, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }),
  );

/** Keys matching `jql`, in result order (one big page). */
export const jqlKeys = async (jql: string, as: As = 'app'): Promise<string[]> => {
  const { status, body } = await postSearch({ jql, maxResults: 5000, fields: ['key'] }, as);
  if (status !== 200) throw new Error(`search for ${jql} answered ${status}: ${JSON.stringify(body)}`);
  return searchPage.parse(body).issues.map((i) => i.key);
};

/** The one error message of a 400 (or other failure) for `jql`. */
export const jqlError = async (jql: string, as: As = 'app'): Promise<{ status: number; message: string }> => {
  const { status, body } = await postSearch({ jql }, as);
  return { status, message: errorBody.parse(body).errorMessages.join(' ') };
};

export const getJson = async (path: ReturnType<typeof route>, as: As = 'app'): Promise<JsonReply> =>
  reply(await requester(as).requestJira(path));

export const postJson = async (path: ReturnType<typeof route>, body: unknown, as: As = 'app'): Promise<JsonReply> =>
  reply(
    await requester(as).requestJira(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    }),
  );
