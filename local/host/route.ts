import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HostState } from './host-state';
import { HttpError } from './http-util';

/** One HTTP request as the routes see it. */
export interface RequestContext {
  state: HostState;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
}

/** `C`: what a handler is given; the resource origin's thread (resource-worker.ts) has no HostState. */
export interface Route<C = RequestContext> {
  methods: readonly string[];
  /** Matched against the still-encoded pathname; capture groups are decoded into `params`. */
  pattern: RegExp;
  /** Pages answer errors with HTML, everything else with `{error: {code, message}}` JSON. */
  kind: 'page' | 'api';
  handle(ctx: C, params: readonly string[]): Promise<void> | void;
}

export const route = <C = RequestContext>(
  methods: string | readonly string[],
  pattern: RegExp,
  kind: Route['kind'],
  handle: Route<C>['handle'],
): Route<C> => ({
  methods: typeof methods === 'string' ? [methods] : methods,
  pattern,
  kind,
  handle,
});

const decode = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, 'BAD_PATH', `malformed percent-encoding in '${segment}'`);
  }
};

export interface RouteMatch<C = RequestContext> {
  route: Route<C>;
  params: string[];
}

/** The first route whose pattern matches; a path match with the wrong method is a 405. */
export const matchRoute = <C>(
  routes: readonly Route<C>[],
  method: string,
  pathname: string,
): RouteMatch<C> | undefined => {
  let pathMatched = false;
  for (const r of routes) {
    const m = r.pattern.exec(pathname);
    if (!m) continue;
    pathMatched = true;
    if (!r.methods.includes(method)) continue;
    return { route: r, params: m.slice(1).map((p: string | undefined) => (p === undefined ? '' : decode(p))) };
  }
  if (pathMatched) throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on ${pathname}`);
  return undefined;
};
