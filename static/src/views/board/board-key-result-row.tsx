import { memo } from 'react';
import type { BoardKeyResult, CheckIn, InitiativeSummary } from '../../../../src/contract';
import { Button } from '../../components/button';
import { WriteButton } from '../../components/read-only';
import { t } from '../../app/i18n';
import { ForecastFlag, ForecastValue } from '../../components/forecast-note';
import { confidenceWords, formatCurrentOfTarget, formatNumber } from '../../components/format';
import { Lozenge } from '../../components/lozenge';
import type { LozengeAppearance } from '../../components/lozenge';
import { Owner } from '../../components/owner';
import { ScoreBar } from '../../components/score-bar';
import { barStatus, StatusLozenge } from '../../components/status';
import type { BoardActions } from './board-actions';
import { INDENT } from './board-actions';
import { LockIcon } from './lock-icon';
import { followObjective, Highlighted } from './objective-row';

const CONFIDENCE_APPEARANCE: Readonly<Record<CheckIn['confidence'], LozengeAppearance>> = {
  on_track: 'success',
  at_risk: 'moved',
  off_track: 'removed',
};

/** The linked epics in two short lines: how many and how done; how many the viewer may not see. */
function EpicSummary({ summary }: { summary: InitiativeSummary }) {
  if (summary.count === 0) return <span className="cad-row__sub">{t('board.epics.none')}</span>;
  const done =
    summary.ratio === null
      ? t('board.epics.noIssues')
      : t('board.epics.done', { percent: `${formatNumber(Math.round(summary.ratio * 100))}%` });
  const notes = [
    summary.restricted > 0 ? t('board.epics.restricted', { count: summary.restricted }) : '',
    summary.missing > 0 ? t('board.epics.deleted', { count: summary.missing }) : '',
  ].filter(Boolean);
  return (
    <span className="cad-row__stack">
      <span
        className="cad-row__sub"
        title={t('board.epics.issuesDone', { done: summary.done, total: summary.total - summary.excluded })}
      >
        {t('board.epics.count', { count: summary.count })} · {done}
      </span>
      {notes.length > 0 ? (
        <span className="cad-row__sub" data-restricted={summary.restricted > 0 ? 'true' : undefined}>
          {summary.restricted > 0 ? <LockIcon /> : null} {notes.join(' · ')}
        </span>
      ) : null}
    </span>
  );
}

/**
 * One KR under its objective: its status (pace mid-cycle, grade in review), progress in that colour, the
 * owner's confidence as a secondary signal (with the forecast's flag when they disagree), value against
 * target with the forecast under it, epics.
 */
export const BoardKeyResultRow = memo(function BoardKeyResultRow({
  objectiveId,
  keyResult: kr,
  depth,
  words,
  actions,
}: {
  objectiveId: string;
  keyResult: BoardKeyResult;
  depth: number;
  /** The search's words, marked in the title. */
  words: readonly string[];
  actions: BoardActions;
}) {
  const bar = barStatus(actions.signal, kr.track, kr.band);
  // A forecast speaks mid-cycle only, beside the pace status; in review the grade does.
  const forecast = actions.signal === 'pace' ? kr.forecast : null;
  return (
    <>
      <div className="cad-row__main">
        <span className="cad-row__indent" style={{ width: depth * INDENT }} />
        <span className="cad-row__toggle-spacer" />
        <span className="cad-row__kr-mark" aria-hidden="true" />
        <Owner accountId={kr.ownerAccountId} role={t('board.kr.owner')} hideName />
        <a
          href={`#objective-${objectiveId}`}
          className="cad-row__title"
          data-row-focus=""
          title={kr.title}
          onClick={(event) => {
            // Opens its objective (selected in the board's URL, ?objective=), where the KR is read.
            followObjective(event, objectiveId, actions);
          }}
          onAuxClick={(event) => {
            followObjective(event, objectiveId, actions);
          }}
        >
          <span className="cad-row__title-text">
            <Highlighted text={kr.title} words={words} />
          </span>
        </a>
      </div>
      <div className="cad-row__cell">
        <ScoreBar score={kr.progress} band={bar.tone} words={bar.words} label={t('board.kr.progress')} compact />
      </div>
      <div className="cad-row__stack cad-row__lozenges">
        <StatusLozenge signal={actions.signal} track={kr.track} band={kr.band} />
        {forecast?.disagreement != null ? (
          // The flag names the owner's confidence it contradicts: it takes the confidence's line.
          <ForecastFlag forecast={forecast} metric={kr.metric} compact />
        ) : kr.lastCheckIn === undefined ? (
          <span className="cad-row__sub">{t('board.kr.noCheckIn')}</span>
        ) : (
          <span className="cad-row__sub" title={t('board.kr.confidenceTitle')}>
            {t('board.kr.confidence')}{' '}
            <Lozenge appearance={CONFIDENCE_APPEARANCE[kr.lastCheckIn.confidence]}>
              {confidenceWords(kr.lastCheckIn.confidence)}
            </Lozenge>
          </span>
        )}
      </div>
      <div className="cad-row__stack">
        <span className="cad-row__sub" data-kr-value="" title={formatCurrentOfTarget(kr.metric)}>
          {formatCurrentOfTarget(kr.metric)}
        </span>
        {kr.weight === 1 && forecast === null ? null : (
          // One line for both: a row has room for two.
          <span className="cad-row__sub">
            {kr.weight === 1 ? null : t('board.kr.weight', { weight: kr.weight })}
            {kr.weight !== 1 && forecast !== null ? ' · ' : null}
            {forecast === null ? null : <ForecastValue forecast={forecast} metric={kr.metric} compact />}
          </span>
        )}
      </div>
      <div className="cad-row__cell">
        <EpicSummary summary={kr.initiatives} />
      </div>
      <div className="cad-row__cell cad-row__actions">
        {kr.canCheckIn ? (
          <WriteButton
            appearance="subtle"
            aria-label={t('board.kr.checkInLabel', { title: kr.title })}
            onClick={() => {
              actions.checkIn(objectiveId, kr);
            }}
          >
            {t('board.kr.checkIn')}
          </WriteButton>
        ) : null}
      </div>
    </>
  );
});

/** A KR row still on its way (a skeleton), or the one row saying the KR rows failed, with a retry. */
export function PendingKeyResultRow({
  objectiveId,
  depth,
  error,
  actions,
}: {
  objectiveId: string;
  depth: number;
  error: string | undefined;
  actions: BoardActions;
}) {
  return (
    <div className="cad-row__main" style={{ gridColumn: '1 / -1' }}>
      <span className="cad-row__indent" style={{ width: depth * INDENT }} />
      <span className="cad-row__toggle-spacer" />
      {error === undefined ? (
        <>
          <span className="cad-row__pending" aria-hidden="true" />
          <span className="cad-visually-hidden">{t('board.kr.loading')}</span>
        </>
      ) : (
        <>
          <span className="cad-row__sub" role="alert">
            {t('board.kr.error', { error })}
          </span>
          <Button
            appearance="subtle"
            onClick={() => {
              actions.retryKeyResults(objectiveId);
            }}
          >
            {t('board.kr.retry')}
          </Button>
        </>
      )}
    </div>
  );
}

/** An objective with no active KR: says so, and offers to add one to those who may. */
export function NoKeyResultsRow({
  objectiveId,
  depth,
  canEdit,
  actions,
}: {
  objectiveId: string;
  depth: number;
  canEdit: boolean;
  actions: BoardActions;
}) {
  return (
    <div className="cad-row__main" style={{ gridColumn: '1 / -1' }}>
      <span className="cad-row__indent" style={{ width: depth * INDENT }} />
      <span className="cad-row__toggle-spacer" />
      <span className="cad-row__sub">{t('board.kr.none')}</span>
      {canEdit ? (
        <WriteButton
          appearance="link"
          data-row-focus=""
          onClick={() => {
            actions.addKeyResult(objectiveId);
          }}
        >
          {t('board.kr.add')}
        </WriteButton>
      ) : null}
    </div>
  );
}
