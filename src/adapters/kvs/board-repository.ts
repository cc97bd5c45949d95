import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { ObjectiveAggregate, ObjectiveDigest } from '../../usecases/model';
import { digestOf } from '../../usecases/model';
import type { Attributes } from './codecs';
import { decodeBoardShardRecord, decodeDigests } from './codecs';
import { batchGetAll, batchSetAll } from './kvs-io';
import type { Space } from './registry';
import { at, boardShardKey, ENTITY, SHARD_COUNT, shardOf } from './registry';

/**
 * The board's projection of a cycle: its objectives' digests spread over SHARD_COUNT documents with
 * deterministic keys, read in one batchGet (strongly consistent, unlike an index query) and rewritten in
 * the same transaction as every objective change. Each document is deflated JSON in base64: digests
 * repeat the same field names, ids and account ids, and Forge meters reads in 10 KB units, so a board
 * of 1,000 objectives costs about a seventh of the read units it would in plain JSON.
 */

export interface BoardShard {
  key: string;
  /** 0 when the document does not exist yet. */
  version: number;
  digests: ObjectiveDigest[];
}

const pack = (digests: readonly ObjectiveDigest[]): string => deflateRawSync(Buffer.from(JSON.stringify(digests))).toString('base64');
export const unpack = (packed: string): unknown => JSON.parse(inflateRawSync(Buffer.from(packed, 'base64')).toString('utf8'));

export const encodeBoardShard = (cycleId: string, digests: readonly ObjectiveDigest[], version: number): Attributes => ({
  cycleId,
  version,
  data: { schemaVersion: 1, packed: pack(digests) },
});

const decodeBoardShard = (key: string, value: unknown): BoardShard => {
  const record = decodeBoardShardRecord(value);
  return { key, version: record.version, digests: decodeDigests(unpack(record.data.packed), key) };
};

/** The stored key of the shard holding this aggregate's digest. */
export const boardShardOf = (space: Space, aggregate: ObjectiveAggregate): string =>
  at(space, boardShardKey(aggregate.objective.cycleId, shardOf(aggregate.objective.id)));

export const getBoardShard = async (key: string): Promise<BoardShard> => {
  const [item] = await batchGetAll(ENTITY.boardShard, [key]);
  return item === undefined ? { key, version: 0, digests: [] } : decodeBoardShard(key, item.value);
};

/** Every digest of a cycle: one batchGet of its 16 shard documents. */
export const listDigestsOfCycle = async (space: Space, cycleId: string): Promise<ObjectiveDigest[]> => {
  const keys = Array.from({ length: SHARD_COUNT }, (_, shard) => at(space, boardShardKey(cycleId, shard)));
  const items = await batchGetAll(ENTITY.boardShard, keys);
  return items.flatMap((i) => decodeBoardShard(i.key, i.value).digests);
};

/** The shard with this aggregate's digest put in place of the old one (or added). */
export const withDigest = (shard: BoardShard, aggregate: ObjectiveAggregate): ObjectiveDigest[] => [
  ...shard.digests.filter((d) => d.objective.id !== aggregate.objective.id),
  digestOf(aggregate),
];

/** Writes whole shard documents for aggregates (import, benchmarks): unconditional, version 1. */
export const putBoardShards = async (space: Space, aggregates: readonly ObjectiveAggregate[]): Promise<void> => {
  const byKey = new Map<string, { cycleId: string; digests: ObjectiveDigest[] }>();
  for (const a of aggregates) {
    const key = boardShardOf(space, a);
    const entry = byKey.get(key) ?? { cycleId: a.objective.cycleId, digests: [] };
    entry.digests.push(digestOf(a));
    byKey.set(key, entry);
  }
  await batchSetAll([...byKey].map(([key, e]) => ({ entity: ENTITY.boardShard, key, value: encodeBoardShard(e.cycleId, e.digests, 1) })));
};
