import type { Board, BoardNode } from '../../../../src/contract';
import { BandLozenge } from '../../components/band-lozenge';
import { formatDay, formatScore, plural } from '../../components/format';
import { Lozenge } from '../../components/lozenge';
import { levelWords } from '../../components/objective-tree';
import { Owner } from '../../components/owner';
import { PaceLabel } from '../../components/pace-label';
import { ScoreBar } from '../../components/score-bar';

/** "3 key results · 1 stale · 1 at risk": an objective's KR summary from board.get, in words. */
const summaryWords = (s: BoardNode['objective']['keyResultSummary']): string =>
  [
    plural(s.count, 'key result'),
    s.stale > 0 ? `${s.stale} stale` : '',
    s.atRisk > 0 ? `${s.atRisk} at risk` : '',
    s.offTrack > 0 ? `${s.offTrack} off track` : '',
  ]
    .filter(Boolean)
    .join(' · ');

function TreeNode({
  node,
  teamName,
  highlightTeamId,
  insideMatch = false,
}: {
  node: BoardNode;
  teamName: (id: string | undefined) => string | undefined;
  highlightTeamId?: string | undefined;
  /** Under one of the team's objectives: part of what was asked for, not context. */
  insideMatch?: boolean;
}) {
  const o = node.objective;
  const team = teamName(o.teamId);
  const matched = highlightTeamId === undefined || insideMatch || o.teamId === highlightTeamId;
  const muted = !matched;
  return (
    <li className={`cad-tree__item${muted ? ' cad-tree__item--context' : ''}`} data-objective={o.id}>
      <div className="cad-tree__node">
        <div className="cad-tree__title-line">
          <span className="cad-tree__title">{o.title}</span>
          <Lozenge>{team === undefined ? levelWords(o.level) : `${levelWords(o.level)} · ${team}`}</Lozenge>
          {o.status === 'draft' ? <Lozenge appearance="new">Draft</Lozenge> : null}
          {muted ? <span className="cad-subtlest">(aligned above the team)</span> : null}
        </div>
        <div className="cad-tree__meta">
          <Owner accountId={o.ownerAccountId} role="Owner" />
          <ScoreBar score={o.score} band={o.band} compact />
          <BandLozenge band={o.band} />
          {o.rollup !== null && node.children.length > 0 ? (
            <span className="cad-subtle">Roll-up {formatScore(o.rollup)}</span>
          ) : null}
          <PaceLabel pace={o.pace} />
          <span className="cad-subtlest">{summaryWords(o.keyResultSummary)}</span>
        </div>
      </div>
      {node.children.length === 0 ? null : (
        <ul className="cad-tree__children">
          {node.children.map((child) => (
            <TreeNode
              key={child.objective.id}
              node={child}
              teamName={teamName}
              highlightTeamId={highlightTeamId}
              insideMatch={matched}
            />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * A read-only alignment tree (company -> team -> individual) with score bars, for a Confluence page.
 * Filtered by team, board.get keeps the team's objectives with their ancestors (shown muted, as
 * context) and descendants.
 */
export function BoardTree({
  board,
  roots,
  title,
  highlightTeamId,
}: {
  board: Board;
  roots: readonly BoardNode[];
  title: string;
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
        {board.cycle.name} · {formatDay(board.cycle.startDate)} – {formatDay(board.cycle.endDate)}
      </p>
      {roots.length === 0 ? (
        <p className="cad-subtle">No objectives here in {board.cycle.name} yet.</p>
      ) : (
        <ul className="cad-tree" aria-label={title}>
          {roots.map((node) => (
            <TreeNode key={node.objective.id} node={node} teamName={teamName} highlightTeamId={highlightTeamId} />
          ))}
        </ul>
      )}
    </section>
  );
}
