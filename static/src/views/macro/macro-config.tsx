import { view } from '@forge/bridge';
import { useMemo, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { Cycle, CycleStatus, Team } from '../../../../src/contract';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { loadChunkWords } from '../../app/chunk-words';
import { useChunkWords } from '../../app/use-chunk-words';
import { t } from '../../app/i18n';
import { ConfigActions } from '../../components/config-actions';
import { currentCycle } from '../../components/cycles';
import { CheckboxField, RadioGroupField, SelectField } from '../../components/fields';
import { ErrorState, LoadingState } from '../../components/states';
import { useDebounced } from '../../components/use-debounced';
import { ObjectivePicker } from '../pickers/objective-picker';
import { DEFAULT_CONFIG, effectiveScope, missingOf } from './config';
import { FiguresField } from './figures-field';
import type { MacroConfig, MacroKind, MacroScope } from './config';
import { MacroPreview } from './macro-preview';

const KINDS: readonly MacroKind[] = ['scorecard', 'board', 'check-in'];
const kindOptions = () =>
  KINDS.map((value) => ({
    value,
    label: t(`macro.config.kinds.${value}.label`),
    description: t(`macro.config.kinds.${value}.description`),
  }));
const cycleStatusWords = (status: CycleStatus): string => t(`macro.config.cycleStatus.${status}`);

const CURRENT = '';
/** The preview follows the form after a short pause, so choosing through a list reads once. */
const PREVIEW_DEBOUNCE_MS = 400;

const loadChoices = async (): Promise<{ cycles: Cycle[]; teams: Team[] }> => {
  // The "Show figures" words come with the dialog (chunk words), beside its data.
  const [{ cycles }, { teams }] = await Promise.all([
    api['cycles.list']({}),
    api['teams.list']({}),
    loadChunkWords('figures'),
  ]);
  return { cycles, teams };
};

/**
 * The macro's custom config dialog: what to embed (scorecard, alignment board, check-in panel), for
 * which cycle, team or objective, and for a scorecard whether KRs and epics show. Save submits
 * view.submit({config}) (Confluence stores it with the macro); Cancel is view.close().
 */
export default function MacroConfigDialog({ initial }: { initial: MacroConfig | undefined }) {
  useChunkWords('macro');
  const [config, setConfig] = useState<MacroConfig>(initial ?? DEFAULT_CONFIG);
  const [missing, setMissing] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(undefined);
  const choices = useAsync(loadChoices, []);
  const cycles = choices.data?.cycles ?? [];
  const objectiveCycle = config.cycleId === CURRENT ? currentCycle(cycles)?.id : config.cycleId;
  const scope = effectiveScope(config);
  const pickingObjective = scope === 'objective';
  // An objective, and a week of figures, belong to one cycle: saving pins it.
  const pinsCycle = pickingObjective || (config.kind === 'scorecard' && config.figures === 'week');
  const shownCycle = cycles.find((c) => c.id === objectiveCycle);
  // What the page will show: the config as it would be saved (an objective's cycle pinned).
  const candidate = useMemo(
    (): MacroConfig => ({ ...config, scope, cycleId: pinsCycle ? (objectiveCycle ?? CURRENT) : config.cycleId }),
    [config, scope, pinsCycle, objectiveCycle],
  );
  const previewed = useDebounced(candidate, PREVIEW_DEBOUNCE_MS);

  const update = (patch: Partial<MacroConfig>) => {
    setConfig((c) => ({ ...c, ...patch }));
    setMissing(undefined);
  };

  const save = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const lacking = missingOf(config);
    if (lacking !== undefined) {
      setMissing(lacking);
      return;
    }
    // An objective (or a week) belongs to one cycle: pin it, so the macro keeps showing that objective.
    const cycleId = pinsCycle ? (objectiveCycle ?? CURRENT) : config.cycleId;
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
          <LoadingState label={t('macro.config.loading')} />
        )}
      </main>
    );
  }
  const { teams } = choices.data;
  const scopeOptions: { value: MacroScope; label: string }[] = [
    { value: 'team', label: t('macro.config.scopes.team') },
    {
      value: 'objective',
      label: config.kind === 'board' ? t('macro.config.scopes.subtree') : t('macro.config.scopes.objective'),
    },
    {
      value: 'company',
      label:
        config.kind === 'board' ? t('macro.config.scopes.companyBoard') : t('macro.config.scopes.companyScorecard'),
    },
  ];

  return (
    <main className="cad-view cad-config-layout">
      <form className="cad-stack cad-config" onSubmit={save} aria-label={t('macro.config.form')} noValidate>
        <RadioGroupField
          legend={t('macro.config.kind')}
          value={config.kind}
          options={kindOptions()}
          onChange={(kind) => {
            update({ kind });
          }}
        />
        <SelectField
          label={t('macro.config.cycle')}
          value={config.cycleId}
          options={[
            {
              value: CURRENT,
              label: t('macro.config.currentCycle', {
                name: currentCycle(cycles)?.name ?? t('macro.config.noCycleYet'),
              }),
            },
            ...cycles.map((c) => ({
              value: c.id,
              label: t('macro.config.cycleOption', { name: c.name, status: cycleStatusWords(c.status) }),
            })),
          ]}
          onChange={(cycleId) => {
            // A week or the end of another cycle means nothing here: back to that cycle's default.
            update({ cycleId, objectiveId: '', figures: 'auto', week: '' });
          }}
          hint={pickingObjective ? undefined : t('macro.config.cycleHint')}
        />
        {config.kind === 'check-in' ? null : (
          <RadioGroupField
            legend={t('macro.config.scope')}
            value={config.scope}
            options={scopeOptions}
            onChange={(next) => {
              update({ scope: next });
            }}
          />
        )}
        {scope === 'company' ? null : scope === 'team' ? (
          <SelectField
            label={t('macro.config.team')}
            value={config.teamId}
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
            onChange={(teamId) => {
              update({ teamId });
            }}
            placeholder={teams.length === 0 ? t('macro.config.noTeams') : t('macro.config.chooseTeam')}
            error={missing === 'team' ? t('macro.config.missingTeam') : undefined}
          />
        ) : objectiveCycle === undefined ? (
          <p className="cad-subtle">{t('macro.config.noCurrentCycle')}</p>
        ) : (
          <ObjectivePicker
            key={objectiveCycle}
            cycleId={objectiveCycle}
            value={config.objectiveId}
            onChange={(hit) => {
              update({ objectiveId: hit.id });
            }}
            placeholder={t('macro.config.chooseObjective')}
            error={missing === 'objective' ? t('macro.config.missingObjective') : undefined}
          />
        )}
        {config.kind === 'scorecard' ? (
          <fieldset className="cad-fieldset cad-field">
            <legend className="cad-fieldset__legend">{t('macro.config.include')}</legend>
            <div className="cad-radios">
              <CheckboxField
                label={t('macro.config.includeKeyResults')}
                checked={config.includeKeyResults}
                onChange={(includeKeyResults) => {
                  update({ includeKeyResults });
                }}
              />
              <CheckboxField
                label={t('macro.config.includeInitiatives')}
                checked={config.includeKeyResults && config.includeInitiatives}
                disabled={!config.includeKeyResults}
                onChange={(includeInitiatives) => {
                  update({ includeInitiatives });
                }}
              />
              {scope === 'objective' ? null : (
                <CheckboxField
                  label={t('kpi.macro.include')}
                  checked={config.showKpis}
                  onChange={(showKpis) => {
                    update({ showKpis });
                  }}
                />
              )}
            </div>
          </fieldset>
        ) : null}
        {config.kind === 'scorecard' ? <FiguresField config={config} cycle={shownCycle} update={update} /> : null}
        <ConfigActions saving={saving} saveError={saveError} />
      </form>
      <MacroPreview config={previewed} updating={previewed !== candidate} />
    </main>
  );
}
