import type { ApiKey, ApiOutput, ApiParsedInput, ReadOnlyReason } from '../contract';
import { setObjectiveArchived } from '../usecases/archive-objective';
import { archiveKeyResult } from '../usecases/archive-key-result';
import { carryOverObjectives } from '../usecases/carry-over-objectives';
import { createCheckIn } from '../usecases/create-check-in';
import { createCycle } from '../usecases/create-cycle';
import { createKeyResult } from '../usecases/create-key-result';
import { createObjective } from '../usecases/create-objective';
import { createTeam } from '../usecases/create-team';
import { draftCheckIn } from '../usecases/draft-check-in';
import { exportData } from '../usecases/export-data';
import { getDataHealth } from '../usecases/get-data-health';
import { repairData } from '../usecases/repair-data';
import { getBoard } from '../usecases/get-board';
import { getBoardChildren } from '../usecases/get-board-children';
import { getBoardKeyResults } from '../usecases/get-board-key-results';
import { getCoverage } from '../usecases/get-coverage';
import type { IssueContext } from '../usecases/get-issue-panel';
import { getIssuePanel } from '../usecases/get-issue-panel';
import { getMe } from '../usecases/get-me';
import { getObjective } from '../usecases/get-objective';
import { getScorecard } from '../usecases/get-scorecard';
import { getSettings } from '../usecases/get-settings';
import { getTeamHistory } from '../usecases/get-team-history';
import { getLessons } from '../usecases/get-lessons';
import { getReview } from '../usecases/get-review';
import { gradeCycle } from '../usecases/grade-cycle';
import { importData } from '../usecases/import-data';
import { appendImportPart, finishPagedImport, getImportStatus, startPagedImport } from '../usecases/import-paged';
import { addLeftOut } from '../usecases/add-left-out';
import { linkInitiative } from '../usecases/link-initiative';
import { recordKpiReading } from '../usecases/record-kpi-reading';
import { saveKpi } from '../usecases/save-kpi';
import { listLeftOut } from '../usecases/list-left-out';
import { listCheckIns } from '../usecases/list-check-ins';
import { listCycles } from '../usecases/list-cycles';
import { listKpiReadings } from '../usecases/list-kpi-readings';
import { listKpis } from '../usecases/list-kpis';
import { listMyKeyResults } from '../usecases/list-my-key-results';
import { listTeams } from '../usecases/list-teams';
import { runLint } from '../usecases/run-lint';
import { searchObjectives } from '../usecases/search-objectives';
import type { Ctx } from '../usecases/shared/context';
import { unlinkInitiative } from '../usecases/unlink-initiative';
import { removeLeftOut } from '../usecases/remove-left-out';
import { updateCycle } from '../usecases/update-cycle';
import { updateKeyResult } from '../usecases/update-key-result';
import { updateObjective } from '../usecases/update-objective';
import { updateSettings } from '../usecases/update-settings';
import { updateTeam } from '../usecases/update-team';

/** What a handler may read from the invocation besides the payload (never identity: that is ctx.actor). */
export interface InvocationExtras {
  issue: IssueContext | undefined;
  /** Why writes are refused for this invocation (usecases/shared/license), undefined when they are not. */
  readOnlyReason: ReadOnlyReason | undefined;
}

export type Handler<K extends ApiKey> = (
  ctx: Ctx,
  input: ApiParsedInput<K>,
  extras: InvocationExtras,
) => Promise<ApiOutput<K>>;

/** One use case per resolver key. The mapped type makes a missing or extra key a compile error. */
export const HANDLERS: { [K in ApiKey]: Handler<K> } = {
  'me.get': (ctx, _input, extras) => getMe(ctx, extras.readOnlyReason),
  'settings.get': (ctx) => getSettings(ctx),
  'settings.update': updateSettings,
  'cycles.list': (ctx) => listCycles(ctx),
  'cycles.create': createCycle,
  'cycles.update': updateCycle,
  'cycles.grade': gradeCycle,
  'cycles.carryOver': carryOverObjectives,
  'review.get': getReview,
  'review.lessons': getLessons,
  'teams.list': (ctx) => listTeams(ctx),
  'teams.create': createTeam,
  'teams.update': updateTeam,
  'teams.history': getTeamHistory,
  'objectives.get': getObjective,
  'objectives.search': searchObjectives,
  'objectives.create': createObjective,
  'objectives.update': updateObjective,
  'objectives.archive': (ctx, input) => setObjectiveArchived(ctx, input, true),
  'objectives.restore': (ctx, input) => setObjectiveArchived(ctx, input, false),
  'keyResults.create': createKeyResult,
  'keyResults.update': updateKeyResult,
  'keyResults.archive': archiveKeyResult,
  'keyResults.mine': listMyKeyResults,
  'initiatives.link': linkInitiative,
  'initiatives.unlink': unlinkInitiative,
  'checkIns.create': createCheckIn,
  'checkIns.list': listCheckIns,
  'checkIns.draft': draftCheckIn,
  'coverage.get': getCoverage,
  'kpis.list': listKpis,
  'kpis.save': saveKpi,
  'kpis.record': recordKpiReading,
  'kpis.readings': listKpiReadings,
  'leftOut.list': listLeftOut,
  'leftOut.add': addLeftOut,
  'leftOut.remove': removeLeftOut,
  'board.get': getBoard,
  'board.keyResults': getBoardKeyResults,
  'board.children': getBoardChildren,
  'scorecard.get': getScorecard,
  'issuePanel.get': (ctx, _input, extras) => getIssuePanel(ctx, extras.issue),
  'lint.run': runLint,
  'data.export': exportData,
  'data.health': (ctx) => getDataHealth(ctx),
  'data.repair': repairData,
  'data.import': importData,
  'data.import.start': startPagedImport,
  'data.import.append': appendImportPart,
  'data.import.finish': finishPagedImport,
  'data.import.status': getImportStatus,
};
