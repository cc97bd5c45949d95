import { z } from 'zod';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db';

/**
 * The emulated site's tables, prefixed `jira_` so they sit beside the KVS tables in the runtime's one
 * database. Ids come from `jira_sequences` (not AUTOINCREMENT) because Jira never reuses a deleted
 * issue's id or key, and ids start at 10000 as on a real site.
 */
export const migrateJiraSchema = (db: Db): void => {
  db.exec(`
    CREATE TABLE IF NOT EXISTS jira_sequences (
      name TEXT PRIMARY KEY,
      value INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS jira_users (
      account_id TEXT PRIMARY KEY,
      display_name TEXT NOT NULL,
      email TEXT NOT NULL UNIQUE COLLATE NOCASE,
      active INTEGER NOT NULL,
      site_admin INTEGER NOT NULL,
      time_zone TEXT NOT NULL,
      locale TEXT NOT NULL DEFAULT 'en_US'
    );
    CREATE TABLE IF NOT EXISTS jira_user_groups (
      account_id TEXT NOT NULL REFERENCES jira_users(account_id) ON DELETE CASCADE,
      group_name TEXT NOT NULL,
      PRIMARY KEY (account_id, group_name)
    );
    CREATE TABLE IF NOT EXISTS jira_projects (
      id INTEGER PRIMARY KEY,
      key TEXT NOT NULL UNIQUE COLLATE NOCASE,
      name TEXT NOT NULL,
      project_type_key TEXT NOT NULL,
      lead_account_id TEXT REFERENCES jira_users(account_id),
      browse_everyone INTEGER NOT NULL,
      next_issue_number INTEGER NOT NULL DEFAULT 1
    );
    CREATE TABLE IF NOT EXISTS jira_project_browsers (
      project_id INTEGER NOT NULL REFERENCES jira_projects(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('user', 'group')),
      name TEXT NOT NULL,
      PRIMARY KEY (project_id, kind, name)
    );
    CREATE TABLE IF NOT EXISTS jira_issues (
      id INTEGER PRIMARY KEY,
      key TEXT NOT NULL UNIQUE COLLATE NOCASE,
      project_id INTEGER NOT NULL REFERENCES jira_projects(id),
      issue_type_id TEXT NOT NULL,
      status_id TEXT NOT NULL,
      resolution_id TEXT,
      parent_id INTEGER REFERENCES jira_issues(id),
      summary TEXT NOT NULL,
      description TEXT NOT NULL,
      assignee_id TEXT REFERENCES jira_users(account_id),
      reporter_id TEXT REFERENCES jira_users(account_id),
      created TEXT NOT NULL,
      updated TEXT NOT NULL,
      resolution_date TEXT,
      due_date TEXT,
      labels TEXT NOT NULL,
      rank INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS jira_issue_changelog (
      id INTEGER PRIMARY KEY,
      issue_id INTEGER NOT NULL,
      created TEXT NOT NULL,
      author_id TEXT,
      items TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS jira_issue_changelog_issue ON jira_issue_changelog(issue_id, id);
    CREATE INDEX IF NOT EXISTS jira_issues_parent ON jira_issues(parent_id);
    CREATE INDEX IF NOT EXISTS jira_issues_project ON jira_issues(project_id);
  `);
  // A site saved before users had a locale gets the column, everyone speaking Jira's default en_US.
  const userColumns = z.array(z.object({ name: z.string() })).parse(db.prepare('PRAGMA table_info(jira_users)').all());
  if (!userColumns.some((c) => c.name === 'locale'))
    db.exec("ALTER TABLE jira_users ADD COLUMN locale TEXT NOT NULL DEFAULT 'en_US'");
};

const sequenceRow = z.object({ value: z.number().int() });

export type Prepare = (sql: string) => Statement;

const preparedByDb = new WeakMap<Db, Map<string, Statement>>();

/** Prepares each SQL text once per database: preparing costs more than running these queries. */
export const cachedPrepare =
  (db: Db): Prepare =>
  (sql) => {
    const statements = preparedByDb.get(db) ?? new Map<string, Statement>();
    preparedByDb.set(db, statements);
    const known = statements.get(sql);
    if (known) return known;
    const statement = db.prepare(sql);
    statements.set(sql, statement);
    return statement;
  };

/** Next value of a named sequence (first value `start`). Call inside the caller's transaction. */
export const nextSequenceValue = (db: Db, name: string, start: number): number => {
  const prepare = cachedPrepare(db);
  return sequenceRow.parse(
    prepare(
      'INSERT INTO jira_sequences (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value',
    ).get(name, start),
  ).value;
};
