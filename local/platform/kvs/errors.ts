import type { PlatformResponse } from '../types';

/**
 * A failure the real Forge KVS would report as a non-2xx JSON `{code, message}` body. @forge/kvs turns
 * such a body into a ForgeKvsAPIError, so every rule the store enforces throws one of these.
 */
export class KvsError extends Error {
  override readonly name = 'KvsError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string): KvsError => new KvsError(400, code, message);

/** The only "missing" signal @forge/kvs understands: get/delete swallow exactly this code. */
export const keyNotFound = (what: string): KvsError => new KvsError(404, 'KEY_NOT_FOUND', `${what} does not exist`);

const jsonHeaders = { 'content-type': 'application/json' };

export const jsonResponse = (status: number, body: unknown): PlatformResponse => ({
  status,
  headers: { ...jsonHeaders },
  body: JSON.stringify(body),
});

/** 204 with no body: the SDK treats an empty body as "nothing to return" (e.g. set without returnValue). */
export const noContent = (): PlatformResponse => ({ status: 204, headers: { ...jsonHeaders }, body: '' });

export const errorResponse = (error: KvsError): PlatformResponse =>
  jsonResponse(error.status, { code: error.code, message: error.message });
