import { z } from 'zod';

/**
 * The app's `jira:jqlFunction` modules, as manifest.yml declares them. Strict like `forge deploy`: the
 * properties and enums are @forge/manifest's schema (out/schema/manifest-schema.json, ModuleSchema
 * `jira:jqlFunction`) and the docs (developer.atlassian.com/platform/forge/manifest-reference/modules/
 * jql-function): key, name, arguments [{name, required}], types, operators, and `function` (a Forge
 * function) or `endpoint` (Forge remote, not emulated: the local runtime runs no remote).
 */
export const JQL_FUNCTION_TYPES = [
  'issue',
  'project',
  'project_category',
  'project_type',
  'hierarchy_level',
  'version',
  'component',
  'user',
  'group',
  'team',
  'project_role',
  'priority',
  'resolution',
  'issue_type',
  'status',
  'status_category',
  'cascading_option',
  'option',
  'saved_filter',
  'issue_security_level',
  'issue_restriction',
  'label',
  'attachment',
  'issue_list',
  'issue_link_type',
  'date',
  'text',
  'number',
  'duration',
  'url',
] as const;
export const JQL_FUNCTION_OPERATORS = ['=', '!=', '>', '>=', '<', '<=', 'in', 'not in', '~', '!~', 'is', 'is not'] as const;

const NAME = z.string().min(1).max(255);
export const JqlFunctionModuleSchema = z.strictObject({
  key: z.string().regex(/^[a-zA-Z0-9_-]+$/, 'a module key is letters, digits, _ and - only'),
  name: NAME,
  arguments: z.array(z.strictObject({ name: NAME, required: z.boolean() })),
  types: z.array(z.enum(JQL_FUNCTION_TYPES)),
  operators: z.array(z.enum(JQL_FUNCTION_OPERATORS)),
  function: z
    .string({ error: 'a jira:jqlFunction needs `function` (`endpoint`, Forge remote, is not emulated)' })
    .regex(/^[a-zA-Z0-9_-]+$/)
    .max(255),
});
export type JqlFunctionModule = z.infer<typeof JqlFunctionModuleSchema>;

/**
 * The type of each field the local site evaluates, for the module's `types` check: a function declared
 * for `issue` works after `issue`, `key`, `id`, `parent`..., not after `assignee` (user).
 */
const FIELD_TYPES: Readonly<Record<string, (typeof JQL_FUNCTION_TYPES)[number]>> = {
  issue: 'issue',
  issuekey: 'issue',
  key: 'issue',
  id: 'issue',
  parent: 'issue',
  project: 'project',
  issuetype: 'issue_type',
  type: 'issue_type',
  status: 'status',
  statuscategory: 'status_category',
  resolution: 'resolution',
  assignee: 'user',
  reporter: 'user',
  labels: 'label',
  summary: 'text',
  description: 'text',
  text: 'text',
  created: 'date',
  updated: 'date',
};

export const fieldTypeOf = (field: string): string | undefined => FIELD_TYPES[field.toLowerCase()];

/**
 * The function key Jira names a precomputation by: the module's extension ARI, as in the REST docs'
 * example (`ari:cloud:ecosystem::extension/<app id>/<environment id>/static/<module key>`).
 */
export const functionKeyOf = (appId: string, environmentId: string, moduleKey: string): string =>
  `ari:cloud:ecosystem::extension/${appId}/${environmentId}/static/${moduleKey}`;
