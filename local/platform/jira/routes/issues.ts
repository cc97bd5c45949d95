import { z } from 'zod';
import { visibilityFor } from '../access';
import { parseFieldSelection } from '../fields';
import { ISSUE_NOT_FOUND, JiraHttpError } from '../http';
import { createRenderLookup, renderIssue } from '../render-issue';
import { parseJsonBody, parseQuery } from '../request';
import type { Route } from './route';

/** `GET /rest/api/3/issue/{idOrKey}` and `POST /rest/api/3/issue/bulkfetch`. */

const getIssueQuery = z.object({
  fields: z.array(z.string()).optional(),
  expand: z.string().optional(),
  properties: z.array(z.string()).optional(),
  fieldsByKeys: z.enum(['true', 'false']).optional(),
  updateHistory: z.enum(['true', 'false']).optional(),
  failFast: z.enum(['true', 'false']).optional(),
});

const bulkFetchBody = z.strictObject({
  issueIdsOrKeys: z.array(z.string().min(1)).min(1).max(100),
  fields: z.array(z.string()).optional(),
  expand: z.array(z.string()).optional(),
  properties: z.array(z.string()).optional(),
  fieldsByKeys: z.boolean().optional(),
});

export const issueRoutes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/rest\/api\/3\/issue\/bulkfetch$/,
    template: '/rest/api/3/issue/bulkfetch',
    handle: ({ ctx, caller, request }) => {
      const input = parseJsonBody(bulkFetchBody, request.body);
      const selection = parseFieldSelection(input.fields, '*navigable');
      const visibility = visibilityFor(ctx, caller);
      const lookup = createRenderLookup(ctx);
      const found = new Map(
        input.issueIdsOrKeys.flatMap((ref) => {
          const issue = visibility.findIssue(ref);
          return issue ? [[issue.id, issue] as const] : [];
        }),
      );
      // Jira documents that missing and unbrowsable issues appear in neither list (issueErrors is for
      // retriable failures), and returns issues in ascending id order.
      const issues = [...found.values()].sort((a, b) => Number(a.id) - Number(b.id));
      return { issues: issues.map((issue) => renderIssue(ctx, lookup, issue, selection)), issueErrors: [] };
    },
  },
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/issue\/([^/]+)$/,
    template: '/rest/api/3/issue/{issueIdOrKey}',
    handle: ({ ctx, caller, request, params }) => {
      const query = parseQuery(getIssueQuery, request.query, ['fields', 'properties']);
      const issue = visibilityFor(ctx, caller).findIssue(params[0] ?? '');
      // Missing and not browsable get the same answer, so existence never leaks.
      if (!issue) throw new JiraHttpError(404, [ISSUE_NOT_FOUND]);
      return renderIssue(ctx, createRenderLookup(ctx), issue, parseFieldSelection(query.fields, '*all'));
    },
  },
];
