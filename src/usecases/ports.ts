import type {
  AdminGroup,
  BandConfig,
  CheckIn,
  Cycle,
  Kpi,
  KpiReading,
  LeftOut,
  PaceThresholds,
  Settings,
  Team,
} from '../contract';
import type { ExportCounts, ExportDocument, ExportPart, ExportPosition, ImportState } from '../contract';
import type { InitiativeLink, KeyResultSnapshot, ObjectiveAggregate, ObjectiveDigest, StatusCategory } from './model';
import type { BoardHead } from './shared/board-head';
import type { BoardTreeEntry } from './shared/board-tree-entry';

/** What use cases need from the outside world. Adapters implement these; tests run the real adapters. */

export interface Actor {
  /** Always from the invocation context, never from a payload. */
  accountId: string;
}

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  /** `length` random base36 characters [0-9a-z]. */
  random(length: number): string;
  /**
   * `length` base36 characters that depend only on `seed`: a record created twice from the same seed gets
   * the same key, so the write's must-not-exist condition refuses the second copy.
   */
  derive(seed: string, length: number): string;
}

/** A conditional write lost against a concurrent writer: the caller re-reads and retries. */
export class VersionConflict extends Error {
  override readonly name = 'VersionConflict';
}

/** One objective write: the aggregate (conditional on the version read) and its side rows. */
export interface AggregateWrite {
  aggregate: ObjectiveAggregate;
  /** The version read; 0 means the objective must not exist yet. */
  expectedVersion: number;
  /** Append-only rows, written only if absent. */
  newCheckIns?: readonly CheckIn[];
  /** Jira issues whose links to this objective changed: their lookup documents are rewritten with it. */
  linkedIssueIds?: readonly string[];
}

/**
 * A change to one catalog item: the stored item (undefined when there is none) and all items in, the item
 * to store out. May throw (AppError) to refuse; runs again when another writer got there first.
 */
export type ItemChange<T> = (current: T | undefined, all: readonly T[]) => T;

/** A partial settings change: only the parts given; `adminGroup: null` removes the group. */
export interface SettingsChange {
  bands?: BandConfig | undefined;
  pace?: PaceThresholds | undefined;
  adminGroup?: AdminGroup | null | undefined;
}

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export interface OkrStore {
  getCycle(id: string): Promise<Cycle | undefined>;
  listCycles(): Promise<Cycle[]>;
  putCycle(cycle: Cycle): Promise<void>;
  /** Applies `apply` to the stored cycle (again on each lost race); a request already applied answers the stored cycle. */
  changeCycle(id: string, apply: ItemChange<Cycle>, request?: string): Promise<Cycle>;

  getTeam(id: string): Promise<Team | undefined>;
  listTeams(): Promise<Team[]>;
  putTeam(team: Team): Promise<void>;
  /** Applies `apply` to the stored team (again on each lost race); a request already applied answers the stored team. */
  changeTeam(id: string, apply: ItemChange<Team>, request?: string): Promise<Team>;

  /** Bands, pace thresholds and admin group: read once per invocation (later calls answer the same read). */
  getSettings(): Promise<Settings>;
  /** The settings' score bands (the same read as getSettings). */
  getBands(): Promise<BandConfig>;
  /**
   * Changes the parts given (`adminGroup: null` removes it) and answers the settings stored: the stored
   * ones, unchanged, when `request` was already applied.
   */
  changeSettings(change: SettingsChange, request?: string): Promise<Settings>;

  getObjective(id: string): Promise<ObjectiveAggregate | undefined>;
  getObjectives(ids: readonly string[]): Promise<ObjectiveAggregate[]>;
  /** Every objective of a cycle (any status) in full: the board shards, then a batchGet of the aggregates. */
  listObjectivesOfCycle(cycleId: string): Promise<ObjectiveAggregate[]>;
  /** Every objective of a cycle (any status) as its board digest: one batchGet of 16 small documents. */
  listDigestsOfCycle(cycleId: string): Promise<ObjectiveDigest[]>;
  /** The cycle's tree index (every objective, any status, a few dozen bytes each): one batchGet of 16 documents. */
  readBoardTree(cycleId: string): Promise<BoardTreeEntry[]>;
  /**
   * The cycle's tree stamp and its kept first screen for a filter (shared/board-head.ts): one batchGet of
   * two small documents. The stamp is '' while the cycle has none; a head that fails its schema is none.
   */
  readBoardHead(cycleId: string, filter: string): Promise<{ stamp: string; head?: BoardHead }>;
  /** Keeps a first screen for a filter (it lapses by itself after a day). */
  writeBoardHead(cycleId: string, filter: string, head: BoardHead): Promise<void>;
  /** The digests of some objectives of a cycle, by key (25 a request); unknown ids are left out. */
  readBoardRows(cycleId: string, objectiveIds: readonly string[]): Promise<ObjectiveDigest[]>;
  /** @throws VersionConflict when the aggregate changed since it was read (or exists when it should not). */
  writeObjective(write: AggregateWrite): Promise<void>;

  /** One check-in by key (strongly consistent, unlike listCheckIns' index). */
  getCheckIn(id: string): Promise<CheckIn | undefined>;
  /** Newest first, through an index: a check-in may show up to a moment after it was written. */
  listCheckIns(keyResultId: string, limit: number, cursor?: string): Promise<Page<CheckIn>>;
  listLinksByIssue(issueIds: readonly string[]): Promise<InitiativeLink[]>;

  putSnapshots(snapshots: readonly KeyResultSnapshot[]): Promise<void>;
  listSnapshots(cycleId: string): Promise<KeyResultSnapshot[]>;
  /** Those weeks' snapshots as far as they hold the KRs of these objectives (read by key; weeks never snapshotted are absent). */
  listSnapshotsOf(
    cycleId: string,
    weeks: readonly string[],
    objectiveIds: readonly string[],
  ): Promise<KeyResultSnapshot[]>;

  /** "Not this cycle" lists read by key (one batchGet, strongly consistent), in the order asked; a list never written is empty. */
  readLeftOut(lists: readonly LeftOutListKey[]): Promise<LeftOut[][]>;
  /**
   * Applies `apply` to one list's items (again on each lost race) and answers the items stored; a request
   * already applied writes nothing and answers the stored items.
   */
  changeLeftOut(
    list: LeftOutListKey,
    apply: (items: readonly LeftOut[]) => LeftOut[],
    request?: string,
  ): Promise<LeftOut[]>;

  /** Every KPI of the installation, any status: one catalog document read with get (strongly consistent). */
  listKpis(): Promise<StoredKpi[]>;
  /**
   * Applies `apply` to the stored KPI (undefined: a new one) with every KPI in, again on each lost race;
   * a request already applied writes nothing and answers the stored KPI.
   */
  changeKpi(id: string, apply: ItemChange<StoredKpi>, request?: string): Promise<StoredKpi>;
  /**
   * Appends a reading (written only if absent) and, when it is the KPI's newest, makes it the current value,
   * in one transaction with the KPI catalog. `check` refuses (throws) against the KPI as stored, again on
   * each lost race. A reading whose id is stored already (a repeated request) writes nothing and is answered.
   */
  recordKpiReading(
    reading: KpiReading,
    check: (kpi: StoredKpi | undefined) => void,
  ): Promise<{ kpi: StoredKpi; reading: KpiReading }>;
  /** A KPI's readings, newest first, through its index (a reading may show up a moment after it was written). */
  listKpiReadings(kpiId: string, limit: number, cursor?: string): Promise<Page<KpiReading>>;
  /** Each KPI's newest two readings at or before `asOf`, newest first: one bounded index query per KPI, in parallel. */
  kpiReadingsAsOf(kpiIds: readonly string[], asOf: string): Promise<Map<string, KpiReading[]>>;

  exportAll(): Promise<Omit<ExportDocument, 'format' | 'version' | 'exportedAt'>>;
  /**
   * One page of the export from `position` (undefined: the first).
   * @throws AppError CONFLICT when the position is of another generation (an import happened between pages).
   */
  exportPage(
    position: ExportPosition | undefined,
    exportedAt: string,
  ): Promise<{ part: ExportPart; next?: ExportPosition }>;
  /** Paged import (adapters/kvs/import-jobs.ts): claims a staging generation named `importId` and records the job. */
  startImport(args: {
    importId: string;
    requestId: string;
    expected: ExportCounts;
    createdBy: string;
    now: string;
  }): Promise<ImportJob>;
  /** Writes a part into the staging generation; a repeated request id writes nothing. */
  appendImportPart(importId: string, requestId: string, data: ImportPartData): Promise<ImportJob>;
  /** Enqueues a page of a cycle's forecast refresh (refresh-forecasts.ts) as an async event: the objectives after `after`. */
  queueForecastRefresh(cycleId: string, after: string): Promise<void>;
  /** Hands the staged import to async events that verify it and switch it on. */
  finishImport(importId: string): Promise<ImportJob>;
  getImportJob(importId: string): Promise<ImportJob | undefined>;
  /** Marks an import failed and retires its staging generation (the live data is untouched). */
  abandonImport(importId: string, why: string): Promise<void>;
  /** One verify event of a finishing import; `retry`: a storage fault, deliver the event again. */
  runImportStep(
    importId: string,
    step: number,
    retryCount: number,
  ): Promise<{ state: ImportState | undefined; retry: boolean }>;
  /**
   * Replaces all data: stages it as a new generation, verifies it, and makes it live in one conditional
   * write; a failure before that leaves the old data live and whole.
   * @throws AppError CONFLICT (another import), UNAVAILABLE (nothing changed).
   */
  replaceAll(data: ImportData): Promise<void>;
  /** Deletes generations an import replaced (or failed to stage), once nothing can still read them. */
  cleanupRetired(): Promise<void>;

  /** Every stored record of the live data read and parsed: how many, and those that fail their schema. */
  dataHealth(): Promise<DataHealth>;
  /**
   * Replaces (parsed by its codec) or removes a record that fails its schema; removing one already gone writes nothing.
   * @throws AppError CONFLICT when the record is not damaged, VALIDATION when `data` still fails.
   */
  repairRecord(request: RepairRequest): Promise<void>;

  /** Whether this invocation has stored a change (so a later failure can say the change was saved). */
  hasCommitted(): boolean;

  /** Where a scheduled job keeps what it needs between runs (strongly consistent get and set). */
  jobState(job: JobName): JobStateStore;

  /** Who was reminded of stale check-ins in an ISO week ('2026-W05'). */
  reminderLog(week: string): ReminderLog;

  /** coverage.get's few-minute cache of Jira's in-progress epics per set of projects. */
  coverageEpics: EpicListCache;
}

/**
 * One week's reminders, one record per owner, so a rerun of the weekly job sends nobody a second one.
 * A claim is taken before sending and kept unless Jira refused: a run that died after claiming (sent or
 * not) leaves the claim, and the owner gets no second reminder that week (at most once, never twice).
 */
export interface ReminderLog {
  /** Claims the owner's reminder; false when already claimed this week (sent, or a run died sending). */
  claim(accountId: string, at: string): Promise<boolean>;
  /** Records that Jira took the email, and on which issue. */
  markSent(accountId: string, issueKey: string, at: string): Promise<void>;
  /** Gives a claim back after Jira refused the email, so a later run this week may try again. */
  release(accountId: string): Promise<void>;
}

export type JobName = 'reconcile-initiatives';

/** A scheduled job's memory between runs: when it last succeeded, incrementally and in full. */
export interface JobState {
  lastRunAt: string;
  lastFullRunAt: string;
}

export interface JobStateStore {
  read(): Promise<JobState | undefined>;
  write(state: JobState): Promise<void>;
}

/** data.repair's request as the store takes it. */
export interface RepairRequest {
  kind: string;
  key: string;
  action: 'replace' | 'remove';
  data?: unknown;
}

export interface DataHealth {
  checked: number;
  corrupt: { kind: string; key: string; problem: string; raw: string; rawTruncated: boolean }[];
}

/** A paged import's job as the use cases see it (counts per section of the export document). */
export interface ImportJob {
  importId: string;
  state: ImportState;
  createdBy: string;
  expected: ExportCounts;
  written: ExportCounts;
  /** Records read back from the staging generation. */
  verified: number;
  error?: string;
}

/** One validated part of a paged import, in the shapes the store writes. */
export interface ImportPartData {
  bands?: BandConfig;
  cycles: Cycle[];
  teams: Team[];
  objectives: ObjectiveAggregate[];
  checkIns: CheckIn[];
  snapshots: { cycleId: string; week: string; values: Record<string, number> }[];
  /** KPIs (merged into the staged KPI catalog) and readings, when the part carries them. */
  kpis?: StoredKpi[] | undefined;
  kpiReadings?: KpiReading[] | undefined;
  /** "Not this cycle" items (not in `counts`: an optional section since #14). */
  leftOut?: LeftOut[] | undefined;
  counts: ExportCounts;
}

/** A KPI as stored: with the reading before its current one, so a list shows the move without reading history. */
export interface StoredKpi extends Kpi {
  previous?: number | undefined;
  previousAt?: string | undefined;
}

/** One cycle's "not this cycle" list: a team's, or the company's (no teamId). */
export interface LeftOutListKey {
  cycleId: string;
  teamId?: string | undefined;
}

export interface ImportData {
  bands: BandConfig;
  cycles: readonly Cycle[];
  teams: readonly Team[];
  objectives: readonly ObjectiveAggregate[];
  checkIns: readonly CheckIn[];
  snapshots: readonly Pick<KeyResultSnapshot, 'cycleId' | 'week' | 'values'>[];
  /** "Not this cycle" items of every list (absent in data from before them). */
  leftOut?: readonly LeftOut[] | undefined;
  /** KPIs and their readings (absent in data from before them). */
  kpis?: readonly StoredKpi[] | undefined;
  kpiReadings?: readonly KpiReading[] | undefined;
}

/** An epic as the acting user may see it when linking. */
export interface EpicRef {
  id: string;
  key: string;
  summary: string;
  statusName: string;
  statusCategory: StatusCategory;
  projectId: string;
  projectKey: string;
  /** Hierarchy level 1 in Jira's standard hierarchy. */
  isEpic: boolean;
}

/** A child issue of an epic, as far as progress needs it. */
export interface ChildIssue {
  statusCategory: StatusCategory;
  resolution: string | undefined;
  /** ISO instant. */
  created: string;
}

/** An epic as the app sees it, with its child issues; `epic` undefined means deleted (not found). */
export interface EpicState {
  epic: EpicRef | undefined;
  children: ChildIssue[];
}

/** An in-progress epic as coverage counts it. */
export interface InProgressEpic {
  id: string;
  key: string;
  summary: string;
  statusName: string;
  projectKey: string;
  /** ISO instant. */
  created: string;
  /** Has an issue security level: then who sees it is more than who may browse its project. */
  secured?: boolean;
}

/** The in-progress epics of a set of projects as Jira answered them, and when (coverage.get's cache). */
export interface CachedEpicList {
  /** ISO instant of the Jira search. */
  fetchedAt: string;
  epics: InProgressEpic[];
}

/**
 * Jira's answer for a set of browsable projects, shared by every viewer who may browse exactly that set.
 * A best-effort cache: read and write may throw, and callers carry on without it.
 */
export interface EpicListCache {
  /** The list stored for exactly these project keys (any order), or undefined. */
  read(projectKeys: readonly string[]): Promise<CachedEpicList | undefined>;
  write(projectKeys: readonly string[], list: CachedEpicList): Promise<void>;
}

/**
 * A linked epic, or one of its child issues, as the acting user sees it when a check-in is drafted
 * (draft-check-in.ts): enough to name it and to tell done, added and out-of-scope work apart.
 */
export interface WorkIssue {
  id: string;
  key: string;
  summary: string;
  statusName: string;
  statusCategory: StatusCategory;
  resolution: string | undefined;
  /** ISO instants; `resolved` undefined while unresolved. */
  created: string;
  resolved: string | undefined;
  /** The parent's issue id (the epic, for a child issue). */
  parentId: string | undefined;
  /**
   * ISO instant: when the issue was last moved under its current parent, as its changelog says;
   * undefined when it was created there, or the move lies beyond the 40 histories a search returns.
   */
  parentSetAt: string | undefined;
}

export interface ViewerAccess {
  /** Project ids the viewer may browse, among those asked about. */
  browsableProjectIds: ReadonlySet<string>;
  isSiteAdmin: boolean;
}

/** An email Jira sends about one issue to chosen users (POST /rest/api/3/issue/{issueIdOrKey}/notify). */
export interface IssueNotification {
  issueId: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  toAccountIds: readonly string[];
}

/** Sent (Jira queued the email), or refused with Jira's status (400 bad recipient, 403 email off, 404 no issue). */
export type NotifyOutcome = { sent: true } | { sent: false; status: number };

/** A Jira user as reminders address them: the language is the user's Jira locale when their privacy allows it. */
export interface JiraUser {
  accountId: string;
  displayName: string;
  active: boolean;
  locale: string | undefined;
}

/** What reminders need from Jira, all as the app (a scheduled job has no user). */
export interface NotificationChannel {
  /** The site's address for links in emails (GET /rest/api/3/serverInfo `baseUrl`). */
  siteBaseUrl(): Promise<string>;
  /** The users among `accountIds` that Jira knows (unknown ids are absent). */
  usersByAccountId(accountIds: readonly string[]): Promise<Map<string, JiraUser>>;
  /** Of the issues `issueIds`, those the user `accountId` may browse. */
  issuesBrowsableBy(accountId: string, issueIds: readonly string[]): Promise<Set<string>>;
  notifyIssue(notification: IssueNotification): Promise<NotifyOutcome>;
}

export interface JiraGateway extends NotificationChannel {
  /**
   * The epic `issueKey` as the acting user sees it.
   * @throws AppError ISSUE_NOT_LINKABLE (field issueKey) when missing, not visible or not an epic.
   */
  findEpicForUser(issueKey: string): Promise<EpicRef>;
  /**
   * Epic fields and child-issue progress as the app sees them, for many epics (batched by 50).
   * Every requested id is in the result; `epic` undefined when it was not found (deleted).
   */
  readEpics(issueIds: readonly string[]): Promise<Map<string, EpicState>>;
  /**
   * Of the epics `issueIds`, those that changed, or whose child issues changed, in the last `minutes`
   * (as the app). An issue taken out of an epic no longer names it, so this cannot see that change.
   */
  changedEpics(issueIds: readonly string[], minutes: number): Promise<Set<string>>;
  /**
   * As the acting user: the epics `epicIds` (each that exists and they may browse; every one must be
   * browsable, or Jira refuses the JQL naming it) and those epics' child issues created or resolved in
   * the last `minutes`, every page.
   */
  epicWorkForUser(epicIds: readonly string[], minutes: number): Promise<WorkIssue[]>;
  /** One permission check as the acting user: browsable projects among `projectIds`, and site admin. */
  viewerAccess(projectIds: readonly string[]): Promise<ViewerAccess>;
  /**
   * Of `projectKeys`, the keys of the projects the acting user may browse (as Jira spells them; the rest
   * left out, never an error). The permission boundary of anything shared between viewers.
   */
  browsableProjectKeys(projectKeys: readonly string[]): Promise<string[]>;
  /**
   * As the acting user: the epics in status category "In Progress" of `projectKeys`, which must all be
   * browsable (see browsableProjectKeys: Jira refuses a JQL naming a project the caller cannot see),
   * newest first, every page.
   */
  inProgressEpicsIn(projectKeys: readonly string[]): Promise<InProgressEpic[]>;
  isSiteAdmin(): Promise<boolean>;
  /** Whether the acting user is a member of `group` (directly or through a nested group). */
  isInGroup(group: AdminGroup): Promise<boolean>;
  /** Of `accountIds`, those that name no active user of the site (owners, reviewers, members must be real). */
  unknownAccountIds(accountIds: readonly string[]): Promise<string[]>;
  /** Jira's stored fragments of the app's JQL function calls (GET /rest/api/3/jql/function/computation, as the app, every page). */
  listPrecomputations(): Promise<Precomputation[]>;
  /** Rewrites precomputations (POST /rest/api/3/jql/function/computation, as the app); ids Jira dropped meanwhile are skipped. */
  updatePrecomputations(updates: readonly PrecomputationUpdate[]): Promise<void>;
}

/** One stored JQL function call and the fragment (or error) Jira replaces it with. */
export interface Precomputation {
  id: string;
  functionName: string;
  field: string;
  operator: string;
  arguments: string[];
  value: string | undefined;
  error: string | undefined;
}

export type PrecomputationUpdate = { id: string; value: string } | { id: string; error: string };

export interface Deps {
  store: OkrStore;
  jira: JiraGateway;
  clock: Clock;
  ids: IdGenerator;
}
