import { createHash } from 'node:crypto';
import { z } from 'zod';
import { badRequest } from './errors';

/**
 * Cursors are opaque to apps (Forge says not to persist them). Ours are base64url JSON of the last
 * returned position plus a checksum, so an edited or foreign cursor is rejected with 400 instead of
 * silently paging from the wrong place.
 */
const SALT = 'cadence-local-kvs-cursor-v1';

const positionSchema = z.object({
  /** What the cursor belongs to, e.g. `query` or `entity/objective/by-cycle-shard`. */
  scope: z.string(),
  /** Range value of the last item (absent for key-ordered queries). */
  range: z.union([z.string(), z.number()]).optional(),
  key: z.string(),
});
export type CursorPosition = z.infer<typeof positionSchema>;

const checksum = (payload: string): string =>
  createHash('sha256').update(SALT).update(payload).digest('base64url').slice(0, 16);

export const encodeCursor = (position: CursorPosition): string => {
  const payload = Buffer.from(JSON.stringify(position)).toString('base64url');
  return `${payload}.${checksum(payload)}`;
};

const invalid = (why: string) => badRequest('INVALID_CURSOR', `cursor is not one this query returned: ${why}`);

export const decodeCursor = (cursor: string, scope: string): CursorPosition => {
  const [payload, sum, ...rest] = cursor.split('.');
  if (payload === undefined || sum === undefined || rest.length > 0 || checksum(payload) !== sum) {
    throw invalid('it was modified or is malformed');
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    throw invalid('it does not decode');
  }
  const parsed = positionSchema.safeParse(json);
  if (!parsed.success) throw invalid('it does not decode');
  if (parsed.data.scope !== scope) throw invalid(`it belongs to '${parsed.data.scope}', not '${scope}'`);
  return parsed.data;
};
