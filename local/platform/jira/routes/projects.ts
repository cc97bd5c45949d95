import { z } from 'zod';
import { visibilityFor } from '../access';
import type { ProjectRecord } from '../model';
import { renderProjectRef } from '../render-directory';
import { parseQuery } from '../request';
import { UnsupportedByLocalRuntime } from '../../types';
import type { Route } from './route';

/** `GET /rest/api/3/project/search`: a PageBean of the projects the caller may browse. */

type ProjectOrder = (a: ProjectRecord, b: ProjectRecord) => number;
const byKey: ProjectOrder = (a, b) => a.key.localeCompare(b.key);
const byName: ProjectOrder = (a, b) => a.name.localeCompare(b.name) || byKey(a, b);
const byId: ProjectOrder = (a, b) => Number(a.id) - Number(b.id);

const projectSearchQuery = z.object({
  startAt: z.coerce.number().int().min(0).default(0),
  maxResults: z.coerce.number().int().min(1).max(100).default(50),
  orderBy: z
    .string()
    .regex(/^[+-]?(key|name|id)$/, 'orderBy: the local Jira site orders by key, name or id')
    .default('key'),
  id: z.array(z.string()).optional(),
  keys: z.array(z.string()).max(50).optional(),
  query: z.string().optional(),
  typeKey: z.string().optional(),
  action: z.string().default('view'),
  expand: z.string().optional(),
  properties: z.array(z.string()).optional(),
  categoryId: z.string().optional(),
  status: z.array(z.string()).optional(),
  propertyQuery: z.string().optional(),
});

export const projectRoutes: Route[] = [
  {
    method: 'GET',
    pattern: /^\/rest\/api\/3\/project\/search$/,
    template: '/rest/api/3/project/search',
    handle: ({ ctx, caller, request }) => {
      const input = parseQuery(projectSearchQuery, request.query, ['id', 'keys', 'properties', 'status']);
      if (
        !['view', 'browse'].includes(input.action) ||
        input.categoryId !== undefined ||
        input.propertyQuery !== undefined ||
        input.status !== undefined
      ) {
        throw new UnsupportedByLocalRuntime(
          `project/search with ${request.query.toString()} is not supported by the local Jira site (action, categoryId, status and propertyQuery are not emulated).`,
        );
      }
      const descending = input.orderBy.startsWith('-');
      const field = input.orderBy.replace(/^[+-]/, '');
      const compare = field === 'name' ? byName : field === 'id' ? byId : byKey;
      const needle = input.query?.toLowerCase();
      const keys = input.keys?.map((k) => k.toUpperCase());
      const matches = visibilityFor(ctx, caller)
        .projects.filter((p) => input.id === undefined || input.id.includes(p.id))
        .filter((p) => keys === undefined || keys.includes(p.key.toUpperCase()))
        .filter(
          (p) => needle === undefined || p.key.toLowerCase().includes(needle) || p.name.toLowerCase().includes(needle),
        )
        .filter((p) => input.typeKey === undefined || input.typeKey.split(',').includes(p.projectTypeKey))
        .sort((a, b) => compare(a, b) * (descending ? -1 : 1));
      const page = matches.slice(input.startAt, input.startAt + input.maxResults);
      const isLast = input.startAt + input.maxResults >= matches.length;
      const self = `${ctx.siteUrl}${request.pathname}`;
      return {
        self: `${self}?${request.query.toString()}`,
        ...(isLast
          ? {}
          : { nextPage: `${self}?startAt=${input.startAt + input.maxResults}&maxResults=${input.maxResults}` }),
        maxResults: input.maxResults,
        startAt: input.startAt,
        total: matches.length,
        isLast,
        values: page.map((p) => ({
          expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
          ...renderProjectRef(ctx.siteUrl, p),
          style: 'classic',
          isPrivate: p.browse.kind === 'restricted',
          properties: {},
        })),
      };
    },
  },
];
