import type { TrackStatus } from '../contract';

/**
 * The one board filter rule (issue #11), for board.get / board.children and for the board's own filter
 * bar, so a team filter shows the same objectives on the board and in the macro.
 *
 * Scope (team, owner): an objective matches by its own team and its own owner (the objective owner, not
 * the owners of its KRs). The tree then keeps each match with its ancestors, so a deep match is seen
 * where it sits, and its descendants, since what aligns under a team's objective is part of its picture.
 *
 * Refinements (status, band, findings, text): they narrow what the scope keeps, and each match is kept
 * with its ancestors only (a text match deep in a company branch should not bring the whole branch).
 */

export interface BoardScope {
  readonly teamId?: string | undefined;
  readonly ownerAccountId?: string | undefined;
}

/** What the scope looks at on an objective. */
export interface Scoped {
  readonly teamId?: string | undefined;
  readonly ownerAccountId: string;
}

export const isScoped = (scope: BoardScope): boolean =>
  scope.teamId !== undefined || scope.ownerAccountId !== undefined;

export const matchesScope = (objective: Scoped, scope: BoardScope): boolean =>
  (scope.teamId === undefined || objective.teamId === scope.teamId) &&
  (scope.ownerAccountId === undefined || objective.ownerAccountId === scope.ownerAccountId);

/**
 * The status filter (the summary's counts): published objectives in that status. Drafts are in no
 * status count (domain/status.ts summarizeStatuses), so they are in no status filter either.
 */
export const inStatus = (
  objective: { readonly status: string; readonly track: TrackStatus },
  track: TrackStatus,
): boolean => objective.status === 'published' && objective.track === track;

/**
 * The "forecast disagrees" filter (issue #13, the board's summary offers it beside the status counts):
 * published objectives with an active KR whose forecast contradicts its owner's latest confidence
 * (domain/forecast.ts forecastDisagreement; the backend counts them in keyResultSummary.forecastMisses).
 * Drafts are in no count, as in the status filter.
 */
export const disagreesWithForecast = (objective: {
  readonly status: string;
  readonly keyResultSummary: { readonly forecastMisses: number };
}): boolean => objective.status === 'published' && objective.keyResultSummary.forecastMisses > 0;

/** A forest as each side holds it: the backend's index nodes, the board's loaded entries. */
export interface Forest<N> {
  readonly roots: readonly N[];
  readonly childrenOf: (node: N) => readonly N[];
  readonly idOf: (node: N) => string;
}

/** The objectives a rule keeps, by why: each id is in exactly one of the three sets. */
export interface Kept {
  readonly matched: ReadonlySet<string>;
  /** Ancestors of a match that do not match themselves: context (views dim them). */
  readonly above: ReadonlySet<string>;
  /** Descendants of a match that do not match themselves (only with `withDescendants`). */
  readonly below: ReadonlySet<string>;
}

export const keptIds = (kept: Kept): Set<string> => new Set([...kept.matched, ...kept.above, ...kept.below]);

/**
 * Keeps the matches with their ancestors and, when asked, their descendants. One depth-first pass with
 * an explicit stack (a deep chain must not exhaust the call stack); nodes reachable twice (never, in a
 * checked alignment tree) are visited once.
 */
export const keepWithContext = <N>(
  forest: Forest<N>,
  matches: (node: N) => boolean,
  withDescendants: boolean,
): Kept => {
  const matched = new Set<string>();
  const above = new Set<string>();
  const below = new Set<string>();
  const parentOf = new Map<string, string | undefined>();
  const seen = new Set<string>();
  const stack: { node: N; parentId: string | undefined; underMatch: boolean }[] = [...forest.roots]
    .reverse()
    .map((node) => ({ node, parentId: undefined, underMatch: false }));
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const id = forest.idOf(item.node);
    if (seen.has(id)) continue;
    seen.add(id);
    parentOf.set(id, item.parentId);
    const self = matches(item.node);
    if (self) {
      matched.add(id);
      // Walk up until an ancestor already kept: each objective is added at most once.
      let at = item.parentId;
      while (at !== undefined && !matched.has(at) && !above.has(at) && !below.has(at)) {
        above.add(at);
        at = parentOf.get(at);
      }
    } else if (withDescendants && item.underMatch) {
      below.add(id);
    }
    const underMatch = item.underMatch || self;
    for (const child of [...forest.childrenOf(item.node)].reverse())
      stack.push({ node: child, parentId: id, underMatch });
  }
  return { matched, above, below };
};

/** The scope's objectives with their context; undefined when nothing is scoped (everything is kept). */
export const keepInScope = <N>(
  forest: Forest<N>,
  scopedOf: (node: N) => Scoped,
  scope: BoardScope,
): Kept | undefined =>
  isScoped(scope) ? keepWithContext(forest, (node) => matchesScope(scopedOf(node), scope), true) : undefined;

/**
 * Text search: case- and accent-insensitive, every word of the query somewhere in the text (so
 * "churn enterprise" finds "Reduce enterprise churn"). An empty query matches everything.
 */
export const searchWords = (query: string): string[] =>
  normalize(query)
    .split(/\s+/u)
    .filter((w) => w !== '');

export const matchesText = (texts: readonly string[], words: readonly string[]): boolean => {
  if (words.length === 0) return true;
  const haystack = texts.map(normalize).join('\n');
  return words.every((w) => haystack.includes(w));
};

/**
 * Where the query's words occur in a text, as sorted, non-overlapping [start, end) ranges of the
 * original string, for highlighting. Normalising keeps every character's position (one accent-free,
 * lower-case character per character; see normalize), so ranges map back one to one.
 */
export const matchRanges = (text: string, words: readonly string[]): [number, number][] => {
  const haystack = normalize(text);
  const ranges: [number, number][] = [];
  for (const word of words) {
    for (let at = haystack.indexOf(word); at !== -1; at = haystack.indexOf(word, at + word.length)) {
      ranges.push([at, at + word.length]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
};

/**
 * Lower case without accents, one character for one character ("Één" -> "een"), so positions in the
 * result are positions in the original. A character whose folded form has another length (a lone
 * combining mark folds to nothing) stays as it is.
 */
const normalize = (text: string): string => {
  let out = '';
  for (const ch of text) {
    const folded = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
};
