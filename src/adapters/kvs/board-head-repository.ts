import { randomUUID } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { CompactFindingSchema, StatusSummarySchema } from '../../contract';
import type { BoardHead } from '../../usecases/shared/board-head';
import { decodeTreeEntries, entryTuple } from './board-tree-codec';
import type { Attributes } from './codecs';
import { CorruptRecord, decodeBoardShardRecord } from './codecs';
import { batchGetAll, rateLimited } from './kvs-io';
import type { Space } from './registry';
import { at, ENTITY } from './registry';

/**
 * The board's kept first screens (usecases/shared/board-head.ts) and the stamp that says whether one still
 * answers, as two more kinds of document of the board-shard entity:
 * - `<cycle>:stamp`: a fresh random token, set by every writer of the cycle's tree index in the same
 *   transaction (or batch) as the tree document it changes;
 * - `<cycle>:head:<filter>`: a head as deflated JSON, tagged with the stamp read before the tree it was
 *   built from.
 * Both are read in one batchGet of two small documents.
 */

export const stampKey = (space: Space, cycleId: string): string => at(space, `${cycleId}:stamp`);
export const headKey = (space: Space, cycleId: string, filter: string): string => at(space, `${cycleId}:head:${filter}`);
export const isStampKey = (key: string): boolean => key.endsWith(':stamp');
export const isHeadKey = (key: string): boolean => key.includes(':head:');

/** A new stamp for a cycle: whatever head was built before it no longer answers. */
export const newStamp = (cycleId: string): Attributes => ({ cycleId, version: 1, data: { schemaVersion: 1, packed: randomUUID() } });

/** The set of a new stamp, for the writers' batches. */
export const stampItem = (space: Space, cycleId: string) => ({ entity: ENTITY.boardShard, key: stampKey(space, cycleId), value: newStamp(cycleId) });

const Score = z.number().min(0).max(1).nullable();
const Count = z.number().int().min(0);
const HeadV1 = z.object({
  stamp: z.string(),
  fingerprint: z.string(),
  validUntil: z.number().nullable(),
  rootCount: Count,
  objectiveCount: Count,
  rootsShown: Count,
  /** The shown objectives' tree entries (board-tree-codec tuples), then per node its figures in the same order. */
  entries: z.array(z.unknown()),
  figures: z.array(z.tuple([Score, Score, Count, Count])),
  summary: StatusSummarySchema,
  forecastMisses: Count,
  detached: z.array(z.object({ objectiveId: z.string().min(1), reason: z.enum(['parent-archived', 'parent-missing']) })),
  ancestors: z.array(z.unknown()),
  scopeFindings: z.array(CompactFindingSchema),
});

const encodeHead = (cycleId: string, head: BoardHead): Attributes => {
  const stored: z.input<typeof HeadV1> = {
    stamp: head.stamp,
    fingerprint: head.fingerprint,
    validUntil: head.validUntil,
    rootCount: head.rootCount,
    objectiveCount: head.objectiveCount,
    rootsShown: head.rootsShown,
    entries: head.nodes.map((n) => entryTuple(n.entry)),
    figures: head.nodes.map((n) => [n.score, n.rollup, n.childCount, n.open]),
    summary: head.summary,
    forecastMisses: head.forecastMisses,
    detached: [...head.detached],
    ancestors: head.ancestors.map(entryTuple),
    scopeFindings: [...head.scopeFindings],
  };
  return { cycleId, version: 1, data: { schemaVersion: 1, packed: deflateRawSync(Buffer.from(JSON.stringify(stored))).toString('base64') } };
};

/** A stored head, checked against its schema. @throws CorruptRecord when it does not match. */
export const decodeHead = (key: string, value: unknown): BoardHead => {
  let raw: unknown;
  try {
    raw = JSON.parse(inflateRawSync(Buffer.from(decodeBoardShardRecord(value).data.packed, 'base64')).toString('utf8'));
  } catch (error) {
    if (error instanceof CorruptRecord) throw error;
    throw new CorruptRecord(`stored board head ${key} is not deflated JSON`);
  }
  const parsed = HeadV1.safeParse(raw);
  if (!parsed.success) throw new CorruptRecord(`stored board head ${key} does not match its schema: ${parsed.error.issues[0]?.message ?? ''}`);
  const h = parsed.data;
  const entries = decodeTreeEntries(h.entries, key);
  if (entries.length !== h.figures.length) throw new CorruptRecord(`stored board head ${key} has ${String(entries.length)} entries for ${String(h.figures.length)} figures`);
  return {
    stamp: h.stamp,
    fingerprint: h.fingerprint,
    validUntil: h.validUntil,
    rootCount: h.rootCount,
    objectiveCount: h.objectiveCount,
    rootsShown: h.rootsShown,
    nodes: entries.map((entry, i) => {
      const [score, rollup, childCount, open] = h.figures[i] ?? [null, null, 0, 0];
      return { entry, score, rollup, childCount, open };
    }),
    summary: h.summary,
    forecastMisses: h.forecastMisses,
    detached: h.detached,
    ancestors: decodeTreeEntries(h.ancestors, key),
    scopeFindings: h.scopeFindings,
  };
};

/** The stamp's token; '' when the cycle has none yet (nothing was written since stamps existed). */
const stampOf = (value: unknown): string => decodeBoardShardRecord(value).data.packed;

/**
 * The cycle's stamp and its kept head for a filter: one batchGet of two small documents (strongly
 * consistent). A head that fails its schema is as good as none: the board builds it again.
 */
export const readBoardHead = async (space: Space, cycleId: string, filter: string): Promise<{ stamp: string; head?: BoardHead }> => {
  const sKey = stampKey(space, cycleId);
  const hKey = headKey(space, cycleId, filter);
  const items = new Map((await batchGetAll(ENTITY.boardShard, [sKey, hKey])).map((i) => [i.key, i.value]));
  const stampValue = items.get(sKey);
  const stamp = stampValue === undefined ? '' : stampOf(stampValue);
  const headValue = items.get(hKey);
  if (headValue === undefined) return { stamp };
  try {
    return { stamp, head: decodeHead(hKey, headValue) };
  } catch (error) {
    if (!(error instanceof CorruptRecord)) throw error;
    console.warn(`${error.message}: the board builds it again`);
    return { stamp };
  }
};

/** Heads of filters nobody opens any more clear themselves; one still opened is built again when it lapses. */
const HEAD_TTL = { value: 1, unit: 'DAYS' } as const;

/** Keeps a head (unconditional: whichever head is written last, the stamp decides whether it answers). */
export const writeBoardHead = async (space: Space, cycleId: string, filter: string, head: BoardHead): Promise<void> => {
  await rateLimited(() => kvs.entity<Attributes>(ENTITY.boardShard).set(headKey(space, cycleId, filter), encodeHead(cycleId, head), { ttl: HEAD_TTL }));
};
