import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getTranslationValue } from '@forge/i18n';
import { parse } from 'yaml';
import { z } from 'zod';
import { readCatalog } from './i18n/catalogs';
import { JqlFunctionModuleSchema } from './jira/jql/app-functions';

/**
 * The parts of manifest.yml the local runtime acts on. Parsed (not trusted) so a manifest change that
 * the runtime does not understand fails at start-up, naming the field.
 */
const ResolverRef = z.object({ function: z.string() });

const REPO_ROOT = path.resolve(__dirname, '..', '..');
let english: Record<string, unknown> | undefined;
/**
 * A module title as the host shows it: a plain string, or `{i18n: key}` (docs: manifest-reference,
 * translations) read from the default locale's catalog. `titleKey` keeps the key for a localised host.
 */
const Title = z.union([z.string(), z.object({ i18n: z.string() })]).transform((title) => {
  if (typeof title === 'string') return { text: title, key: undefined };
  english ??= readCatalog(REPO_ROOT, 'en-US');
  const text = getTranslationValue({ 'en-US': english } as never, title.i18n, 'en-US');
  if (text === null) throw new Error(`locales/en-US has no message ${title.i18n} (a module title in manifest.yml)`);
  return { text, key: title.i18n };
});
const UiModule = z
  .object({
    key: z.string(),
    title: Title,
    resource: z.string(),
    resolver: ResolverRef.optional(),
    edit: z.object({ resource: z.string() }).optional(),
    config: z
      .union([z.boolean(), z.object({ resource: z.string().optional(), title: Title.optional() }).loose()])
      .optional(),
  })
  .loose();

/**
 * `jira:adminPage` (docs: developer.atlassian.com/platform/forge/manifest-reference/modules/jira-admin-page),
 * the Custom UI form, strict: a property the docs do not list is refused (a typo would otherwise pass
 * locally and fail at `forge deploy`), as are the docs' validation rules: one page without `useAsConfig`
 * or `useAsGetStarted`, at most one with either, and those two take no `pages` or `sections` (subpages are
 * Custom UI only). `render: native` (UI Kit) is refused: the local host frames Custom UI resources.
 */
const MODULE_KEY = /^[a-zA-Z0-9_-]+$/;
const DisplayConditions = z.record(z.string(), z.unknown());
const AdminSubPage = z.strictObject({
  title: Title,
  route: z.string().min(1).max(255),
  icon: z.string().min(1).max(255).optional(),
  displayConditions: DisplayConditions.optional(),
});
const AdminPageModule = z
  .strictObject({
    key: z.string().regex(MODULE_KEY, 'a module key is letters, digits, _ and - only'),
    title: Title,
    resource: z.string().min(1),
    render: z
      .literal('default', { error: "render: 'native' (UI Kit) is not emulated; the local host frames Custom UI" })
      .optional(),
    resolver: z.strictObject({ function: z.string().min(1) }).optional(),
    icon: z.string().min(1).max(255).optional(),
    layout: z.enum(['native', 'blank', 'basic']).optional(),
    useAsConfig: z.boolean().optional(),
    useAsGetStarted: z.boolean().optional(),
    pages: z.array(AdminSubPage).optional(),
    sections: z
      .array(
        z.strictObject({
          header: Title.optional(),
          pages: z.array(AdminSubPage),
          displayConditions: DisplayConditions.optional(),
        }),
      )
      .optional(),
    displayConditions: DisplayConditions.optional(),
  })
  .superRefine((m, ctx) => {
    if (m.pages !== undefined && m.sections !== undefined)
      ctx.addIssue({ code: 'custom', message: 'set pages or sections, not both', path: ['sections'] });
    if ((m.useAsConfig === true || m.useAsGetStarted === true) && (m.pages ?? m.sections) !== undefined)
      ctx.addIssue({
        code: 'custom',
        message: 'a Configure or Get started page (useAsConfig, useAsGetStarted) cannot have pages or sections',
        path: [m.pages === undefined ? 'sections' : 'pages'],
      });
  });
export type AdminPageDef = z.infer<typeof AdminPageModule>;
/** A Configure or Get started page: reached from Manage apps, not listed in the admin sidebar (docs above). */
export const isManageAppsPage = (m: AdminPageDef): boolean => m.useAsConfig === true || m.useAsGetStarted === true;
const AdminPages = z.array(AdminPageModule).superRefine((pages, ctx) => {
  if (pages.filter((m) => !isManageAppsPage(m)).length > 1)
    ctx.addIssue({ code: 'custom', message: 'only one jira:adminPage may go without useAsConfig or useAsGetStarted' });
  if (pages.filter(isManageAppsPage).length > 1)
    ctx.addIssue({ code: 'custom', message: 'only one jira:adminPage may set useAsConfig or useAsGetStarted' });
});

const ManifestSchema = z.object({
  app: z
    .object({
      id: z.string(),
      runtime: z.object({ name: z.string() }),
    })
    .loose(),
  modules: z
    .object({
      'jira:globalPage': z.array(UiModule).default([]),
      'jira:adminPage': AdminPages.default([]),
      'jira:projectPage': z.array(UiModule).default([]),
      'jira:issuePanel': z.array(UiModule).default([]),
      'jira:dashboardGadget': z.array(UiModule).default([]),
      macro: z.array(UiModule).default([]),
      function: z.array(z.object({ key: z.string(), handler: z.string(), timeoutSeconds: z.number().optional() })),
      trigger: z
        .array(
          z.object({
            key: z.string(),
            function: z.string(),
            events: z.array(z.string()),
            filter: z.object({ ignoreSelf: z.boolean().optional() }).loose().optional(),
          }),
        )
        .default([]),
      // Async events: the function a queue's pushed events are delivered to (docs:manifest-reference/modules/consumer).
      consumer: z.array(z.object({ key: z.string(), queue: z.string(), function: z.string() })).default([]),
      // JQL functions the site's search calls (jira/jql/app-functions.ts has the schema and its sources).
      'jira:jqlFunction': z.array(JqlFunctionModuleSchema).default([]),
      scheduledTrigger: z
        .array(
          z.object({ key: z.string(), function: z.string(), interval: z.enum(['fiveMinute', 'hour', 'day', 'week']) }),
        )
        .default([]),
    })
    .loose(),
  resources: z.array(z.object({ key: z.string(), path: z.string() })),
  permissions: z.object({ scopes: z.array(z.string()) }).loose(),
});
export type AppManifest = z.infer<typeof ManifestSchema>;
export type UiModuleDef = z.infer<typeof UiModule>;

export const UI_MODULE_TYPES = [
  'jira:globalPage',
  'jira:adminPage',
  'jira:projectPage',
  'jira:issuePanel',
  'jira:dashboardGadget',
  'macro',
] as const;
export type UiModuleType = (typeof UI_MODULE_TYPES)[number];

export const parseAppManifest = (yamlText: string): AppManifest => ManifestSchema.parse(parse(yamlText));

export const loadAppManifest = (file: string): AppManifest => parseAppManifest(readFileSync(file, 'utf8'));

/** Finds a UI module by key with its type, or throws naming the key. */
export const findUiModule = (manifest: AppManifest, moduleKey: string): { type: UiModuleType; module: UiModuleDef } => {
  for (const type of UI_MODULE_TYPES) {
    const modules: readonly UiModuleDef[] = manifest.modules[type];
    const module = modules.find((m) => m.key === moduleKey);
    if (module) return { type, module };
  }
  throw new Error(`manifest.yml declares no UI module with key '${moduleKey}'`);
};

/** The function a key names, and the export of src/index.ts that implements it. */
export const findFunction = (
  manifest: AppManifest,
  functionKey: string,
): { exportName: string; timeoutSeconds: number | undefined } => {
  const fn = manifest.modules.function.find((f) => f.key === functionKey);
  if (!fn) throw new Error(`manifest.yml declares no function with key '${functionKey}'`);
  const [file, exportName] = fn.handler.split('.');
  if (file !== 'index' || exportName === undefined) {
    throw new Error(`function '${functionKey}': handler '${fn.handler}' must be index.<export>`);
  }
  return { exportName, timeoutSeconds: fn.timeoutSeconds };
};
