import type { UiModuleType } from '../../platform/app-manifest';
import type { AdminIssue } from '../../platform/jira';
import { showsOnIssue } from '../display-conditions';
import { appRoute, hrefFor, PATHS } from '../links';
import { globalPageExtension, issuePanelExtension, issueTypeOf, projectPageExtension } from '../module-extension';
import { frameHtml, openFrame } from '../module-frames';
import type { SafeHtml } from './html';
import { html } from './html';
import type { Page, PageContext } from './page-context';
import { extensionLocalId, inChrome, mayBrowse, noAccessPage, notFoundPage, titleOf } from './page-context';

/** Jira's pages that host the app: global page, project page and the issue view with its panel. */

const moduleOfType = (ctx: PageContext, moduleKey: string, type: UiModuleType): { title: string } | undefined => {
  const found = ctx.state.runtime.manifest.modules[type].find((m) => m.key === moduleKey);
  return found ? { title: titleOf(ctx, found.title) } : undefined;
};

/** `/jira/apps/<moduleKey>[/<sub-path>][?query]`: sub-path and query are the app's initial createHistory location. */
export const globalPage = (ctx: PageContext, moduleKey: string, subPath: string): Page => {
  const route = appRoute(subPath, ctx.url);
  const module = moduleOfType(ctx, moduleKey, 'jira:globalPage');
  if (!module) return notFoundPage(ctx, 'Jira', `No global page app with key '${moduleKey}'.`);
  const frame = openFrame(ctx.state, {
    moduleKey,
    role: 'view',
    viewer: ctx.viewer,
    localId: extensionLocalId(ctx.state, moduleKey),
    extension: globalPageExtension(ctx.url.href),
  });
  const body = html`<div class="breadcrumbs">Apps</div>
    ${frameHtml(frame, {
      title: module.title,
      variant: 'page',
      routeBase: `/jira/apps/${moduleKey}`,
      ...(route === '' ? {} : { route }),
    })}`;
  return inChrome(ctx, 'Jira', module.title, body);
};

/** `/jira/projects/<KEY>/apps/<moduleKey>[/<sub-path>]`. */
export const projectPage = (ctx: PageContext, projectKey: string, moduleKey: string, subPath: string): Page => {
  const route = appRoute(subPath, ctx.url);
  const module = moduleOfType(ctx, moduleKey, 'jira:projectPage');
  if (!module) return notFoundPage(ctx, 'Jira', `No project page app with key '${moduleKey}'.`);
  const project = ctx.state.runtime.site.listProjects().find((p) => p.key === projectKey);
  if (!project) return notFoundPage(ctx, 'Jira', `No project with key '${projectKey}'.`);
  if (!mayBrowse(ctx.user, project)) return noAccessPage(ctx, project);
  const frame = openFrame(ctx.state, {
    moduleKey,
    role: 'view',
    viewer: ctx.viewer,
    localId: extensionLocalId(ctx.state, moduleKey),
    extension: projectPageExtension(project, ctx.url.href),
  });
  const body = html`<div class="breadcrumbs">Projects / ${project.name} / ${module.title}</div>
    ${frameHtml(frame, {
      title: module.title,
      variant: 'page',
      routeBase: `/jira/projects/${project.key}/apps/${moduleKey}`,
      ...(route === '' ? {} : { route }),
    })}`;
  return inChrome(ctx, 'Jira', `${module.title} - ${project.name}`, body);
};

const lozenge = (issue: AdminIssue): SafeHtml =>
  html`<span class="lozenge lozenge--${issue.statusCategory}">${issue.status}</span>`;

const userName = (ctx: PageContext, accountId: string | null): string =>
  accountId === null
    ? 'Unassigned'
    : (ctx.state.runtime.site.listUsers().find((u) => u.accountId === accountId)?.displayName ?? accountId);

/** Issue panels whose display conditions (from manifest.yml) hold for this issue, each in its iframe. */
const panels = (ctx: PageContext, issue: AdminIssue): SafeHtml[] => {
  const project = ctx.state.runtime.site.listProjects().find((p) => p.key === issue.projectKey);
  if (!project) return [];
  const type = issueTypeOf(issue);
  return ctx.state.runtime.manifest.modules['jira:issuePanel']
    .filter((m) => showsOnIssue(m, { issueTypeName: issue.issueType, hierarchyLevel: type.hierarchyLevel }))
    .map((m) => {
      const frame = openFrame(ctx.state, {
        moduleKey: m.key,
        role: 'view',
        viewer: ctx.viewer,
        localId: extensionLocalId(ctx.state, m.key),
        extension: issuePanelExtension(issue, project, ctx.url.href),
      });
      return html`<section class="issue__panel" data-panel="${m.key}">
        <div class="issue__panel-title">${titleOf(ctx, m.title)}</div>
        ${frameHtml(frame, { title: titleOf(ctx, m.title), variant: 'panel' })}
      </section>`;
    });
};

/** `/jira/browse/<KEY>`: summary and status on the left like Jira, details on the right. */
export const issueView = (ctx: PageContext, issueKey: string): Page => {
  const issue = ctx.state.runtime.site.getIssue(issueKey);
  if (issue?.key !== issueKey) return notFoundPage(ctx, 'Jira', `Issue ${issueKey} does not exist.`);
  const project = ctx.state.runtime.site.listProjects().find((p) => p.key === issue.projectKey);
  if (project && !mayBrowse(ctx.user, project)) return noAccessPage(ctx, project);
  const parent =
    issue.parentKey === null
      ? null
      : html`<a href="${hrefFor(PATHS.issue(issue.parentKey), ctx.viewer)}">${issue.parentKey}</a>`;
  const body = html`<div class="breadcrumbs">Projects / ${project?.name ?? issue.projectKey} / ${issue.key}</div>
    <div class="issue">
      <div class="issue__main">
        <h1 class="issue__summary" id="issue-summary">${issue.summary}</h1>
        <p>${lozenge(issue)} <span class="issue__type">${issue.issueType}</span></p>
        <h2>Description</h2>
        <div class="issue__description">${issue.description === '' ? 'Add a description...' : issue.description}</div>
        ${panels(ctx, issue)}
      </div>
      <aside class="issue__details">
        <dl>
          <dt>Status</dt>
          <dd id="issue-status">${issue.status}</dd>
          <dt>Resolution</dt>
          <dd>${issue.resolution ?? 'Unresolved'}</dd>
          <dt>Issue type</dt>
          <dd>${issue.issueType}</dd>
          <dt>Parent</dt>
          <dd>${parent ?? 'None'}</dd>
          <dt>Assignee</dt>
          <dd>${userName(ctx, issue.assignee)}</dd>
          <dt>Reporter</dt>
          <dd>${userName(ctx, issue.reporter)}</dd>
          <dt>Labels</dt>
          <dd>${issue.labels.length === 0 ? 'None' : issue.labels.join(', ')}</dd>
        </dl>
      </aside>
    </div>`;
  return inChrome(ctx, 'Jira', `${issue.key} ${issue.summary}`, body);
};
