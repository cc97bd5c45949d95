import { useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { Button } from './button';

/**
 * What `search` found for the settled query: [] before any query, 'failed' when it failed. A newer query
 * supersedes an answer still on its way. `enabled: false` asks nothing (a picker not searching).
 */
export const useSearchResults = <T,>(
  settled: string,
  search: (query: string) => Promise<readonly T[]>,
  enabled = true,
): readonly T[] | 'failed' => {
  const [results, setResults] = useState<readonly T[] | 'failed'>([]);
  const latest = useRef(search);
  latest.current = search;
  useEffect(() => {
    if (!enabled || settled === '') return;
    let live = true;
    latest.current(settled).then(
      (found) => {
        if (live) setResults(found);
      },
      () => {
        if (live) setResults('failed');
      },
    );
    return () => {
      live = false;
    };
  }, [enabled, settled]);
  return results;
};

/**
 * A search box and what it found, each a button that picks it: the pickers for people, members and Jira
 * projects share it. `settled` is the query the offers answer (debounced by the caller); nothing shows
 * before one, `'failed'` says the search failed, no offers say nothing matched.
 */
export function SearchOffers<T>({
  id,
  label,
  query,
  onQuery,
  settled,
  offers,
  words,
  keyOf,
  onPick,
  children,
}: {
  /** The field's id; the input is `${id}-search`. */
  id: string;
  label: string;
  query: string;
  onQuery: (query: string) => void;
  settled: string;
  offers: readonly T[] | 'failed';
  words: { failed: string; none: string; matching: string };
  keyOf: (item: T) => string;
  onPick: (item: T) => void;
  /** What an offer's button says. */
  children: (item: T) => ReactNode;
}) {
  return (
    <div className="cad-field">
      <label className="cad-field__label" htmlFor={`${id}-search`}>
        {label}
      </label>
      <input
        id={`${id}-search`}
        className="cad-input"
        type="search"
        value={query}
        onChange={(e) => {
          onQuery(e.target.value);
        }}
      />
      {settled === '' ? null : offers === 'failed' ? (
        <p className="cad-field__error">{words.failed}</p>
      ) : offers.length === 0 ? (
        <p className="cad-field__hint">{words.none}</p>
      ) : (
        <ul className="cad-list" aria-label={words.matching}>
          {offers.map((item) => (
            <li key={keyOf(item)}>
              <Button
                appearance="subtle"
                onClick={() => {
                  onPick(item);
                }}
              >
                {children(item)}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
