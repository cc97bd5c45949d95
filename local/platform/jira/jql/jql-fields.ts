import type { Caller, Visibility } from '../access';
import { ISSUE_TYPES, RESOLUTIONS, STATUSES, STATUS_CATEGORIES, statusById } from '../catalog';
import { badRequest } from '../http';
import type { IssueRecord, UserRecord } from '../model';

/**
 * The JQL fields the local site evaluates. A value field maps an issue to canonical values (ids) and
 * resolves what the user wrote (id, key, name, email...) to those values, rejecting unknown values
 * the way Jira does. Projects and issues the caller cannot browse count as unknown: no leaks.
 */

export interface JqlEnv {
  caller: Caller;
  visibility: Visibility;
  users: readonly UserRecord[];
}

export interface ValueField {
  kind: 'value';
  /** The issue's canonical values; an empty list is EMPTY. */
  valuesOf(issue: IssueRecord): readonly string[];
  /** Canonical values a literal stands for, or `'empty'` for literals that mean EMPTY (`Unresolved`). */
  resolve(literal: string, fieldText: string): readonly string[] | 'empty';
  /** Zero-argument functions this field accepts, by lower-case name. */
  functions: Readonly<Record<string, () => readonly string[]>>;
}

export interface TextField {
  kind: 'text';
  textOf(issue: IssueRecord): string;
}

export type JqlField = ValueField | TextField;

const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

const noSuchValue = (literal: string, fieldText: string): Error =>
  badRequest(`The value '${literal}' does not exist for the field '${fieldText}'.`);

/** Resolves against a list of candidates, failing like Jira when nothing matches. */
const lookup =
  <T>(candidates: () => readonly T[], matches: (item: T, literal: string) => boolean, valueOf: (item: T) => string) =>
  (literal: string, fieldText: string): readonly string[] => {
    const found = candidates().filter((c) => matches(c, literal));
    if (found.length === 0) throw noSuchValue(literal, fieldText);
    return found.map(valueOf);
  };

const issueReference =
  (env: JqlEnv) =>
  (literal: string, fieldText: string): readonly string[] => {
    // Numeric ids that match nothing simply match nothing; unknown keys are an error on Jira.
    if (/^\d+$/.test(literal)) return [literal];
    const issue = env.visibility.findIssue(literal);
    if (!issue) throw badRequest(`An issue with key '${literal}' does not exist for field '${fieldText}'.`);
    return [issue.id];
  };

const userField = (env: JqlEnv, valueOf: (issue: IssueRecord) => string | null): ValueField => ({
  kind: 'value',
  valuesOf: (issue) => {
    const value = valueOf(issue);
    return value === null ? [] : [value];
  },
  resolve: lookup(
    () => env.users,
    (u, literal) => u.accountId === literal || eq(u.email, literal) || eq(u.displayName, literal),
    (u) => u.accountId,
  ),
  // The app has no user of its own in the directory, so currentUser() matches nothing for asApp.
  functions: { currentuser: () => (env.caller.kind === 'user' ? [env.caller.user.accountId] : []) },
});

export const createJqlFields = (env: JqlEnv): ReadonlyMap<string, JqlField> => {
  const issueKey: ValueField = { kind: 'value', valuesOf: (i) => [i.id], resolve: issueReference(env), functions: {} };
  const issueType: ValueField = {
    kind: 'value',
    valuesOf: (i) => [i.issueTypeId],
    resolve: lookup(
      () => ISSUE_TYPES,
      (t, l) => t.id === l || eq(t.name, l),
      (t) => t.id,
    ),
    functions: {},
  };
  const fields: [string, JqlField][] = [
    ['issue', issueKey],
    ['key', issueKey],
    ['issuekey', issueKey],
    ['id', issueKey],
    [
      'parent',
      {
        kind: 'value',
        valuesOf: (i) => (i.parentId === null ? [] : [i.parentId]),
        resolve: issueReference(env),
        functions: {},
      },
    ],
    [
      'project',
      {
        kind: 'value',
        valuesOf: (i) => [i.projectId],
        resolve: lookup(
          () => env.visibility.projects,
          (p, l) => p.id === l || eq(p.key, l) || eq(p.name, l),
          (p) => p.id,
        ),
        functions: {},
      },
    ],
    ['issuetype', issueType],
    ['type', issueType],
    [
      'status',
      {
        kind: 'value',
        valuesOf: (i) => [i.statusId],
        resolve: lookup(
          () => STATUSES,
          (s, l) => s.id === l || eq(s.name, l),
          (s) => s.id,
        ),
        functions: {},
      },
    ],
    [
      'statuscategory',
      {
        kind: 'value',
        valuesOf: (i) => [statusById(i.statusId).category],
        resolve: lookup(
          () => STATUS_CATEGORIES,
          (c, l) => String(c.id) === l || eq(c.key, l) || eq(c.name, l),
          (c) => c.key,
        ),
        functions: {},
      },
    ],
    [
      'resolution',
      {
        kind: 'value',
        valuesOf: (i) => (i.resolutionId === null ? [] : [i.resolutionId]),
        // "Unresolved" is Jira's name for an empty resolution.
        resolve: (literal, fieldText) =>
          eq(literal, 'unresolved')
            ? 'empty'
            : lookup(
                () => RESOLUTIONS,
                (r, l) => r.id === l || eq(r.name, l),
                (r) => r.id,
              )(literal, fieldText),
        functions: {},
      },
    ],
    ['assignee', userField(env, (i) => i.assigneeId)],
    ['reporter', userField(env, (i) => i.reporterId)],
    [
      'labels',
      {
        kind: 'value',
        valuesOf: (i) => i.labels.map((l) => l.toLowerCase()),
        resolve: (l) => [l.toLowerCase()],
        functions: {},
      },
    ],
    ['summary', { kind: 'text', textOf: (i) => i.summary }],
    ['description', { kind: 'text', textOf: (i) => i.description }],
    ['text', { kind: 'text', textOf: (i) => `${i.summary}\n${i.description}` }],
  ];
  return new Map(fields);
};

/** Field names the local site evaluates in WHERE, for error messages. */
export const SUPPORTED_JQL_FIELDS =
  'issue, key, issuekey, id, parent, project, issuetype (type), status, statusCategory, resolution, assignee, reporter, labels, summary, description, text, created, updated, resolved (resolutiondate)';
