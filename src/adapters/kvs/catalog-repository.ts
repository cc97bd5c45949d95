import { kvs } from '@forge/kvs';
import type { BandConfig, Cycle, Team } from '../../contract';
import { DEFAULT_BANDS } from '../../contract';
import type { Attributes, Catalog } from './codecs';
import { decodeBands, decodeCycleCatalog, decodeTeamCatalog, encodeBands, encodeCatalog } from './codecs';
import { stillLive } from './generation-repository';
import { isConditionFailure, jitter, rateLimited, versionIs } from './kvs-io';
import type { CatalogKey, Space } from './registry';
import { at, CATALOG, ENTITY, KEY } from './registry';

/**
 * Cycles and teams: small sets that nearly every view needs whole, so each lives in one catalog document
 * read with get, which Forge answers strongly consistently (an index query may not yet show a cycle or
 * team created a moment ago). A change is a conditional read-modify-write of that document.
 */

type Decode<T> = (value: unknown) => Catalog<T>;

const readCatalog = async <T>(space: Space, key: CatalogKey, decode: Decode<T>): Promise<Catalog<T>> => {
  const value = await rateLimited(() => kvs.entity<Attributes>(ENTITY.catalog).get(at(space, key)));
  if (value === undefined) return { items: [], version: 0, corrupt: [] };
  const catalog = decode(value);
  // A stored item that fails its schema is left out of every list, never fatal to a view; it is reported
  // here and kept in storage (a write of the list keeps it out, so repair means re-creating it).
  if (catalog.corrupt.length > 0) console.warn(`catalog ${key}: ${String(catalog.corrupt.length)} corrupt item(s) skipped: ${catalog.corrupt.join(', ')}`);
  return catalog;
};

/** Lost races are retried (an upsert of one item is the same change whatever else the list holds) for this long. */
const UPSERT_BUDGET_MS = 10_000;

/** Replaces (or adds) one item, conditional on the version read and on the space still being live. */
const upsert = async <T extends { id: string }>(space: Space, key: CatalogKey, item: T, decode: Decode<T>, order: (a: T, b: T) => number): Promise<void> => {
  const started = Date.now();
  for (let attempt = 0; attempt === 0 || Date.now() - started < UPSERT_BUDGET_MS; attempt++) {
    const current = await readCatalog(space, key, decode);
    const items = [...current.items.filter((i) => i.id !== item.id), item].sort(order);
    try {
      await rateLimited(() =>
        kvs
          .transact()
          .set(at(space, key), encodeCatalog(items, current.version + 1), { entityName: ENTITY.catalog, conditions: versionIs(current.version) })
          .check(CATALOG.generation, { entityName: ENTITY.catalog, conditions: stillLive(space) })
          .execute(),
      );
      return;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      await jitter(attempt);
    }
  }
  throw new Error(`catalog ${key}: too many concurrent changes, or the data was replaced by an import`);
};

export const byStart = (a: Cycle, b: Cycle): number => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id);
export const byName = (a: Team, b: Team): number => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/** Cycles in start-date order. */
export const listCycles = async (space: Space): Promise<Cycle[]> => (await readCatalog(space, CATALOG.cycles, decodeCycleCatalog)).items;
export const getCycle = async (space: Space, id: string): Promise<Cycle | undefined> => (await listCycles(space)).find((c) => c.id === id);
export const putCycle = (space: Space, cycle: Cycle): Promise<void> => upsert(space, CATALOG.cycles, cycle, decodeCycleCatalog, byStart);

/** Teams in name order. */
export const listTeams = async (space: Space): Promise<Team[]> => (await readCatalog(space, CATALOG.teams, decodeTeamCatalog)).items;
export const getTeam = async (space: Space, id: string): Promise<Team | undefined> => (await listTeams(space)).find((t) => t.id === id);
export const putTeam = (space: Space, team: Team): Promise<void> => upsert(space, CATALOG.teams, team, decodeTeamCatalog, byName);

export const getBands = async (space: Space): Promise<BandConfig> => {
  const value = await rateLimited(() => kvs.get<unknown>(at(space, KEY.bands)));
  return value === undefined ? DEFAULT_BANDS : decodeBands(value);
};

export const putBands = (space: Space, bands: BandConfig): Promise<void> =>
  rateLimited(() =>
    kvs
      .transact()
      .set(at(space, KEY.bands), encodeBands(bands))
      .check(CATALOG.generation, { entityName: ENTITY.catalog, conditions: stillLive(space) })
      .execute(),
  );
