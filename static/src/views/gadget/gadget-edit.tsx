import { view } from '@forge/bridge';
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { Cycle, Team } from '../../../../src/contract';
import { t } from '../../app/i18n';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { ConfigActions } from '../../components/config-actions';
import { currentCycle, cycleOptionLabel } from '../../components/cycles';
import { RadioGroupField, SelectField } from '../../components/fields';
import { ErrorState, LoadingState } from '../../components/states';
import { DEFAULT_GADGET_CONFIG } from './config';
import type { GadgetConfig, GadgetMode } from './config';

const loadChoices = async (): Promise<{ cycles: Cycle[]; teams: Team[] }> => {
  const [{ cycles }, { teams }] = await Promise.all([api['cycles.list']({}), api['teams.list']({})]);
  return { cycles, teams };
};

/** The gadget's edit view: my KRs or a team's scorecard, and the cycle. Saves with view.submit(config). */
export default function GadgetEdit({ initial }: { initial: GadgetConfig | undefined }) {
  const [config, setConfig] = useState<GadgetConfig>(initial ?? DEFAULT_GADGET_CONFIG);
  const [missingTeam, setMissingTeam] = useState(false);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(undefined);
  const choices = useAsync(loadChoices, []);

  const save = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (config.mode === 'team' && config.teamId === '') {
      setMissingTeam(true);
      return;
    }
    setSaving(true);
    setSaveError(undefined);
    const saved: GadgetConfig = config.mode === 'team' ? config : { ...config, teamId: '' };
    view.submit(saved).catch((e: unknown) => {
      setSaveError(e);
      setSaving(false);
    });
  };

  if (choices.data === undefined) {
    return (
      <main className="cad-view cad-view--compact">
        {choices.status === 'error' ? (
          <ErrorState error={choices.error} reload={choices.reload} />
        ) : (
          <LoadingState label={t('gadget.edit.loading')} />
        )}
      </main>
    );
  }
  const { cycles, teams } = choices.data;
  return (
    <main className="cad-view cad-view--compact">
      <form className="cad-stack" onSubmit={save} aria-label={t('gadget.edit.label')} noValidate>
        <RadioGroupField<GadgetMode>
          legend={t('gadget.edit.show')}
          value={config.mode}
          options={[
            { value: 'mine', label: t('gadget.edit.mine'), description: t('gadget.edit.mineDescription') },
            { value: 'team', label: t('gadget.edit.team'), description: t('gadget.edit.teamDescription') },
          ]}
          onChange={(mode) => {
            setConfig((c) => ({ ...c, mode }));
          }}
        />
        {config.mode === 'team' ? (
          <SelectField
            label={t('gadget.edit.teamField')}
            value={config.teamId}
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
            onChange={(teamId) => {
              setConfig((c) => ({ ...c, teamId }));
              setMissingTeam(false);
            }}
            placeholder={teams.length === 0 ? t('gadget.edit.noTeams') : t('gadget.edit.chooseTeam')}
            error={missingTeam ? t('gadget.edit.teamMissing') : undefined}
          />
        ) : null}
        <SelectField
          label={t('gadget.edit.cycle')}
          value={config.cycleId}
          options={[
            {
              value: '',
              label: t('gadget.edit.currentCycle', { name: currentCycle(cycles)?.name ?? t('gadget.edit.noCycle') }),
            },
            ...cycles.map((c) => ({ value: c.id, label: cycleOptionLabel(c) })),
          ]}
          onChange={(cycleId) => {
            setConfig((c) => ({ ...c, cycleId }));
          }}
        />
        <ConfigActions saving={saving} saveError={saveError} />
      </form>
    </main>
  );
}
