import { z } from 'zod';
import { visibilityFor } from '../access';
import { issueTypeById } from '../catalog';
import { queryTerms } from '../jql/text-match';
import { runJql } from '../jql/run-jql';
import type { IssueRecord } from '../model';
import { issueTypeIconPath } from '../render-directory';
import { parseQuery } from '../request';
import type { Route } from './route';

/**
 * `GET /rest/api/3/issue/picker`: the "Current Search" section only (the real site adds a history
 * section from the user's recently viewed issues, which the local site does not track). An issue
 * matches when its key starts with the query or every query word starts a word of its summary.
 */

const PICKER_LIMIT = 20;

const pickerQuery = z.object({
  query: z.string().default(''),
  currentJQL: z.string().optional(),
  currentIssueKey: z.string().optional(),
  currentProjectId: z.string().optional(),
  showSubTasks: z.enum(['true', 'false']).optional(),
  showSubTaskParent: z.enum(['true', 'false']).optional(),
});

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** Bolds the part of each word that a query word matched, as Jira's picker does. */
const highlight = (summary: string, prefixes: readonly string[]): string =>
  summary
    .split(/([\p{L}\p{N}]+)/u)
    .map((part) => {
      const prefix = prefixes.find((p) => p !== '' && part.toLowerCase().startsWith(p));
      return prefix
        ? `<b>${escapeHtml(part.slice(0, prefix.length))}</b>${escapeHtml(part.slice(prefix.length))}`
        : escapeHtml(part);
    })
    .join('');

export const pickerRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/issue\/picker$/,
    template: '/rest/api/3/issue/picker',
    handle: ({ ctx, caller, request }) => {
      const input = parseQuery(pickerQuery, request.query);
      const visibility = visibilityFor(ctx, caller);
      const scope = input.currentJQL
        ? runJql(input.currentJQL, caller, visibility, ctx.directory.listUsers(), ctx.now())
        : visibility.issues;
      const query = input.query.trim().toLowerCase();
      const prefixes = queryTerms(query).map((t) => t.replace(/\*$/, ''));
      const keyMatch = (issue: IssueRecord): boolean => query !== '' && issue.key.toLowerCase().startsWith(query);
      const summaryMatch = (issue: IssueRecord): boolean => {
        const words = issue.summary.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
        return prefixes.length > 0 && prefixes.every((p) => words.some((w) => w.startsWith(p)));
      };
      const rank = (issue: IssueRecord): number => (issue.key.toLowerCase() === query ? 2 : keyMatch(issue) ? 1 : 0);
      const matches = scope
        .filter((i) => i.key.toLowerCase() !== input.currentIssueKey?.toLowerCase())
        .filter((i) => input.currentProjectId === undefined || i.projectId === input.currentProjectId)
        .filter((i) => input.showSubTasks !== 'false' || issueTypeById(i.issueTypeId).hierarchyLevel >= 0)
        .filter((i) => query === '' || keyMatch(i) || summaryMatch(i))
        // The exact key first, then other key matches, then newest first.
        .sort((a, b) => rank(b) - rank(a) || Number(b.id) - Number(a.id));
      const shown = matches.slice(0, PICKER_LIMIT);
      return {
        sections: [
          {
            label: 'Current Search',
            sub: `Showing ${shown.length} of ${matches.length} matching issues`,
            id: 'cs',
            issues: shown.map((issue) => ({
              id: Number(issue.id),
              key: issue.key,
              keyHtml: keyMatch(issue)
                ? `<b>${escapeHtml(issue.key.slice(0, query.length))}</b>${escapeHtml(issue.key.slice(query.length))}`
                : escapeHtml(issue.key),
              img: issueTypeIconPath(issueTypeById(issue.issueTypeId)),
              summary: highlight(issue.summary, prefixes),
              summaryText: issue.summary,
            })),
          },
        ],
      };
    },
  },
];
