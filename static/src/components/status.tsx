import type { ReactNode } from 'react';
import type { Band, CycleStatus, StatusSummary, TrackStatus } from '../../../src/contract';
import { primarySignal } from '../../../src/domain/status';
import { currentLocale, t } from '../app/i18n';
import { bandWords, formatNumber, trackWords, TRACKS } from './format';
import { Lozenge } from './lozenge';
import type { LozengeAppearance } from './lozenge';
import './status.css';

/**
 * The one status language on screen (issue #11): mid-cycle the status is pace (domain/status.ts); in
 * review and after, the grade band. The domain says which signal speaks (primarySignal); these only
 * draw it, so every view colours and words a KR the same way.
 */

export type Signal = 'pace' | 'grade';
export const signalOf = (cycle: { status: CycleStatus }): Signal => primarySignal(cycle.status);

const TRACK_APPEARANCE: Readonly<Record<TrackStatus, LozengeAppearance>> = {
  on_pace: 'success',
  behind: 'moved',
  at_risk: 'removed',
  stale: 'default',
  no_value: 'default',
};
const BAND_APPEARANCE: Readonly<Record<Band, LozengeAppearance>> = {
  red: 'removed',
  yellow: 'moved',
  green: 'success',
};
/** The bar's colour mid-cycle follows the status, so a bar never says red while the status says on pace. */
const TRACK_TONE: Readonly<Record<TrackStatus, Band | null>> = {
  on_pace: 'green',
  behind: 'yellow',
  at_risk: 'red',
  stale: null,
  no_value: null,
};

/** The colour of a score bar and its words for screen readers, under the signal that speaks. */
export const barStatus = (
  signal: Signal,
  track: TrackStatus,
  band: Band | null,
): { tone: Band | null; words: string | undefined } =>
  signal === 'grade'
    ? { tone: band, words: band === null ? undefined : t('components.status.gradeWords', { grade: bandWords(band) }) }
    : { tone: TRACK_TONE[track], words: trackWords(track).toLocaleLowerCase(currentLocale()) };

/** What each status means, on hover (the thresholds are domain/status.ts's). */
const trackHint = (track: TrackStatus): string => t(`components.status.hint.${track}`);

/** The primary status as a lozenge: pace mid-cycle, the grade band in review and after. */
export function StatusLozenge({ signal, track, band }: { signal: Signal; track: TrackStatus; band: Band | null }) {
  if (signal === 'grade') {
    if (band === null) return <Lozenge>{t('components.status.noGrade')}</Lozenge>;
    return (
      <Lozenge appearance={BAND_APPEARANCE[band]} title={t('components.status.gradeHint')}>
        {t('components.status.grade', { grade: bandWords(band) })}
      </Lozenge>
    );
  }
  return (
    <Lozenge appearance={TRACK_APPEARANCE[track]} title={trackHint(track)}>
      {trackWords(track)}
    </Lozenge>
  );
}

/**
 * "4 on pace · 1 behind · 2 at risk · 1 stale" that doubles as a filter: each count is a toggle
 * (aria-pressed); pressing the one selected shows everything again. Statuses with no items are left out.
 */
export function StatusSummaryBar({
  summary,
  what,
  selected,
  onSelect,
  children,
}: {
  summary: StatusSummary;
  /** What is counted: objectives or key results. */
  what: 'objective' | 'keyResult';
  selected: TrackStatus | undefined;
  onSelect: (track: TrackStatus | undefined) => void;
  /** More toggles in the same group after the statuses (the board's forecast count). */
  children?: ReactNode;
}) {
  const shown = TRACKS.filter((track) => summary[track] > 0);
  if (summary.total === 0) return null;
  return (
    <div
      className="cad-status-summary"
      role="group"
      aria-label={t(`components.status.summary.${what}`, { count: summary.total })}
    >
      {shown.map((track) => (
        <button
          key={track}
          type="button"
          className={`cad-status-summary__item cad-status-summary__item--${track}`}
          aria-pressed={selected === track}
          onClick={() => {
            onSelect(selected === track ? undefined : track);
          }}
        >
          <span className="cad-status-summary__count">{formatNumber(summary[track])}</span>{' '}
          {trackWords(track).toLocaleLowerCase(currentLocale())}
        </button>
      ))}
      {children}
    </div>
  );
}
