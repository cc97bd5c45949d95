import type { Cycle } from '../../contract';
import { notFound } from '../errors';
import type { OkrStore } from '../ports';

export const requireCycle = async (store: OkrStore, id: string, field: string): Promise<Cycle> => {
  const cycle = await store.getCycle(id);
  if (cycle === undefined) throw notFound('Cycle', id, field);
  return cycle;
};

/** Groups items by a key, in input order. */
export const groupBy = <T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> => {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [item]);
    else group.push(item);
  }
  return groups;
};
