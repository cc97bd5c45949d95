import type { Translate } from '../../contract';

/** One stale KR in a reminder, and where its owner checks in (an epic they may browse, else the board). */
export interface ReminderLine {
  keyResult: string;
  objective: string;
  days: number;
  /** The epic whose Cadence panel offers this KR's check-in; undefined when none the owner may browse. */
  checkIn?: { issueKey: string; url: string } | undefined;
}

export interface ReminderMessage {
  subject: string;
  textBody: string;
  htmlBody: string;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Titles are people's words: never markup in the email. */
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
const URL_MARK = '\u0000url\u0000';

/**
 * The words of one owner's weekly reminder, in their language (`t`), as plain text and as HTML (Jira
 * sends whichever the recipient's email settings ask for). Jira wraps it in its own email about the issue.
 */
export const reminderMessage = (t: Translate, name: string, lines: readonly ReminderLine[]): ReminderMessage => {
  const count = lines.length;
  const lineText = (l: ReminderLine): string =>
    t('reminders.line', {
      keyResult: l.keyResult,
      objective: l.objective,
      days: t('reminders.days', { count: l.days }),
    });
  const where = (l: ReminderLine): string =>
    l.checkIn === undefined
      ? t('reminders.onBoard')
      : t('reminders.onIssue', { issueKey: l.checkIn.issueKey, url: l.checkIn.url });
  const whereHtml = (l: ReminderLine): string => {
    if (l.checkIn === undefined) return escapeHtml(t('reminders.onBoard'));
    const url = escapeHtml(l.checkIn.url);
    // The sentence is escaped whole, then its address becomes the link.
    return escapeHtml(t('reminders.onIssue', { issueKey: l.checkIn.issueKey, url: URL_MARK })).replace(
      URL_MARK,
      `<a href="${url}">${url}</a>`,
    );
  };
  const greeting = t('reminders.greeting', { name });
  const intro = t('reminders.intro', { count });
  const footer = t('reminders.footer');
  return {
    subject: t('reminders.subject', { count }),
    textBody: [greeting, '', intro, ...lines.flatMap((l) => [`- ${lineText(l)}`, `  ${where(l)}`]), '', footer].join(
      '\n',
    ),
    htmlBody: [
      `<p>${escapeHtml(greeting)}</p>`,
      `<p>${escapeHtml(intro)}</p>`,
      `<ul>${lines.map((l) => `<li>${escapeHtml(lineText(l))}<br>${whereHtml(l)}</li>`).join('')}</ul>`,
      `<p>${escapeHtml(footer)}</p>`,
    ].join(''),
  };
};
