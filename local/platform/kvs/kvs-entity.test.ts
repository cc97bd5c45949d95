import { kvs, MetadataField } from '@forge/kvs';
import { readEntityDefinitions, resolveEntityModels } from './entity-definitions';
import { apiError, manifestEntities, startTestStore } from './test-support';
import type { TestStore } from './test-support';

let t: TestStore;
beforeEach(() => {
  t = startTestStore();
});
afterEach(() => {
  t.uninstall();
  t.db.close();
});

interface Item {
  group?: string;
  region?: string;
  label?: string;
  rank?: number;
  score?: number;
  active?: boolean;
  tags?: unknown;
  [other: string]: unknown;
}
const items = () => kvs.entity<Item>('test-item');

describe('entity get/set/delete through the real @forge/kvs', () => {
  it('rejects properties the manifest does not declare, naming them', async () => {
    const error = await apiError(items().set('one', { group: 'g', note: 'undeclared' }));
    expect(error.code).toBe('INVALID_ENTITY_ATTRIBUTE');
    expect(error.message).toContain("'note'");
    expect(await items().get('one')).toBeUndefined();
  });

  it('round-trips entity values, nested payloads living in an any attribute', async () => {
    const value = { group: 'g', rank: 3, score: 0.5, active: true, tags: ['a', { b: 1 }] };
    await items().set('one', value);
    expect(await items().get('one')).toEqual(value);
    expect(await items().get('one', { metadataFields: [MetadataField.CREATED_AT] })).toEqual({
      key: 'one',
      value,
      createdAt: t.clock.now(),
    });
    await items().delete('one');
    expect(await items().get('one')).toBeUndefined();
    await expect(items().delete('one')).resolves.toBeUndefined();
  });

  it('keeps entities apart from each other and from plain keys', async () => {
    await items().set('same', { label: 'entity' });
    await kvs.set('same', 'plain');
    expect(await kvs.entity('test-other').get('same')).toBeUndefined();
    expect(await items().get('same')).toEqual({ label: 'entity' });
    expect(await kvs.get('same')).toBe('plain');
  });

  it('supports FAIL_IF_EXISTS and returnValue on entities', async () => {
    await items().set('e', { rank: 1 }, { keyPolicy: 'FAIL_IF_EXISTS' });
    const error = await apiError(items().set('e', { rank: 2 }, { keyPolicy: 'FAIL_IF_EXISTS' }));
    expect(error.responseDetails.status).toBe(409);
    expect(error.message).toContain("entity 'test-item'");
    expect(await items().set('e', { rank: 2 }, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toEqual({
      key: 'e',
      value: { rank: 1 },
    });
  });

  it.each([
    ['a string attribute given a number', { group: 5 }, 'group'],
    ['an integer attribute given a fraction', { rank: 1.5 }, 'rank'],
    ['an integer attribute beyond 32 bits', { rank: 2 ** 31 }, 'rank'],
    ['a float attribute given a string', { score: '1' }, 'score'],
    ['a float attribute below 1E-130', { score: 1e-131 }, 'score'],
    ['a boolean attribute given 0', { active: 0 }, 'active'],
    ['a declared attribute set to null', { label: null }, 'label'],
    ['a string attribute set to an empty string', { label: '' }, 'label'],
    ['a string attribute of whitespace only', { label: ' \t' }, 'label'],
  ])('rejects %s with INCORRECT_PROPERTY_TYPE naming the attribute', async (_name, value, attribute) => {
    const error = await apiError(items().set('bad', value as Item));
    expect(error.code).toBe('INCORRECT_PROPERTY_TYPE');
    expect(error.responseDetails.status).toBe(400);
    expect(error.message).toContain(`'${attribute}'`);
    expect(await items().get('bad')).toBeUndefined();
  });

  it('accepts the edges of the numeric types', async () => {
    await items().set('edges', { rank: -(2 ** 31), score: 9.99e125 });
    await items().set('zero', { rank: 2 ** 31 - 1, score: 0 });
  });

  it('rejects values that are not objects, unknown entities and bad keys', async () => {
    expect((await apiError(kvs.entity('test-item').set('x', 'text'))).code).toBe('INVALID_ENTITY_VALUE');
    const undeclared = await apiError(kvs.entity('nope-entity').set('x', {}));
    expect([undeclared.code, undeclared.responseDetails.status]).toEqual(['SCHEMA_NOT_FOUND', 404]);
    // get swallows only KEY_NOT_FOUND: an undeclared entity still throws.
    expect((await apiError(kvs.entity('nope-entity').get('x'))).code).toBe('SCHEMA_NOT_FOUND');
    expect((await apiError(kvs.entity('ab').get('x'))).code).toBe('ENTITY_TYPE_TOO_SHORT');
    expect((await apiError(items().set('', {}))).code).toBe('EMPTY_KEY');
    expect((await apiError(items().get('a|b'))).code).toBe('INVALID_KEY');
  });

  it('hides expired entities', async () => {
    await items().set('brief', { group: 'g', rank: 1 }, { ttl: { value: 1, unit: 'MINUTES' } });
    t.clock.advance(60_000);
    t.store.settle();
    expect(await items().get('brief')).toBeUndefined();
    expect(
      (
        await items()
          .query()
          .index('by-group', { partition: ['g'] })
          .getMany()
      ).results,
    ).toEqual([]);
  });
});

describe('entity definitions', () => {
  it('reads the real manifest', () => {
    expect(resolveEntityModels(manifestEntities()).size).toBeGreaterThan(0);
  });

  const manifest = (indexes: string) => `
app:
  id: x
  storage:
    entities:
      - name: thing
        attributes:
          a: { type: string }
          blob: { type: any }
        indexes:
${indexes}
`;

  it.each([
    ["an 'any' attribute", '          - blob', /type 'any'/],
    ['an undeclared attribute', '          - { name: by-x, range: [x] }', /undeclared attribute 'x'/],
    ['two range attributes', '          - { name: by-a, range: [a, a] }', /exactly one range attribute/],
    ['the reserved by-key name', '          - { name: by-key, range: [a] }', /reserved/],
  ])('refuses an index on %s', (_name, indexes, message) => {
    expect(() => readEntityDefinitions(manifest(indexes))).toThrow(message);
  });

  it('expands a simple index to one named after its attribute, with no partition', () => {
    const model = resolveEntityModels(readEntityDefinitions(manifest('          - a'))).get('thing');
    expect(model?.indexes.get('a')).toEqual({ name: 'a', partition: [], range: 'a' });
  });

  it('refuses malformed storage sections and tolerates manifests without storage', () => {
    expect(() => readEntityDefinitions('app:\n  storage:\n    entities:\n      - name: x\n')).toThrow(/attributes/);
    expect(readEntityDefinitions('app:\n  id: x\n')).toEqual([]);
  });
});
