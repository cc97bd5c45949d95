import { Button } from '../../components/button';
import { plural } from '../../components/format';
import type { BoardActions } from './board-actions';
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
  const what = row.parentId === undefined ? 'objective' : 'aligned objective';
  return (
    <div className="cad-row__main" style={{ gridColumn: '1 / -1' }}>
      <span className="cad-row__indent" style={{ width: row.depth * INDENT }} />
      <span className="cad-row__toggle-spacer" />
      {row.state?.status === 'loading' ? (
        <span className="cad-row__sub" role="status" aria-busy="true">
          Loading {what}s…
        </span>
      ) : row.state?.status === 'error' ? (
        <>
          <span className="cad-row__sub" role="alert">
            {row.parentId === undefined ? 'More objectives' : 'Aligned objectives'} could not load: {row.state.message}
          </span>
          <Button appearance="subtle" data-row-focus="" onClick={load}>
            Retry
          </Button>
        </>
      ) : (
        <Button appearance="subtle" data-row-focus="" onClick={load}>
          Show {plural(Math.min(row.remaining, 100), `more ${what}`)}
          {row.remaining > 100 ? ` (of ${String(row.remaining)})` : ''}
        </Button>
      )}
    </div>
  );
}
