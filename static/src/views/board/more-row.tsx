import { Button } from '../../components/button';
import { t } from '../../app/i18n';
import type { BoardActions } from './board-actions';
import { CHILDREN_PAGE } from './board-actions';
import { INDENT } from './board-actions';
import type { BoardRow } from './rows';

type MoreRowData = Extract<BoardRow, { kind: 'more' }>;

/**
 * The end of a node's loaded children (or of the loaded roots): a button that loads the next page from
 * board.children, "Loading…" while it does (announced), or why it failed with Retry.
 */
export function MoreRow({ row, actions }: { row: MoreRowData; actions: BoardActions }) {
  const load = () => {
    actions.loadMore(row.parentId);
  };
  const roots = row.parentId === undefined;
  const shown = Math.min(row.remaining, CHILDREN_PAGE);
  return (
    <div className="cad-row__main" style={{ gridColumn: '1 / -1' }}>
      <span className="cad-row__indent" style={{ width: row.depth * INDENT }} />
      <span className="cad-row__toggle-spacer" />
      {row.state?.status === 'loading' ? (
        <span className="cad-row__sub" role="status" aria-busy="true">
          {t(roots ? 'board.more.loadingRoots' : 'board.more.loadingChildren')}
        </span>
      ) : row.state?.status === 'error' ? (
        <>
          <span className="cad-row__sub" role="alert">
            {t(roots ? 'board.more.errorRoots' : 'board.more.errorChildren', { error: row.state.message })}
          </span>
          <Button appearance="subtle" data-row-focus="" onClick={load}>
            {t('board.more.retry')}
          </Button>
        </>
      ) : (
        <Button appearance="subtle" data-row-focus="" onClick={load}>
          {t(roots ? 'board.more.showRoots' : 'board.more.showChildren', { count: shown })}
          {row.remaining > shown ? ` ${t('board.more.ofTotal', { total: row.remaining })}` : ''}
        </Button>
      )}
    </div>
  );
}
