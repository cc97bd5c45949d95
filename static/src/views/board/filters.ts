import type { Band, TrackStatus } from '../../../../src/contract';
import type { BoardScope, Forest } from '../../../../src/domain/board-filter';
import {
  disagreesWithForecast,
  inStatus,
  keepInScope,
  keepWithContext,
  keptIds,
  matchesText,
  searchWords,
} from '../../../../src/domain/board-filter';
import type { BoardIndex, ObjectiveEntry } from './board-index';
import type { KeyResultsState } from './rows';

/** What the filter bar sets. Empty strings mean "any". */
export interface BoardFilters {
  readonly teamId: string;
  /** The objective's owner (not its KR owners): the domain's scope rule. */
  readonly ownerId: string;
  /** A band, or 'none' for objectives without a score yet. */
  readonly band: Band | 'none' | '';
  /** A status (the summary's counts set it): published objectives in that status. */
  readonly track: TrackStatus | '';
  /** Only objectives with a KR whose forecast disagrees with its owner's confidence (the summary's forecast count sets it). */
  readonly forecast: boolean;
  readonly hasFindings: boolean;
  /** Already debounced by the filter bar; its words are matched against objective and KR titles. */
  readonly text: string;
}

export const NO_FILTERS: BoardFilters = {
  teamId: '',
  ownerId: '',
  band: '',
  track: '',
  forecast: false,
  hasFindings: false,
  text: '',
};

export const isFiltering = (f: BoardFilters): boolean => f.teamId !== '' || f.ownerId !== '' || isRefining(f);

/** Filters beyond the scope: they narrow the objectives loaded. */
const isRefining = (f: BoardFilters): boolean =>
  f.band !== '' || f.track !== '' || f.forecast || f.hasFindings || f.text.trim() !== '';

/** The scope part, as board.get and board.children take it (the backend applies the same rule). */
export const scopeOf = (f: BoardFilters): BoardScope => ({
  ...(f.teamId === '' ? {} : { teamId: f.teamId }),
  ...(f.ownerId === '' ? {} : { ownerAccountId: f.ownerId }),
});

/** Which objectives the filters keep. `matched` rows read normally; the rest are context, dimmed. */
export interface FilterResult {
  readonly shown: ReadonlySet<string>;
  readonly matched: ReadonlySet<string>;
  /** The search's words (domain/board-filter.ts searchWords), for highlighting matches in titles. */
  readonly words: readonly string[];
}

/** The loaded tree as the domain's rules walk it. */
const forestOf = (index: BoardIndex): Forest<ObjectiveEntry> => {
  const entries = (ids: readonly string[]): ObjectiveEntry[] =>
    ids.flatMap((id) => {
      const entry = index.byId.get(id);
      return entry === undefined ? [] : [entry];
    });
  return { roots: entries(index.rootIds), childrenOf: (e) => entries(e.childIds), idOf: (e) => e.objective.id };
};

/** KR titles loaded for an objective (KR rows arrive for the objectives near the view). */
const keyResultTitles = (states: ReadonlyMap<string, KeyResultsState> | undefined, id: string): string[] => {
  const state = states?.get(id);
  return state?.status === 'ready' ? state.rows.map((kr) => kr.title) : [];
};

/**
 * A thin adapter over the domain's board filter rule (src/domain/board-filter.ts): the scope (team,
 * objective owner) keeps its matches with their ancestors (dimmed) and descendants, as board.get does;
 * status, band, findings and text then narrow that to their matches with their ancestors. Text covers
 * objective titles and the KR titles loaded. `undefined` when nothing is filtered, so the common case
 * costs nothing.
 */
export const applyFilters = (
  index: BoardIndex,
  f: BoardFilters,
  keyResults?: ReadonlyMap<string, KeyResultsState>,
): FilterResult | undefined => {
  if (!isFiltering(f)) return undefined;
  const forest = forestOf(index);
  const scoped = keepInScope(forest, (e) => e.objective, scopeOf(f));
  const inScope = (id: string): boolean => scoped === undefined || scoped.matched.has(id) || scoped.below.has(id);
  const words = searchWords(f.text);
  if (!isRefining(f)) {
    // Scoped only (isFiltering held): the scope's matches and what aligns under them read normally.
    const kept = scoped ?? { matched: new Set<string>(), above: new Set<string>(), below: new Set<string>() };
    return { shown: keptIds(kept), matched: new Set([...kept.matched, ...kept.below]), words };
  }
  const refined = keepWithContext(
    forest,
    (entry) => {
      const o = entry.objective;
      if (!inScope(o.id)) return false;
      if (f.band !== '' && (f.band === 'none' ? o.band !== null : o.band !== f.band)) return false;
      if (f.track !== '' && !inStatus(o, f.track)) return false;
      if (f.forecast && !disagreesWithForecast(o)) return false;
      if (f.hasFindings && entry.findings === 0) return false;
      return matchesText([o.title, ...keyResultTitles(keyResults, o.id)], words);
    },
    false,
  );
  return { shown: keptIds(refined), matched: refined.matched, words };
};
