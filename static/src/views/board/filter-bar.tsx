import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Band } from '../../../../src/contract';
import { Button } from '../../components/button';
import { bandWords } from '../../components/format';
import type { BoardIndex } from './board-index';
import type { BoardFilters } from './filters';
import { isFiltering, NO_FILTERS } from './filters';
import { useDebounced } from './use-debounced';
import { usePeopleNames } from './use-people-names';

/** Typing pauses longer than this refilter the board; shorter bursts wait. */
const TEXT_DELAY_MS = 250;

const BANDS: readonly Band[] = ['green', 'yellow', 'red'];
const parseBand = (value: string): BoardFilters['band'] =>
  value === 'none' ? 'none' : (BANDS.find((b) => b === value) ?? '');

/** The board's filter state setter: updates are functions of the latest filters, never of a stale copy. */
export type FiltersUpdate = (update: (filters: BoardFilters) => BoardFilters) => void;

/**
 * Team, owner, band, "has findings" and a title search. Selects and the checkbox apply at once; the
 * search box applies once typing pauses, so a 1,000-objective board is filtered once per pause.
 */
export function FilterBar({
  index,
  filters,
  onChange,
}: {
  index: BoardIndex;
  filters: BoardFilters;
  onChange: FiltersUpdate;
}) {
  const id = useId();
  const [text, setText] = useState(filters.text);
  const settled = useDebounced(text, TEXT_DELAY_MS);
  // The search last sent up: a different filters.text came from elsewhere (Back, a link) and replaces
  // what the box shows; the echo of what was typed does not.
  const sent = useRef(filters.text);
  useEffect(() => {
    sent.current = settled;
    onChange((f) => (f.text === settled ? f : { ...f, text: settled }));
  }, [settled, onChange]);
  useEffect(() => {
    if (filters.text === sent.current) return;
    sent.current = filters.text;
    setText(filters.text);
  }, [filters.text]);

  const names = usePeopleNames(index.people);
  const people = useMemo(
    () =>
      [...index.people]
        .map((accountId) => ({ accountId, name: names.get(accountId) ?? 'Loading…' }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [index.people, names],
  );
  const teams = useMemo(() => [...index.teamNames].sort((a, b) => a[1].localeCompare(b[1])), [index.teamNames]);

  return (
    <div className="cad-filters" role="search" aria-label="Filter the board">
      <div className="cad-field cad-field--text">
        <label className="cad-field__label" htmlFor={`${id}-text`}>
          Search titles
        </label>
        <input
          id={`${id}-text`}
          className="cad-input"
          type="search"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
          }}
        />
      </div>
      <div className="cad-field">
        <label className="cad-field__label" htmlFor={`${id}-team`}>
          Team
        </label>
        <select
          id={`${id}-team`}
          className="cad-select"
          value={filters.teamId}
          onChange={(e) => {
            const teamId = e.target.value;
            onChange((f) => ({ ...f, teamId }));
          }}
        >
          <option value="">All teams</option>
          {teams.map(([teamId, name]) => (
            <option key={teamId} value={teamId}>
              {name}
            </option>
          ))}
        </select>
      </div>
      <div className="cad-field">
        <label className="cad-field__label" htmlFor={`${id}-owner`}>
          Owner
        </label>
        <select
          id={`${id}-owner`}
          className="cad-select"
          value={filters.ownerId}
          onChange={(e) => {
            const ownerId = e.target.value;
            onChange((f) => ({ ...f, ownerId }));
          }}
        >
          <option value="">Anyone</option>
          {people.map((p) => (
            <option key={p.accountId} value={p.accountId}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="cad-field">
        <label className="cad-field__label" htmlFor={`${id}-band`}>
          Score band
        </label>
        <select
          id={`${id}-band`}
          className="cad-select"
          value={filters.band}
          onChange={(e) => {
            const band = parseBand(e.target.value);
            onChange((f) => ({ ...f, band }));
          }}
        >
          <option value="">Any band</option>
          {BANDS.map((b) => (
            <option key={b} value={b}>
              {bandWords(b).charAt(0).toUpperCase() + bandWords(b).slice(1)}
            </option>
          ))}
          <option value="none">No score yet</option>
        </select>
      </div>
      <label className="cad-checkbox">
        <input
          type="checkbox"
          checked={filters.hasFindings}
          onChange={(e) => {
            const hasFindings = e.target.checked;
            onChange((f) => ({ ...f, hasFindings }));
          }}
        />
        Has quality findings
      </label>
      {isFiltering(filters) || text !== '' ? (
        <Button
          appearance="subtle"
          onClick={() => {
            setText('');
            onChange(() => NO_FILTERS);
          }}
        >
          Clear filters
        </Button>
      ) : null}
    </div>
  );
}
