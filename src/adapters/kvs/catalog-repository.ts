import { kvs } from '@forge/kvs';
import type { BandConfig, Cycle, Settings, Team } from '../../contract';
import type { Attributes, Catalog } from './codecs';
import { DEFAULT_SETTINGS, decodeCycleCatalog, decodeSettings, decodeTeamCatalog, encodeCatalog, encodeSettings } from './codecs';
import { liveSpace, stillLive } from './generation-repository';
import { isConditionFailure, jitter, rateLimited, versionIs } from './kvs-io';
import type { CatalogKey, Space } from './registry';
import type { ItemChange, SettingsChange } from '../../usecases/ports';
import { hasApplied, remember } from '../../usecases/shared/applied-requests';
import { at, CATALOG, ENTITY, KEY } from './registry';

/**
 * Cycles and teams: small sets that nearly every view needs whole, so each lives in one catalog document
 * read with get, which Forge answers strongly consistently (an index query may not yet show a cycle or
 * team created a moment ago). A change is a conditional read-modify-write of that document.
 */

type Decode<T> = (value: unknown) => Catalog<T>;

export const readCatalog = async <T>(space: Space, key: CatalogKey, decode: Decode<T>): Promise<Catalog<T>> => {
  const value = await rateLimited(() => kvs.entity<Attributes>(ENTITY.catalog).get(at(space, key)));
  if (value === undefined) return { items: [], version: 0, corrupt: [], requests: [] };
  const catalog = decode(value);
  // A stored item that fails its schema is left out of every list, never fatal to a view; it is reported
  // here and kept in storage (a write of the list keeps it out, so repair means re-creating it).
  if (catalog.corrupt.length > 0) console.warn(`catalog ${key}: ${String(catalog.corrupt.length)} corrupt item(s) skipped: ${catalog.corrupt.join(', ')}`);
  return catalog;
};

/** Lost races are retried (the change is applied again to what the winner wrote) for this long. */
const CHANGE_BUDGET_MS = 10_000;

/**
 * A change to one item of a catalog document: `apply` gets the stored item (undefined if there is none)
 * and every item, and answers the item to store; it runs again on each lost race, so two admins changing
 * different fields of one team both land. The write is conditional on the version read and on the space
 * still being live. A request already applied (a retry) writes nothing and answers the stored item.
 */
export const change = async <T extends { id: string }>(
  space: Space,
  catalog: { key: CatalogKey; decode: Decode<T>; order: (a: T, b: T) => number },
  id: string,
  apply: ItemChange<T>,
  request: string | undefined,
): Promise<T> => {
  const started = Date.now();
  for (let attempt = 0; attempt === 0 || Date.now() - started < CHANGE_BUDGET_MS; attempt++) {
    const current = await readCatalog(space, catalog.key, catalog.decode);
    const stored = current.items.find((i) => i.id === id);
    if (stored !== undefined && hasApplied(current.requests, request)) return stored;
    const item = apply(stored, current.items);
    const items = [...current.items.filter((i) => i.id !== id), item].sort(catalog.order);
    try {
      await rateLimited(() =>
        kvs
          .transact()
          .set(at(space, catalog.key), encodeCatalog(items, current.version + 1, remember(current.requests, request)), {
            entityName: ENTITY.catalog,
            conditions: versionIs(current.version),
          })
          .check(CATALOG.generation, { entityName: ENTITY.catalog, conditions: stillLive(space) })
          .execute(),
      );
      return item;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      await jitter(attempt);
    }
  }
  throw new Error(`catalog ${catalog.key}: too many concurrent changes, or the data was replaced by an import`);
};

export const byStart = (a: Cycle, b: Cycle): number => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id);
export const byName = (a: Team, b: Team): number => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

const CYCLES = { key: CATALOG.cycles, decode: decodeCycleCatalog, order: byStart };
const TEAMS = { key: CATALOG.teams, decode: decodeTeamCatalog, order: byName };

/** Cycles in start-date order. */
export const listCycles = async (space: Space): Promise<Cycle[]> => (await readCatalog(space, CATALOG.cycles, decodeCycleCatalog)).items;
export const getCycle = async (space: Space, id: string): Promise<Cycle | undefined> => (await listCycles(space)).find((c) => c.id === id);
export const putCycle = async (space: Space, cycle: Cycle): Promise<void> => {
  await change(space, CYCLES, cycle.id, () => cycle, undefined);
};
export const changeCycle = (space: Space, id: string, apply: ItemChange<Cycle>, request?: string): Promise<Cycle> =>
  change(space, CYCLES, id, apply, request);

/** Teams in name order. */
export const listTeams = async (space: Space): Promise<Team[]> => (await readCatalog(space, CATALOG.teams, decodeTeamCatalog)).items;
export const getTeam = async (space: Space, id: string): Promise<Team | undefined> => (await listTeams(space)).find((t) => t.id === id);
export const putTeam = async (space: Space, team: Team): Promise<void> => {
  await change(space, TEAMS, team.id, () => team, undefined);
};
export const changeTeam = (space: Space, id: string, apply: ItemChange<Team>, request?: string): Promise<Team> =>
  change(space, TEAMS, id, apply, request);

const readSettings = async (space: Space): Promise<{ settings: Settings; requests: string[] }> => {
  const value = await rateLimited(() => kvs.get<unknown>(at(space, KEY.bands)));
  return value === undefined ? { settings: DEFAULT_SETTINGS, requests: [] } : decodeSettings(value);
};

export const getSettings = async (space: Space): Promise<Settings> => (await readSettings(space)).settings;
export const getBands = async (space: Space): Promise<BandConfig> => (await getSettings(space)).bands;

export const applySettingsChange = (stored: Settings, change: SettingsChange): Settings => {
  const adminGroup = change.adminGroup === undefined ? stored.adminGroup : (change.adminGroup ?? undefined);
  return {
    bands: change.bands ?? stored.bands,
    pace: change.pace ?? stored.pace,
    ...(adminGroup === undefined ? {} : { adminGroup }),
  };
};

/**
 * Changes the parts of the settings given, keeping the rest as stored. A request already applied (a retry
 * after a lost answer) writes nothing and answers the stored settings, so it cannot undo a later change
 * by someone else.
 */
export const changeSettings = async (space: Space, change: SettingsChange, request?: string): Promise<Settings> => {
  // Read even without a request id: the write keeps the other parts and the requests others made.
  const stored = await readSettings(space);
  if (hasApplied(stored.requests, request)) return stored.settings;
  const settings = applySettingsChange(stored.settings, change);
  await rateLimited(() =>
    kvs
      .transact()
      .set(at(space, KEY.bands), encodeSettings(settings, remember(stored.requests, request)))
      .check(CATALOG.generation, { entityName: ENTITY.catalog, conditions: stillLive(space) })
      .execute(),
  );
  return settings;
};

/**
 * The settings an import writes into its new generation: the imported bands, and the pace and admin group
 * of the live data (the export document carries only the bands; who administers is not OKR data).
 */
export const importedSettings = async (bands: BandConfig): Promise<Attributes> => {
  const live = await getSettings(await liveSpace());
  return encodeSettings({ ...live, bands });
};
