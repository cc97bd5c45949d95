import type { OkrStore } from '../../usecases/ports';
import { startEarly } from '../../usecases/shared/start-early';
import { listDigestsOfCycle, readBoardRows, readBoardTree } from './board-repository';
import { readBoardHead, writeBoardHead } from './board-head-repository';
import { pushForecastRefresh } from '../events/forecast-queue';
import type { Settings } from '../../contract';
import { changeCycle, changeSettings, changeTeam, getCycle, getSettings, getTeam, listCycles, listTeams, putCycle, putTeam } from './catalog-repository';
import { cleanupRetired, exportAll, replaceAll } from './data-repository';
import { exportPage } from './export-pages';
import { liveSpace } from './generation-repository';
import { abandonImport, appendImportPart, finishImport, getImportJob, runImportStep, startImport } from './import-jobs';
import { dataHealth } from './health-repository';
import { repairRecord } from './repair-repository';
import { getCheckIn, listCheckIns, listSnapshots, listSnapshotsOf, putSnapshots } from './history-repository';
import { jobState } from './job-state-repository';
import { reminderLog } from './reminder-repository';
import { listLinksByIssue } from './issue-link-repository';
import { coverageEpics } from './coverage-cache-repository';
import { changeLeftOut, readLeftOut } from './left-out-repository';
import { getObjective, getObjectives, listObjectivesOfCycle, writeObjective } from './objective-repository';
import { changeKpi, kpiReadingsAsOf, listKpiReadings, listKpis, recordKpiReading } from './kpi-repository';
import type { Space } from './registry';

/**
 * The OkrStore port on Forge storage (KVS + Custom Entity Store), for one invocation: the live generation
 * is read once (one small get, strongly consistent) and every record is read and written in it, so an
 * import switching generations meanwhile never mixes two data sets in one answer.
 */
export const createKvsOkrStore = (): OkrStore => {
  let space: Promise<Space> | undefined;
  let committed = false;
  // Settings are read by most views and by the OKR admin check: one read per invocation serves them all.
  let settings: Promise<Settings> | undefined;
  const readSettings = (): Promise<Settings> =>
    (settings ??= startEarly(
      inLive(getSettings)().catch((error: unknown) => {
        // A failed read is not kept: the next caller asks storage again.
        settings = undefined;
        throw error;
      }),
    ));
  const live = (): Promise<Space> => (space ??= liveSpace());
  const inLive =
    <A extends unknown[], R>(fn: (space: Space, ...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> =>
      fn(await live(), ...args);
  const writing =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await fn(...args);
      committed = true;
      return result;
    };
  return {
    getCycle: inLive(getCycle),
    listCycles: inLive(listCycles),
    putCycle: writing(inLive(putCycle)),
    changeCycle: writing(inLive(changeCycle)),
    getTeam: inLive(getTeam),
    listTeams: inLive(listTeams),
    putTeam: writing(inLive(putTeam)),
    changeTeam: writing(inLive(changeTeam)),
    getSettings: readSettings,
    getBands: async () => (await readSettings()).bands,
    changeSettings: writing(async (change, request) => {
      const stored = await inLive(changeSettings)(change, request);
      settings = startEarly(Promise.resolve(stored));
      return stored;
    }),
    getObjective: inLive(getObjective),
    getObjectives: inLive(getObjectives),
    listObjectivesOfCycle: inLive(listObjectivesOfCycle),
    listDigestsOfCycle: inLive(listDigestsOfCycle),
    readBoardTree: inLive(readBoardTree),
    readBoardRows: inLive(readBoardRows),
    readBoardHead: inLive(readBoardHead),
    writeBoardHead: inLive(writeBoardHead),
    writeObjective: writing(inLive(writeObjective)),
    getCheckIn: inLive(getCheckIn),
    listCheckIns: inLive(listCheckIns),
    listLinksByIssue: inLive(listLinksByIssue),
    putSnapshots: inLive(putSnapshots),
    listSnapshots: inLive(listSnapshots),
    listSnapshotsOf: inLive(listSnapshotsOf),
    readLeftOut: inLive(readLeftOut),
    changeLeftOut: writing(inLive(changeLeftOut)),
    listKpis: inLive(listKpis),
    changeKpi: writing(inLive(changeKpi)),
    recordKpiReading: writing(inLive(recordKpiReading)),
    listKpiReadings: inLive(listKpiReadings),
    kpiReadingsAsOf: inLive(kpiReadingsAsOf),
    exportAll: inLive(exportAll),
    exportPage: inLive(exportPage),
    // A paged import writes its own staging generation, never the live one.
    startImport,
    appendImportPart,
    finishImport,
    getImportJob,
    abandonImport,
    runImportStep,
    queueForecastRefresh: pushForecastRefresh,
    // Stages a new generation beside the live one: not bound to the live space.
    replaceAll: writing(replaceAll),
    cleanupRetired: () => cleanupRetired(),
    jobState,
    coverageEpics,
    reminderLog,
    hasCommitted: () => committed,
    dataHealth: inLive(dataHealth),
    repairRecord: writing(inLive(repairRecord)),
  };
};
