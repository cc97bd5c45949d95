import { z } from 'zod';
import type { Db } from '../db';
import type { BrowseRule, ProjectRecord, UserRecord } from './model';
import { cachedPrepare, nextSequenceValue } from './schema';

/** Users, groups and projects of the emulated site. Rows are parsed with zod: SQLite hands back unknown. */

const userRow = z.object({
  account_id: z.string(),
  display_name: z.string(),
  email: z.string(),
  active: z.number(),
  site_admin: z.number(),
  time_zone: z.string(),
  locale: z.string(),
});

const groupRow = z.object({ account_id: z.string(), group_name: z.string() });

const projectRow = z.object({
  id: z.number().int(),
  key: z.string(),
  name: z.string(),
  project_type_key: z.literal('software'),
  lead_account_id: z.string().nullable(),
  browse_everyone: z.number(),
});

const browserRow = z.object({ project_id: z.number().int(), kind: z.enum(['user', 'group']), name: z.string() });

export interface DirectoryStore {
  insertUser(user: UserRecord): void;
  getUser(accountId: string): UserRecord | undefined;
  listUsers(): UserRecord[];
  insertProject(project: Omit<ProjectRecord, 'id'>): ProjectRecord;
  getProject(id: string): ProjectRecord | undefined;
  findProjectByKey(key: string): ProjectRecord | undefined;
  listProjects(): ProjectRecord[];
  /** Allocates the next issue number of a project (PAY-1, PAY-2, ...). */
  nextIssueNumber(projectId: string): number;
}

const issueNumberRow = z.object({ n: z.number().int() });

export const createDirectoryStore = (db: Db): DirectoryStore => {
  const prepare = cachedPrepare(db);
  const groupsByUser = (): Map<string, string[]> => {
    const map = new Map<string, string[]>();
    for (const raw of prepare('SELECT account_id, group_name FROM jira_user_groups ORDER BY group_name').all()) {
      const row = groupRow.parse(raw);
      map.set(row.account_id, [...(map.get(row.account_id) ?? []), row.group_name]);
    }
    return map;
  };

  const toUser = (raw: unknown, groups: Map<string, string[]>): UserRecord => {
    const row = userRow.parse(raw);
    return {
      accountId: row.account_id,
      displayName: row.display_name,
      email: row.email,
      active: row.active === 1,
      siteAdmin: row.site_admin === 1,
      timeZone: row.time_zone,
      locale: row.locale,
      groups: groups.get(row.account_id) ?? [],
    };
  };

  const browsersByProject = (): Map<number, { accountIds: string[]; groups: string[] }> => {
    const map = new Map<number, { accountIds: string[]; groups: string[] }>();
    for (const raw of prepare('SELECT project_id, kind, name FROM jira_project_browsers ORDER BY name').all()) {
      const row = browserRow.parse(raw);
      const entry = map.get(row.project_id) ?? { accountIds: [], groups: [] };
      (row.kind === 'user' ? entry.accountIds : entry.groups).push(row.name);
      map.set(row.project_id, entry);
    }
    return map;
  };

  const toProject = (
    raw: unknown,
    browsers: Map<number, { accountIds: string[]; groups: string[] }>,
  ): ProjectRecord => {
    const row = projectRow.parse(raw);
    const listed = browsers.get(row.id) ?? { accountIds: [], groups: [] };
    const browse: BrowseRule = row.browse_everyone === 1 ? { kind: 'everyone' } : { kind: 'restricted', ...listed };
    return {
      id: String(row.id),
      key: row.key,
      name: row.name,
      projectTypeKey: row.project_type_key,
      leadAccountId: row.lead_account_id,
      browse,
    };
  };

  const projectColumns = 'id, key, name, project_type_key, lead_account_id, browse_everyone';

  return {
    insertUser: (user) => {
      prepare(
        'INSERT INTO jira_users (account_id, display_name, email, active, site_admin, time_zone, locale) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(
        user.accountId,
        user.displayName,
        user.email,
        user.active ? 1 : 0,
        user.siteAdmin ? 1 : 0,
        user.timeZone,
        user.locale,
      );
      const addGroup = prepare('INSERT INTO jira_user_groups (account_id, group_name) VALUES (?, ?)');
      for (const group of new Set(user.groups)) addGroup.run(user.accountId, group);
    },
    getUser: (accountId) => {
      const raw: unknown = prepare('SELECT * FROM jira_users WHERE account_id = ?').get(accountId);
      if (raw === undefined) return undefined;
      const groups = prepare(
        'SELECT account_id, group_name FROM jira_user_groups WHERE account_id = ? ORDER BY group_name',
      )
        .all(accountId)
        .map((row) => groupRow.parse(row).group_name);
      return toUser(raw, new Map([[accountId, groups]]));
    },
    listUsers: () => {
      const groups = groupsByUser();
      return prepare('SELECT * FROM jira_users ORDER BY display_name, account_id')
        .all()
        .map((raw) => toUser(raw, groups));
    },
    insertProject: (project) => {
      const id = nextSequenceValue(db, 'project', 10000);
      prepare(
        'INSERT INTO jira_projects (id, key, name, project_type_key, lead_account_id, browse_everyone) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(
        id,
        project.key,
        project.name,
        project.projectTypeKey,
        project.leadAccountId,
        project.browse.kind === 'everyone' ? 1 : 0,
      );
      if (project.browse.kind === 'restricted') {
        const add = prepare('INSERT INTO jira_project_browsers (project_id, kind, name) VALUES (?, ?, ?)');
        for (const accountId of new Set(project.browse.accountIds)) add.run(id, 'user', accountId);
        for (const group of new Set(project.browse.groups)) add.run(id, 'group', group);
      }
      return { ...project, id: String(id) };
    },
    getProject: (id) => {
      const raw: unknown = prepare(`SELECT ${projectColumns} FROM jira_projects WHERE id = ?`).get(Number(id));
      return raw === undefined ? undefined : toProject(raw, browsersByProject());
    },
    findProjectByKey: (key) => {
      const raw: unknown = prepare(`SELECT ${projectColumns} FROM jira_projects WHERE key = ?`).get(key);
      return raw === undefined ? undefined : toProject(raw, browsersByProject());
    },
    listProjects: () => {
      const browsers = browsersByProject();
      return prepare(`SELECT ${projectColumns} FROM jira_projects ORDER BY key`)
        .all()
        .map((raw) => toProject(raw, browsers));
    },
    nextIssueNumber: (projectId) =>
      issueNumberRow.parse(
        prepare(
          'UPDATE jira_projects SET next_issue_number = next_issue_number + 1 WHERE id = ? RETURNING next_issue_number - 1 AS n',
        ).get(Number(projectId)),
      ).n,
  };
};
