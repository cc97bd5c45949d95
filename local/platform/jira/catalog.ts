/**
 * The site's fixed configuration: issue types, statuses (with their categories) and resolutions.
 * A real site lets admins edit these; the emulator ships one company-managed software scheme, so they
 * are constants rather than tables. Ids are numeric strings, as Jira's are.
 */

export const ISSUE_TYPE_NAMES = ['Epic', 'Story', 'Task', 'Bug', 'Sub-task'] as const;
export type IssueTypeName = (typeof ISSUE_TYPE_NAMES)[number];

export interface IssueTypeDef {
  id: string;
  name: IssueTypeName;
  description: string;
  /** 1 = epic, 0 = standard work, -1 = sub-task (Jira's default hierarchy). */
  hierarchyLevel: 1 | 0 | -1;
  /** File name of the icon the local web host serves under /icons/issuetype/. */
  icon: string;
}

export const ISSUE_TYPES: readonly IssueTypeDef[] = [
  {
    id: '10000',
    name: 'Epic',
    description: 'A big user story that needs to be broken down.',
    hierarchyLevel: 1,
    icon: 'epic',
  },
  {
    id: '10001',
    name: 'Story',
    description: 'Functionality or a feature expressed as a user goal.',
    hierarchyLevel: 0,
    icon: 'story',
  },
  { id: '10002', name: 'Task', description: 'A small, distinct piece of work.', hierarchyLevel: 0, icon: 'task' },
  { id: '10003', name: 'Bug', description: 'A problem or error.', hierarchyLevel: 0, icon: 'bug' },
  {
    id: '10004',
    name: 'Sub-task',
    description: 'A small piece of work that is part of a larger task.',
    hierarchyLevel: -1,
    icon: 'subtask',
  },
];

export interface StatusCategoryDef {
  id: number;
  key: 'new' | 'indeterminate' | 'done';
  name: 'To Do' | 'In Progress' | 'Done';
  colorName: 'blue-gray' | 'yellow' | 'green';
}

export const STATUS_CATEGORIES: readonly StatusCategoryDef[] = [
  { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' },
  { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' },
  { id: 3, key: 'done', name: 'Done', colorName: 'green' },
];

export const STATUS_NAMES = ['Backlog', 'To Do', 'In Progress', 'In Review', 'Done', "Won't Do"] as const;
export type StatusName = (typeof STATUS_NAMES)[number];

export interface StatusDef {
  id: string;
  name: StatusName;
  category: StatusCategoryDef['key'];
  /** Resolution a workflow post-function sets when an issue enters this status (null: cleared). */
  defaultResolution: ResolutionName | null;
}

export const STATUSES: readonly StatusDef[] = [
  { id: '10000', name: 'Backlog', category: 'new', defaultResolution: null },
  { id: '10001', name: 'To Do', category: 'new', defaultResolution: null },
  { id: '3', name: 'In Progress', category: 'indeterminate', defaultResolution: null },
  { id: '10002', name: 'In Review', category: 'indeterminate', defaultResolution: null },
  { id: '10003', name: 'Done', category: 'done', defaultResolution: 'Done' },
  { id: '10004', name: "Won't Do", category: 'done', defaultResolution: "Won't Do" },
];

export const RESOLUTION_NAMES = ['Done', "Won't Do", 'Duplicate'] as const;
export type ResolutionName = (typeof RESOLUTION_NAMES)[number];

export interface ResolutionDef {
  id: string;
  name: ResolutionName;
  description: string;
}

export const RESOLUTIONS: readonly ResolutionDef[] = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: 'This issue won\u2019t be actioned.' },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
];

const byId = <T extends { id: string }>(list: readonly T[], id: string, what: string): T => {
  const found = list.find((item) => item.id === id);
  // Stored ids come from this catalog, so a miss means a corrupted row: fail loudly.
  if (!found) throw new Error(`Unknown ${what} id ${id} in the local Jira site`);
  return found;
};

export const issueTypeById = (id: string): IssueTypeDef => byId(ISSUE_TYPES, id, 'issue type');
export const statusById = (id: string): StatusDef => byId(STATUSES, id, 'status');
export const resolutionById = (id: string): ResolutionDef => byId(RESOLUTIONS, id, 'resolution');

export const statusCategoryOf = (status: StatusDef): StatusCategoryDef => {
  const found = STATUS_CATEGORIES.find((c) => c.key === status.category);
  if (!found) throw new Error(`Unknown status category ${status.category}`);
  return found;
};

const byName = <T extends { name: string }>(list: readonly T[], name: string): T | undefined =>
  list.find((item) => item.name.toLowerCase() === name.toLowerCase());

export const issueTypeByName = (name: string): IssueTypeDef | undefined => byName(ISSUE_TYPES, name);
export const statusByName = (name: string): StatusDef | undefined => byName(STATUSES, name);
export const resolutionByName = (name: string): ResolutionDef | undefined => byName(RESOLUTIONS, name);

/** Workflow position used when sorting by status (Jira sorts statuses by their workflow order). */
export const statusSortIndex = (id: string): number => STATUSES.findIndex((s) => s.id === id);

/** Lookups by a name the type system already vouches for (admin input parsed against the name lists). */
const named = <T>(found: T | undefined, what: string, name: string): T => {
  if (found === undefined) throw new Error(`Unknown ${what} '${name}'`);
  return found;
};
export const issueTypeNamed = (name: IssueTypeName): IssueTypeDef => named(issueTypeByName(name), 'issue type', name);
export const statusNamed = (name: StatusName): StatusDef => named(statusByName(name), 'status', name);
export const resolutionNamed = (name: ResolutionName): ResolutionDef =>
  named(resolutionByName(name), 'resolution', name);
