import { z } from 'zod';
import type { Db } from '../db';
import type { IssueRecord } from './model';
import { cachedPrepare, nextSequenceValue } from './schema';

/** Issue rows of the emulated site. */

const issueRow = z.object({
  id: z.number().int(),
  key: z.string(),
  project_id: z.number().int(),
  issue_type_id: z.string(),
  status_id: z.string(),
  resolution_id: z.string().nullable(),
  parent_id: z.number().int().nullable(),
  summary: z.string(),
  description: z.string(),
  assignee_id: z.string().nullable(),
  reporter_id: z.string().nullable(),
  created: z.string(),
  updated: z.string(),
  resolution_date: z.string().nullable(),
  due_date: z.string().nullable(),
  labels: z.string(),
  rank: z.number().int(),
});

const labelList = z.array(z.string());

/** Records are frozen: the store may hand the same object to several readers. */
const toIssue = (raw: unknown): IssueRecord => {
  const row = issueRow.parse(raw);
  return Object.freeze({
    id: String(row.id),
    key: row.key,
    projectId: String(row.project_id),
    issueTypeId: row.issue_type_id,
    statusId: row.status_id,
    resolutionId: row.resolution_id,
    parentId: row.parent_id === null ? null : String(row.parent_id),
    summary: row.summary,
    description: row.description,
    assigneeId: row.assignee_id,
    reporterId: row.reporter_id,
    created: row.created,
    updated: row.updated,
    resolutionDate: row.resolution_date,
    dueDate: row.due_date,
    labels: Object.freeze(labelList.parse(JSON.parse(row.labels))),
    rank: row.rank,
  });
};

const toParams = (issue: IssueRecord): Record<string, string | number | null> => ({
  id: Number(issue.id),
  key: issue.key,
  project_id: Number(issue.projectId),
  issue_type_id: issue.issueTypeId,
  status_id: issue.statusId,
  resolution_id: issue.resolutionId,
  parent_id: issue.parentId === null ? null : Number(issue.parentId),
  summary: issue.summary,
  description: issue.description,
  assignee_id: issue.assigneeId,
  reporter_id: issue.reporterId,
  created: issue.created,
  updated: issue.updated,
  resolution_date: issue.resolutionDate,
  due_date: issue.dueDate,
  labels: JSON.stringify(issue.labels),
  rank: issue.rank,
});

const COLUMNS = Object.keys(issueRow.shape);

export interface IssueStore {
  /** Allocates an issue id (10000, 10001, ...) and the matching rank. */
  nextId(): string;
  insert(issue: IssueRecord): void;
  /** Rewrites every column of an existing issue. */
  update(issue: IssueRecord): void;
  delete(id: string): void;
  get(id: string): IssueRecord | undefined;
  findByKey(key: string): IssueRecord | undefined;
  /**
   * Every issue, in id order. The emulator filters in memory (a demo site holds thousands of issues,
   * not millions), so the parsed list is cached until the data changes.
   */
  all(): IssueRecord[];
  childrenOf(id: string): IssueRecord[];
}

/**
 * Parsed issue lists per database. An entry is valid while no store wrote to that database and
 * SQLite's data_version (bumped by other connections' commits) is unchanged. Inside a transaction
 * the cache is bypassed: a rollback would otherwise leave uncommitted rows in it.
 */
const allIssuesCache = new WeakMap<Db, { version: number; issues: readonly IssueRecord[] }>();
const versionValue = z.number().int();

export const createIssueStore = (db: Db): IssueStore => {
  const prepare = cachedPrepare(db);
  const insert = prepare(
    `INSERT INTO jira_issues (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((c) => `@${c}`).join(', ')})`,
  );
  const update = prepare(
    `UPDATE jira_issues SET ${COLUMNS.filter((c) => c !== 'id')
      .map((c) => `${c} = @${c}`)
      .join(', ')} WHERE id = @id`,
  );
  const dataVersion = (): number => versionValue.parse(db.pragma('data_version', { simple: true }));
  const write = (run: () => void): void => {
    allIssuesCache.delete(db);
    run();
  };
  return {
    nextId: () => String(nextSequenceValue(db, 'issue', 10000)),
    insert: (issue) => {
      write(() => insert.run(toParams(issue)));
    },
    update: (issue) => {
      write(() => update.run(toParams(issue)));
    },
    delete: (id) => {
      write(() => prepare('DELETE FROM jira_issues WHERE id = ?').run(Number(id)));
    },
    get: (id) => {
      if (!/^\d+$/.test(id)) return undefined;
      const raw: unknown = prepare('SELECT * FROM jira_issues WHERE id = ?').get(Number(id));
      return raw === undefined ? undefined : toIssue(raw);
    },
    findByKey: (key) => {
      const raw: unknown = prepare('SELECT * FROM jira_issues WHERE key = ?').get(key);
      return raw === undefined ? undefined : toIssue(raw);
    },
    all: () => {
      const load = (): IssueRecord[] => prepare('SELECT * FROM jira_issues ORDER BY id').all().map(toIssue);
      if (db.inTransaction) return load();
      const version = dataVersion();
      let cached = allIssuesCache.get(db);
      if (cached?.version !== version) {
        cached = { version, issues: load() };
        allIssuesCache.set(db, cached);
      }
      return [...cached.issues];
    },
    childrenOf: (id) =>
      prepare('SELECT * FROM jira_issues WHERE parent_id = ? ORDER BY id').all(Number(id)).map(toIssue),
  };
};
