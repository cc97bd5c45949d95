import { findLoops } from './find-loops';

interface Item {
  id: string;
  parent?: string;
}

const loopsOf = (items: readonly Item[]): string[][] => {
  const byId = new Map(items.map((i) => [i.id, i]));
  return findLoops(
    items,
    (i) => i.id,
    (i) => (i.parent === undefined ? undefined : byId.get(i.parent)),
  ).map((loop) => loop.map((i) => i.id));
};

describe('findLoops', () => {
  it('finds none in a forest', () => {
    expect(
      loopsOf([{ id: 'a' }, { id: 'b', parent: 'a' }, { id: 'c', parent: 'b' }, { id: 'd', parent: 'gone' }]),
    ).toEqual([]);
  });

  it('names each loop once, without the items hanging below it', () => {
    const items = [
      { id: 'below', parent: 'a' },
      { id: 'a', parent: 'b' },
      { id: 'b', parent: 'c' },
      { id: 'c', parent: 'a' },
      { id: 'self', parent: 'self' },
      { id: 'also-below', parent: 'c' },
    ];
    expect(loopsOf(items)).toEqual([['a', 'b', 'c'], ['self']]);
  });
});
