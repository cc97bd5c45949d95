import { readFileSync } from 'node:fs';
import path from 'node:path';
import { getTranslationValue } from '@forge/i18n';
import { parse } from 'yaml';
import { z } from 'zod';
import { readCatalog } from './i18n/catalogs';

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
    const module = manifest.modules[type].find((m) => m.key === moduleKey);
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
