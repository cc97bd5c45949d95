import type { Board } from '../../../../src/contract';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useBoardPages } from '../board/use-board-pages';
import type { BoardPages } from '../board/use-board-pages';
import { BoardTree } from './board-tree';
import type { MacroConfig } from './config';
import { useOpenTo } from './use-open-to';

/**
 * The macro's alignment tree: board.get's first screen, the rest opened by readers a page at a time
 * through board.children with the board's own paging (use-board-pages.ts), under the same team filter.
 */
export function MacroBoard({ board, config }: { board: Board; config: MacroConfig }) {
  const objective = config.scope === 'objective';
  const pages = useBoardPages(board, objective ? {} : { teamId: config.teamId });
  const merged = pages.board ?? board;
  if (objective) return <ObjectiveTree pages={pages} board={merged} objectiveId={config.objectiveId} />;
  const team = merged.teams.find((t) => t.id === config.teamId);
  return (
    <BoardTree
      board={merged}
      roots={merged.roots}
      title={`${team?.name ?? 'Team'} · alignment`}
      paging={pages}
      moreRoots={merged.rootCount - merged.roots.length}
      highlightTeamId={config.teamId}
    />
  );
}

/** One objective and what aligns to it, found (and opened down to) wherever it is in the tree. */
function ObjectiveTree({ pages, board, objectiveId }: { pages: BoardPages; board: Board; objectiveId: string }) {
  const found = useOpenTo(pages, objectiveId);
  switch (found.status) {
    case 'found':
      return <BoardTree board={board} roots={[found.node]} title={found.node.objective.title} paging={pages} />;
    case 'searching':
      return <LoadingState label="Finding the objective on the board…" />;
    case 'error':
      return <ErrorState error={new Error(found.message)} reload={found.retry} title="The objective could not load" />;
    case 'missing':
      return (
        <EmptyState
          title="This objective is not on the board"
          description={`It may have been archived, or it belongs to another cycle than ${board.cycle.name}. Edit the macro to choose another.`}
        />
      );
  }
}
