import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { I18nResourceBundlingService, listFilesInI18nResourceBundle } from '@forge/cli-shared';
import type { Translations } from '@forge/manifest';
import { writeAdditionalOutputs } from '../../local/cli/package';
import { i18nBundleFiles, readTranslationsConfig, writeCatalogs } from '../../local/platform/i18n/catalogs';

/**
 * The emulator writes `__LOCALES__` itself (no build step for the local runtime and host); the Forge CLI
 * writes it with @forge/cli-shared's I18nResourceBundlingService from the merged catalogs. Both must give
 * the same files, byte for byte, so the local runtime never reads anything a deployed app would not.
 */
const ROOT = path.resolve(__dirname, '..', '..');

describe('__LOCALES__ as the Forge CLI bundles it', () => {
  it('is what the emulator writes, file for file', async () => {
    writeCatalogs(ROOT); // what `npm run build` writes: the files manifest.yml's translations name
    const { modules, translations } = readTranslationsConfig(ROOT);
    // The service resolves resource paths from the working directory (the app's); name them absolutely.
    const absolute = {
      ...translations,
      resources: translations.resources.map((r) => ({ ...r, path: path.join(ROOT, r.path) })),
    } as unknown as Translations; // our zod shape of the same manifest section
    const bundle = await new I18nResourceBundlingService().bundle(modules, absolute);
    const cli = new Map(
      listFilesInI18nResourceBundle(bundle).map(([name, file]) => [name, readFileSync(file, 'utf8')]),
    );
    const ours = i18nBundleFiles(ROOT);
    expect([...ours.keys()].sort()).toEqual([...cli.keys()].sort());
    for (const [name, text] of ours) expect(JSON.parse(text)).toEqual(JSON.parse(cli.get(name) ?? 'null'));
    // Same bytes too: the catalogs are the merged area files, i18n-info.json the same object in the same order.
    expect(ours.get('i18n-info.json')).toBe(cli.get('i18n-info.json'));
    if (bundle.exists) rmSync(bundle.path, { recursive: true, force: true });
  });

  it('lands in the function bundle: npm run package copies the files the bundler names by path', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cadence-package-'));
    try {
      const source = path.join(dir, 'source.json');
      writeFileSync(source, '{"a":1}');
      writeAdditionalOutputs(
        path.join(dir, 'out'),
        new Map<string, string | Buffer>([
          ['__LOCALES__/en-US.json', source],
          ['runtime.json', Buffer.from('{"version":"x"}')],
        ]),
      );
      expect(readFileSync(path.join(dir, 'out', '__LOCALES__', 'en-US.json'), 'utf8')).toBe('{"a":1}');
      expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['__LOCALES__', 'runtime.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
