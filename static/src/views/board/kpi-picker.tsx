import { Suspense, useMemo } from 'react';
import { useChunkWords } from '../../app/use-chunk-words';
import { t } from '../../app/i18n';
import { kpiChoices } from '../../components/kpi-words';
import type { BoardIndex } from './board-index';
import { SelectField } from './fields';

/**
 * The KPI an objective responds to: its team's KPIs, then the company's (board.get `kpis`, no extra
 * read). Changing the team keeps the choice; the backend says so if it does not fit.
 */
export function KpiPicker(props: KpiPickerProps) {
  return (
    <Suspense fallback={null}>
      <KpiPickerField {...props} />
    </Suspense>
  );
}

interface KpiPickerProps {
  id: string;
  index: BoardIndex;
  teamId: string | undefined;
  value: string;
  onChange: (kpiId: string) => void;
  error: string | undefined;
}

function KpiPickerField({ id, index, teamId, value, onChange, error }: KpiPickerProps) {
  // Its words come with the KPI chunk (app/chunk-words.ts); the field appears once they are in.
  useChunkWords('kpi');
  const choices = useMemo(() => kpiChoices([...index.kpis.values()], teamId, value), [index, teamId, value]);
  return (
    <SelectField
      id={id}
      label={t('kpi.picker.label')}
      value={value}
      onChange={onChange}
      error={error}
      hint={choices.length === 0 ? t('kpi.picker.noKpis') : t('kpi.picker.hint')}
    >
      <option value="">{t('kpi.picker.none')}</option>
      {choices.map((k) => (
        <option key={k.id} value={k.id}>
          {k.teamId === undefined ? t('kpi.picker.company', { name: k.name }) : k.name}
        </option>
      ))}
    </SelectField>
  );
}
