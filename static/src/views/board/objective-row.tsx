import { memo } from 'react';
import type { ReactNode } from 'react';
import { matchRanges } from '../../../../src/domain/board-filter';
import type { MouseEvent } from 'react';
import { t } from '../../app/i18n';
import { openObjective } from '../../app/links';
import { clickIntent } from '../../components/link-targets';
import { WriteButton } from '../../components/read-only';
import { formatScore } from '../../components/format';
import type { LinkedKpi } from '../../components/kpi-link';
import { KpiLink } from '../../components/kpi-link';
import { Lozenge } from '../../components/lozenge';
import { Owner } from '../../components/owner';
import { ScoreBar } from '../../components/score-bar';
import { barStatus, StatusLozenge } from '../../components/status';
import type { BoardActions } from './board-actions';
import { INDENT } from './board-actions';
import type { BoardRow } from './rows';
import { ROW_TIMING } from './perf-marks';

/**
 * A click on an objective's title (or a KR's, which opens its objective): a plain click selects it on
 * this board (the URL's ?objective= opens its detail); ctrl, cmd, shift or middle click opens the
 * board on it in a new tab through Forge's router (app/links.ts), as a link does in Jira.
 */
export const followObjective = (
  event: MouseEvent<HTMLAnchorElement>,
  objectiveId: string,
  actions: BoardActions,
): void => {
  const intent = clickIntent(event);
  if (intent === 'none') return;
  event.preventDefault();
  if (intent === 'open') void openObjective(objectiveId, actions.cycleId, true).catch(() => undefined);
  else actions.openObjective(objectiveId);
};

/**
 * A title with the search's matches marked (<mark>), at the positions the domain's search rule finds
 * them, so what is highlighted is what matched.
 */
export function Highlighted({ text, words }: { text: string; words: readonly string[] }) {
  const ranges = words.length === 0 ? [] : matchRanges(text, words);
  if (ranges.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [from, to] of ranges) {
    if (from > at) parts.push(text.slice(at, from));
    parts.push(<mark key={from}>{text.slice(from, to)}</mark>);
    at = to;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

type ObjectiveRowData = Extract<BoardRow, { kind: 'objective' }>;

/**
 * One objective on the board: expand toggle, title (opens the detail), level, team, score bar in the
 * colour of its status with the roll-up, the status (pace mid-cycle, grade in review), owner, findings,
 * and the toggle of its KR rows.
 */
export const ObjectiveRow = memo(function ObjectiveRow({
  row,
  teamName,
  kpi,
  kpiProjectKey,
  actions,
}: {
  row: ObjectiveRowData;
  teamName: string | undefined;
  /** The KPI it responds to (board.get `kpis`) and the project of that KPI's team page. */
  kpi?: LinkedKpi | undefined;
  kpiProjectKey?: string | undefined;
  actions: BoardActions;
}) {
  const { entry } = row;
  const o = entry.objective;
  const summary = o.keyResultSummary;
  const bar = barStatus(actions.signal, o.track, o.band);
  const context = [
    t(`board.row.level.${o.level}`),
    teamName,
    entry.detached === undefined ? undefined : t('board.row.detached'),
    // A closed branch says what opening it shows (its children may not be loaded yet).
    row.expanded || entry.childCount === 0 ? undefined : t('board.row.aligned', { count: entry.childCount }),
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
            aria-label={t('board.row.toggleChildren', { title: o.title, count: entry.childCount })}
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
          <span className="cad-row__title-line">
            <a
              href={`#objective-${o.id}`}
              className="cad-row__title"
              data-row-focus=""
              title={o.title}
              onClick={(event) => {
                followObjective(event, o.id, actions);
              }}
              onAuxClick={(event) => {
                followObjective(event, o.id, actions);
              }}
            >
              <span className="cad-row__title-text" {...ROW_TIMING}>
                <Highlighted text={o.title} words={row.words} />
              </span>
            </a>
            {o.status === 'draft' ? (
              <span className="cad-row__draft">
                <Lozenge appearance="new">{t('board.row.draft')}</Lozenge>
              </span>
            ) : null}
          </span>
          {kpi === undefined ? (
            <span className="cad-row__sub">{context}</span>
          ) : (
            <span className="cad-row__sub cad-kpi-sub">
              <span className="cad-kpi-sub__context">{context}</span>
              <KpiLink kpi={kpi} projectKey={kpiProjectKey} />
            </span>
          )}
        </span>
      </div>
      <div className="cad-row__stack">
        <ScoreBar score={o.score} band={bar.tone} words={bar.words} label={t('board.row.score')} compact />
        {row.hasChildren && o.rollup !== null && o.rollup !== o.score ? (
          <span className="cad-row__sub">{t('board.row.rollup', { score: formatScore(o.rollup) })}</span>
        ) : null}
      </div>
      <div className="cad-row__cell">
        <StatusLozenge signal={actions.signal} track={o.track} band={o.band} />
      </div>
      <div className="cad-row__cell">
        <Owner accountId={o.ownerAccountId} role={t('board.row.owner')} />
      </div>
      <div className="cad-row__cell">
        {entry.findings > 0 ? (
          <span
            className={`cad-row__findings${entry.worstSeverity === 'error' ? ' cad-row__findings--error' : ''}`}
            title={t('board.row.findingsTitle')}
          >
            <span aria-hidden="true">⚠ </span>
            {t('board.row.findings', { count: entry.findings })}
          </span>
        ) : null}
        <button
          type="button"
          className="cad-chip"
          aria-expanded={row.keyResultsOpen}
          aria-label={t('board.row.keyResultsToggle', { title: o.title, count: summary.count })}
          onClick={() => {
            actions.toggleKeyResults(o.id);
          }}
        >
          {t('board.row.keyResults', { count: summary.count })}
        </button>
      </div>
      <div className="cad-row__cell cad-row__actions">
        {o.canEdit ? (
          <WriteButton
            appearance="subtle"
            aria-label={t('board.row.editLabel', { title: o.title })}
            onClick={() => {
              actions.editObjective(o.id);
            }}
          >
            {t('board.row.edit')}
          </WriteButton>
        ) : null}
      </div>
    </>
  );
});
