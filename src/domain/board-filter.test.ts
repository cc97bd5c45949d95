import type { Forest } from './board-filter';
import {
  disagreesWithForecast,
  inStatus,
  isScoped,
  keepInScope,
  keepWithContext,
  keptIds,
  matchesScope,
  matchesText,
  matchRanges,
  searchWords,
} from './board-filter';

interface Node {
  id: string;
  teamId?: string;
  ownerAccountId: string;
  children: Node[];
}
const node = (id: string, teamId: string | undefined, owner: string, children: Node[] = []): Node => ({
  id,
  ...(teamId === undefined ? {} : { teamId }),
  ownerAccountId: owner,
  children,
});
const forestOf = (roots: Node[]): Forest<Node> => ({ roots, childrenOf: (n) => n.children, idOf: (n) => n.id });

// company c1 -> team a1 (team A) -> individual i1 (team B, owned by bob); c1 -> team b1 (team B)
const tree = forestOf([
  node('c1', undefined, 'ceo', [node('a1', 'A', 'ann', [node('i1', 'B', 'bob')]), node('b1', 'B', 'bob')]),
  node('c2', undefined, 'ceo'),
]);
const sorted = (set: ReadonlySet<string>): string[] => [...set].sort();

describe('scope', () => {
  it('matches by the objective’s own team and owner', () => {
    expect(isScoped({})).toBe(false);
    expect(isScoped({ teamId: 'A' })).toBe(true);
    expect(isScoped({ ownerAccountId: 'bob' })).toBe(true);
    expect(matchesScope({ teamId: 'A', ownerAccountId: 'ann' }, { teamId: 'A' })).toBe(true);
    expect(matchesScope({ teamId: 'A', ownerAccountId: 'ann' }, { teamId: 'A', ownerAccountId: 'bob' })).toBe(false);
    expect(matchesScope({ ownerAccountId: 'ann' }, { teamId: 'A' })).toBe(false);
    expect(matchesScope({ ownerAccountId: 'ann' }, {})).toBe(true);
  });

  it('keeps the matches with their ancestors above and their descendants below', () => {
    const kept = keepInScope(tree, (n) => n, { teamId: 'A' });
    expect(kept && sorted(kept.matched)).toEqual(['a1']);
    expect(kept && sorted(kept.above)).toEqual(['c1']);
    expect(kept && sorted(kept.below)).toEqual(['i1']);
    expect(kept && sorted(keptIds(kept))).toEqual(['a1', 'c1', 'i1']);
  });

  it('counts a descendant that matches itself as a match, and adds shared ancestors once', () => {
    const kept = keepInScope(tree, (n) => n, { teamId: 'B' });
    expect(kept && sorted(kept.matched)).toEqual(['b1', 'i1']);
    expect(kept && sorted(kept.above)).toEqual(['a1', 'c1']);
    expect(kept && sorted(kept.below)).toEqual([]);
    const underMatch = keepInScope(tree, (n) => n, { ownerAccountId: 'ceo' });
    expect(underMatch && sorted(underMatch.matched)).toEqual(['c1', 'c2']);
    expect(underMatch && sorted(underMatch.below)).toEqual(['a1', 'b1', 'i1']);
  });

  it('keeps everything (undefined) without a scope', () => {
    expect(keepInScope(tree, (n) => n, {})).toBeUndefined();
  });
});

describe('inStatus', () => {
  it('counts published objectives only, as the summary does', () => {
    expect(inStatus({ status: 'published', track: 'behind' }, 'behind')).toBe(true);
    expect(inStatus({ status: 'published', track: 'on_pace' }, 'behind')).toBe(false);
    expect(inStatus({ status: 'draft', track: 'behind' }, 'behind')).toBe(false);
  });
});

describe('disagreesWithForecast', () => {
  it('keeps published objectives with a KR whose forecast disagrees, as board.get counts them', () => {
    expect(disagreesWithForecast({ status: 'published', keyResultSummary: { forecastMisses: 1 } })).toBe(true);
    expect(disagreesWithForecast({ status: 'published', keyResultSummary: { forecastMisses: 0 } })).toBe(false);
    expect(disagreesWithForecast({ status: 'draft', keyResultSummary: { forecastMisses: 2 } })).toBe(false);
  });
});

describe('keepWithContext', () => {
  it('keeps ancestors only when asked for no descendants', () => {
    const kept = keepWithContext(tree, (n) => n.id === 'a1', false);
    expect(sorted(keptIds(kept))).toEqual(['a1', 'c1']);
  });

  it('visits a node reachable twice once', () => {
    const shared = node('s', undefined, 'x');
    const kept = keepWithContext(
      forestOf([node('r1', undefined, 'x', [shared]), node('r2', undefined, 'x', [shared])]),
      (n) => n.id === 's',
      false,
    );
    expect(sorted(kept.matched)).toEqual(['s']);
    expect(sorted(kept.above)).toEqual(['r1']);
  });
});

describe('text', () => {
  it('finds every word, in any order, ignoring case and accents', () => {
    const words = searchWords('  Enterprise   CHURN ');
    expect(words).toEqual(['enterprise', 'churn']);
    expect(matchesText(['Reduce enterprise churn'], words)).toBe(true);
    expect(matchesText(['Reduce churn', 'Win enterprise deals'], words)).toBe(true);
    expect(matchesText(['Reduce churn'], words)).toBe(false);
    expect(matchesText(['Één team'], searchWords('een'))).toBe(true);
    expect(matchesText(['anything'], searchWords('   '))).toBe(true);
  });

  it('gives merged ranges in the original string for highlighting', () => {
    expect(matchRanges('Reduce enterprise churn', searchWords('churn ent'))).toEqual([
      [7, 10],
      [18, 23],
    ]);
    expect(matchRanges('aaaa', searchWords('aa a'))).toEqual([[0, 4]]);
    expect(matchRanges('Café crème', searchWords('creme'))).toEqual([[5, 10]]);
    // A lone combining mark would fold to nothing: it stays, so positions still line up.
    expect(matchRanges('Cafe\u0301 tour', searchWords('tour'))).toEqual([[6, 10]]);
    expect(matchRanges('nothing', searchWords('zz'))).toEqual([]);
  });
});
