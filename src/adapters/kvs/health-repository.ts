import { kvs } from '@forge/kvs';
import type { DataHealth } from '../../usecases/ports';
import { boardDocumentProblems } from './board-repository';
import {
  decodeCheckIn,
  decodeCycleCatalog,
  decodeIssueLinks,
  decodeKpiCatalog,
  decodeKpiReading,
  decodeLeftOutCatalog,
  decodeObjective,
  decodeSettings,
  decodeSnapshot,
  decodeTeamCatalog,
} from './codecs';
import { allOf } from './data-repository';
import { rateLimited } from './kvs-io';
import type { EntityName, Space } from './registry';
import { at, CATALOG, ENTITY, KEY, LEFT_OUT_PREFIX, unprefixed } from './registry';

/** Every record of the live generation parsed with its codec; what fails is listed, never repaired here. */

/** How much of a corrupt record's payload data.health returns to repair from. */
export const RAW_LIMIT = 20_000;
const rawOf = (value: unknown): { raw: string; rawTruncated: boolean } => {
  const json = JSON.stringify(value);
  return json.length > RAW_LIMIT ? { raw: json.slice(0, RAW_LIMIT), rawTruncated: true } : { raw: json, rawTruncated: false };
};

const problemOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export const checkers: Record<EntityName, (key: string, value: unknown, space: Space) => string[]> = {
  [ENTITY.objective]: (_key, value) => {
    decodeObjective(value);
    return [];
  },
  [ENTITY.checkIn]: (key, value, space) => {
    decodeCheckIn(key, value, space);
    return [];
  },
  [ENTITY.krSnapshot]: (_key, value, space) => {
    decodeSnapshot(value, space);
    return [];
  },
  [ENTITY.issueLink]: (_key, value) => {
    decodeIssueLinks(value);
    return [];
  },
  [ENTITY.kpiReading]: (key, value, space) => {
    decodeKpiReading(key, value, space);
    return [];
  },
  // Board shards, their tree indexes and row documents share the entity: board-repository tells them apart.
  [ENTITY.boardShard]: (key, value) => boardDocumentProblems(key, value),
  [ENTITY.catalog]: (key, value, space) => {
    const name = unprefixed(space, key);
    const catalog =
      name === CATALOG.cycles
        ? decodeCycleCatalog(value)
        : name === CATALOG.teams
          ? decodeTeamCatalog(value)
          : name === CATALOG.kpis
            ? decodeKpiCatalog(value)
            : name.startsWith(LEFT_OUT_PREFIX)
              ? decodeLeftOutCatalog(value)
              : undefined;
    return catalog === undefined || catalog.corrupt.length === 0 ? [] : [`items ${catalog.corrupt.join(', ')} fail their schema`];
  },
};

/** What is wrong with one stored record of `kind` (an entity, or 'settings'); empty when it reads whole. */
export const problemsOf = (kind: string, key: string, value: unknown, space: Space): string[] => {
  try {
    if (kind === 'settings') {
      decodeSettings(value);
      return [];
    }
    const check = (checkers as Partial<Record<string, (key: string, value: unknown, space: Space) => string[]>>)[kind];
    return check === undefined ? [] : check(key, value, space);
  } catch (error) {
    return [problemOf(error)];
  }
};

export const dataHealth = async (space: Space): Promise<DataHealth> => {
  const entities = Object.values(ENTITY);
  const items = await Promise.all(entities.map(async (entity) => ({ entity, items: await allOf(space, entity) })));
  let checked = 0;
  const corrupt: DataHealth['corrupt'] = [];
  for (const { entity, items: list } of items) {
    for (const item of list) {
      checked += 1;
      let problems: string[];
      try {
        problems = checkers[entity](item.key, item.value, space);
      } catch (error) {
        problems = [problemOf(error)];
      }
      for (const problem of problems) corrupt.push({ kind: entity, key: unprefixed(space, item.key), problem, ...rawOf(item.value) });
    }
  }
  // Settings live in a plain key: parsed through the same codec as every read.
  const bands = await rateLimited(() => kvs.get<unknown>(at(space, KEY.bands)));
  if (bands !== undefined) {
    checked += 1;
    try {
      decodeSettings(bands);
    } catch (error) {
      corrupt.push({ kind: 'settings', key: KEY.bands, problem: problemOf(error), ...rawOf(bands) });
    }
  }
  return { checked, corrupt };
};
