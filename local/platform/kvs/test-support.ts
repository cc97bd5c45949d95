/**
 * Test wiring: contract tests drive the real @forge/kvs through the runtime's real `__forge_fetch__`
 * router (local/platform/forge-fetch.ts), with no product backend and no faults.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ForgeKvsAPIError } from '@forge/kvs';
import { openDatabase } from '../db';
import type { Db } from '../db';
import { createFaultInjector } from '../faults';
import { createForgeFetch } from '../forge-fetch';
import type { KvsBackend } from '../types';
import { createKvsStore } from './create-kvs-store';
import type { KvsStore, KvsStoreOptions } from './create-kvs-store';
import { readEntityDefinitions } from './entity-definitions';
import type { EntityDefinition } from './entity-definitions';

/** Installs the router as the fetch global @forge/kvs reads on every call; returns a restore function. */
export const installKvsFetch = (store: KvsBackend): (() => void) => {
  const previous: unknown = Reflect.get(globalThis, '__forge_fetch__');
  Reflect.set(
    globalThis,
    '__forge_fetch__',
    createForgeFetch({ kvs: store, products: {}, faults: createFaultInjector() }),
  );
  return () => Reflect.set(globalThis, '__forge_fetch__', previous);
};

/** Entities only tests use, covering every attribute type and index shape. */
export const TEST_ENTITIES: EntityDefinition[] = [
  {
    name: 'test-item',
    attributes: {
      group: { type: 'string' },
      region: { type: 'string' },
      label: { type: 'string' },
      rank: { type: 'integer' },
      score: { type: 'float' },
      active: { type: 'boolean' },
      tags: { type: 'any' },
    },
    indexes: [
      'label',
      { name: 'by-group', partition: ['group'], range: ['rank'] },
      { name: 'by-group-region', partition: ['group', 'region'], range: ['label'] },
      { name: 'by-active', partition: ['active'], range: ['score'] },
    ],
  },
];

/** A second entity, to show entities stay apart without depending on the app's manifest. */
TEST_ENTITIES.push({ name: 'test-other', attributes: { label: { type: 'string' } }, indexes: ['label'] });
/** Shaped like a board's objectives, for the scale suite: two-attribute partitions, a string range. */
TEST_ENTITIES.push({
  name: 'test-scale',
  attributes: {
    cycleId: { type: 'string' },
    shard: { type: 'integer' },
    teamId: { type: 'string' },
    updatedAt: { type: 'string' },
  },
  indexes: [
    { name: 'by-cycle-shard', partition: ['cycleId', 'shard'], range: ['updatedAt'] },
    { name: 'by-cycle-team', partition: ['cycleId', 'teamId'], range: ['updatedAt'] },
  ],
});

export const manifestEntities = (): EntityDefinition[] =>
  readEntityDefinitions(readFileSync(path.join(__dirname, '..', '..', '..', 'manifest.yml'), 'utf8'));

/** A controllable clock (epoch ms) for TTL tests. */
export interface TestClock {
  now: () => number;
  advance: (ms: number) => void;
}

export const testClock = (start = Date.UTC(2026, 0, 5, 9, 0, 0)): TestClock => {
  let current = start;
  return { now: () => current, advance: (ms) => (current += ms) };
};

export interface TestStore {
  db: Db;
  /** `store.settle()` models waiting out the query-visibility window (writes become visible to queries). */
  store: KvsStore;
  clock: TestClock;
  uninstall: () => void;
}

/** An in-memory store with the real manifest's entities plus TEST_ENTITIES, wired into @forge/kvs. */
export const startTestStore = (file = ':memory:', options: Omit<KvsStoreOptions, 'now'> = {}): TestStore => {
  const db = openDatabase(file);
  const clock = testClock();
  const store = createKvsStore(db, [...manifestEntities(), ...TEST_ENTITIES], { ...options, now: clock.now });
  return { db, store, clock, uninstall: installKvsFetch(store) };
};

/** The ForgeKvsAPIError a call fails with (fails the test if it succeeds or fails differently). */
export const apiError = async (call: Promise<unknown>): Promise<ForgeKvsAPIError> => {
  try {
    await call;
  } catch (error) {
    if (error instanceof ForgeKvsAPIError) return error;
    throw error;
  }
  throw new Error('expected the KVS call to fail');
};

/** Typed stand-ins for jest's asymmetric matchers (which are `any`), for use inside expected objects. */
export const containing = (text: string): unknown => expect.stringContaining(text);
export const anyString = (): unknown => expect.any(String);
