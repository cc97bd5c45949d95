import { asRecord } from '../../components/extension';

/**
 * What a Confluence page embeds, as saved by the config dialog (view.submit({config})) and read back
 * from context.extension.config. Flat and made of strings and booleans, as macro config values are.
 * `cycleId: ''` follows the current cycle, so a weekly check-in page never needs reconfiguring.
 */
export type MacroKind = 'scorecard' | 'board' | 'check-in';
/** 'company': every team (a scorecard section per team) or the whole alignment tree. */
export type MacroScope = 'team' | 'objective' | 'company';

export interface MacroConfig {
  kind: MacroKind;
  cycleId: string;
  scope: MacroScope;
  teamId: string;
  objectiveId: string;
  includeKeyResults: boolean;
  includeInitiatives: boolean;
  /** A scorecard of a team (or the company) shows its KPIs beside it; configs saved before #14 do too. */
  showKpis: boolean;
}

export const DEFAULT_CONFIG: MacroConfig = {
  kind: 'scorecard',
  cycleId: '',
  scope: 'team',
  teamId: '',
  objectiveId: '',
  includeKeyResults: true,
  includeInitiatives: true,
  showKpis: true,
};

const KINDS: readonly MacroKind[] = ['scorecard', 'board', 'check-in'];
const SCOPES: readonly MacroScope[] = ['team', 'objective', 'company'];

const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The saved config, or undefined when the macro was never configured (or saved something unusable). */
export const parseMacroConfig = (raw: unknown): MacroConfig | undefined => {
  const config = asRecord(raw);
  const kind = KINDS.find((k) => k === config?.kind);
  if (config === undefined || kind === undefined) return undefined;
  const scope: MacroScope = kind === 'check-in' ? 'team' : (SCOPES.find((s) => s === config.scope) ?? 'team');
  const parsed: MacroConfig = {
    kind,
    cycleId: str(config.cycleId),
    scope,
    teamId: str(config.teamId),
    objectiveId: str(config.objectiveId),
    includeKeyResults: config.includeKeyResults !== false,
    includeInitiatives: config.includeInitiatives !== false,
    showKpis: config.showKpis !== false,
  };
  return missingOf(parsed) === undefined ? parsed : undefined;
};

/** What a config still lacks before it shows anything: the team or objective its scope names. */
export const missingOf = (config: MacroConfig): 'team' | 'objective' | undefined => {
  const scope = effectiveScope(config);
  if (scope === 'team' && config.teamId === '') return 'team';
  if (scope === 'objective' && config.objectiveId === '') return 'objective';
  return undefined;
};

/** The check-in panel is always a team's, whatever scope was chosen before switching to it. */
export const effectiveScope = (config: Pick<MacroConfig, 'kind' | 'scope'>): MacroScope =>
  config.kind === 'check-in' ? 'team' : config.scope;
