import type { Caller } from '../access';
import type { SiteContext } from '../context';
import type { RouteRequest } from '../request';

/** One REST endpoint of the emulated site. Handlers return the JSON body of a 200, or throw JiraHttpError. */
export interface RouteEnv {
  ctx: SiteContext;
  caller: Caller;
  request: RouteRequest;
  /** Decoded path parameters captured by the pattern. */
  params: readonly string[];
}

export interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  /** The path as the REST docs write it; with the method it names the endpoint's scopes, cost and burst bucket. */
  template: string;
  /** The success status: 200 with the handler's JSON body, or 204 with no body (the handler returns undefined). */
  status?: 200 | 204;
  /** The body, or a promise of it (a search that first asks the app's JQL functions for their fragments). */
  handle(env: RouteEnv): unknown;
}
