import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { t } from '../../app/i18n';
import type { BoardActions } from './board-actions';
import { ROW_HEIGHT } from './board-actions';
import type { BoardIndex } from './board-index';
import { BoardKeyResultRow, NoKeyResultsRow, PendingKeyResultRow } from './board-key-result-row';
import { MoreRow } from './more-row';
import { observeRectAfterLayout, scrollAfterFirstWrite } from './viewport-options';
import { ObjectiveRow } from './objective-row';
import { BOARD_MARKS, markAfterPaint, markOnce } from './perf-marks';
import type { BoardRow, KeyResultsState } from './rows';
import { keyResultsToFetch } from './rows';
import type { KeyResultStore } from './use-key-result-rows';

/** Rows rendered beyond the viewport on each side: smooth scrolling without rendering the board. */
const OVERSCAN = 8;
/** KR rows are asked for this many rows ahead of the viewport, so they are usually there on arrival. */
const PREFETCH = 30;
/** Scrolling moves the window every frame; asking once it settles keeps calls to one per stop. */
const FETCH_DELAY_MS = 80;
/** The sticky column header sits above the rows inside the scroll viewport (board.css). */
const HEAD_HEIGHT = 32;
/**
 * The viewport's height: Forge sizes the frame to its content, so the list scrolls inside a viewport
 * of its own, as tall as the rows up to this cap (no empty box under a short board).
 */
const VIEWPORT_MAX = 640;

const heightOf = (row: BoardRow | undefined): number =>
  row?.kind === 'objective' ? ROW_HEIGHT.objective : ROW_HEIGHT.keyResult;

function RowContent({ row, index, actions }: { row: BoardRow; index: BoardIndex; actions: BoardActions }) {
  switch (row.kind) {
    case 'objective': {
      const kpi = row.entry.objective.kpiId === undefined ? undefined : index.kpis.get(row.entry.objective.kpiId);
      return (
        <ObjectiveRow
          row={row}
          teamName={
            row.entry.objective.teamId === undefined ? undefined : index.teamNames.get(row.entry.objective.teamId)
          }
          kpi={kpi}
          kpiProjectKey={kpi?.teamId === undefined ? undefined : index.teamProjects.get(kpi.teamId)}
          actions={actions}
        />
      );
    }
    case 'keyResult':
      return (
        <BoardKeyResultRow
          objectiveId={row.objectiveId}
          keyResult={row.keyResult}
          depth={row.depth}
          words={row.words}
          actions={actions}
        />
      );
    case 'keyResultPending':
      return (
        <PendingKeyResultRow objectiveId={row.objectiveId} depth={row.depth} error={row.error} actions={actions} />
      );
    case 'more':
      return <MoreRow row={row} actions={actions} />;
    case 'keyResultNone':
      return (
        <NoKeyResultsRow objectiveId={row.objectiveId} depth={row.depth} canEdit={row.canEdit} actions={actions} />
      );
  }
}

/**
 * The board's rows, virtualised: only the rows in view (plus a few) are in the DOM, whatever the size
 * of the tree. KR rows of the objectives in and near the view are fetched in batches once scrolling
 * stops. Arrow keys move between rows (Up/Down), open or close a branch (Right/Left) and go up to the
 * parent (Left on a closed branch or a KR row).
 */
export function BoardList({
  rows,
  index,
  keyResults,
  store,
  actions,
  label,
  scrollReset,
}: {
  rows: readonly BoardRow[];
  index: BoardIndex;
  keyResults: ReadonlyMap<string, KeyResultsState>;
  store: KeyResultStore;
  actions: BoardActions;
  label: string;
  /** When this changes (new filters), the list scrolls back to the top: the old offset means nothing. */
  scrollReset: unknown;
}) {
  const viewport = useRef<HTMLDivElement>(null);
  const [scrollToFn] = useState(scrollAfterFirstWrite);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => viewport.current,
    estimateSize: (i) => heightOf(rows[i]),
    getItemKey: (i) => rows[i]?.key ?? i,
    overscan: OVERSCAN,
    // Rows start below the sticky header, and a row scrolled to must not hide under it.
    // The viewport's size before it is measured, so the very first render already holds the rows in
    // view (instead of an empty pass, a measurement, then the rows).
    initialRect: { width: 0, height: VIEWPORT_MAX },
    observeElementRect: observeRectAfterLayout,
    scrollToFn,
    scrollMargin: HEAD_HEIGHT,
    scrollPaddingStart: HEAD_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  if (last >= 0) markOnce(BOARD_MARKS.list);

  // Not on mount: a new viewport is at the top already, and scrolling it forces a layout.
  const shownReset = useRef(scrollReset);
  useEffect(() => {
    if (shownReset.current === scrollReset) return;
    shownReset.current = scrollReset;
    viewport.current?.scrollTo({ top: 0 });
  }, [scrollReset]);

  // At commit, as the plain list does right after appending its rows: the frame asked for next is the
  // one that paints them. From a passive effect the mark waited for React's effects and a frame more.
  useLayoutEffect(() => {
    if (last < 0) return;
    markAfterPaint(BOARD_MARKS.rows);
  }, [last]);

  // Runs when the window moves, the rows change, or the store's rows change (`keyResults`: a reload
  // makes rows stale, and those in view are fetched again).
  useEffect(() => {
    const timer = setTimeout(() => {
      const wanted = keyResultsToFetch(rows, first - PREFETCH, last + PREFETCH, (id) => store.needs(id));
      if (wanted.length > 0) store.request(wanted);
    }, FETCH_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [first, last, rows, keyResults, store]);

  // Moves focus to a row's main control, scrolling it into the window first if it is not rendered.
  const focusRow = useCallback(
    (target: number) => {
      if (target < 0 || target >= rows.length) return;
      virtualizer.scrollToIndex(target, { align: 'auto' });
      const focus = (attempt: number) => {
        const el = viewport.current?.querySelector<HTMLElement>(`[data-index="${String(target)}"] [data-row-focus]`);
        if (el) el.focus();
        else if (attempt < 5)
          requestAnimationFrame(() => {
            focus(attempt + 1);
          });
      };
      focus(0);
    },
    [rows.length, virtualizer],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const rowEl = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (!rowEl || (event.target as HTMLElement).closest('[data-row-focus]') === null) return;
    const at = Number(rowEl.dataset.index);
    const row = rows[at];
    if (row === undefined) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      // Skip rows without a focusable main control (KR rows still loading).
      const step = event.key === 'ArrowDown' ? 1 : -1;
      let next = at + step;
      while (rows[next]?.kind === 'keyResultPending') next += step;
      focusRow(next);
    } else if (row.kind !== 'objective' && event.key === 'ArrowLeft') {
      // From a KR row (or a node's "show more"), Left goes up to its objective, as in a tree.
      const objectiveId = row.kind === 'more' ? row.parentId : row.objectiveId;
      if (objectiveId === undefined) return;
      event.preventDefault();
      focusRow(rows.findIndex((r) => r.kind === 'objective' && r.entry.objective.id === objectiveId));
    } else if (row.kind === 'objective' && (event.key === 'ArrowRight' || event.key === 'ArrowLeft')) {
      const open = event.key === 'ArrowRight';
      if (row.hasChildren && row.expanded !== open) {
        event.preventDefault();
        actions.toggleExpanded(row.entry.objective.id);
      } else if (!open && row.entry.parentId !== undefined) {
        event.preventDefault();
        const parentId = row.entry.parentId;
        focusRow(rows.findIndex((r) => r.kind === 'objective' && r.entry.objective.id === parentId));
      }
    }
  };

  return (
    <div
      className="cad-board__viewport"
      ref={viewport}
      data-testid="board-viewport"
      // The 2px are the viewport's borders (board.css), so a short board shows no scrollbar.
      style={{ height: Math.min(VIEWPORT_MAX, virtualizer.getTotalSize() + HEAD_HEIGHT + 2) }}
    >
      <div className="cad-board__head" aria-hidden="true">
        <span className="cad-board__head-main">{t('board.list.head.objective')}</span>
        <span className="cad-board__head-score">{t('board.list.head.score')}</span>
        <span className="cad-board__head-status">{t('board.list.head.status')}</span>
        <span className="cad-board__head-owner">{t('board.list.head.owner')}</span>
        <span className="cad-board__head-extra">{t('board.list.head.extra')}</span>
        <span className="cad-board__head-actions" />
      </div>
      <div
        className="cad-board__canvas"
        role="list"
        aria-label={label}
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {items.map((item) => {
          const row = rows[item.index];
          if (row === undefined) return null;
          const kindClass = row.kind === 'objective' ? 'cad-row--objective' : 'cad-row--key-result';
          return (
            <div
              key={item.key}
              role="listitem"
              aria-level={row.depth + 1}
              aria-posinset={item.index + 1}
              aria-setsize={rows.length}
              data-index={item.index}
              data-row-kind={row.kind}
              data-objective-id={
                row.kind === 'objective' ? row.entry.objective.id : row.kind === 'more' ? row.parentId : row.objectiveId
              }
              className={`cad-row ${kindClass}${row.kind === 'objective' && row.dimmed ? ' cad-row--dimmed' : ''}`}
              style={{ transform: `translateY(${String(item.start - HEAD_HEIGHT)}px)` }}
            >
              <RowContent row={row} index={index} actions={actions} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
