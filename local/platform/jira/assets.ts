import { createHash } from 'node:crypto';
import { ISSUE_TYPES } from './catalog';
import type { DirectoryStore } from './store-directory';

/**
 * Small SVGs for the URLs the site hands out (`/avatars/<accountId>.svg`, `/avatars/project-<KEY>.svg`,
 * `/icons/issuetype/<icon>.svg`), so the local web host can serve them without any image files.
 */

const PALETTE = ['#0052CC', '#00875A', '#FF5630', '#6554C0', '#FF991F', '#00B8D9', '#36B37E', '#403294'];

const colourFor = (seed: string): string => {
  const byte = createHash('sha256').update(seed).digest()[0] ?? 0;
  return PALETTE[byte % PALETTE.length] ?? '#0052CC';
};

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter((w) => w !== '')
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
    .join('');

const badge = (label: string, seed: string, round: boolean): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48" width="48" height="48">` +
  (round
    ? `<circle cx="24" cy="24" r="24" fill="${colourFor(seed)}"/>`
    : `<rect width="48" height="48" rx="6" fill="${colourFor(seed)}"/>`) +
  `<text x="24" y="30" font-family="sans-serif" font-size="18" font-weight="600" fill="#fff" text-anchor="middle">${escapeXml(label)}</text></svg>`;

/** `name` is the file name without `.svg`: an accountId or `project-<KEY>`. */
export const avatarSvg = (directory: DirectoryStore, name: string): string | undefined => {
  if (name.startsWith('project-')) {
    const project = directory.findProjectByKey(name.slice('project-'.length));
    return project ? badge(project.key.slice(0, 2), project.key, false) : undefined;
  }
  const user = directory.getUser(name);
  return user ? badge(initials(user.displayName), user.accountId, true) : undefined;
};

const ICON_COLOURS: Readonly<Record<string, string>> = {
  epic: '#904EE2',
  story: '#63BA3C',
  task: '#4BADE8',
  bug: '#E5493A',
  subtask: '#4BADE8',
};

export const issueTypeIconSvg = (icon: string): string | undefined => {
  const type = ISSUE_TYPES.find((t) => t.icon === icon);
  if (!type) return undefined;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" width="16" height="16">` +
    `<rect width="16" height="16" rx="3" fill="${ICON_COLOURS[type.icon] ?? '#4BADE8'}"/>` +
    `<text x="8" y="12" font-family="sans-serif" font-size="10" font-weight="700" fill="#fff" text-anchor="middle">${type.name.charAt(0)}</text></svg>`
  );
};
