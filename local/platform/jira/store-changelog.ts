import { z } from 'zod';
import type { Db } from '../db';
import type { ChangelogItem } from './events';
import { cachedPrepare } from './schema';

/**
 * Each issue's change history: what an edit's `avi:jira:updated:issue` event carries, kept so that
 * `expand=changelog` on a search can show it, as Jira does.
 */
export interface IssueHistory {
  id: string;
  issueId: string;
  /** ISO instant of the change. */
  created: string;
  /** Who made it; null when made without an actor (a script, the demo seed). */
  authorId: string | null;
  items: readonly ChangelogItem[];
}

const ChangelogItemJson = z.object({
  field: z.string(),
  fieldtype: z.literal('jira'),
  fieldId: z.string(),
  from: z.string().nullable(),
  fromString: z.string().nullable(),
  to: z.string().nullable(),
  toString: z.string().nullable(),
});

const historyRow = z.object({
  id: z.number().int(),
  issue_id: z.number().int(),
  created: z.string(),
  author_id: z.string().nullable(),
  items: z.string(),
});

const toHistory = (raw: unknown): IssueHistory => {
  const row = historyRow.parse(raw);
  return {
    id: String(row.id),
    issueId: String(row.issue_id),
    created: row.created,
    authorId: row.author_id,
    items: z.array(ChangelogItemJson).parse(JSON.parse(row.items)),
  };
};

export interface ChangelogStore {
  add(history: IssueHistory): void;
  /** The issue's most recent histories first, at most `limit`, and how many it has in all. */
  recent(issueId: string, limit: number): { histories: IssueHistory[]; total: number };
  /** Removes an issue's history with the issue. */
  deleteFor(issueId: string): void;
}

export const createChangelogStore = (db: Db): ChangelogStore => {
  const prepare = cachedPrepare(db);
  const countRow = z.object({ total: z.number().int() });
  return {
    add: (history) => {
      prepare(
        'INSERT INTO jira_issue_changelog (id, issue_id, created, author_id, items) VALUES (@id, @issue_id, @created, @author_id, @items)',
      ).run({
        id: Number(history.id),
        issue_id: Number(history.issueId),
        created: history.created,
        author_id: history.authorId,
        items: JSON.stringify(history.items),
      });
    },
    recent: (issueId, limit) => {
      if (!/^\d+$/.test(issueId)) return { histories: [], total: 0 };
      // One query: the window count is taken before LIMIT, so it counts every history of the issue.
      const rows = prepare(
        'SELECT *, COUNT(*) OVER () AS total FROM jira_issue_changelog WHERE issue_id = ? ORDER BY id DESC LIMIT ?',
      ).all(Number(issueId), limit);
      const total = rows.length === 0 ? 0 : countRow.parse(rows[0]).total;
      return { histories: rows.map(toHistory), total };
    },
    deleteFor: (issueId) => {
      prepare('DELETE FROM jira_issue_changelog WHERE issue_id = ?').run(Number(issueId));
    },
  };
};
