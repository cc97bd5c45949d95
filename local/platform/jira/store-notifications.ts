import { z } from 'zod';
import type { Db } from '../db';
import { cachedPrepare } from './schema';

/**
 * The emails the site was asked to send (POST /rest/api/3/issue/{issueIdOrKey}/notify), kept in the
 * site's database so the admin page and tests can read what would have reached people's inboxes.
 */

export interface SentNotification {
  id: number;
  issueId: string;
  issueKey: string;
  /** Who asked: the app's account (asApp) or a user's. */
  sentBy: string;
  subject: string;
  textBody: string;
  htmlBody: string;
  /** Account ids the email went to. */
  recipients: string[];
  /** Account ids named as recipients that Jira left out (they may not browse the issue, or `restrict` excluded them). */
  withheld: string[];
  /** ISO instant. */
  sentAt: string;
}

export interface NotificationStore {
  record(notification: Omit<SentNotification, 'id'>): SentNotification;
  /** Newest first. */
  list(): SentNotification[];
}

const ids = z.array(z.string());
const row = z.object({
  id: z.number().int(),
  issue_id: z.string(),
  issue_key: z.string(),
  sent_by: z.string(),
  subject: z.string(),
  text_body: z.string(),
  html_body: z.string(),
  recipients: z.string(),
  withheld: z.string(),
  sent_at: z.string(),
});

const toNotification = (raw: unknown): SentNotification => {
  const r = row.parse(raw);
  return {
    id: r.id,
    issueId: r.issue_id,
    issueKey: r.issue_key,
    sentBy: r.sent_by,
    subject: r.subject,
    textBody: r.text_body,
    htmlBody: r.html_body,
    recipients: ids.parse(JSON.parse(r.recipients)),
    withheld: ids.parse(JSON.parse(r.withheld)),
    sentAt: r.sent_at,
  };
};

export const createNotificationStore = (db: Db): NotificationStore => {
  // Its own table, created here so the rest of the site's schema stays as it was.
  db.exec(`
    CREATE TABLE IF NOT EXISTS jira_notifications (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      issue_id TEXT NOT NULL,
      issue_key TEXT NOT NULL,
      sent_by TEXT NOT NULL,
      subject TEXT NOT NULL,
      text_body TEXT NOT NULL,
      html_body TEXT NOT NULL,
      recipients TEXT NOT NULL,
      withheld TEXT NOT NULL,
      sent_at TEXT NOT NULL
    );
  `);
  const prepare = cachedPrepare(db);
  return {
    record: (n) =>
      toNotification(
        prepare(
          `INSERT INTO jira_notifications (issue_id, issue_key, sent_by, subject, text_body, html_body, recipients, withheld, sent_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        ).get(
          n.issueId,
          n.issueKey,
          n.sentBy,
          n.subject,
          n.textBody,
          n.htmlBody,
          JSON.stringify(n.recipients),
          JSON.stringify(n.withheld),
          n.sentAt,
        ),
      ),
    list: () => prepare('SELECT * FROM jira_notifications ORDER BY id DESC').all().map(toNotification),
  };
};
