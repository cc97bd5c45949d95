import { hrefFor, PATHS } from '../links';
import { CONFLUENCE_PAGES } from './confluence-page';
import type { SafeHtml } from './html';
import { html } from './html';
import type { Page, PageContext } from './page-context';
import { inChrome, mayBrowse, titleOf } from './page-context';

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
    <h2>Site</h2>
    <ul>
      ${link(PATHS.admin, 'Site admin: issues, workflow changes, scheduled triggers')}
    </ul>`;
  return inChrome(ctx, 'Local Forge host', 'Start', body);
};
