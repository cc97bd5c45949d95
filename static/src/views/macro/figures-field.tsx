import type { Cycle } from '../../../../src/contract';
import { t } from '../../app/i18n';
import { RadioGroupField, SelectField } from '../../components/fields';
import type { MacroConfig } from './config';
import type { ShownFigures } from './figures-choice';
import { defaultWeek, shownFigures } from './figures-choice';
import { weekOptions } from './frozen-weeks';

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
      <RadioGroupField<ShownFigures>
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
