import type { AdminIssue, ProjectRecord } from '../platform/jira';
import { ISSUE_TYPES } from '../platform/jira';

/**
 * `context.extension` per module type, with the exact shapes of design doc §5.3. The `location` is the
 * full URL of the host page, as Jira and Confluence report it.
 */

export const LOCAL_DASHBOARD_ID = '10000';
export const LOCAL_GADGET_ID = '10001';
export const OKR_SPACE = { id: '98305', key: 'OKR' } as const;

const projectRef = (project: ProjectRecord): { id: string; key: string; type: string } => ({
  id: project.id,
  key: project.key,
  type: project.projectTypeKey,
});

export const issueTypeOf = (issue: AdminIssue): { id: string; hierarchyLevel: number } => {
  const type = ISSUE_TYPES.find((t) => t.name === issue.issueType);
  if (!type) throw new Error(`issue ${issue.key} has unknown issue type '${issue.issueType}'`);
  return { id: type.id, hierarchyLevel: type.hierarchyLevel };
};

export const globalPageExtension = (location: string): Record<string, unknown> => ({
  type: 'jira:globalPage',
  location,
});

/** Docs (manifest-reference/modules/jira-admin-page, "Extension data"): `type` and `location` only. */
export const adminPageExtension = (location: string): Record<string, unknown> => ({
  type: 'jira:adminPage',
  location,
});

export const projectPageExtension = (project: ProjectRecord, location: string): Record<string, unknown> => ({
  type: 'jira:projectPage',
  project: projectRef(project),
  location,
});

export const issuePanelExtension = (
  issue: AdminIssue,
  project: ProjectRecord,
  location: string,
): Record<string, unknown> => ({
  type: 'jira:issuePanel',
  issue: { id: issue.id, key: issue.key, type: issue.issueType, typeId: issueTypeOf(issue).id },
  project: projectRef(project),
  isNewToIssue: false,
  location,
});

/** `gadgetConfiguration` is added per call from the config store (the last submitted one). */
export const gadgetExtension = (edit: boolean, location: string): Record<string, unknown> => ({
  type: 'jira:dashboardGadget',
  dashboard: { id: LOCAL_DASHBOARD_ID },
  gadget: { id: LOCAL_GADGET_ID },
  ...(edit ? { entryPoint: 'edit' } : {}),
  location,
});

/** `config` is added per call from the config store (absent until the first submit). */
export const macroExtension = (
  pageId: string,
  mode: { isConfiguring: boolean; isInserting: boolean },
  location: string,
): Record<string, unknown> => ({
  type: 'macro',
  content: { id: pageId, type: 'page' },
  space: { ...OKR_SPACE },
  isEditing: mode.isConfiguring,
  macro: { isConfiguring: mode.isConfiguring, isInserting: mode.isInserting },
  location,
});
