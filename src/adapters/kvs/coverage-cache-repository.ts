import { createHash, randomBytes } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { CachedEpicList, EpicListCache, InProgressEpic } from '../../usecases/ports';
import { coverageEpicsKey } from './registry';

/**
 * coverage.get's cache of Jira's in-progress epics per set of browsable projects, in plain KVS keys (get
 * is strongly consistent). Outside the generations: it mirrors Jira, which an import does not change.
 *
 * One head value keyed by a SHA-256 of the sorted project keys holds the keys themselves (compared on
 * read, so even a hash collision never hands one viewer another set's epics), when Jira answered, and
 * the first part of the list. A longer list goes on in part values named by the head's random stamp,
 * written before the head, so a head only ever names parts that are complete. A value is at most 240 KiB
 * (docs: limits-kvs-ce; shared/design/forge-platform.md 2.4); parts are cut at 200,000 bytes, leaving
 * room for the head's own fields. Over MAX_PARTS parts the list is not cached.
 * Nothing here retries a quota refusal: a cache that costs waiting is worse than none.
 */

const PART_BYTES = 200_000;
/** 16 parts: about 3.2 MB, some 25,000 epics of ordinary summaries. */
export const MAX_PARTS = 16;
/** Freshness is the caller's (fetchedAt against its clock); the TTL only clears sets nobody asks for any more. */
const TTL = { value: 1, unit: 'HOURS' } as const;

/** [id, key, summary, statusName, projectKey, created]: positional, a third of the size of named fields. */
const EpicTuple = z.tuple([z.string(), z.string(), z.string(), z.string(), z.string(), z.iso.datetime()]);
type EpicTuple = z.infer<typeof EpicTuple>;

const Head = z.object({
  schemaVersion: z.literal(1),
  projectKeys: z.array(z.string()),
  fetchedAt: z.iso.datetime(),
  stamp: z.string(),
  parts: z.number().int().min(1).max(MAX_PARTS),
  epics: z.array(EpicTuple),
});
const Part = z.object({ schemaVersion: z.literal(1), stamp: z.string(), epics: z.array(EpicTuple) });

const setKeyOf = (projectKeys: readonly string[]): { sorted: string[]; head: string } => {
  const sorted = [...new Set(projectKeys)].sort();
  return { sorted, head: coverageEpicsKey(createHash('sha256').update(sorted.join(',')).digest('hex').slice(0, 40)) };
};
const partKey = (head: string, stamp: string, n: number): string => `${head}:${stamp}:${String(n)}`;

const tupleOf = (e: InProgressEpic): EpicTuple => [e.id, e.key, e.summary, e.statusName, e.projectKey, e.created];
const epicOf = ([id, key, summary, statusName, projectKey, created]: EpicTuple): InProgressEpic => ({
  id,
  key,
  summary,
  statusName,
  projectKey,
  created,
});

/** The tuples cut into runs of at most PART_BYTES of JSON each. */
const partsOf = (tuples: readonly EpicTuple[]): EpicTuple[][] => {
  const parts: EpicTuple[][] = [[]];
  let bytes = 0;
  for (const tuple of tuples) {
    const size = Buffer.byteLength(JSON.stringify(tuple), 'utf8') + 1;
    const current = parts[parts.length - 1] ?? [];
    if (bytes + size > PART_BYTES && current.length > 0) {
      parts.push([tuple]);
      bytes = size;
    } else {
      current.push(tuple);
      bytes += size;
    }
  }
  return parts;
};

const sameKeys = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((k, i) => k === b[i]);

export const coverageEpics: EpicListCache = {
  async read(projectKeys): Promise<CachedEpicList | undefined> {
    const { sorted, head: key } = setKeyOf(projectKeys);
    const raw = await kvs.get<unknown>(key);
    if (raw === undefined) return undefined;
    const head = Head.safeParse(raw);
    if (!head.success || !sameKeys(head.data.projectKeys, sorted)) return undefined;
    const tuples = [...head.data.epics];
    if (head.data.parts > 1) {
      const keys = Array.from({ length: head.data.parts - 1 }, (_, i) => partKey(key, head.data.stamp, i + 1));
      const answer = await kvs.batchGet<unknown>(keys.map((k) => ({ key: k })));
      const byKey = new Map(answer.successfulKeys.map((item) => [item.key, item.value]));
      for (const k of keys) {
        const part = Part.safeParse(byKey.get(k));
        // A part gone (expired) or not this head's: the list is incomplete, so it is no list at all.
        if (!part.success || part.data.stamp !== head.data.stamp) return undefined;
        tuples.push(...part.data.epics);
      }
    }
    return { fetchedAt: head.data.fetchedAt, epics: tuples.map(epicOf) };
  },

  async write(projectKeys, list): Promise<void> {
    // Who sees a secured epic is more than who may browse its project: never shared by project set.
    if (list.epics.some((e) => e.secured === true)) throw new Error('a list with secured epics is not cached');
    const parts = partsOf(list.epics.map(tupleOf));
    if (parts.length > MAX_PARTS) throw new Error(`${String(list.epics.length)} epics need more than ${String(MAX_PARTS)} parts`);
    const { sorted, head: key } = setKeyOf(projectKeys);
    const stamp = randomBytes(6).toString('hex');
    const rest = parts.slice(1).map((epics, i) => ({ key: partKey(key, stamp, i + 1), value: { schemaVersion: 1, stamp, epics }, options: { ttl: TTL } }));
    // A batch takes at most 25 keys and 4 MB (docs: storage-reference/batchops-entities): 15 parts of 200 KB fit one.
    if (rest.length > 0) {
      const result = await kvs.batchSet(rest);
      if (result.failedKeys.length > 0) throw new Error(`${String(result.failedKeys.length)} cache parts not written`);
    }
    const head = { schemaVersion: 1, projectKeys: sorted, fetchedAt: list.fetchedAt, stamp, parts: parts.length, epics: parts[0] ?? [] };
    await kvs.set(key, head, { ttl: TTL });
  },
};
