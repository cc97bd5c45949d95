import { asRecord } from '../../components/extension';

/**
 * What a Confluence page embeds, as saved by the config dialog (view.submit({config})) and read back
 * from context.extension.config. Flat and made of strings and booleans, as macro config values are.
 * `cycleId: ''` follows the current cycle, so a weekly check-in page never needs reconfiguring.
 */
export type MacroKind = 'scorecard' | 'board' | 'check-in';
export type MacroScope = 'team' | 'objective';

export interface MacroConfig {
  kind: MacroKind;
  cycleId: string;
  scope: MacroScope;
  teamId: string;
  objectiveId: string;
  includeKeyResults: boolean;
  includeInitiatives: boolean;
}

export const DEFAULT_CONFIG: MacroConfig = {
  kind: 'scorecard',
  cycleId: '',
  scope: 'team',
  teamId: '',
  objectiveId: '',
  includeKeyResults: true,
  includeInitiatives: true,
};

const KINDS: readonly MacroKind[] = ['scorecard', 'board', 'check-in'];

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The saved config, or undefined when the macro was never configured (or saved something unusable). */
export const parseMacroConfig = (raw: unknown): MacroConfig | undefined => {
  const config = asRecord(raw);
  const kind = KINDS.find((k) => k === config?.kind);
  if (config === undefined || kind === undefined) return undefined;
  const scope: MacroScope = kind === 'check-in' ? 'team' : config.scope === 'objective' ? 'objective' : 'team';
  const parsed: MacroConfig = {
    kind,
    cycleId: str(config.cycleId),
    scope,
    teamId: str(config.teamId),
    objectiveId: str(config.objectiveId),
    includeKeyResults: config.includeKeyResults !== false,
    includeInitiatives: config.includeInitiatives !== false,
  };
  const target = scope === 'team' ? parsed.teamId : parsed.objectiveId;
  return target === '' ? undefined : parsed;
};
