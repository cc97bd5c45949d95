import { copyFileSync, cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AdditionalOutputs, BundlerOutput } from '@forge/bundler';
import { getEntryPoints, getNodeBundler } from '@forge/bundler';
import type { Logger } from '@forge/cli-shared';
import type { I18nResourceBundle } from '@forge/cli-shared';
import {
  ConfigFile,
  FileSystemReader,
  FileSystemWriter,
  I18nResourceBundlingService,
  listGitIgnoreFiles,
  StatsigService,
} from '@forge/cli-shared';
import type { LintResult } from '@forge/lint';
import { writeCatalogs } from '../platform/i18n/catalogs';
import {
  getClientSideLintersOnly,
  lint,
  parseSourceFile,
  PermissionLinter,
  problemCount,
  reportLintResults,
} from '@forge/lint';

/**
 * `npm run package`: builds the backend as `forge deploy` does, by calling @forge/bundler's own API with
 * the entry points the Forge CLI derives from manifest.yml's function handlers, into dist/forge/ (the
 * smoke suite in test/smoke runs that bundle). Then runs @forge/lint's client-side linters, less the one
 * that needs the network. Fails on a bundling error or warning, and on any lint error or warning.
 */

const ROOT = path.resolve(__dirname, '..', '..');
export const BUNDLE_DIR = path.join(ROOT, 'dist', 'forge');

/** Messages the bundler or linters send at warn level or above; any of them fails the package step. */
const problems: string[] = [];

const logger: Logger = {
  traceEnabled: false,
  debugEnabled: false,
  trace: () => undefined,
  debug: () => undefined,
  info: (message) => {
    console.log(message);
  },
  warn: (message) => {
    problems.push(message);
    console.warn(message);
  },
  error: (error) => {
    problems.push(error.message);
    console.error(error.message);
  },
};

/**
 * Forge adds its Node runtime wrapper (the code that defines __forge_fetch__ and friends) to the bundle,
 * downloaded from Atlassian at deploy time [@forge/bundler out/wrapper-provider.js]. We don't fetch it
 * here: the smoke suite runs the bundle inside our local runtime, which provides those globals itself.
 */
const PLACEHOLDER =
  "// forge deploy puts Atlassian's Node runtime wrapper here (fetched at deploy time).\n" +
  '// npm run package leaves this placeholder: the local runtime provides the platform globals instead.\n';
const placeholderWrapper: Parameters<typeof getNodeBundler>[1] = {
  getNodeRuntimeWrapper: () =>
    Promise.resolve({ script: PLACEHOLDER, source: 'local placeholder', version: 'local-placeholder' }),
  getNodeRuntimeLoader: () =>
    Promise.resolve({ script: PLACEHOLDER, source: 'local placeholder', version: 'local-placeholder' }),
};

/**
 * The CLI's feature flags come from Atlassian's flag service; offline we answer every flag with null,
 * which is the CLI's own fallback when that service cannot be reached [cli-shared statsig-service.js].
 */
class OfflineFlags extends StatsigService {
  override checkGate(): Promise<null> {
    return Promise.resolve(null);
  }
  override getDynamicConfig(): Promise<null> {
    return Promise.resolve(null);
  }
}

/**
 * The bundler's extra files: a Buffer is the file's content, a string the path of a file to copy (how
 * @forge/bundler hands over the `__LOCALES__` files, out/runtime.js getRuntimeArtifacts).
 */
export const writeAdditionalOutputs = (dir: string, outputs: AdditionalOutputs): void => {
  for (const [name, content] of outputs) {
    const target = path.join(dir, name);
    mkdirSync(path.dirname(target), { recursive: true });
    if (typeof content === 'string') copyFileSync(content, target);
    else writeFileSync(target, content);
  }
};

/**
 * The `__LOCALES__` folder as the CLI packages it (packageI18nResources): the merged catalogs manifest.yml
 * names, written first from locales/<locale>/*.json, then @forge/cli-shared's I18nResourceBundlingService
 * copies them and writes i18n-info.json; the bundler adds that folder to the function bundle.
 */
export const i18nResourceBundle = async (config: ConfigFile): Promise<I18nResourceBundle> => {
  writeCatalogs(ROOT);
  const manifest = await config.readConfig();
  return new I18nResourceBundlingService().bundle(manifest.modules, manifest.translations);
};

const bundle = async (config: ConfigFile): Promise<BundlerOutput> => {
  // Same entry points as `forge deploy`: one per module that manifest.yml's handlers name (src/index).
  const entryPoints = getEntryPoints(await config.getAppHandlers());
  console.log(`Bundling ${entryPoints.map((e) => path.relative(ROOT, e.path)).join(', ')} with @forge/bundler…`);
  const output = await getNodeBundler(logger, placeholderWrapper, config).bundle({
    appDirectory: ROOT,
    entryPoints,
    i18nResourceBundle: await i18nResourceBundle(config),
  });
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  mkdirSync(BUNDLE_DIR, { recursive: true });
  cpSync(output.outputDir, BUNDLE_DIR, { recursive: true });
  writeAdditionalOutputs(BUNDLE_DIR, output.additionalOutputs ?? new Map<string, string | Buffer>());
  rmSync(output.outputDir, { recursive: true, force: true });
  const modules = output.metadata?.modules ?? [];
  console.log(`Bundle in ${path.relative(ROOT, BUNDLE_DIR)}/ (npm packages inside: ${modules.join(', ') || 'none'})`);
  return output;
};

const runLinters = async (config: ConfigFile, reader: FileSystemReader): Promise<LintResult[]> => {
  const manifest = await config.readConfig();
  const flags = new OfflineFlags(
    logger,
    undefined,
    { getCredentials: () => Promise.reject(new Error('npm run package never logs in')) },
    { readConfigSection: () => Promise.resolve('missing' as const) },
  );
  const all = await getClientSideLintersOnly(manifest, 'development', logger, flags);
  // PermissionLinter downloads the Jira, Confluence and Bitbucket OpenAPI documents from
  // developer.atlassian.com in bootstrap(); server-side linters need `forge login`. Both are left out.
  const linters = all.filter((l) => !(l instanceof PermissionLinter));
  console.log(
    `@forge/lint offline: ${linters.map((l) => l.constructor.name).join(', ')}\n` +
      `Not run (need the network or a login): ${all
        .filter((l) => !linters.includes(l))
        .map((l) => l.constructor.name)
        .join(', ')}, ServerSideLinter`,
  );
  // The files `forge lint` reads: src/ minus what .gitignore excludes [@forge/bundler out/lint.js].
  const exclude = [...(await listGitIgnoreFiles(reader)), '.git', 'node_modules'];
  const files = await reader.recursiveReadDir('./src', exclude);
  // lint() silently skips TypeScript files that tsconfig.json's include patterns do not match one by one
  // (a folder name matches no file), so count what it parsed and refuse a lint that read nothing.
  const parsed: string[] = [];
  const results = await lint(files, manifest, 'development', logger, flags, {
    linter: { mode: 'client-side' },
    linters,
    parseFunction: (filepath, parser, read) => {
      parsed.push(filepath);
      return parseSourceFile(filepath, parser, read);
    },
  });
  const sources = files.filter((f) => /\.[cm]?[jt]sx?$/.test(f) && !/\.test\.[jt]sx?$/.test(f));
  console.log(`Linted ${parsed.length} of ${files.length} files under src/.`);
  if (parsed.length < sources.length) {
    throw new Error(
      `@forge/lint read ${parsed.length} files but src/ has ${sources.length} sources: check tsconfig.json include`,
    );
  }
  reportLintResults(logger, results);
  return results;
};

const main = async (): Promise<void> => {
  // The Forge CLI works on the app in the current directory (manifest.yml, src/, tsconfig.json).
  process.chdir(ROOT);
  const reader = new FileSystemReader();
  const config = new ConfigFile(reader, new FileSystemWriter());
  await bundle(config);
  const results = await runLinters(config, reader);
  const { errors, warnings } = problemCount(results);
  if (errors + warnings > 0 || problems.length > 0) {
    throw new Error(
      `npm run package: ${errors} lint error(s), ${warnings} lint warning(s), ${problems.length} bundler/linter warning(s)`,
    );
  }
  console.log('npm run package: bundle built, offline lint clean.');
};

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
