import { kvs } from '@forge/kvs';
import { AppError } from '../../usecases/errors';
import type { RepairRequest } from '../../usecases/ports';
import { VersionConflict } from '../../usecases/ports';
import { boardShardOf, encodeBoardShard, encodeTreeShard, getBoardShard, rowKey, treeKey } from './board-repository';
import { newStamp, stampKey } from './board-head-repository';
import type { Attributes } from './codecs';
import {
  CorruptRecord,
  decodeCheckIn,
  decodeIssueLinks,
  decodeKpiReading,
  decodeObjective,
  decodeSettings,
  decodeSnapshot,
  encodeIssueLinks,
} from './codecs';
import { allOf } from './data-repository';
import { stillLive } from './generation-repository';
import { problemsOf } from './health-repository';
import { rateLimited, versionIs } from './kvs-io';
import { writeObjective } from './objective-repository';
import type { EntityName, Space } from './registry';
import { at, CATALOG, ENTITY, KEY, LEFT_OUT_PREFIX, shardOf } from './registry';

/**
 * data.repair: a record data.health lists is replaced by a corrected payload (parsed by its own codec)
 * or removed. Only a record that fails its schema now is ever touched: anything else is refused, so a
 * repair cannot overwrite good data. An objective goes through the same conditional write as every
 * change (its board digest, tree index, row and issue lookups follow it); removing one takes its digest
 * off the board and its links out of the issue lookups.
 */

const ENTITIES: ReadonlySet<string> = new Set(Object.values(ENTITY));

const notDamaged = (kind: string, key: string): AppError =>
  new AppError(
    'CONFLICT',
    `The ${kind} record "${key}" is not a damaged record: only records data.health lists can be repaired.`,
    'key',
  );

const readRaw = async (space: Space, kind: string, key: string): Promise<unknown> =>
  kind === 'settings'
    ? rateLimited(() => kvs.get<unknown>(at(space, KEY.bands)))
    : rateLimited(() => kvs.entity<Attributes>(kind).get(at(space, key)));

/** Parses `data` with the record's codec; a payload that still fails is the caller's mistake, said as VALIDATION. */
const parsed = <T>(decode: () => T): T => {
  try {
    return decode();
  } catch (error) {
    if (!(error instanceof CorruptRecord)) throw error;
    const detail = error.message.replace(/^stored (.+?) does not match its schema: /, '');
    throw new AppError('VALIDATION', `record does not fit its schema: ${detail}`, 'record', [
      { field: 'record', message: `does not fit its schema: ${detail}` },
    ]);
  }
};

const asAttributes = (data: unknown): Attributes => {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new AppError('VALIDATION', 'record must be an object', 'record', [
      { field: 'record', message: 'must be an object' },
    ]);
  }
  return data as Attributes;
};

const storedVersion = (raw: unknown): number => {
  const version = typeof raw === 'object' && raw !== null ? (raw as Attributes).version : undefined;
  return typeof version === 'number' && Number.isInteger(version) ? version : 0;
};

/** Puts a plain record back in place, only while this generation is live. */
const setChecked = async (space: Space, entity: EntityName, key: string, value: Attributes): Promise<void> => {
  await rateLimited(() =>
    kvs
      .transact()
      .set(at(space, key), value, { entityName: entity })
      .check(CATALOG.generation, { entityName: ENTITY.catalog, conditions: stillLive(space) })
      .execute(),
  );
};

const replaceObjective = async (space: Space, key: string, raw: unknown, data: unknown): Promise<void> => {
  const aggregate = parsed(() => decodeObjective(data));
  if (aggregate.objective.id !== key) {
    throw new AppError(
      'VALIDATION',
      `record.data.objective.id must be the record's key ${key}`,
      'record.data.objective.id',
      [{ field: 'record.data.objective.id', message: `must be the record's key ${key}` }],
    );
  }
  const expectedVersion = storedVersion(raw);
  // A stored version that is not a number cannot be a write's condition: the damaged record goes first.
  if (expectedVersion === 0 && typeof raw === 'object' && raw !== null && (raw as Attributes).version !== undefined) {
    await rateLimited(() => kvs.entity<Attributes>(ENTITY.objective).delete(at(space, key)));
  }
  try {
    await writeObjective(space, {
      aggregate: { ...aggregate, version: expectedVersion },
      expectedVersion,
      linkedIssueIds: aggregate.initiatives.map((i) => i.issueId),
    });
  } catch (error) {
    if (error instanceof VersionConflict)
      throw new AppError(
        'CONFLICT',
        'Someone else changed this objective at the same moment; please try again.',
        'key',
      );
    throw error;
  }
};

/** The objective's digest off its board shard (with the tree index), its row, and its links out of every issue lookup. */
const removeObjective = async (space: Space, key: string, raw: unknown): Promise<void> => {
  const cycleId = typeof raw === 'object' && raw !== null ? (raw as Attributes).cycleId : undefined;
  if (typeof cycleId === 'string' && cycleId !== '') {
    const shardKey = boardShardOf(space, { objective: { id: key, cycleId } } as Parameters<typeof boardShardOf>[1]);
    const shard = await getBoardShard(shardKey);
    const digests = shard.digests.filter((d) => d.objective.id !== key);
    await rateLimited(() =>
      kvs
        .transact()
        .set(shardKey, encodeBoardShard(cycleId, digests, shard.version + 1), {
          entityName: ENTITY.boardShard,
          conditions: versionIs(shard.version),
        })
        .set(treeKey(space, cycleId, shardOf(key)), encodeTreeShard(cycleId, digests, shard.version + 1), {
          entityName: ENTITY.boardShard,
        })
        .delete(rowKey(space, cycleId, key), { entityName: ENTITY.boardShard })
        .set(stampKey(space, cycleId), newStamp(cycleId), { entityName: ENTITY.boardShard })
        .delete(at(space, key), { entityName: ENTITY.objective })
        .check(CATALOG.generation, { entityName: ENTITY.catalog, conditions: stillLive(space) })
        .execute(),
    );
  } else {
    await rateLimited(() => kvs.entity<Attributes>(ENTITY.objective).delete(at(space, key)));
  }
  for (const item of await allOf(space, ENTITY.issueLink)) {
    const doc = decodeIssueLinks(item.value);
    if (!doc.links.some((l) => l.objectiveId === key)) continue;
    const links = doc.links.filter((l) => l.objectiveId !== key);
    await rateLimited(() =>
      kvs
        .transact()
        .set(item.key, encodeIssueLinks(links, doc.version + 1), {
          entityName: ENTITY.issueLink,
          conditions: versionIs(doc.version),
        })
        .execute(),
    );
  }
};

export const repairRecord = async (space: Space, request: RepairRequest): Promise<void> => {
  const { kind, key, action } = request;
  if (kind !== 'settings' && !ENTITIES.has(kind)) throw notDamaged(kind, key);
  const raw = await readRaw(space, kind, key);
  if (raw === undefined) {
    // Already gone: removing again answers as the first removal did.
    if (action === 'remove') return;
    throw notDamaged(kind, key);
  }
  if (problemsOf(kind, at(space, key), raw, space).length === 0) throw notDamaged(kind, key);

  if (action === 'remove') {
    if (kind === ENTITY.objective) return removeObjective(space, key, raw);
    // A "not this cycle" list is one team's few items: removing a damaged one loses only those.
    if (kind === ENTITY.catalog && !key.startsWith(LEFT_OUT_PREFIX))
      throw new AppError(
        'INVALID_STATE',
        'A damaged catalog (all cycles or all teams) cannot be removed: replace it.',
        'action',
      );
    if (kind === 'settings') {
      await rateLimited(() => kvs.delete(at(space, KEY.bands)));
      return;
    }
    await rateLimited(() => kvs.entity<Attributes>(kind).delete(at(space, key)));
    // A board document gone changes what the board reads: no kept first screen answers after it.
    const cycleId = typeof raw === 'object' && raw !== null ? (raw as Attributes).cycleId : undefined;
    if (kind === ENTITY.boardShard && typeof cycleId === 'string' && cycleId !== '')
      await rateLimited(() => kvs.entity<Attributes>(ENTITY.boardShard).set(stampKey(space, cycleId), newStamp(cycleId)));
    return;
  }

  const data = asAttributes(request.data);
  if (kind === ENTITY.objective) return replaceObjective(space, key, raw, data);
  if (kind === 'settings') {
    parsed(() => decodeSettings(data));
    await rateLimited(() => kvs.set(at(space, KEY.bands), data));
    return;
  }
  const decoders: Record<string, () => unknown> = {
    [ENTITY.checkIn]: () => decodeCheckIn(at(space, key), data, space),
    [ENTITY.krSnapshot]: () => decodeSnapshot(data, space),
    [ENTITY.issueLink]: () => decodeIssueLinks(data),
    [ENTITY.kpiReading]: () => decodeKpiReading(at(space, key), data, space),
  };
  const decode = decoders[kind];
  if (decode !== undefined) parsed(decode);
  else {
    // Catalogs and board documents: whole only when every item in them reads.
    const problems = problemsOf(kind, at(space, key), data, space);
    if (problems.length > 0) {
      throw new AppError('VALIDATION', `record does not fit its schema: ${problems.join('; ')}`, 'record', [
        { field: 'record', message: `does not fit its schema: ${problems.join('; ')}` },
      ]);
    }
  }
  await setChecked(space, kind as EntityName, key, data);
};
