import { memo } from 'react';
import type { ObjectiveLevel } from '../../../../src/contract';
import { WriteButton } from '../../components/read-only';
import { plural } from '../../components/format';
import { Lozenge } from '../../components/lozenge';
import { Owner } from '../../components/owner';
import { ScoreBar } from '../../components/score-bar';
import { barStatus, StatusLozenge } from '../../components/status';
import type { BoardActions } from './board-actions';
import { INDENT } from './board-actions';
import type { BoardRow } from './rows';

export const LEVEL_WORDS: Readonly<Record<ObjectiveLevel, string>> = {
  company: 'Company',
  team: 'Team',
  individual: 'Individual',
};

type ObjectiveRowData = Extract<BoardRow, { kind: 'objective' }>;

/**
 * One objective on the board: expand toggle, title (opens the detail), level, team, score bar in the
 * colour of its status with the roll-up, the status (pace mid-cycle, grade in review), owner, findings,
 * and the toggle of its KR rows.
 */
export const ObjectiveRow = memo(function ObjectiveRow({
  row,
  teamName,
  actions,
}: {
  row: ObjectiveRowData;
  teamName: string | undefined;
  actions: BoardActions;
}) {
  const { entry } = row;
  const o = entry.objective;
  const summary = o.keyResultSummary;
  const bar = barStatus(actions.signal, o.track, o.band);
  const context = [
    LEVEL_WORDS[o.level],
    teamName,
    entry.detached === undefined ? undefined : 'parent archived or gone',
    // A closed branch says what opening it shows (its children may not be loaded yet).
    row.expanded || entry.childCount === 0 ? undefined : `${String(entry.childCount)} aligned`,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <>
      <div className="cad-row__main">
        <span className="cad-row__indent" style={{ width: row.depth * INDENT }} />
        {row.hasChildren ? (
          <button
            type="button"
            className="cad-row__toggle"
            aria-expanded={row.expanded}
            aria-label={`Aligned objectives of ${o.title} (${String(entry.childCount)})`}
            onClick={() => {
              actions.toggleExpanded(o.id);
            }}
          >
            <span aria-hidden="true">{row.expanded ? '▼' : '▶'}</span>
          </button>
        ) : (
          <span className="cad-row__toggle-spacer" />
        )}
        <span className="cad-row__stack">
          <span className="cad-row__main">
            <button
              type="button"
              className="cad-row__title"
              data-row-focus=""
              title={o.title}
              onClick={() => {
                actions.openObjective(o.id);
              }}
            >
              {o.title}
            </button>
            {o.status === 'draft' ? <Lozenge appearance="new">Draft</Lozenge> : null}
          </span>
          <span className="cad-row__sub">{context}</span>
        </span>
      </div>
      <div className="cad-row__stack">
        <ScoreBar score={o.score} band={bar.tone} words={bar.words} compact />
        {row.hasChildren && o.rollup !== null && o.rollup !== o.score ? (
          <span className="cad-row__sub">Roll-up {o.rollup.toFixed(2)}</span>
        ) : null}
      </div>
      <div className="cad-row__cell">
        <StatusLozenge signal={actions.signal} track={o.track} band={o.band} />
      </div>
      <div className="cad-row__cell">
        <Owner accountId={o.ownerAccountId} role="Owner" />
      </div>
      <div className="cad-row__cell">
        {entry.findings > 0 ? (
          <span
            className={`cad-row__findings${entry.worstSeverity === 'error' ? ' cad-row__findings--error' : ''}`}
            title="Quality findings: open the objective to read them"
          >
            <span aria-hidden="true">⚠ </span>
            {plural(entry.findings, 'finding')}
          </span>
        ) : null}
        <button
          type="button"
          className="cad-chip"
          aria-expanded={row.keyResultsOpen}
          aria-label={`Key results of ${o.title} (${String(summary.count)})`}
          onClick={() => {
            actions.toggleKeyResults(o.id);
          }}
        >
          {plural(summary.count, 'KR')}
        </button>
      </div>
      <div className="cad-row__cell cad-row__actions">
        {o.canEdit ? (
          <WriteButton
            appearance="subtle"
            aria-label={`Edit ${o.title}`}
            onClick={() => {
              actions.editObjective(o.id);
            }}
          >
            Edit
          </WriteButton>
        ) : null}
      </div>
    </>
  );
});
