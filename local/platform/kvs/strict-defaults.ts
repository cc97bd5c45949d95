import { FORGE_KVS_QUOTA } from './quota';
import type { KvsQuotaLimits } from './quota';

/**
 * The strict rules' defaults, in one place (README.md says where each comes from). Every runtime,
 * `npm start` and every test starts from these unless it passes its own option.
 */
export const STRICT_DEFAULTS: { queryVisibilityMs: number; quota: Readonly<KvsQuotaLimits> } = {
  /**
   * How long a write stays invisible to entity queries. Forge documents the eventual consistency but
   * no figure; 1 s is our choice (longer is stricter). Set to 0 to make queries read their own writes.
   */
  queryVisibilityMs: 1000,
  quota: FORGE_KVS_QUOTA,
};
