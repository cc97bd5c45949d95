import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Band } from '../../../../src/contract';
import { Button } from '../../components/button';
import { currentLocale, t } from '../../app/i18n';
import { bandWords, compareNames } from '../../components/format';
import type { BoardIndex } from './board-index';
import type { BoardFilters } from './filters';
import { isFiltering, NO_FILTERS } from './filters';
import { useDebounced } from '../../components/use-debounced';
import { usePeopleNames } from './use-people-names';

/** Typing pauses longer than this refilter the board; shorter bursts wait. */
const TEXT_DELAY_MS = 250;

const BANDS: readonly Band[] = ['green', 'yellow', 'red'];
const parseBand = (value: string): BoardFilters['band'] =>
  value === 'none' ? 'none' : (BANDS.find((b) => b === value) ?? '');

/** The board's filter state setter: updates are functions of the latest filters, never of a stale copy. */
export type FiltersUpdate = (update: (filters: BoardFilters) => BoardFilters) => void;

/**
 * A compact filter bar: search (objective and KR titles), team and objective owner on one row; grade
 * and "has quality findings" behind "More filters". Each control is named by a label read by screen
 * readers and shown as its placeholder or first option. Selects and the checkbox apply at once; the
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

  const names = usePeopleNames(index.owners);
  const people = useMemo(() => {
    // The one chosen stays listed: a scoped board loads only the owners in its scope.
    const ids =
      filters.ownerId === '' || index.owners.includes(filters.ownerId)
        ? index.owners
        : [...index.owners, filters.ownerId];
    return ids
      .map((accountId) => ({ accountId, name: names.get(accountId) ?? t('board.filters.loadingName') }))
      .sort((a, b) => compareNames(a.name, b.name));
  }, [index.owners, filters.ownerId, names]);
  const teams = useMemo(() => [...index.teamNames].sort((a, b) => compareNames(a[1], b[1])), [index.teamNames]);
  // Grade and findings are used less: behind a disclosure, open by itself when one of them is set.
  const moreSet = (filters.band === '' ? 0 : 1) + (filters.hasFindings ? 1 : 0);
  const [moreOpen, setMoreOpen] = useState(moreSet > 0);

  return (
    <div className="cad-filters" role="search" aria-label={t('board.filters.label')}>
      <div className="cad-filters__row">
        <div className="cad-field cad-field--text">
          <label className="cad-visually-hidden" htmlFor={`${id}-text`}>
            {t('board.filters.search')}
          </label>
          <input
            id={`${id}-text`}
            className="cad-input"
            type="search"
            placeholder={t('board.filters.search')}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
            }}
          />
        </div>
        <div className="cad-field">
          <label className="cad-visually-hidden" htmlFor={`${id}-team`}>
            {t('board.filters.team')}
          </label>
          <select
            id={`${id}-team`}
            className="cad-select"
            value={filters.teamId}
            aria-describedby={`${id}-scope`}
            onChange={(e) => {
              const teamId = e.target.value;
              onChange((f) => ({ ...f, teamId }));
            }}
          >
            <option value="">{t('board.filters.allTeams')}</option>
            {teams.map(([teamId, name]) => (
              <option key={teamId} value={teamId}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="cad-field">
          <label className="cad-visually-hidden" htmlFor={`${id}-owner`}>
            {t('board.filters.owner')}
          </label>
          <select
            id={`${id}-owner`}
            className="cad-select"
            value={filters.ownerId}
            aria-describedby={`${id}-scope`}
            onChange={(e) => {
              const ownerId = e.target.value;
              onChange((f) => ({ ...f, ownerId }));
            }}
          >
            <option value="">{t('board.filters.anyOwner')}</option>
            {people.map((p) => (
              <option key={p.accountId} value={p.accountId}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <Button
          appearance="subtle"
          aria-expanded={moreOpen}
          aria-controls={`${id}-more`}
          onClick={() => {
            setMoreOpen((v) => !v);
          }}
        >
          {moreSet > 0 ? t('board.filters.moreCount', { count: moreSet }) : t('board.filters.more')}
        </Button>
        {isFiltering(filters) || text !== '' ? (
          <Button
            appearance="subtle"
            onClick={() => {
              setText('');
              onChange(() => NO_FILTERS);
            }}
          >
            {t('board.filters.clear')}
          </Button>
        ) : null}
        <span id={`${id}-scope`} className="cad-filters__hint" title={t('board.filters.scopeHint')}>
          {filters.teamId !== '' || filters.ownerId !== '' ? t('board.filters.scopeHint') : null}
        </span>
      </div>
      <div id={`${id}-more`} className="cad-filters__row" hidden={!moreOpen}>
        <div className="cad-field">
          <label className="cad-visually-hidden" htmlFor={`${id}-band`}>
            {t('board.filters.band')}
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
            <option value="">{t('board.filters.anyBand')}</option>
            {BANDS.map((b) => (
              <option key={b} value={b}>
                {capitalize(bandWords(b))}
              </option>
            ))}
            <option value="none">{t('board.filters.noScore')}</option>
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
          {t('board.filters.findings')}
        </label>
      </div>
    </div>
  );
}

const capitalize = (words: string): string => words.charAt(0).toLocaleUpperCase(currentLocale()) + words.slice(1);
