import type { z } from 'zod';
import { badRequest, invalidInput } from './http';

/** Parsing of REST inputs (query string and JSON body); every input goes through a zod schema. */

export interface RouteRequest {
  method: string;
  /** Decoded path segments are taken from this by the router. */
  pathname: string;
  query: URLSearchParams;
  body: string | undefined;
}

export const splitPath = (method: string, path: string, body: string | undefined): RouteRequest => {
  // The SDK sends a path plus query; the base is only there to let URL parse it.
  const url = new URL(path, 'http://jira.invalid');
  return { method: method.toUpperCase(), pathname: url.pathname, query: url.searchParams, body };
};

/**
 * Turns the query string into an object for a zod schema. Names in `multi` become arrays (Jira accepts
 * both `fields=a,b` and `fields=a&fields=b`); other names keep their first value, as Jira does.
 */
export const parseQuery = <T>(schema: z.ZodType<T>, query: URLSearchParams, multi: readonly string[] = []): T => {
  const raw: Record<string, string | string[]> = {};
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name);
    raw[name] = multi.includes(name) ? values.flatMap((v) => v.split(',')).filter((v) => v !== '') : (values[0] ?? '');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
};

export const parseJsonBody = <T>(schema: z.ZodType<T>, body: string | undefined): T => {
  let raw: unknown;
  try {
    raw = JSON.parse(body ?? '');
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  return parsed.data;
};
