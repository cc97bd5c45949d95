/**
 * Nesting depth of a JSON-like value, measured without recursion so a hostile payload cannot overflow
 * the stack while being measured (issue #10: a payload 5,000 levels deep made JSON.stringify in the
 * size check throw RangeError, answered as HTTP 500).
 *
 * Forge documents a size limit for invoke payloads (500 KB, developer.atlassian.com/platform/forge/
 * limits-invocation) but no depth limit; the local runtime cannot serialise unbounded depth, so it
 * refuses anything deeper than MAX_PAYLOAD_DEPTH with a 400. 128 is the depth common JSON parsers stop
 * at (serde_json's default); Cadence's own payloads nest fewer than 10 levels. Forge storage is
 * stricter still (depth 31, enforced by local/platform/kvs/item-rules.ts).
 */
export const MAX_PAYLOAD_DEPTH = 128;

/** A primitive is 0, `{}` and `[]` are 1. Stops counting once past `stopAfter`. */
export const jsonDepth = (value: unknown, stopAfter = Number.POSITIVE_INFINITY): number => {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, depth] = next;
    if (node === null || typeof node !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > stopAfter) return deepest;
    for (const child of Object.values(node)) {
      if (child !== null && typeof child === 'object') pending.push([child, level]);
    }
  }
  return deepest;
};
