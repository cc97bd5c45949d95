import { hasApplied, remember, REMEMBERED_REQUESTS } from './applied-requests';

describe('applied requests', () => {
  it('remembers a key and recognises it', () => {
    const applied = remember(undefined, 'a');
    expect(hasApplied(applied, 'a')).toBe(true);
    expect(hasApplied(applied, 'b')).toBe(false);
    expect(hasApplied(applied, undefined)).toBe(false);
  });

  it('keeps only the most recent keys, newest last, without repeats', () => {
    let applied: string[] = [];
    for (let i = 0; i < REMEMBERED_REQUESTS + 3; i++) applied = remember(applied, `k${String(i)}`);
    expect(applied).toHaveLength(REMEMBERED_REQUESTS);
    expect(applied[0]).toBe('k3');
    expect(remember(applied, 'k3').at(-1)).toBe('k3');
    expect(remember(applied, 'k3')).toHaveLength(REMEMBERED_REQUESTS);
  });

  it('leaves the list as it is without a key', () => {
    expect(remember(['x'], undefined)).toEqual(['x']);
  });
});
