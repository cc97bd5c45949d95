import type { IssueTypeDef, ResolutionDef, StatusDef } from './catalog';
import { statusCategoryOf } from './catalog';
import type { ProjectRecord, UserRecord } from './model';

/**
 * JSON of users, projects, issue types, statuses and resolutions as REST v3 returns them.
 * Avatar and icon URLs are relative (`/avatars/...`, `/icons/...`) so the local web host can serve
 * them on whatever port it runs; `self` links use the site URL.
 */

export const avatarUrls = (path: string): Record<string, string> => ({
  '48x48': `${path}?s=48`,
  '24x24': `${path}?s=24`,
  '16x16': `${path}?s=16`,
  '32x32': `${path}?s=32`,
});

export const userAvatarPath = (accountId: string): string => `/avatars/${encodeURIComponent(accountId)}.svg`;
export const projectAvatarPath = (key: string): string => `/avatars/project-${encodeURIComponent(key)}.svg`;

export const renderUser = (siteUrl: string, user: UserRecord) => ({
  self: `${siteUrl}/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`,
  accountId: user.accountId,
  accountType: 'atlassian',
  emailAddress: user.email,
  avatarUrls: avatarUrls(userAvatarPath(user.accountId)),
  displayName: user.displayName,
  active: user.active,
  timeZone: user.timeZone,
  locale: user.locale,
});

export const renderProjectRef = (siteUrl: string, project: ProjectRecord) => ({
  self: `${siteUrl}/rest/api/3/project/${project.id}`,
  id: project.id,
  key: project.key,
  name: project.name,
  projectTypeKey: project.projectTypeKey,
  simplified: false,
  avatarUrls: avatarUrls(projectAvatarPath(project.key)),
});

export const issueTypeIconPath = (type: IssueTypeDef): string => `/icons/issuetype/${type.icon}.svg`;

export const renderIssueType = (siteUrl: string, type: IssueTypeDef) => ({
  self: `${siteUrl}/rest/api/3/issuetype/${type.id}`,
  id: type.id,
  description: type.description,
  iconUrl: issueTypeIconPath(type),
  name: type.name,
  subtask: type.hierarchyLevel < 0,
  hierarchyLevel: type.hierarchyLevel,
});

export const renderStatus = (siteUrl: string, status: StatusDef) => {
  const category = statusCategoryOf(status);
  return {
    self: `${siteUrl}/rest/api/3/status/${status.id}`,
    description: '',
    iconUrl: `${siteUrl}/images/icons/statuses/generic.png`,
    name: status.name,
    id: status.id,
    statusCategory: {
      self: `${siteUrl}/rest/api/3/statuscategory/${category.id}`,
      id: category.id,
      key: category.key,
      colorName: category.colorName,
      name: category.name,
    },
  };
};

export const renderResolution = (siteUrl: string, resolution: ResolutionDef) => ({
  self: `${siteUrl}/rest/api/3/resolution/${resolution.id}`,
  id: resolution.id,
  description: resolution.description,
  name: resolution.name,
});
