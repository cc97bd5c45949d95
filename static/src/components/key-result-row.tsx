import type { ReactNode } from 'react';
import type { Band, CheckIn, Metric, Pace } from '../../../src/contract';
import { CONFIDENCE_WORDS, formatAgo, formatCurrentOfTarget } from './format';
import { Lozenge } from './lozenge';
import type { LozengeAppearance } from './lozenge';
import { Owner } from './owner';
import { PaceLabel } from './pace-label';
import { ScoreBar } from './score-bar';
import './key-result-row.css';

/**
 * What a KR row shows. Structural, so both KeyResultView (scorecard, panel) and the board's
 * BoardKeyResult fit without conversion.
 */
export interface KeyResultRowData {
  id: string;
  title: string;
  ownerAccountId: string;
  metric: Metric;
  progress: number;
  band: Band;
  pace: Pace | null;
  stale: boolean;
  lastCheckIn?: Pick<CheckIn, 'at' | 'value' | 'confidence'> | undefined;
}

const CONFIDENCE_APPEARANCE: Readonly<Record<CheckIn['confidence'], LozengeAppearance>> = {
  on_track: 'success',
  at_risk: 'moved',
  off_track: 'removed',
};

/** The latest check-in's confidence, with how long ago it was; "No check-in yet" otherwise. */
export function ConfidenceLozenge({ checkIn }: { checkIn: Pick<CheckIn, 'at' | 'confidence'> | undefined }) {
  if (checkIn === undefined) return <Lozenge>No check-in yet</Lozenge>;
  return (
    <span className="cad-inline cad-kr__confidence">
      <Lozenge appearance={CONFIDENCE_APPEARANCE[checkIn.confidence]}>{CONFIDENCE_WORDS[checkIn.confidence]}</Lozenge>
      <span className="cad-subtlest">checked in {formatAgo(checkIn.at)}</span>
    </span>
  );
}

/**
 * One key result: title, owner, current value against target with its unit, score bar, pace, the
 * confidence of the last check-in and a stale badge (no check-in for 7 days, decided by the backend).
 * `children` go below (initiatives, a check-in form...); `actions` at the end of the title line.
 */
export function KeyResultRow({
  keyResult,
  headingLevel,
  actions,
  children,
}: {
  keyResult: KeyResultRowData;
  /** Render the title as a heading (h3/h4) where rows are sections of a page; plain text otherwise. */
  headingLevel?: 3 | 4 | 5;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const Title = headingLevel === undefined ? 'span' : (`h${headingLevel}` as const);
  return (
    <div className="cad-kr" data-key-result={keyResult.id}>
      <div className="cad-kr__head">
        <Title className="cad-kr__title">{keyResult.title}</Title>
        {keyResult.stale ? (
          <Lozenge appearance="moved" title="No check-in for more than 7 days">
            Stale
          </Lozenge>
        ) : null}
        {actions}
      </div>
      <div className="cad-kr__meta">
        <Owner accountId={keyResult.ownerAccountId} role="Owner" />
        <span className="cad-kr__value">{formatCurrentOfTarget(keyResult.metric)}</span>
        <ScoreBar score={keyResult.progress} band={keyResult.band} compact />
        <PaceLabel pace={keyResult.pace} />
        <ConfidenceLozenge checkIn={keyResult.lastCheckIn} />
      </div>
      {children}
    </div>
  );
}
