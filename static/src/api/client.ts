import { invoke } from '@forge/bridge';
import type { ApiError, ApiInput, ApiKey, ApiOutput, Result } from '../../../src/contract';

/**
 * The UI's only door to the backend: one typed function per resolver key (`api['board.get'](...)`),
 * typed from src/contract so the UI never copies a shape. Components never call invoke directly.
 */
export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  constructor(readonly error: ApiError) {
    super(error.message);
  }
  get code(): ApiError['code'] {
    return this.error.code;
  }
  get field(): string | undefined {
    return this.error.field;
  }
}

export const callApi = async <K extends ApiKey>(key: K, payload: ApiInput<K>): Promise<ApiOutput<K>> => {
  // Without a metadata request the bridge resolves to the resolver's result itself.
  const result = (await invoke<Result<ApiOutput<K>>>(key, payload as Record<string, unknown>)) as Result<ApiOutput<K>>;
  if (!result.ok) throw new ApiCallError(result.error);
  return result.data;
};

export type ApiClient = { readonly [K in ApiKey]: (payload: ApiInput<K>) => Promise<ApiOutput<K>> };

/** Built on demand, so the bundle carries no copy of the key list (nor zod). */
export const api: ApiClient = new Proxy({} as ApiClient, {
  get: (_target, key) => (payload: never) => callApi(String(key) as ApiKey, payload),
});
