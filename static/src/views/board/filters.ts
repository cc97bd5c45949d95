import type { Band, TrackStatus } from '../../../../src/contract';
import type { BoardIndex, ObjectiveEntry } from './board-index';

/** What the filter bar sets. Empty strings mean "any". */
export interface BoardFilters {
  readonly teamId: string;
  readonly ownerId: string;
  /** A band, or 'none' for objectives without a score yet. */
  readonly band: Band | 'none' | '';
  /** A status (the summary's counts set it): published objectives in that status. */
  readonly track: TrackStatus | '';
  readonly hasFindings: boolean;
  /** Already debounced by the filter bar; matched case-insensitively against titles. */
  readonly text: string;
}

export const NO_FILTERS: BoardFilters = { teamId: '', ownerId: '', band: '', track: '', hasFindings: false, text: '' };

export const isFiltering = (f: BoardFilters): boolean =>
  f.teamId !== '' || f.ownerId !== '' || f.band !== '' || f.track !== '' || f.hasFindings || f.text.trim() !== '';

const matches = (entry: ObjectiveEntry, f: BoardFilters, text: string): boolean => {
  const o = entry.objective;
  if (f.teamId !== '' && o.teamId !== f.teamId) return false;
  if (f.ownerId !== '' && !entry.people.includes(f.ownerId)) return false;
  if (f.band !== '' && (f.band === 'none' ? o.band !== null : o.band !== f.band)) return false;
  if (f.track !== '' && (o.status !== 'published' || o.track !== f.track)) return false;
  if (f.hasFindings && entry.findings === 0) return false;
  if (text !== '' && !entry.searchText.includes(text)) return false;
  return true;
};

/**
 * Which objectives the filters keep: the matches, plus their ancestors so every match is still seen
 * where it sits in the alignment tree (ancestors that do not match are shown dimmed). One pass over the
 * tree per filter change; `undefined` when nothing is filtered, so the common case costs nothing.
 */
export interface FilterResult {
  readonly shown: ReadonlySet<string>;
  readonly matched: ReadonlySet<string>;
}

export const applyFilters = (index: BoardIndex, f: BoardFilters): FilterResult | undefined => {
  if (!isFiltering(f)) return undefined;
  const text = f.text.trim().toLowerCase();
  const matched = new Set<string>();
  const shown = new Set<string>();
  for (const id of index.order) {
    const entry = index.byId.get(id);
    if (entry === undefined || !matches(entry, f, text)) continue;
    matched.add(id);
    // Walk up until an ancestor already shown: each objective is added at most once.
    let at: string | undefined = id;
    while (at !== undefined && !shown.has(at)) {
      shown.add(at);
      at = index.byId.get(at)?.parentId;
    }
  }
  return { shown, matched };
};
