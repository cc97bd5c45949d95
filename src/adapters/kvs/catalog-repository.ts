import { kvs } from '@forge/kvs';
import type { BandConfig, Cycle, Team } from '../../contract';
import { DEFAULT_BANDS } from '../../contract';
import type { Attributes } from './codecs';
import { decodeBands, decodeCycle, decodeTeam, encodeBands, encodeCycle, encodeTeam } from './codecs';
import { indexAll } from './kvs-io';
import { ENTITY, INDEX, KEY } from './registry';

/** Cycles, teams and settings: small sets, each listed with one index query (paged past 100). */

export const getCycle = async (id: string): Promise<Cycle | undefined> => {
  const value = await kvs.entity<Attributes>(ENTITY.cycle).get(id);
  return value === undefined ? undefined : decodeCycle(value);
};

/** Cycles in start-date order. */
export const listCycles = async (): Promise<Cycle[]> =>
  (await indexAll(ENTITY.cycle, INDEX.cycleByStart)).map((i) => decodeCycle(i.value));

export const putCycle = (cycle: Cycle): Promise<void> => kvs.entity<Attributes>(ENTITY.cycle).set(cycle.id, encodeCycle(cycle));

export const getTeam = async (id: string): Promise<Team | undefined> => {
  const value = await kvs.entity<Attributes>(ENTITY.team).get(id);
  return value === undefined ? undefined : decodeTeam(value);
};

/** Teams in name order. */
export const listTeams = async (): Promise<Team[]> =>
  (await indexAll(ENTITY.team, INDEX.teamByName)).map((i) => decodeTeam(i.value));

export const putTeam = (team: Team): Promise<void> => kvs.entity<Attributes>(ENTITY.team).set(team.id, encodeTeam(team));

export const getBands = async (): Promise<BandConfig> => {
  const value = await kvs.get<unknown>(KEY.bands);
  return value === undefined ? DEFAULT_BANDS : decodeBands(value);
};

export const putBands = (bands: BandConfig): Promise<void> => kvs.set(KEY.bands, encodeBands(bands));
