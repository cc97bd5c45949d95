import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kvs, MetadataField } from '@forge/kvs';
import { openDatabase } from '../db';
import { createKvsStore } from './create-kvs-store';
import { installKvsFetch, manifestEntities, TEST_ENTITIES, testClock } from './test-support';
import type { EntityDefinition } from './entity-definitions';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cadence-kvs-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Opens the file store, runs `fn` against it through @forge/kvs, then closes everything. */
const withStore = async (
  file: string,
  entities: EntityDefinition[],
  fn: () => Promise<void>,
  now = testClock().now,
) => {
  const db = openDatabase(file);
  const store = createKvsStore(db, entities, { now });
  const uninstall = installKvsFetch(store);
  try {
    await fn();
  } finally {
    uninstall();
    store.close();
    db.close();
  }
};

describe('a file-backed store', () => {
  const entities = [...manifestEntities(), ...TEST_ENTITIES];

  it('keeps plain keys, secrets, entities and their indexes across a reopen', async () => {
    const file = path.join(dir, 'nested', 'local.db');
    const clock = testClock();
    await withStore(
      file,
      entities,
      async () => {
        await kvs.set('plain', { a: 1 });
        await kvs.setSecret('secret', 'shh');
        await kvs.entity('test-item').set('e1', { group: 'g', rank: 2, label: 'x' });
      },
      clock.now,
    );
    await withStore(file, entities, async () => {
      expect(await kvs.get('plain', { metadataFields: [MetadataField.CREATED_AT] })).toEqual({
        key: 'plain',
        value: { a: 1 },
        createdAt: clock.now(),
      });
      expect(await kvs.getSecret('secret')).toBe('shh');
      const { results } = await kvs
        .entity('test-item')
        .query()
        .index('by-group', { partition: ['g'] })
        .getMany();
      expect(results).toEqual([{ key: 'e1', value: { group: 'g', rank: 2, label: 'x' } }]);
    });
  });

  it('rebuilds index entries when the declared indexes change between runs', async () => {
    const file = path.join(dir, 'local.db');
    const before: EntityDefinition[] = [{ name: 'note', attributes: { topic: { type: 'string' } }, indexes: [] }];
    const after: EntityDefinition[] = [{ name: 'note', attributes: { topic: { type: 'string' } }, indexes: ['topic'] }];
    await withStore(file, before, async () => {
      await kvs.entity('note').set('n1', { topic: 'b' });
      await kvs.entity('note').set('n2', { topic: 'a' });
    });
    await withStore(file, after, async () => {
      const { results } = await kvs.entity('note').query().index('topic').getMany();
      expect(results.map((r) => r.key)).toEqual(['n2', 'n1']);
    });
  });

  it('refuses requests after close()', () => {
    const db = openDatabase(':memory:');
    const store = createKvsStore(db, []);
    store.close();
    expect(() => store.handle('get', { key: 'k' })).toThrow(/closed/);
    db.close();
  });
});
