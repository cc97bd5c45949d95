import { z } from 'zod';
import type { SiteContext } from './context';
import { JiraAdminError, parseAdminInput, requireUser } from './admin-shared';
import type { ProjectRecord, UserRecord } from './model';

/** Admin operations on the site's people and projects (the web host's and the demo seed's API). */

export const createUserInput = z.strictObject({
  accountId: z.string().min(1).max(128),
  displayName: z.string().min(1),
  email: z.email(),
  active: z.boolean().default(true),
  siteAdmin: z.boolean().default(false),
  timeZone: z.string().default('UTC'),
  /** Jira's form (`en_US`, `nl_NL`); Jira's own default language when not given. */
  locale: z
    .string()
    .regex(/^[a-z]{2,3}_[A-Z]{2}$/, 'a Jira locale such as en_US or nl_NL')
    .default('en_US'),
  groups: z.array(z.string().min(1)).default([]),
});
export type CreateUserInput = z.input<typeof createUserInput>;

export const createProjectInput = z.strictObject({
  key: z
    .string()
    .regex(/^[A-Z][A-Z0-9]{1,9}$/, 'Project keys are 2-10 upper-case letters or digits, starting with a letter'),
  name: z.string().min(1),
  lead: z.string().optional(),
  /** Omitted or 'everyone': open to all users; otherwise only the named users and group members. */
  browse: z
    .union([
      z.literal('everyone'),
      z.strictObject({ accountIds: z.array(z.string()).default([]), groups: z.array(z.string()).default([]) }),
    ])
    .default('everyone'),
});
export type CreateProjectInput = z.input<typeof createProjectInput>;

export const createUser = (ctx: SiteContext, raw: CreateUserInput): UserRecord => {
  const input = parseAdminInput(createUserInput, raw, 'user');
  if (ctx.directory.getUser(input.accountId)) throw new JiraAdminError(`User '${input.accountId}' already exists`);
  if (ctx.directory.listUsers().some((u) => u.email.toLowerCase() === input.email.toLowerCase())) {
    throw new JiraAdminError(`Email '${input.email}' is already in use`);
  }
  ctx.directory.insertUser(input);
  return requireUser(ctx, input.accountId, 'new');
};

export const createProject = (ctx: SiteContext, raw: CreateProjectInput): ProjectRecord => {
  const input = parseAdminInput(createProjectInput, raw, 'project');
  if (ctx.directory.findProjectByKey(input.key)) throw new JiraAdminError(`Project '${input.key}' already exists`);
  if (input.lead !== undefined) requireUser(ctx, input.lead, 'project lead');
  if (input.browse !== 'everyone') input.browse.accountIds.forEach((id) => requireUser(ctx, id, 'browser'));
  return ctx.directory.insertProject({
    key: input.key,
    name: input.name,
    projectTypeKey: 'software',
    leadAccountId: input.lead ?? null,
    browse: input.browse === 'everyone' ? { kind: 'everyone' } : { kind: 'restricted', ...input.browse },
  });
};
