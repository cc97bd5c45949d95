import { UnsupportedByLocalRuntime } from '../types';

/** The issue fields the emulated site returns, and parsing of the `fields` request parameter. */

export const ISSUE_FIELDS = [
  'summary',
  'description',
  'issuetype',
  'status',
  'resolution',
  'resolutiondate',
  'parent',
  'subtasks',
  'project',
  'assignee',
  'reporter',
  'creator',
  'created',
  'updated',
  'labels',
  'duedate',
  /** The issue security level (docs: rest/v3/api-group-issue-security-level); the local site has no schemes. */
  'security',
] as const;

export type IssueFieldName = (typeof ISSUE_FIELDS)[number];
export type FieldSelection = ReadonlySet<IssueFieldName>;

const isIssueField = (name: string): name is IssueFieldName => (ISSUE_FIELDS as readonly string[]).includes(name);

/** Every field we model is navigable, so `*all` and `*navigable` mean the same here. */
const ALL: FieldSelection = new Set(ISSUE_FIELDS);

export type FieldDefault = 'id' | '*all' | '*navigable';

/**
 * Jira's rules: a list of names, `*all`, `*navigable`, `-name` to drop one; with nothing requested the
 * endpoint's default applies (search/jql: id only; GET issue: *all; bulkfetch: *navigable); a list
 * made only of exclusions starts from that default. `id` and `key` are always top-level, never fields.
 * Custom fields (`customfield_N`) are ignored, as on a site without them; any other name we do not
 * model fails loudly rather than silently vanishing from responses.
 */
export const parseFieldSelection = (
  requested: readonly string[] | undefined,
  fallback: FieldDefault,
): FieldSelection => {
  const names = (requested ?? [])
    .flatMap((r) => r.split(','))
    .map((r) => r.trim())
    .filter((r) => r !== '');
  const includes = names.filter((n) => !n.startsWith('-'));
  const excludes = names.filter((n) => n.startsWith('-')).map((n) => n.slice(1));
  const start = includes.length > 0 ? includes : [fallback];
  const selected = new Set<IssueFieldName>();
  for (const name of start) {
    if (name === '*all' || name === '*navigable') ALL.forEach((f) => selected.add(f));
    else if (isIssueField(name)) selected.add(name);
    else if (!isIgnored(name)) throw unsupportedField(name);
  }
  for (const name of excludes) {
    if (isIssueField(name)) selected.delete(name);
    else if (!isIgnored(name)) throw unsupportedField(name);
  }
  return selected;
};

const isIgnored = (name: string): boolean => name === 'id' || name === 'key' || /^customfield_\d+$/.test(name);

const unsupportedField = (name: string): UnsupportedByLocalRuntime =>
  new UnsupportedByLocalRuntime(
    `Issue field '${name}' is not supported by the local Jira site (supported: ${ISSUE_FIELDS.join(', ')}, *all, *navigable).`,
  );
