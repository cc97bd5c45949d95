import type { BoardKeyResult } from '../../../../src/contract';
import type { BoardIndex, ObjectiveEntry } from './board-index';
import type { FilterResult } from './filters';
import type { PageState } from './use-board-pages';

/** The KR rows of one objective as the board holds them, once answered (until then: loading). */
export type KeyResultsState =
  | {
      readonly status: 'ready';
      readonly rows: readonly BoardKeyResult[];
      /** From before the board's last reload. */ readonly stale: boolean;
    }
  | { readonly status: 'error'; readonly message: string };

/** One line of the virtualised list. Keys are stable across reloads so React keeps rows (and focus). */
export type BoardRow =
  | {
      readonly kind: 'objective';
      readonly key: string;
      readonly entry: ObjectiveEntry;
      readonly depth: number;
      readonly hasChildren: boolean;
      readonly expanded: boolean;
      readonly keyResultsOpen: boolean;
      /** Shown only as the ancestor of a filter match. */
      readonly dimmed: boolean;
      /** The search's words, marked in the title. */
      readonly words: readonly string[];
    }
  | {
      readonly kind: 'keyResult';
      readonly key: string;
      readonly objectiveId: string;
      readonly depth: number;
      readonly keyResult: BoardKeyResult;
      readonly canEdit: boolean;
      readonly words: readonly string[];
    }
  | {
      /** A KR row not loaded yet (one per KR the summary counts) or, with `error`, one row saying it failed. */
      readonly kind: 'keyResultPending';
      readonly key: string;
      readonly objectiveId: string;
      readonly depth: number;
      readonly error: string | undefined;
    }
  | {
      /** Children (or roots, parentId undefined) not loaded yet: a button to load them, or its state. */
      readonly kind: 'more';
      readonly key: string;
      readonly parentId: string | undefined;
      readonly depth: number;
      readonly remaining: number;
      readonly state: PageState | undefined;
    }
  | {
      readonly kind: 'keyResultNone';
      readonly key: string;
      readonly objectiveId: string;
      readonly depth: number;
      readonly canEdit: boolean;
    };

export interface RowOptions {
  readonly collapsed: ReadonlySet<string>;
  /** KR rows are open for every objective when true, except the toggled ones (and the reverse). */
  readonly allKeyResultsOpen: boolean;
  readonly keyResultsToggled: ReadonlySet<string>;
  readonly keyResults: ReadonlyMap<string, KeyResultsState>;
  /** Pages of children in flight or failed, by parent id ('' for the roots). */
  readonly pages: ReadonlyMap<string, PageState>;
}

export const keyResultsOpen = (
  options: Pick<RowOptions, 'allKeyResultsOpen' | 'keyResultsToggled'>,
  id: string,
): boolean => options.allKeyResultsOpen !== options.keyResultsToggled.has(id);

const NO_WORDS: readonly string[] = [];

const pushKeyResultRows = (
  out: BoardRow[],
  entry: ObjectiveEntry,
  depth: number,
  state: KeyResultsState | undefined,
  words: readonly string[],
): void => {
  const o = entry.objective;
  if (state?.status === 'ready') {
    if (state.rows.length === 0)
      out.push({ kind: 'keyResultNone', key: `${o.id}:none`, objectiveId: o.id, depth, canEdit: o.canEdit });
    for (const keyResult of state.rows) {
      out.push({
        kind: 'keyResult',
        key: keyResult.id,
        objectiveId: o.id,
        depth,
        keyResult,
        canEdit: o.canEdit,
        words,
      });
    }
    return;
  }
  if (state?.status === 'error') {
    out.push({ kind: 'keyResultPending', key: `${o.id}:error`, objectiveId: o.id, depth, error: state.message });
    return;
  }
  // Not loaded yet: the summary says how many rows will come, so the list keeps its size when they do.
  const count = o.keyResultSummary.count;
  if (count === 0)
    out.push({ kind: 'keyResultNone', key: `${o.id}:none`, objectiveId: o.id, depth, canEdit: o.canEdit });
  for (let i = 0; i < count; i++) {
    out.push({
      kind: 'keyResultPending',
      key: `${o.id}:pending:${String(i)}`,
      objectiveId: o.id,
      depth,
      error: undefined,
    });
  }
};

/**
 * The rows on the board, in tree order: each shown objective, then (when open) its KR rows, then (when
 * expanded) its child objectives. Linear in the rows produced; recomputed only when the board, the
 * filters, a toggle or a batch of KR rows changes, never while scrolling.
 */
export const buildRows = (index: BoardIndex, filter: FilterResult | undefined, options: RowOptions): BoardRow[] => {
  const out: BoardRow[] = [];
  const words = filter?.words ?? NO_WORDS;
  const visit = (id: string): void => {
    const entry = index.byId.get(id);
    if (entry === undefined || (filter !== undefined && !filter.shown.has(id))) return;
    const children = filter === undefined ? entry.childIds : entry.childIds.filter((c) => filter.shown.has(c));
    // Children not loaded yet can be: a filter only sees what is loaded, so they may hold matches.
    const remaining = entry.childCount - entry.childIds.length;
    const page = options.pages.get(id);
    const loadedOrLoading = entry.childIds.length > 0 || page !== undefined;
    const expanded = !options.collapsed.has(id) && loadedOrLoading;
    const open = keyResultsOpen(options, id);
    out.push({
      kind: 'objective',
      key: id,
      entry,
      depth: entry.depth,
      hasChildren: children.length > 0 || remaining > 0,
      expanded,
      keyResultsOpen: open,
      dimmed: filter !== undefined && !filter.matched.has(id),
      words,
    });
    if (open) pushKeyResultRows(out, entry, entry.depth + 1, options.keyResults.get(id), words);
    if (!expanded) return;
    for (const child of children) visit(child);
    if (remaining > 0 || page !== undefined) {
      out.push({ kind: 'more', key: `${id}:more`, parentId: id, depth: entry.depth + 1, remaining, state: page });
    }
  };
  // Recursion goes as deep as the longest alignment chain: a handful of levels in practice.
  for (const id of index.rootIds) visit(id);
  const rootPage = options.pages.get('');
  if (index.moreRoots > 0 || rootPage !== undefined) {
    out.push({
      kind: 'more',
      key: ':more',
      parentId: undefined,
      depth: 0,
      remaining: index.moreRoots,
      state: rootPage,
    });
  }
  return out;
};

/** Objectives whose KR rows fall in [start, end] of `rows` and that `needs` says to fetch. */
export const keyResultsToFetch = (
  rows: readonly BoardRow[],
  start: number,
  end: number,
  needs: (objectiveId: string) => boolean,
): string[] => {
  const ids: string[] = [];
  let last = '';
  for (let i = Math.max(0, start); i <= end && i < rows.length; i++) {
    const row = rows[i];
    if (row === undefined || row.kind === 'objective' || row.kind === 'more' || row.objectiveId === last) continue;
    last = row.objectiveId;
    if (needs(row.objectiveId)) ids.push(row.objectiveId);
  }
  return ids;
};
