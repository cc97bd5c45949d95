import type { Board } from '../../../../src/contract';
import { t } from '../../app/i18n';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { useBoardPages } from '../board/use-board-pages';
import type { BoardPages } from '../board/use-board-pages';
import { BoardTree } from './board-tree';
import type { MacroConfig } from './config';
import { effectiveScope } from './config';
import { useOpenTo } from './use-open-to';

/**
 * The macro's alignment tree: board.get's first screen, the rest opened by readers a page at a time
 * through board.children with the board's own paging (use-board-pages.ts), under the same team filter
 * (none for the whole company: the board's own tree, windowed the same way).
 */
export function MacroBoard({ board, config }: { board: Board; config: MacroConfig }) {
  const scope = effectiveScope(config);
  const pages = useBoardPages(board, scope === 'team' ? { teamId: config.teamId } : {});
  const merged = pages.board ?? board;
  if (scope === 'objective') return <ObjectiveTree pages={pages} board={merged} objectiveId={config.objectiveId} />;
  const team = merged.teams.find((x) => x.id === config.teamId);
  return (
    <BoardTree
      board={merged}
      roots={merged.roots}
      title={
        scope === 'company'
          ? t('macro.board.companyTitle')
          : t('macro.board.teamTitle', { team: team?.name ?? t('macro.board.someTeam') })
      }
      paging={pages}
      moreRoots={merged.rootCount - merged.roots.length}
      {...(scope === 'team' ? { highlightTeamId: config.teamId } : {})}
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
      return <LoadingState label={t('macro.board.finding')} />;
    case 'error':
      return (
        <ErrorState error={new Error(found.message)} reload={found.retry} title={t('macro.board.objectiveError')} />
      );
    case 'missing':
      return (
        <EmptyState
          title={t('macro.board.missing.title')}
          description={t('macro.board.missing.description', { cycle: board.cycle.name })}
        />
      );
  }
}
