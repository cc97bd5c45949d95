import { z } from 'zod';
import { hrefFor, PATHS } from '../links';
import { html } from './html';
import type { Page, PageContext } from './page-context';
import { inChrome } from './page-context';

/**
 * Jira's issue search at its Cloud address (`/issues/?jql=...`): what the app's "See all work in Jira"
 * link opens. The JQL runs through the emulated site's POST /rest/api/3/search/jql as the viewer, so the
 * app's JQL functions (keyResultWork, objectiveWork) are evaluated as Jira would: invoked or read from
 * their stored precomputation, and the viewer sees only issues they may browse.
 */
const SearchAnswer = z.object({
  issues: z
    .array(
      z.object({
        key: z.string(),
        fields: z.object({
          summary: z.string().optional(),
          status: z.object({ name: z.string() }).optional(),
          issuetype: z.object({ name: z.string() }).optional(),
          parent: z.object({ key: z.string() }).optional(),
        }),
      }),
    )
    .default([]),
  isLast: z.boolean().optional(),
  errorMessages: z.array(z.string()).default([]),
});

const MAX_ROWS = 100;

export const searchPage = async (ctx: PageContext): Promise<Page> => {
  const jql = ctx.url.searchParams.get('jql') ?? '';
  const response = await ctx.state.runtime.site.handle(
    {
      method: 'POST',
      path: '/rest/api/3/search/jql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jql, fields: ['summary', 'status', 'issuetype', 'parent'], maxResults: MAX_ROWS }),
    },
    { kind: 'user', accountId: ctx.viewer.accountId },
  );
  const answer = SearchAnswer.parse(JSON.parse(response.body));
  const link = (key: string) => html`<a href="${hrefFor(PATHS.issue(key), ctx.viewer)}">${key}</a>`;
  const results =
    response.status !== 200
      ? html`<p class="search__error" id="search-error" role="alert">${answer.errorMessages.join(' ')}</p>`
      : answer.issues.length === 0
        ? html`<p id="search-empty">No issues were found to match your search.</p>`
        : html`<table class="search__results" id="search-results">
            <thead>
              <tr><th>Key</th><th>Summary</th><th>Type</th><th>Status</th><th>Parent</th></tr>
            </thead>
            <tbody>
              ${answer.issues.map(
                (i) => html`<tr data-issue-key="${i.key}">
                  <td>${link(i.key)}</td>
                  <td>${i.fields.summary ?? ''}</td>
                  <td>${i.fields.issuetype?.name ?? ''}</td>
                  <td>${i.fields.status?.name ?? ''}</td>
                  <td>${i.fields.parent ? link(i.fields.parent.key) : ''}</td>
                </tr>`,
              )}
            </tbody>
          </table>
          ${answer.isLast === false ? html`<p>Showing the first ${MAX_ROWS} issues.</p>` : null}`;
  const body = html`<div class="breadcrumbs">Filters / Search work items</div>
    <h1>Search</h1>
    <form method="get" action="/issues/" class="search__form">
      <label for="search-jql">JQL</label>
      <input id="search-jql" name="jql" size="90" value="${jql}" />
      <input type="hidden" name="as" value="${ctx.viewer.accountId}" />
      <button type="submit">Search</button>
    </form>
    ${results}`;
  return inChrome(ctx, 'Jira', 'Search', body, response.status === 200 ? 200 : 400);
};
