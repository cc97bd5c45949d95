import { EMPTY_SITE_PEOPLE } from '../../demo/seed-empty-site';
import { DEMO_USERS } from '../../demo/demo-users';
import { hrefFor, PATHS } from '../links';
import { CONFLUENCE_PAGES } from './confluence-page';
import type { SafeHtml } from './html';
import { html } from './html';
import type { Page, PageContext } from './page-context';
import { inChrome, mayBrowse, titleOf } from './page-context';
import { settingsLinks } from './settings-links';

/** Which site this is: the demo company, the empty site of `--no-seed`, or another (a test's own). */
const siteNote = (ctx: PageContext): SafeHtml | '' => {
  const ids = new Set(ctx.state.runtime.site.listUsers().map((u) => u.accountId));
  if (ids.has(DEMO_USERS.elena.accountId))
    return html`<p class="notice" id="site-kind" data-site="demo">
      This is Acme Cloud, the demo company: Jira people and projects, and a quarter of OKRs with their history.
      <code>npm start -- --reset --no-seed</code> starts an empty site instead.
    </p>`;
  if (ids.has(EMPTY_SITE_PEOPLE.alex.accountId))
    return html`<p class="notice" id="site-kind" data-site="empty">
      An empty site (<code>npm start -- --no-seed</code>): a company that has just installed Cadence. Its Jira has
      people and projects with epics, and Cadence has no data yet: no cycle, team, setting or objective. Open the
      alignment board as ${EMPTY_SITE_PEOPLE.alex.displayName}, the Jira site admin, to set it up;
      ${EMPTY_SITE_PEOPLE.noor.displayName} works in Dutch.
    </p>`;
  return '';
};

/** Jira settings' Apps section (jira:adminPage), which Jira shows its administrators only. */
const settingsSection = (ctx: PageContext): SafeHtml | '' => {
  if (ctx.state.runtime.manifest.modules['jira:adminPage'].length === 0) return '';
  const links = settingsLinks(ctx.state, ctx.user, ctx.viewer.locale);
  return html`<h2>Jira settings: Apps</h2>
    ${
      links.length === 0
        ? html`<p id="settings-start">
            Jira settings are for Jira administrators; ${ctx.user.displayName} is not one.
          </p>`
        : html`<ul id="settings-start">
            ${links.map((l) => html`<li><a href="${hrefFor(l.path, ctx.viewer)}">${l.label}</a></li>`)}
          </ul>`
    }`;
};

/** `/`: every module view the acting user can open, plus the site admin surface. */
export const startPage = (ctx: PageContext): Page => {
  const { manifest, site } = ctx.state.runtime;
  const link = (path: string, label: string, extra: Record<string, string> = {}): SafeHtml =>
    html`<li><a href="${hrefFor(path, ctx.viewer, extra)}">${label}</a></li>`;
  const projects = site.listProjects().filter((p) => mayBrowse(ctx.user, p));
  const projectKeys = new Set(projects.map((p) => p.key));
  const issues = site.listIssues().filter((i) => projectKeys.has(i.projectKey));
  const epics = issues.filter((i) => i.issueType === 'Epic');
  const others = issues.filter((i) => i.issueType !== 'Epic').slice(0, 3);

  const body = html`<h1>Cadence on the local Forge host</h1>
    <p>
      Acting as <strong>${ctx.user.displayName}</strong>. Every link keeps the user and theme; switch them in the
      header.
    </p>
    ${siteNote(ctx)}
    <h2>Jira: global page</h2>
    <ul>
      ${manifest.modules['jira:globalPage'].map((m) => link(PATHS.globalPage(m.key), titleOf(ctx, m.title)))}
    </ul>
    <h2>Jira: project pages</h2>
    <ul class="start-list">
      ${manifest.modules['jira:projectPage'].flatMap((m) =>
        projects.map((p) => link(PATHS.projectPage(p.key, m.key), `${titleOf(ctx, m.title)} - ${p.name} (${p.key})`)),
      )}
    </ul>
    <h2>Jira: issue view (the panel shows on epics)</h2>
    <ul class="start-list">
      ${epics.map((i) => link(PATHS.issue(i.key), `${i.key} ${i.summary}`))}
      ${others.map((i) => link(PATHS.issue(i.key), `${i.key} ${i.summary} (${i.issueType}, no panel)`))}
    </ul>
    ${epics.length === 0 ? html`<p class="notice">No epics on the site yet: create one in the site admin.</p>` : ''}
    <h2>Jira: dashboard gadget</h2>
    <ul>
      ${link(PATHS.dashboard, 'Local dashboard')}
      ${manifest.modules['jira:dashboardGadget'].map((g) => link(PATHS.dashboard, `Edit ${titleOf(ctx, g.title)}`, { edit: g.key }))}
    </ul>
    <h2>Confluence: macro</h2>
    <ul>
      ${CONFLUENCE_PAGES.map((p) => link(PATHS.confluencePage(p.id), p.title))}
      ${CONFLUENCE_PAGES.map((p) => link(PATHS.confluencePage(p.id), `Configure the macro on ${p.title}`, { configure: '1' }))}
    </ul>
    ${settingsSection(ctx)}
    <h2>Site</h2>
    <ul>
      ${link(PATHS.admin, 'Site admin: issues, workflow changes, scheduled triggers')}
    </ul>`;
  return inChrome(ctx, 'Local Forge host', 'Start', body);
};
