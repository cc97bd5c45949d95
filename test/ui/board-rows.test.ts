import { indexBoard } from '../../static/src/views/board/board-index';
import { applyFilters, NO_FILTERS } from '../../static/src/views/board/filters';
import type { BoardRow, RowOptions } from '../../static/src/views/board/rows';
import { buildRows, keyResultsOpen, keyResultsToFetch } from '../../static/src/views/board/rows';
import { boardOf, keyResultOf, SAMPLE } from './board-fixtures';

/** The board's rows: what the virtualised list shows, in tree order, for the toggles and filters set. */
const index = indexBoard(boardOf(SAMPLE));
const options = (over: Partial<RowOptions> = {}): RowOptions => ({
  collapsed: new Set(),
  allKeyResultsOpen: false,
  keyResultsToggled: new Set(),
  keyResults: new Map(),
  pages: new Map(),
  ...over,
});
const shape = (rows: readonly BoardRow[]): string[] =>
  rows.map((r) => (r.kind === 'objective' ? `${r.key}${r.dimmed ? '~' : ''}` : `${r.kind}:${r.key}`));

describe('buildRows', () => {
  it('lists objectives in tree order, expanded, without KR rows when they are closed', () => {
    expect(shape(buildRows(index, undefined, options()))).toEqual(['c1', 'a1', 'b2', 'b1', 'c2']);
  });

  it('leaves out the children of a collapsed objective', () => {
    expect(shape(buildRows(index, undefined, options({ collapsed: new Set(['a1']) })))).toEqual([
      'c1',
      'a1',
      'b1',
      'c2',
    ]);
  });

  it('shows a KR placeholder per KR until they load, then the KRs; "none" for an objective without', () => {
    const open = options({ keyResultsToggled: new Set(['a1', 'c2']) });
    expect(shape(buildRows(index, undefined, open))).toEqual([
      'c1',
      'a1',
      'keyResultPending:a1:pending:0',
      'keyResultPending:a1:pending:1',
      'b2',
      'b1',
      'c2',
      'keyResultNone:c2:none',
    ]);
    const loaded = buildRows(
      index,
      undefined,
      options({
        ...open,
        keyResults: new Map([
          ['a1', { status: 'ready', rows: [keyResultOf('a1-k1', 'Import in a day')], stale: false }],
          ['c2', { status: 'error', message: 'boom' }],
        ]),
      }),
    );
    expect(shape(loaded)).toEqual(['c1', 'a1', 'keyResult:a1-k1', 'b2', 'b1', 'c2', 'keyResultPending:c2:error']);
  });

  it('dims context rows of a filter and carries the search words to the rows', () => {
    const filter = applyFilters(index, { ...NO_FILTERS, text: 'payments' });
    const rows = buildRows(index, filter, options());
    expect(shape(rows)).toEqual(['c1~', 'b1']);
    const b1 = rows[1];
    expect(b1?.kind === 'objective' ? b1.words : []).toEqual(['payments']);
  });

  it('ends a node with a "more" row when it has children not loaded, and the roots too', () => {
    const partial = indexBoard(boardOf([{ id: 'r', moreChildren: 150, children: [{ id: 'k' }] }], { moreRoots: 3 }));
    const rows = buildRows(partial, undefined, options());
    expect(shape(rows)).toEqual(['r', 'k', 'more:r:more', 'more::more']);
    expect(rows[2]).toMatchObject({ remaining: 150, parentId: 'r' });
    expect(rows[3]).toMatchObject({ remaining: 3, parentId: undefined });
  });
});

describe('keyResultsOpen and keyResultsToFetch', () => {
  it('opens KR rows for all but the toggled ones, and fetches each objective in the window once', () => {
    expect(keyResultsOpen({ allKeyResultsOpen: true, keyResultsToggled: new Set(['a1']) }, 'a1')).toBe(false);
    expect(keyResultsOpen({ allKeyResultsOpen: true, keyResultsToggled: new Set() }, 'a1')).toBe(true);
    const rows = buildRows(index, undefined, options({ allKeyResultsOpen: true }));
    expect(keyResultsToFetch(rows, 0, rows.length, () => true)).toEqual(['c1', 'a1', 'b2', 'b1', 'c2']);
    expect(keyResultsToFetch(rows, 0, 2, (id) => id !== 'c1')).toEqual([]);
  });
});
