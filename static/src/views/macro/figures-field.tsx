import type { Cycle } from '../../../../src/contract';
import { cycleWeeks } from '../../../../src/domain/frozen-scorecard';
import { isoWeek } from '../../../../src/domain/iso-week';
import { t } from '../../app/i18n';
import { RadioGroupField, SelectField } from '../../components/fields';
import type { MacroConfig, MacroFigures } from './config';
import { weekOptions } from './frozen-weeks';

type Shown = Exclude<MacroFigures, 'auto'>;

/** What 'auto' shows for a cycle: the backend's default (a closed cycle at its end, else live). */
export const shownFigures = (figures: MacroFigures, cycle: Pick<Cycle, 'status'> | undefined): Shown =>
  figures !== 'auto' ? figures : cycle?.status === 'closed' ? 'cycle-end' : 'live';

/** The week a new "as of a week" choice starts at: the cycle's latest week so far (its last once over). */
export const defaultWeek = (cycle: Pick<Cycle, 'startDate' | 'endDate'>, now: Date = new Date()): string => {
  const weeks = cycleWeeks(cycle);
  const current = isoWeek(now);
  return [...weeks].reverse().find((w) => w <= current) ?? weeks[0] ?? '';
};

/**
 * A scorecard's "Show figures": live, as of a week of the cycle (a select of its weeks with their
 * dates), or the end of the cycle (closed cycles only, and their default). `cycle` is the one the
 * macro shows (the current one when it follows it); without one only live is offered.
 */
export function FiguresField({
  config,
  cycle,
  update,
}: {
  config: MacroConfig;
  cycle: Cycle | undefined;
  update: (patch: Partial<MacroConfig>) => void;
}) {
  const shown = shownFigures(config.figures, cycle);
  const closed = cycle?.status === 'closed';
  return (
    <>
      <RadioGroupField<Shown>
        legend={t('figures.figures')}
        value={shown}
        hint={closed && config.figures === 'auto' ? t('figures.autoHint') : undefined}
        options={[
          { value: 'live', label: t('figures.live'), description: t('figures.liveDescription') },
          {
            value: 'week',
            label: t('figures.week'),
            description: t('figures.weekDescription'),
            disabled: cycle === undefined,
          },
          {
            value: 'cycle-end',
            label: t('figures.cycleEnd'),
            description: closed ? t('figures.cycleEndDescription') : t('figures.cycleEndClosedOnly'),
            disabled: !closed,
          },
        ]}
        onChange={(figures) => {
          update({ figures, week: figures === 'week' && cycle !== undefined ? defaultWeek(cycle) : '' });
        }}
      />
      {shown === 'week' && cycle !== undefined ? (
        <SelectField
          label={t('figures.weekSelect')}
          value={config.week}
          options={weekOptions(cycle)}
          onChange={(week) => {
            update({ week });
          }}
          hint={config.cycleId === '' ? t('figures.weekHint') : undefined}
        />
      ) : null}
    </>
  );
}
