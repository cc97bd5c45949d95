/**
 * Loops in a graph where each item has at most one parent (a forest unless the data is corrupt). Each
 * item is walked at most once, so this is O(n) and terminates whatever the data holds. Each loop is
 * returned once, starting where the walk entered it; items that merely hang below a loop are not in it.
 */
export const findLoops = <T>(
  items: Iterable<T>,
  key: (item: T) => string,
  parentOf: (item: T) => T | undefined,
): T[][] => {
  const done = new Set<string>();
  const loops: T[][] = [];
  for (const start of items) {
    const path: T[] = [];
    const positionOnPath = new Map<string, number>();
    let item: T | undefined = start;
    while (item !== undefined && !done.has(key(item))) {
      const at = positionOnPath.get(key(item));
      if (at !== undefined) {
        loops.push(path.slice(at));
        break;
      }
      positionOnPath.set(key(item), path.length);
      path.push(item);
      item = parentOf(item);
    }
    for (const visited of path) done.add(key(visited));
  }
  return loops;
};
