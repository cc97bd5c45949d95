import type { ReactNode } from 'react';
import type { Band, CheckIn, Forecast, Metric, TrackStatus } from '../../../src/contract';
import { t } from '../app/i18n';
import { ForecastNote } from './forecast-note';
import { confidenceWords, formatAgo, formatCurrentOfTarget, formatNumber } from './format';
import { Lozenge } from './lozenge';
import type { LozengeAppearance } from './lozenge';
import { Owner } from './owner';
import { ScoreBar } from './score-bar';
import type { Signal } from './status';
import { barStatus, StatusLozenge } from './status';
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
  track: TrackStatus;
  stale: boolean;
  /** How much it counts in its objective's score (default 1): shown when it is not 1. */
  weight?: number;
  lastCheckIn?: Pick<CheckIn, 'at' | 'value' | 'confidence'> | undefined;
  /** Where it is heading by the cycle's end; shown mid-cycle only (the pace signal), when there is one. */
  forecast?: Forecast | null | undefined;
}

const CONFIDENCE_APPEARANCE: Readonly<Record<CheckIn['confidence'], LozengeAppearance>> = {
  on_track: 'success',
  at_risk: 'moved',
  off_track: 'removed',
};

/**
 * The owner's word, labelled as theirs so it is never read as the status: "Owner's confidence: at risk ·
 * checked in 2 days ago"; "No check-in yet" otherwise. A secondary signal, drawn smaller than the status.
 */
export function ConfidenceLozenge({ checkIn }: { checkIn: Pick<CheckIn, 'at' | 'confidence'> | undefined }) {
  if (checkIn === undefined)
    return <span className="cad-subtlest cad-kr__confidence">{t('components.keyResult.noCheckIn')}</span>;
  return (
    <span className="cad-inline cad-kr__confidence">
      <span className="cad-subtlest">{t('components.keyResult.ownerConfidence')}</span>
      <Lozenge appearance={CONFIDENCE_APPEARANCE[checkIn.confidence]}>{confidenceWords(checkIn.confidence)}</Lozenge>
      <span className="cad-subtlest">{t('components.keyResult.checkedIn', { ago: formatAgo(checkIn.at) })}</span>
    </span>
  );
}

/**
 * One key result: title, its status (pace mid-cycle, grade in review: components/status.tsx), owner,
 * current value against target with its unit, the progress bar in the status's colour, the owner's
 * confidence as a labelled secondary signal and, mid-cycle, the forecast with its disagreement flag. `children` go below (initiatives, a check-in form...);
 * `actions` at the end of the title line.
 */
export function KeyResultRow({
  keyResult,
  signal,
  headingLevel,
  actions,
  children,
}: {
  keyResult: KeyResultRowData;
  /** Which signal speaks: the cycle's (signalOf). */
  signal: Signal;
  /** Render the title as a heading (h3/h4) where rows are sections of a page; plain text otherwise. */
  headingLevel?: 3 | 4 | 5;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  const Title = headingLevel === undefined ? 'span' : (`h${headingLevel}` as const);
  const { tone, words } = barStatus(signal, keyResult.track, keyResult.band);
  const bar = { band: tone, words };
  return (
    <div className="cad-kr" data-key-result={keyResult.id}>
      <div className="cad-kr__head">
        <Title className="cad-kr__title">{keyResult.title}</Title>
        <StatusLozenge signal={signal} track={keyResult.track} band={keyResult.band} />
        {actions}
      </div>
      <div className="cad-kr__meta">
        <Owner accountId={keyResult.ownerAccountId} role={t('components.owner.role')} />
        <span className="cad-kr__value">{formatCurrentOfTarget(keyResult.metric)}</span>
        {keyResult.weight === undefined || keyResult.weight === 1 ? null : (
          <span className="cad-subtle" title={t('components.keyResult.weightHint')}>
            {t('components.keyResult.weight', { weight: formatNumber(keyResult.weight) })}
          </span>
        )}
        <ScoreBar score={keyResult.progress} {...bar} label={t('components.keyResult.progress')} compact />
        <ConfidenceLozenge checkIn={keyResult.lastCheckIn} />
        {signal === 'pace' ? <ForecastNote forecast={keyResult.forecast} metric={keyResult.metric} /> : null}
      </div>
      {children}
    </div>
  );
}
