import type { Board, BoardNode } from '../../../../src/contract';
import { t } from '../../app/i18n';
import { ObjectiveLink } from '../../app/links';
import { Button } from '../../components/button';
import { formatDay, formatScore } from '../../components/format';
import { Lozenge } from '../../components/lozenge';
import { levelWords } from '../../components/objective-tree';
import { Owner } from '../../components/owner';
import { ScoreBar } from '../../components/score-bar';
import type { Signal } from '../../components/status';
import { barStatus, signalOf, StatusLozenge } from '../../components/status';
import type { PageState } from '../board/use-board-pages';

/** "3 key results · 1 behind · 1 stale": an objective's KR summary from board.get, by status, in words. */
const summaryWords = (s: BoardNode['objective']['keyResultSummary']): string =>
  [
    t('macro.tree.keyResults', { count: s.count }),
    s.tracks.behind > 0 ? t('macro.tree.behind', { count: s.tracks.behind }) : '',
    s.tracks.at_risk > 0 ? t('macro.tree.atRisk', { count: s.tracks.at_risk }) : '',
    s.tracks.stale > 0 ? t('macro.tree.stale', { count: s.tracks.stale }) : '',
  ]
    .filter(Boolean)
    .join(' · ');

/** Loads the next page of a node's children (of the roots without an id), and the pages under way. */
export interface TreePaging {
  readonly states: ReadonlyMap<string, PageState>;
  readonly loadMore: (objectiveId: string | undefined) => void;
}

/**
 * The end of a node's loaded children (or of the roots): how many are not shown yet, in words (what a
 * printed page keeps), and a button that loads the next page through board.children (hidden in print).
 */
function MoreLine({
  parentId,
  parentTitle,
  remaining,
  collapsed,
  paging,
}: {
  parentId: string | undefined;
  parentTitle: string | undefined;
  remaining: number;
  collapsed: boolean;
  paging: TreePaging;
}) {
  const state = paging.states.get(parentId ?? '');
  const load = () => {
    paging.loadMore(parentId);
  };
  const roots = parentId === undefined;
  const page = Math.min(remaining, 100);
  const counted = collapsed
    ? t('macro.tree.alignedHere', { count: remaining })
    : t(roots ? 'macro.tree.moreRoots' : 'macro.tree.moreAligned', { count: remaining });
  return (
    <div className="cad-tree__more">
      <span className="cad-subtle">{counted}</span>
      {state?.status === 'loading' ? (
        <span className="cad-subtle" role="status" aria-busy="true">
          {t(roots ? 'macro.tree.loadingRoots' : 'macro.tree.loadingAligned')}
        </span>
      ) : state?.status === 'error' ? (
        <>
          <span className="cad-field__error" role="alert">
            {t(roots ? 'macro.tree.rootsError' : 'macro.tree.alignedError', { message: state.message })}
          </span>
          <Button appearance="subtle" onClick={load}>
            {t('macro.tree.retry')}
          </Button>
        </>
      ) : (
        <Button appearance="subtle" onClick={load}>
          {collapsed ? t('macro.tree.show', { count: page }) : t('macro.tree.showMore', { count: page })}
          {remaining > page ? t('macro.tree.ofTotal', { total: remaining }) : ''}
          {parentTitle === undefined ? null : (
            <span className="cad-visually-hidden">{t('macro.tree.alignedTo', { title: parentTitle })}</span>
          )}
        </Button>
      )}
    </div>
  );
}

function TreeNode({
  node,
  cycleId,
  signal,
  teamName,
  paging,
  highlightTeamId,
  insideMatch = false,
}: {
  node: BoardNode;
  /** For the links: the board opens on this cycle with the objective selected. */
  cycleId: string;
  signal: Signal;
  teamName: (id: string | undefined) => string | undefined;
  paging: TreePaging;
  highlightTeamId?: string | undefined;
  /** Under one of the team's objectives: part of what was asked for, not context. */
  insideMatch?: boolean;
}) {
  const o = node.objective;
  const team = teamName(o.teamId);
  const matched = highlightTeamId === undefined || insideMatch || o.teamId === highlightTeamId;
  const muted = !matched;
  const bar = barStatus(signal, o.track, o.band);
  return (
    <li className={`cad-tree__item${muted ? ' cad-tree__item--context' : ''}`} data-objective={o.id}>
      <div className="cad-tree__node">
        <div className="cad-tree__title-line">
          <ObjectiveLink className="cad-tree__title" objectiveId={o.id} cycleId={cycleId}>
            {o.title}
          </ObjectiveLink>
          <Lozenge>
            {team === undefined
              ? levelWords(o.level)
              : t('macro.tree.levelOfTeam', { level: levelWords(o.level), team })}
          </Lozenge>
          {o.status === 'draft' ? <Lozenge appearance="new">{t('macro.tree.draft')}</Lozenge> : null}
          {muted ? <span className="cad-subtlest">{t('macro.tree.context')}</span> : null}
        </div>
        <div className="cad-tree__meta">
          <Owner accountId={o.ownerAccountId} role={t('macro.tree.owner')} />
          <StatusLozenge signal={signal} track={o.track} band={o.band} />
          <ScoreBar score={o.score} band={bar.tone} words={bar.words} compact />
          {o.rollup !== null && node.childCount > 0 ? (
            <span className="cad-subtle">{t('macro.tree.rollup', { score: formatScore(o.rollup) })}</span>
          ) : null}
          <span className="cad-subtlest">{summaryWords(o.keyResultSummary)}</span>
        </div>
      </div>
      {node.children.length === 0 ? null : (
        <ul className="cad-tree__children">
          {node.children.map((child) => (
            <TreeNode
              key={child.objective.id}
              node={child}
              cycleId={cycleId}
              signal={signal}
              teamName={teamName}
              paging={paging}
              highlightTeamId={highlightTeamId}
              insideMatch={matched}
            />
          ))}
        </ul>
      )}
      {node.children.length < node.childCount ? (
        <MoreLine
          parentId={o.id}
          parentTitle={o.title}
          remaining={node.childCount - node.children.length}
          collapsed={node.children.length === 0}
          paging={paging}
        />
      ) : null}
    </li>
  );
}

/**
 * A read-only alignment tree (company -> team -> individual) with score bars, for a Confluence page.
 * Filtered by team, board.get keeps the team's objectives with their ancestors (shown muted, as
 * context) and descendants. board.get answers a first screen: nodes left collapsed say how many
 * objectives align to them and open through board.children (use-board-pages.ts, as on the board).
 * `moreRoots`: roots not loaded yet (only when the tree is the board's, not a subtree).
 */
export function BoardTree({
  board,
  roots,
  title,
  paging,
  moreRoots = 0,
  highlightTeamId,
}: {
  board: Board;
  roots: readonly BoardNode[];
  title: string;
  paging: TreePaging;
  moreRoots?: number;
  highlightTeamId?: string;
}) {
  const teams = new Map(board.teams.map((t) => [t.id, t.name]));
  const teamName = (id: string | undefined) => (id === undefined ? undefined : teams.get(id));
  return (
    <section className="cad-stack" aria-labelledby="board-title">
      <h2 id="board-title" className="cad-heading-medium">
        {title}
      </h2>
      <p className="cad-subtle">
        {t('macro.tree.dates', {
          cycle: board.cycle.name,
          start: formatDay(board.cycle.startDate),
          end: formatDay(board.cycle.endDate),
        })}
      </p>
      {roots.length === 0 ? (
        <p className="cad-subtle">{t('macro.tree.empty', { cycle: board.cycle.name })}</p>
      ) : (
        <ul className="cad-tree" aria-label={title}>
          {roots.map((node) => (
            <TreeNode
              key={node.objective.id}
              node={node}
              cycleId={board.cycle.id}
              signal={signalOf(board.cycle)}
              teamName={teamName}
              paging={paging}
              highlightTeamId={highlightTeamId}
            />
          ))}
        </ul>
      )}
      {moreRoots > 0 ? (
        <MoreLine
          parentId={undefined}
          parentTitle={undefined}
          remaining={moreRoots}
          collapsed={false}
          paging={paging}
        />
      ) : null}
    </section>
  );
}
