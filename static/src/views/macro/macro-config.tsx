import { view } from '@forge/bridge';
import { useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { Cycle, Team } from '../../../../src/contract';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { ConfigActions } from '../../components/config-actions';
import { currentCycle } from '../../components/cycles';
import { CheckboxField, RadioGroupField, SelectField } from '../../components/fields';
import { ErrorState, LoadingState } from '../../components/states';
import { ObjectivePicker } from '../pickers/objective-picker';
import { DEFAULT_CONFIG } from './config';
import type { MacroConfig, MacroKind, MacroScope } from './config';

const KIND_OPTIONS = [
  { value: 'scorecard', label: 'Scorecard', description: 'scores of a team’s or one objective’s OKRs, printable' },
  { value: 'board', label: 'Alignment board', description: 'a team’s or an objective’s alignment tree' },
  { value: 'check-in', label: 'Check-in panel', description: 'a team’s KRs with the weekly check-in form' },
] as const satisfies readonly { value: MacroKind; label: string; description: string }[];

const CURRENT = '';

const loadChoices = async (): Promise<{ cycles: Cycle[]; teams: Team[] }> => {
  const [{ cycles }, { teams }] = await Promise.all([api['cycles.list']({}), api['teams.list']({})]);
  return { cycles, teams };
};

/**
 * The macro's custom config dialog: what to embed (scorecard, alignment board, check-in panel), for
 * which cycle, team or objective, and for a scorecard whether KRs and epics show. Save submits
 * view.submit({config}) (Confluence stores it with the macro); Cancel is view.close().
 */
export default function MacroConfigDialog({ initial }: { initial: MacroConfig | undefined }) {
  const [config, setConfig] = useState<MacroConfig>(initial ?? DEFAULT_CONFIG);
  const [missing, setMissing] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(undefined);
  const choices = useAsync(loadChoices, []);
  const cycles = choices.data?.cycles ?? [];
  const objectiveCycle = config.cycleId === CURRENT ? currentCycle(cycles)?.id : config.cycleId;
  const pickingObjective = config.scope === 'objective' && config.kind !== 'check-in';

  const update = (patch: Partial<MacroConfig>) => {
    setConfig((c) => ({ ...c, ...patch }));
    setMissing(undefined);
  };

  const save = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const scope: MacroScope = config.kind === 'check-in' ? 'team' : config.scope;
    if (scope === 'team' && config.teamId === '') {
      setMissing('team');
      return;
    }
    if (scope === 'objective' && config.objectiveId === '') {
      setMissing('objective');
      return;
    }
    // An objective belongs to one cycle: pin it, so the macro keeps showing that objective.
    const cycleId = scope === 'objective' ? (objectiveCycle ?? CURRENT) : config.cycleId;
    setSaving(true);
    setSaveError(undefined);
    view.submit({ config: { ...config, scope, cycleId } }).catch((e: unknown) => {
      setSaveError(e);
      setSaving(false);
    });
  };

  if (choices.data === undefined) {
    return (
      <main className="cad-view">
        {choices.status === 'error' ? (
          <ErrorState error={choices.error} reload={choices.reload} />
        ) : (
          <LoadingState label="Loading teams and cycles…" />
        )}
      </main>
    );
  }
  const { teams } = choices.data;

  return (
    <main className="cad-view">
      <form className="cad-stack cad-config" onSubmit={save} aria-label="Configure the OKR macro" noValidate>
        <RadioGroupField
          legend="What to embed"
          value={config.kind}
          options={KIND_OPTIONS}
          onChange={(kind) => {
            update({ kind });
          }}
        />
        <SelectField
          label="Cycle"
          value={config.cycleId}
          options={[
            { value: CURRENT, label: `Current cycle (${currentCycle(cycles)?.name ?? 'none yet'})` },
            ...cycles.map((c) => ({ value: c.id, label: `${c.name} (${c.status})` })),
          ]}
          onChange={(cycleId) => {
            update({ cycleId, objectiveId: '' });
          }}
          hint={
            pickingObjective ? undefined : 'The current cycle follows the active one, so the page stays up to date.'
          }
        />
        {config.kind === 'check-in' ? null : (
          <RadioGroupField
            legend="For"
            value={config.scope}
            options={[
              { value: 'team', label: 'A team' },
              {
                value: 'objective',
                label: config.kind === 'board' ? 'An objective and what aligns to it' : 'One objective',
              },
            ]}
            onChange={(scope) => {
              update({ scope });
            }}
          />
        )}
        {config.kind === 'check-in' || config.scope === 'team' ? (
          <SelectField
            label="Team"
            value={config.teamId}
            options={teams.map((t) => ({ value: t.id, label: t.name }))}
            onChange={(teamId) => {
              update({ teamId });
            }}
            placeholder={teams.length === 0 ? 'No teams yet' : 'Choose a team'}
            error={missing === 'team' ? 'Choose the team to show.' : undefined}
          />
        ) : objectiveCycle === undefined ? (
          <p className="cad-subtle">There is no current cycle yet: choose a cycle to pick one of its objectives.</p>
        ) : (
          <ObjectivePicker
            key={objectiveCycle}
            cycleId={objectiveCycle}
            value={config.objectiveId}
            onChange={(hit) => {
              update({ objectiveId: hit.id });
            }}
            placeholder="Choose an objective"
            error={missing === 'objective' ? 'Choose the objective to show.' : undefined}
          />
        )}
        {config.kind === 'scorecard' ? (
          <fieldset className="cad-fieldset cad-field">
            <legend className="cad-fieldset__legend">Include</legend>
            <div className="cad-radios">
              <CheckboxField
                label="Key results"
                checked={config.includeKeyResults}
                onChange={(includeKeyResults) => {
                  update({ includeKeyResults });
                }}
              />
              <CheckboxField
                label="Initiatives (linked epics)"
                checked={config.includeKeyResults && config.includeInitiatives}
                disabled={!config.includeKeyResults}
                onChange={(includeInitiatives) => {
                  update({ includeInitiatives });
                }}
              />
            </div>
          </fieldset>
        ) : null}
        <ConfigActions saving={saving} saveError={saveError} />
      </form>
    </main>
  );
}
