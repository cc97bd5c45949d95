import { memo } from 'react';
import type { BoardKeyResult, CheckIn, InitiativeSummary } from '../../../../src/contract';
import { Button } from '../../components/button';
import { WriteButton } from '../../components/read-only';
import { confidenceWords, formatCurrentOfTarget, plural } from '../../components/format';
import { Lozenge } from '../../components/lozenge';
import type { LozengeAppearance } from '../../components/lozenge';
import { Owner } from '../../components/owner';
import { ScoreBar } from '../../components/score-bar';
import { barStatus, StatusLozenge } from '../../components/status';
import type { BoardActions } from './board-actions';
import { INDENT } from './board-actions';
import { LockIcon } from './lock-icon';

const CONFIDENCE_APPEARANCE: Readonly<Record<CheckIn['confidence'], LozengeAppearance>> = {
  on_track: 'success',
  at_risk: 'moved',
  off_track: 'removed',
};

/** The linked epics in two short lines: how many and how done; how many the viewer may not see. */
function EpicSummary({ summary }: { summary: InitiativeSummary }) {
  if (summary.count === 0) return <span className="cad-row__sub">No epics linked</span>;
  const done = summary.ratio === null ? 'no issues in scope' : `${String(Math.round(summary.ratio * 100))}% done`;
  const notes = [
    summary.restricted > 0 ? `${String(summary.restricted)} restricted` : '',
    summary.missing > 0 ? `${String(summary.missing)} deleted in Jira` : '',
  ].filter(Boolean);
  return (
    <span className="cad-row__stack">
      <span
        className="cad-row__sub"
        title={`${String(summary.done)} of ${String(summary.total - summary.excluded)} issues done`}
      >
        {plural(summary.count, 'epic')} · {done}
      </span>
      {notes.length > 0 ? (
        <span className="cad-row__sub" data-restricted={summary.restricted > 0 ? 'true' : undefined}>
          {summary.restricted > 0 ? <LockIcon /> : null} {notes.join(' · ')}
        </span>
      ) : null}
    </span>
  );
}

/** One KR under its objective: its status (pace mid-cycle, grade in review), progress in that colour, the owner's confidence as a secondary signal, value against target, epics. */
export const BoardKeyResultRow = memo(function BoardKeyResultRow({
  objectiveId,
  keyResult: kr,
  depth,
  actions,
}: {
  objectiveId: string;
  keyResult: BoardKeyResult;
  depth: number;
  actions: BoardActions;
}) {
  const bar = barStatus(actions.signal, kr.track, kr.band);
  return (
    <>
      <div className="cad-row__main">
        <span className="cad-row__indent" style={{ width: depth * INDENT }} />
        <span className="cad-row__toggle-spacer" />
        <span className="cad-row__kr-mark" aria-hidden="true" />
        <Owner accountId={kr.ownerAccountId} role="KR owner" hideName />
        <button
          type="button"
          className="cad-row__title"
          data-row-focus=""
          title={kr.title}
          onClick={() => {
            actions.openObjective(objectiveId);
          }}
        >
          {kr.title}
        </button>
      </div>
      <div className="cad-row__cell">
        <ScoreBar score={kr.progress} band={bar.tone} words={bar.words} label="Progress" compact />
      </div>
      <div className="cad-row__stack cad-row__lozenges">
        <StatusLozenge signal={actions.signal} track={kr.track} band={kr.band} />
        {kr.lastCheckIn === undefined ? (
          <span className="cad-row__sub">No check-in yet</span>
        ) : (
          <span className="cad-row__sub" title="The owner’s confidence at the last check-in">
            Owner:{' '}
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
        {kr.weight === 1 ? null : <span className="cad-row__sub">Weight {kr.weight}</span>}
      </div>
      <div className="cad-row__cell">
        <EpicSummary summary={kr.initiatives} />
      </div>
      <div className="cad-row__cell cad-row__actions">
        {kr.canCheckIn ? (
          <WriteButton
            appearance="subtle"
            aria-label={`Check in on ${kr.title}`}
            onClick={() => {
              actions.checkIn(objectiveId, kr);
            }}
          >
            Check in
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
          <span className="cad-visually-hidden">Loading key result…</span>
        </>
      ) : (
        <>
          <span className="cad-row__sub" role="alert">
            Key results could not load: {error}
          </span>
          <Button
            appearance="subtle"
            onClick={() => {
              actions.retryKeyResults(objectiveId);
            }}
          >
            Retry
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
      <span className="cad-row__sub">No key results yet.</span>
      {canEdit ? (
        <WriteButton
          appearance="link"
          data-row-focus=""
          onClick={() => {
            actions.addKeyResult(objectiveId);
          }}
        >
          Add a key result
        </WriteButton>
      ) : null}
    </div>
  );
}
