import type { IncomingMessage, ServerResponse } from 'node:http';
import type { z } from 'zod';
import { jsonDepth, MAX_PAYLOAD_DEPTH } from '../platform/json-depth';
import { UnsupportedByLocalRuntime } from '../platform/types';

/**
 * Small helpers for node:http: bounded body reading, JSON/HTML answers and one error type that every
 * route can throw to answer with a status and a `{error: {code, message}}` body.
 */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Any failure as an HttpError: fakes' "not emulated" errors are 501, anything unexpected a 500. */
export const asHttpError = (e: unknown): HttpError => {
  if (e instanceof HttpError) return e;
  if (e instanceof UnsupportedByLocalRuntime) return new HttpError(501, 'NOT_EMULATED', e.message);
  console.error('local host: unexpected error', e);
  return new HttpError(500, 'INTERNAL_ERROR', e instanceof Error ? e.message : String(e));
};

/**
 * Forge accepts at most 5 MB per invocation request; the 500 KB front-end invoke limit is enforced by
 * the runtime itself, so a body between the two still reaches it and fails the way Forge does.
 */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export const readBody = (req: IncomingMessage, limitBytes = MAX_BODY_BYTES): Promise<string> =>
  new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limitBytes) {
      // Answer without buffering what would be refused anyway.
      reject(new HttpError(413, 'PAYLOAD_TOO_LARGE', `request body of ${declared} bytes exceeds ${limitBytes} bytes`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > limitBytes) {
        failed = true;
        reject(new HttpError(413, 'PAYLOAD_TOO_LARGE', `request body exceeds ${limitBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (e) => {
      if (!failed) reject(e);
    });
  });

/** The invoke envelopes (`/forge/invoke`, the bridge's invoke) add two levels around a payload. */
export const MAX_BODY_DEPTH = MAX_PAYLOAD_DEPTH + 2;

/**
 * A JSON body as a value: 400 INVALID_JSON if it does not parse, 400 PAYLOAD_TOO_DEEP if it nests
 * deeper than any request the platform could take (see local/platform/json-depth.ts), before anything
 * serialises it again and overflows the stack. An empty body is undefined.
 */
export const parseJsonBody = (text: string): unknown => {
  if (text === '') return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'request body is not valid JSON');
  }
  if (jsonDepth(raw, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
    throw new HttpError(400, 'PAYLOAD_TOO_DEEP', `request body is nested deeper than ${MAX_BODY_DEPTH} levels`);
  }
  return raw;
};

/** Parses a JSON body with a schema; a bad body is a 400 naming the first offending field. */
export const readJson = async <T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<T> =>
  parseWith(schema, parseJsonBody(await readBody(req)), 'request body');

export const parseWith = <T>(schema: z.ZodType<T>, raw: unknown, what: string): T => {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : what;
  throw new HttpError(400, 'INVALID_REQUEST', `${field}: ${issue?.message ?? 'invalid'}`);
};

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};

export const send = (
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void => {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
    ...headers,
  });
  res.end(body);
};

export const sendJson = (res: ServerResponse, status: number, value: unknown): void => {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(value ?? null));
};

export const sendError = (res: ServerResponse, status: number, code: string, message: string): void => {
  sendJson(res, status, { error: { code, message } });
};

export const redirect = (res: ServerResponse, location: string): void => {
  res.writeHead(303, { ...SECURITY_HEADERS, location });
  res.end();
};

/** True when the client asked for a form round trip (HTML forms) rather than JSON. */
export const isFormPost = (req: IncomingMessage): boolean =>
  (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
