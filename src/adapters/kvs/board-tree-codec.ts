import { z } from 'zod';
import { ObjectiveLevelSchema, ObjectiveStatusSchema } from '../../contract';
import type { BoardTreeEntry } from '../../usecases/shared/board-tree-entry';
import { CorruptRecord } from './codecs';

/**
 * A tree index shard as stored: one tuple per objective (no field names: the index is read whole on
 * every board load, and Forge meters reads in 10 KB units), '' for an absent id.
 * [id, parentObjectiveId, level, status, teamId, ownerAccountId, title, score, keyResultCount,
 *  freshestCheckInAt (epoch ms or null; absent in tuples written before it existed),
 *  forecast watch: the lowest forecast score of the on-track KRs and the highest of the off-track
 *  ones (each or null; both absent when neither, and in tuples written before they existed)]
 */
const TupleV1 = z.tuple([
  z.string().min(1),
  z.string(),
  ObjectiveLevelSchema,
  ObjectiveStatusSchema,
  z.string(),
  z.string().min(1),
  z.string(),
  z.number().min(0).max(1).nullable(),
  z.number().int().min(0),
]);
type TupleV1 = z.infer<typeof TupleV1>;
const TupleV2 = z.tuple([...TupleV1.def.items, z.number().int().nullable()]);
type TupleV2 = z.infer<typeof TupleV2>;
const Score = z.number().min(0).max(1).nullable();
const TupleV3 = z.tuple([...TupleV2.def.items, Score, Score]);
type TupleV3 = z.infer<typeof TupleV3>;
const Tuple = z.union([TupleV3, TupleV2, TupleV1]);

export const entryTuple = (e: BoardTreeEntry): TupleV2 | TupleV3 => {
  const v2 = v2Tuple(e);
  // Most objectives have no KR said on or off track with a forecast: their tuple stays as short as before.
  return e.forecastWatch === undefined ? v2 : [...v2, e.forecastWatch.onTrackMin, e.forecastWatch.offTrackMax];
};

const v2Tuple = (e: BoardTreeEntry): TupleV2 => [
  e.id,
  e.parentObjectiveId ?? '',
  e.level,
  e.status,
  e.teamId ?? '',
  e.ownerAccountId,
  e.title,
  e.score,
  e.keyResultCount,
  e.freshestCheckInAt ?? null,
];

const entryOf = ([
  id,
  parent,
  level,
  status,
  teamId,
  ownerAccountId,
  title,
  score,
  keyResultCount,
  freshest,
  onTrackMin,
  offTrackMax,
]: TupleV1 | TupleV2 | TupleV3): BoardTreeEntry => ({
  id,
  ...(parent === '' ? {} : { parentObjectiveId: parent }),
  level,
  status,
  ...(teamId === '' ? {} : { teamId }),
  ownerAccountId,
  title,
  score,
  keyResultCount,
  ...(freshest === undefined || freshest === null ? {} : { freshestCheckInAt: freshest }),
  ...(onTrackMin === undefined || offTrackMax === undefined ? {} : { forecastWatch: { onTrackMin, offTrackMax } }),
});

/** Entries of one shard; a whole shard that fails its schema is corrupt (its board shard is read instead). */
export const decodeTreeEntries = (value: unknown, key: string): BoardTreeEntry[] => {
  const result = z.array(Tuple).safeParse(value);
  if (!result.success)
    throw new CorruptRecord(
      `stored tree index ${key} does not match its schema: ${result.error.issues[0]?.message ?? ''}`,
    );
  return result.data.map(entryOf);
};
