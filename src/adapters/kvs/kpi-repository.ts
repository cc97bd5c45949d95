import { Filter, FilterConditions, ForgeKvsAPIError, kvs, Sort, WhereConditions } from '@forge/kvs';
import type { KpiReading } from '../../contract';
import { AppError } from '../../usecases/errors';
import type { ItemChange, Page, StoredKpi } from '../../usecases/ports';
import { change, readCatalog } from './catalog-repository';
import type { Attributes } from './codecs';
import { decodeKpiCatalog, decodeKpiReading, encodeCatalog, encodeKpiReading } from './codecs';
import { readGeneration, replacedByImport, stillLive } from './generation-repository';
import { indexPage, isConditionFailure, jitter, rateLimited, versionIs } from './kvs-io';
import type { EntityName, Space } from './registry';
import { at, CATALOG, ENTITY, INDEX } from './registry';

/**
 * KPIs: every KPI of the installation in one catalog document (read with get, strongly consistent; a few
 * hundred bytes each, so even the cap of 200 stays far under the value limit), and their readings as
 * append-only rows indexed by KPI and time, like check-ins. A reading and the catalog change that makes it
 * the KPI's current value are one transaction, so the list never shows a value its history lacks.
 */

const byTeamThenName = (a: StoredKpi, b: StoredKpi): number =>
  (a.teamId ?? '').localeCompare(b.teamId ?? '') || a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

const KPIS = { key: CATALOG.kpis, decode: decodeKpiCatalog, order: byTeamThenName };

/** Every KPI, any status, grouped by team (company KPIs first) and in name order. */
export const listKpis = async (space: Space): Promise<StoredKpi[]> => (await readCatalog(space, CATALOG.kpis, decodeKpiCatalog)).items;

export const changeKpi = (space: Space, id: string, apply: ItemChange<StoredKpi>, request?: string): Promise<StoredKpi> => change(space, KPIS, id, apply, request);

/**
 * The KPI after a reading: the newest reading becomes `current` (the one it replaces `previous`); an older
 * one (a concurrent record that lost the race and was taken earlier) can only become `previous`.
 */
export const withReading = (kpi: StoredKpi, reading: KpiReading): StoredKpi => {
  if (kpi.updatedAt === undefined || reading.at >= kpi.updatedAt) {
    const moved = kpi.current === undefined || kpi.updatedAt === undefined ? {} : { previous: kpi.current, previousAt: kpi.updatedAt };
    return { ...kpi, ...moved, current: reading.value, updatedAt: reading.at };
  }
  if (kpi.previousAt === undefined || reading.at > kpi.previousAt) return { ...kpi, previous: reading.value, previousAt: reading.at };
  return kpi;
};

/**
 * The reading as it is stored: one taken in the same millisecond as the KPI's current value (two recorded
 * at once) is stamped 1 ms later. It becomes current (withReading), and the readings list, newest first by
 * time, must name the same reading newest; equal times would leave that to the index's tie order.
 */
export const afterCurrent = (kpi: StoredKpi, reading: KpiReading): KpiReading =>
  kpi.updatedAt === undefined || reading.at !== kpi.updatedAt ? reading : { ...reading, at: new Date(Date.parse(reading.at) + 1).toISOString() };

const getReading = async (space: Space, id: string): Promise<KpiReading | undefined> => {
  const value = await rateLimited(() => kvs.entity<Attributes>(ENTITY.kpiReading).get(at(space, id)));
  return value === undefined ? undefined : decodeKpiReading(id, value, space);
};

/** Lost races (another reading or KPI change at the same moment) are retried for this long. */
const RECORD_BUDGET_MS = 10_000;

/**
 * Appends a reading and moves the KPI's values, in one transaction: the reading row only if absent, the
 * catalog conditional on the version read, and the generation still live. A lost race re-reads and applies
 * the reading again to what the winner wrote, so two readings recorded at once both land. First attempt:
 * the catalog and the reading's key read in parallel (a repeat with the same id answers the stored row).
 */
export const recordKpiReading = async (
  space: Space,
  reading: KpiReading,
  check: (kpi: StoredKpi | undefined) => void,
): Promise<{ kpi: StoredKpi; reading: KpiReading }> => {
  const started = Date.now();
  for (let attempt = 0; attempt === 0 || Date.now() - started < RECORD_BUDGET_MS; attempt++) {
    const [catalog, stored] = await Promise.all([readCatalog(space, CATALOG.kpis, decodeKpiCatalog), getReading(space, reading.id)]);
    const kpi = catalog.items.find((k) => k.id === reading.kpiId);
    if (stored !== undefined && kpi !== undefined) return { kpi, reading: stored };
    check(kpi);
    if (kpi === undefined) throw new AppError('INTERNAL', `KPI ${reading.kpiId} vanished after its check`);
    const stamped = afterCurrent(kpi, reading);
    const next = withReading(kpi, stamped);
    const items = catalog.items.map((k) => (k.id === kpi.id ? next : k));
    try {
      await rateLimited(() =>
        kvs
          .transact()
          .set(at(space, CATALOG.kpis), encodeCatalog(items, catalog.version + 1, catalog.requests), {
            entityName: ENTITY.catalog,
            conditions: versionIs(catalog.version),
          })
          .set(at(space, reading.id), encodeKpiReading(stamped, space), {
            entityName: ENTITY.kpiReading,
            conditions: new Filter<Attributes>().and('kpiId', FilterConditions.notExists()),
          })
          .check(CATALOG.generation, { entityName: ENTITY.catalog, conditions: stillLive(space) })
          .execute(),
      );
      return { kpi: next, reading: stamped };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      if ((await readGeneration()).generation.active !== space.generation) throw replacedByImport();
      await jitter(attempt);
    }
  }
  throw new Error(`KPI ${reading.kpiId}: too many concurrent readings`);
};

const badCursor = (): AppError =>
  new AppError('VALIDATION', 'cursor is not a cursor of this list', 'cursor', [{ field: 'cursor', message: 'is not a cursor of this list' }]);

export const listKpiReadings = async (space: Space, kpiId: string, limit: number, cursor?: string): Promise<Page<KpiReading>> => {
  const page = await indexPage(ENTITY.kpiReading, INDEX.readingByKpi, [at(space, kpiId)], cursor, { limit, sort: 'DESC' }).catch((error: unknown) => {
    // A cursor from another query, or tampered with, is the caller's input at fault.
    if (cursor !== undefined && error instanceof ForgeKvsAPIError && error.responseDetails.status === 400) throw badCursor();
    throw error;
  });
  const items = page.results.map((r) => decodeKpiReading(r.key, r.value, space));
  return page.nextCursor === undefined ? { items } : { items, nextCursor: page.nextCursor };
};

/** Each KPI's newest two readings at or before `asOf`: one query of at most 2 items per KPI, all in parallel. */
export const kpiReadingsAsOf = async (space: Space, kpiIds: readonly string[], asOf: string): Promise<Map<string, KpiReading[]>> => {
  const lists = await Promise.all(
    kpiIds.map(async (kpiId) => {
      const page = await rateLimited(() =>
        kvs
          .entity<Attributes>(ENTITY.kpiReading)
          .query()
          .index(INDEX.readingByKpi, { partition: [at(space, kpiId)] })
          .where(WhereConditions.lessThanEqualTo(asOf))
          .sort(Sort.DESC)
          .limit(2)
          .getMany(),
      );
      return [kpiId, page.results.map((r) => decodeKpiReading(r.key, r.value, space))] as const;
    }),
  );
  return new Map(lists);
};

/** Every reading of the KPIs given (export, health): each partition through its index, every page. */
export const readingsOf = async (space: Space, kpiIds: readonly string[]): Promise<KpiReading[]> => {
  const pages = await Promise.all(
    kpiIds.map(async (kpiId) => {
      const out: KpiReading[] = [];
      let cursor: string | undefined;
      do {
        const page = await indexPage(ENTITY.kpiReading, INDEX.readingByKpi, [at(space, kpiId)], cursor);
        out.push(...page.results.map((r) => decodeKpiReading(r.key, r.value, space)));
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      return out;
    }),
  );
  return pages.flat().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
};

/**
 * The records of imported KPIs and readings in a space (a staging generation nobody reads yet): the KPI
 * catalog, when there are KPIs, and one row per reading.
 */
export const kpiItems = (
  space: Space,
  kpis: readonly StoredKpi[],
  readings: readonly KpiReading[],
): { entity: EntityName; key: string; value: Attributes }[] => [
  ...(kpis.length === 0 ? [] : [{ entity: ENTITY.catalog, key: at(space, CATALOG.kpis), value: encodeCatalog([...kpis].sort(byTeamThenName), 1) }]),
  ...readings.map((r) => ({ entity: ENTITY.kpiReading, key: at(space, r.id), value: encodeKpiReading(r, space) })),
];

/**
 * A paged import's KPIs merged into the staging generation's KPI catalog (nobody reads it yet; a part
 * written twice merges the same KPIs again). Conditional on the version read, retried if two parts race.
 */
export const mergeImportedKpis = async (space: Space, kpis: readonly StoredKpi[]): Promise<void> => {
  if (kpis.length === 0) return;
  for (let attempt = 0; ; attempt++) {
    const catalog = await readCatalog(space, CATALOG.kpis, decodeKpiCatalog);
    const items = [...new Map([...catalog.items, ...kpis].map((k) => [k.id, k])).values()].sort(byTeamThenName);
    try {
      await rateLimited(() =>
        kvs
          .transact()
          .set(at(space, CATALOG.kpis), encodeCatalog(items, catalog.version + 1), { entityName: ENTITY.catalog, conditions: versionIs(catalog.version) })
          .execute(),
      );
      return;
    } catch (error) {
      if (!isConditionFailure(error) || attempt >= 5) throw error;
      await jitter(attempt);
    }
  }
};
