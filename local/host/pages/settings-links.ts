import type { AdminPageDef } from '../../platform/app-manifest';
import { isManageAppsPage } from '../../platform/app-manifest';
import { moduleTitle } from '../../platform/i18n/module-titles';
import type { UserRecord } from '../../platform/jira';
import type { HostState } from '../host-state';
import type { AdminPageKind } from '../links';
import { PATHS } from '../links';

/**
 * Where the app's `jira:adminPage` modules live in Jira settings (docs: developer.atlassian.com/platform/
 * forge/manifest-reference/modules/jira-admin-page): the page without useAsConfig/useAsGetStarted is the
 * item under "Apps" in the settings sidebar; a useAsConfig or useAsGetStarted page is a Configure or Get
 * started button in Manage apps instead, and not in the sidebar.
 */

export const KIND_LABEL: Readonly<Record<Exclude<AdminPageKind, 'main'>, string>> = {
  configure: 'Configure',
  'get-started': 'Get started',
};

/** The admin page module shown at an address kind, if the manifest declares one. */
export const adminModuleFor = (state: HostState, kind: AdminPageKind): AdminPageDef | undefined => {
  const modules = state.runtime.manifest.modules['jira:adminPage'];
  if (kind === 'main') return modules.find((m) => !isManageAppsPage(m));
  if (kind === 'configure') return modules.find((m) => m.useAsConfig === true);
  return modules.find((m) => m.useAsGetStarted === true);
};

export const adminPathOf = (state: HostState, kind: AdminPageKind): string => {
  const install = state.runtime.installation;
  return PATHS.adminSettings(kind, install.appId, install.environmentId);
};

export interface SettingsLink {
  kind: AdminPageKind;
  /** The module title in the viewer's language (the manifest's translations). */
  label: string;
  path: string;
}

/** The app's entries in Jira settings a person may open: none unless they are a Jira admin (site admin here). */
export const settingsLinks = (state: HostState, user: UserRecord, locale: string): SettingsLink[] => {
  if (!user.siteAdmin) return [];
  return (['main', 'configure', 'get-started'] as const).flatMap((kind) => {
    const module = adminModuleFor(state, kind);
    if (!module) return [];
    const title = moduleTitle(state.runtime.installation.appCodeDir, module.title, locale);
    return [{ kind, label: kind === 'main' ? title : `${KIND_LABEL[kind]}: ${title}`, path: adminPathOf(state, kind) }];
  });
};
