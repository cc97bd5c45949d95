import type { AsOf } from '../../../../src/contract/review';
import { asRecord } from '../../components/extension';

/**
 * What a Confluence page embeds, as saved by the config dialog (view.submit({config})) and read back
 * from context.extension.config. Flat and made of strings and booleans, as macro config values are.
 * `cycleId: ''` follows the current cycle, so a weekly check-in page never needs reconfiguring.
 */
export type MacroKind = 'scorecard' | 'board' | 'check-in';
/** 'company': every team (a scorecard section per team) or the whole alignment tree. */
export type MacroScope = 'team' | 'objective' | 'company';
/**
 * Which figures a scorecard shows (issue #14): live, as of a week of its cycle, or at the cycle's end.
 * 'auto' (configs saved before the choice existed) is the backend's default: a closed cycle at its end,
 * else live (src/domain/frozen-scorecard.ts defaultAsOf).
 */
export type MacroFigures = 'auto' | 'live' | 'week' | 'cycle-end';

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
  /** Which figures a scorecard shows; configs saved before #14 read as 'auto'. */
  figures: MacroFigures;
  /** The ISO week ('2027-W05') of figures 'week'; '' otherwise. */
  week: string;
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
  figures: 'auto',
  week: '',
};

const KINDS: readonly MacroKind[] = ['scorecard', 'board', 'check-in'];
const SCOPES: readonly MacroScope[] = ['team', 'objective', 'company'];
const FIGURES: readonly MacroFigures[] = ['live', 'week', 'cycle-end'];
const ISO_WEEK = /^\d{4}-W\d{2}$/;

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
    ...figuresOf(config.figures, config.week),
  };
  return missingOf(parsed) === undefined ? parsed : undefined;
};

/** A saved choice of figures; anything unusable (or a week that is no ISO week) reads as 'auto'. */
const figuresOf = (figures: unknown, week: unknown): Pick<MacroConfig, 'figures' | 'week'> => {
  const chosen = FIGURES.find((f) => f === figures);
  if (chosen === undefined) return { figures: 'auto', week: '' };
  if (chosen !== 'week') return { figures: chosen, week: '' };
  return typeof week === 'string' && ISO_WEEK.test(week) ? { figures: 'week', week } : { figures: 'auto', week: '' };
};

/**
 * The scorecard.get `asOf` a config asks for (undefined: the backend's default). Only scorecards
 * freeze: the board and the check-in panel are live.
 */
export const asOfOf = (config: Pick<MacroConfig, 'kind' | 'figures' | 'week'>): AsOf | undefined => {
  if (config.kind !== 'scorecard') return undefined;
  switch (config.figures) {
    case 'auto':
      return undefined;
    case 'week':
      return { kind: 'week', week: config.week };
    case 'live':
    case 'cycle-end':
      return { kind: config.figures };
  }
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
