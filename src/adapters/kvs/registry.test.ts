import { SHARD_COUNT, shardOf } from './registry';

describe('shardOf', () => {
  it('is stable and spreads ids over the 16 shards', () => {
    expect(shardOf('abcdefghijkl')).toBe(shardOf('abcdefghijkl'));
    const counts = new Array<number>(SHARD_COUNT).fill(0);
    for (let i = 0; i < 1600; i++) counts[shardOf(i.toString(36).padStart(12, '0'))] = (counts[shardOf(i.toString(36).padStart(12, '0'))] ?? 0) + 1;
    expect(Math.min(...counts)).toBeGreaterThan(50);
  });
});
