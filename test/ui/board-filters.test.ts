import type { KeyResultsState } from '../../static/src/views/board/rows';
import { indexBoard } from '../../static/src/views/board/board-index';
import { applyFilters, isFiltering, NO_FILTERS, scopeOf } from '../../static/src/views/board/filters';
import { boardOf, keyResultOf, SAMPLE } from './board-fixtures';

/**
 * The filter bar's adapter over the domain's board filter rule: the scope (team, objective owner) keeps
 * its matches with their ancestors and descendants, as board.get does; the rest narrow with ancestors.
 */
const index = indexBoard(boardOf(SAMPLE));
const sorted = (set: ReadonlySet<string> | undefined): string[] => [...(set ?? [])].sort();

describe('applyFilters', () => {
  it('filters nothing (undefined) without filters', () => {
    expect(isFiltering(NO_FILTERS)).toBe(false);
    expect(applyFilters(index, NO_FILTERS)).toBeUndefined();
    expect(scopeOf(NO_FILTERS)).toEqual({});
  });

  it('keeps a team’s objectives with the objectives above (dimmed) and what aligns under them', () => {
    const result = applyFilters(index, { ...NO_FILTERS, teamId: 'team-a' });
    expect(sorted(result?.shown)).toEqual(['a1', 'b2', 'c1']);
    // a1 matches; b2 (another team's, aligned under it) reads normally; c1 is context.
    expect(sorted(result?.matched)).toEqual(['a1', 'b2']);
    expect(scopeOf({ ...NO_FILTERS, teamId: 'team-a', ownerId: 'acc-ann' })).toEqual({
      teamId: 'team-a',
      ownerAccountId: 'acc-ann',
    });
  });

  it('means the objective’s owner, not the owners of its KRs', () => {
    expect(sorted(applyFilters(index, { ...NO_FILTERS, ownerId: 'acc-kim' })?.shown)).toEqual([]);
    expect(sorted(applyFilters(index, { ...NO_FILTERS, ownerId: 'acc-bob' })?.matched)).toEqual(['b1', 'b2']);
  });

  it('narrows by status (published only), grade and findings, with ancestors as context', () => {
    const behind = applyFilters(index, { ...NO_FILTERS, track: 'behind' });
    expect(sorted(behind?.matched)).toEqual(['b1', 'c2']);
    expect(sorted(behind?.shown)).toEqual(['b1', 'c1', 'c2']);
    expect(sorted(applyFilters(index, { ...NO_FILTERS, track: 'on_pace' })?.matched)).toEqual(['a1', 'c1']);
    expect(sorted(applyFilters(index, { ...NO_FILTERS, band: 'red' })?.matched)).toEqual(['b1']);
    expect(sorted(applyFilters(index, { ...NO_FILTERS, band: 'none' })?.matched)).toEqual(['a1', 'b2', 'c1']);
    expect(sorted(applyFilters(index, { ...NO_FILTERS, hasFindings: true })?.matched)).toEqual([]);
  });

  it('narrows within the scope only', () => {
    const result = applyFilters(index, { ...NO_FILTERS, teamId: 'team-b', track: 'behind' });
    expect(sorted(result?.matched)).toEqual(['b1']);
  });

  it('searches objective titles and the KR titles loaded, by every word, and gives the words', () => {
    const byTitle = applyFilters(index, { ...NO_FILTERS, text: 'PAYMENTS cut' });
    expect(sorted(byTitle?.matched)).toEqual(['b1']);
    expect(byTitle?.words).toEqual(['payments', 'cut']);
    const keyResults = new Map<string, KeyResultsState>([
      ['c2', { status: 'ready', rows: [keyResultOf('c2-k1', 'Reach 50,000 visitors a month')], stale: false }],
      ['a1', { status: 'error', message: 'boom' }],
    ]);
    expect(sorted(applyFilters(index, { ...NO_FILTERS, text: 'visitors' }, keyResults)?.matched)).toEqual(['c2']);
    expect(sorted(applyFilters(index, { ...NO_FILTERS, text: 'visitors' })?.matched)).toEqual([]);
  });
});
