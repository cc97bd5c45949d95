import type { OkrStore } from '../../usecases/ports';
import { getBands, getCycle, getTeam, listCycles, listTeams, putBands, putCycle, putTeam } from './catalog-repository';
import { listDigestsOfCycle } from './board-repository';
import { exportAll, replaceAll } from './data-repository';
import { getCheckIn, listCheckIns, listSnapshots, putSnapshots } from './history-repository';
import { jobState } from './job-state-repository';
import {
  getObjective,
  getObjectives,
  listLinksByIssue,
  listObjectivesOfCycle,
  writeObjective,
} from './objective-repository';

/** The OkrStore port on Forge storage (KVS + Custom Entity Store). Stateless: one instance serves all. */
export const kvsOkrStore: OkrStore = {
  getCycle,
  listCycles,
  putCycle,
  getTeam,
  listTeams,
  putTeam,
  getBands,
  putBands,
  getObjective,
  getObjectives,
  listObjectivesOfCycle,
  listDigestsOfCycle,
  writeObjective,
  getCheckIn,
  listCheckIns,
  listLinksByIssue,
  putSnapshots,
  listSnapshots,
  exportAll,
  replaceAll,
  jobState,
};
