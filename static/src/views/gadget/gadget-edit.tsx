import { view } from '@forge/bridge';
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { Cycle, Team } from '../../../../src/contract';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { ConfigActions } from '../../components/config-actions';
import { currentCycle } from '../../components/cycles';
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
          <LoadingState label="Loading teams and cycles…" />
        )}
      </main>
    );
  }
  const { cycles, teams } = choices.data;
  return (
    <main className="cad-view cad-view--compact">
      <form className="cad-stack" onSubmit={save} aria-label="Configure the OKR gadget" noValidate>
        <RadioGroupField<GadgetMode>
          legend="Show"
          value={config.mode}
          options={[
            { value: 'mine', label: 'My key results', description: 'the KRs you own' },
            { value: 'team', label: 'Team scorecard', description: 'a team’s objectives and KRs' },
          ]}
          onChange={(mode) => {
            setConfig((c) => ({ ...c, mode }));
          }}
        />
        {config.mode === 'team' ? (
          <SelectField
            label="Team"
            value={config.teamId}
            options={teams.map((t) => ({ value: t.id, label: t.name }))}
            onChange={(teamId) => {
              setConfig((c) => ({ ...c, teamId }));
              setMissingTeam(false);
            }}
            placeholder={teams.length === 0 ? 'No teams yet' : 'Choose a team'}
            error={missingTeam ? 'Choose the team to show.' : undefined}
          />
        ) : null}
        <SelectField
          label="Cycle"
          value={config.cycleId}
          options={[
            { value: '', label: `Current cycle (${currentCycle(cycles)?.name ?? 'none yet'})` },
            ...cycles.map((c) => ({ value: c.id, label: `${c.name} (${c.status})` })),
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
