import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validate } from '@forge/manifest';
import { parse } from 'yaml';
import * as app from '../src/index';

const root = path.join(__dirname, '..');
const manifestPath = path.join(root, 'manifest.yml');

interface FunctionDef {
  key: string;
  handler: string;
  timeoutSeconds?: number;
}
interface Manifest {
  app: { runtime: { name: string }; compatibility: Record<string, { required: boolean }> };
  modules: Record<string, { key: string; function?: string; resolver?: { function: string } }[]> & {
    function: FunctionDef[];
  };
  resources: { key: string; path: string }[];
  permissions: { scopes: string[] };
}
const manifest = parse(readFileSync(manifestPath, 'utf8')) as Manifest;

beforeAll(() => {
  // The validator checks that each Custom UI resource directory holds an index.html.
  if (!manifest.resources.every((r) => existsSync(path.join(root, r.path, 'index.html')))) {
    execFileSync(process.execPath, [path.join(root, 'static', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  }
}, 120_000);

describe('manifest.yml', () => {
  it('passes the offline Forge manifest validation', async () => {
    const result = await validate(false, manifestPath);
    expect(result.errors ?? []).toEqual([]);
    expect(result.success).toBe(true);
  });

  it('declares every module the product needs', () => {
    expect(Object.keys(manifest.modules).sort()).toEqual(
      [
        // The paged import's async events consumer (queue cadence-import).
        'consumer',
        'function',
        // "Cadence settings" in Jira's admin area (issue #12).
        'jira:adminPage',
        'jira:dashboardGadget',
        'jira:globalPage',
        'jira:issuePanel',
        // keyResultWork / objectiveWork in Jira's search (issue #13).
        'jira:jqlFunction',
        'jira:projectPage',
        'macro',
        'scheduledTrigger',
        'trigger',
      ].sort(),
    );
  });

  it('runs on nodejs22.x with Jira required and Confluence optional', () => {
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
    expect(manifest.app.compatibility).toEqual({ jira: { required: true }, confluence: { required: false } });
  });

  it('names only handlers that src/index.ts exports, and exports nothing else', () => {
    const handlers = manifest.modules.function.map((f) => f.handler.replace(/^index\./, '')).sort();
    expect(Object.keys(app).sort()).toEqual(handlers);
    for (const name of handlers) expect(typeof (app as Record<string, unknown>)[name]).toBe('function');
  });

  it('gives a timeout only to functions that scheduled triggers alone use (events are capped at 25 s)', () => {
    const eventFunctions = new Set((manifest.modules.trigger ?? []).map((t) => t.function));
    for (const f of manifest.modules.function) {
      if (eventFunctions.has(f.key)) expect(f.timeoutSeconds).toBeUndefined();
    }
  });

  it('asks for the smallest set of scopes', () => {
    expect([...manifest.permissions.scopes].sort()).toEqual([
      'read:app-data:jira',
      'read:jira-user',
      'read:jira-work',
      'send:notification:jira',
      'storage:app',
      'write:app-data:jira',
    ]);
  });
});
