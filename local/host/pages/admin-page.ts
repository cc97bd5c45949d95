import type { AdminIssue, SentNotification } from '../../platform/jira';
import { ISSUE_TYPES, RESOLUTIONS, STATUSES } from '../../platform/jira';
import { hrefFor, PATHS } from '../links';
import type { SafeHtml } from './html';
import { html } from './html';
import type { Page, PageContext } from './page-context';
import { inChrome } from './page-context';

/**
 * `/admin`: the emulated site's admin surface. Plain HTML forms posting to the JSON API under
 * `/admin/api/...` (which answers forms with a redirect back here), so it works without any script.
 * Changes are made as the acting user and fire the app's product-event triggers, as in Jira.
 */
export const NO_RESOLUTION = '__none__';

const options = (names: readonly string[], selected: string | null, blank?: string): SafeHtml[] => [
  ...(blank === undefined ? [] : [html`<option value="">${blank}</option>`]),
  ...names.map((n) => html`<option value="${n}" ${n === selected ? html`selected` : ''}>${n}</option>`),
];

const issueRow = (ctx: PageContext, issue: AdminIssue): SafeHtml => {
  const action = (suffix = ''): string =>
    hrefFor(`/admin/api/issues/${encodeURIComponent(issue.key)}${suffix}`, ctx.viewer);
  return html`<tr data-issue="${issue.key}">
    <td><a href="${hrefFor(PATHS.issue(issue.key), ctx.viewer)}">${issue.key}</a></td>
    <td>${issue.issueType}</td>
    <td>${issue.summary}</td>
    <td><span class="lozenge lozenge--${issue.statusCategory}">${issue.status}</span></td>
    <td>${issue.resolution ?? 'Unresolved'}</td>
    <td>${issue.parentKey ?? ''}</td>
    <td>
      <form method="post" action="${action()}">
        <input type="hidden" name="actor" value="${ctx.viewer.accountId}" />
        <select name="status" aria-label="Status of ${issue.key}">
          ${options(
            STATUSES.map((s) => s.name),
            issue.status,
          )}
        </select>
        <select name="resolution" aria-label="Resolution of ${issue.key}">
          <option value="" selected>(workflow default)</option>
          <option value="${NO_RESOLUTION}">Unresolved</option>
          ${options(
            RESOLUTIONS.map((r) => r.name),
            null,
          )}
        </select>
        <input
          name="parent"
          size="8"
          placeholder="Parent"
          aria-label="Parent of ${issue.key}"
          value="${issue.parentKey ?? ''}"
        />
        <button type="submit">Save</button>
      </form>
      <form method="post" action="${action('/delete')}">
        <input type="hidden" name="actor" value="${ctx.viewer.accountId}" />
        <button type="submit">Delete</button>
      </form>
    </td>
  </tr>`;
};

/** An email the app asked Jira to send: who, about which issue, when, and what it says (text body; HTML body folded). */
const notificationRow = (ctx: PageContext, n: SentNotification, names: ReadonlyMap<string, string>): SafeHtml => {
  const who = (ids: readonly string[]): string => ids.map((id) => names.get(id) ?? id).join(', ');
  return html`<tr data-notification="${String(n.id)}">
    <td>
      ${who(n.recipients)}${n.withheld.length === 0 ? '' : html`<br /><small>withheld: ${who(n.withheld)}</small>`}
    </td>
    <td><a href="${hrefFor(PATHS.issue(n.issueKey), ctx.viewer)}">${n.issueKey}</a></td>
    <td>${n.subject}</td>
    <td><time datetime="${n.sentAt}">${n.sentAt.replace('T', ' ').slice(0, 16)} UTC</time></td>
    <td>
      <pre class="admin-mail">${n.textBody}</pre>
      <details>
        <summary>HTML body</summary>
        <pre class="admin-mail">${n.htmlBody}</pre>
      </details>
    </td>
  </tr>`;
};

/** Newest first; Jira sends them as email, which the local site only records. */
const notificationsTable = (ctx: PageContext): SafeHtml => {
  const { site } = ctx.state.runtime;
  const sent = site.listNotifications();
  if (sent.length === 0)
    return html`<p id="no-notifications">
      No notifications yet: the app's reminders appear here once the weekly job sends them.
    </p>`;
  const names = new Map(site.listUsers().map((u) => [u.accountId, u.displayName]));
  return html`<table class="admin-table admin" id="sent-notifications">
    <thead>
      <tr>
        <th>Recipient</th>
        <th>Issue</th>
        <th>Subject</th>
        <th>Sent</th>
        <th>Body</th>
      </tr>
    </thead>
    <tbody>
      ${sent.map((n) => notificationRow(ctx, n, names))}
    </tbody>
  </table>`;
};

export const adminPage = (ctx: PageContext): Page => {
  const { site, manifest } = ctx.state.runtime;
  const notice = ctx.url.searchParams.get('notice');
  const error = ctx.url.searchParams.get('error');
  const projects = site.listProjects();
  const body = html`<h1>Site administration</h1>
    ${notice === null ? '' : html`<p class="notice" id="admin-notice">${notice}</p>`}
    ${error === null ? '' : html`<p class="notice notice--error" id="admin-error">${error}</p>`}
    <p>
      Changes are made as ${ctx.user.displayName} and fire the app's product-event triggers; each answer waits until the
      triggers have run.
    </p>
    <h2>Create an issue</h2>
    <form class="admin-create admin" method="post" action="${hrefFor('/admin/api/issues', ctx.viewer)}">
      <input type="hidden" name="actor" value="${ctx.viewer.accountId}" />
      <label
        >Project
        <select name="project">
          ${options(
            projects.map((p) => p.key),
            null,
          )}
        </select></label
      >
      <label
        >Type
        <select name="issueType">
          ${options(
            ISSUE_TYPES.map((t) => t.name),
            'Story',
          )}
        </select></label
      >
      <label>Summary <input name="summary" required size="30" /></label>
      <label
        >Status
        <select name="status">
          ${options(
            STATUSES.map((s) => s.name),
            'To Do',
          )}
        </select></label
      >
      <label>Parent <input name="parent" size="8" placeholder="EPIC-1" /></label>
      <button type="submit">Create</button>
    </form>
    <h2>Scheduled triggers</h2>
    <div class="admin">
      ${manifest.modules.scheduledTrigger.map(
        (t) =>
          html`<form method="post" action="${hrefFor(`/admin/api/triggers/${encodeURIComponent(t.key)}`, ctx.viewer)}">
            <button type="submit" data-trigger="${t.key}">Run ${t.key} now</button> <span>(every ${t.interval})</span>
          </form>`,
      )}
    </div>
    <h2>Sent notifications</h2>
    ${notificationsTable(ctx)}
    <h2>Issues</h2>
    <table class="admin-table admin">
      <thead>
        <tr>
          <th>Key</th>
          <th>Type</th>
          <th>Summary</th>
          <th>Status</th>
          <th>Resolution</th>
          <th>Parent</th>
          <th>Change</th>
        </tr>
      </thead>
      <tbody>
        ${site.listIssues().map((i) => issueRow(ctx, i))}
      </tbody>
    </table>`;
  return inChrome(ctx, 'Site administration', 'Site administration', body);
};
