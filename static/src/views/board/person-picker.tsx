import { requestJira } from '@forge/bridge';
import { useState } from 'react';
import { t } from '../../app/i18n';
import { Button } from '../../components/button';
import { SearchOffers, useSearchResults } from '../../components/search-offers';
import { asRecord } from '../../components/extension';
import { Owner } from '../../components/owner';
import { useDebounced } from '../../components/use-debounced';

export interface FoundPerson {
  accountId: string;
  displayName: string;
}

const parseUsers = (body: unknown): FoundPerson[] =>
  (Array.isArray(body) ? body : []).flatMap((raw: unknown) => {
    const user = asRecord(raw);
    const accountId = user?.accountId;
    const displayName = user?.displayName;
    const human = user?.accountType === undefined || user.accountType === 'atlassian';
    return typeof accountId === 'string' && typeof displayName === 'string' && human
      ? [{ accountId, displayName }]
      : [];
  });

/** People (not apps) matching a query: Jira's GET /rest/api/3/user/search as the viewer. */
export const searchPeople = async (query: string): Promise<FoundPerson[]> => {
  const response = await requestJira(`/rest/api/3/user/search?maxResults=10&query=${encodeURIComponent(query)}`);
  if (!response.ok) throw new Error(`user search answered ${String(response.status)}`);
  return parseUsers(await response.json());
};

/**
 * Picks a person through Jira's user search (GET /rest/api/3/user/search, as the viewer): the current
 * choice with Change (and Clear when optional), then a search box whose results are buttons.
 */
export function PersonPicker({
  id,
  label,
  value,
  onChange,
  optional = false,
  error,
}: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (accountId: string | undefined) => void;
  optional?: boolean;
  error?: string | undefined;
}) {
  const [searching, setSearching] = useState(value === undefined && !optional);
  const [query, setQuery] = useState('');
  const settled = useDebounced(query.trim(), 250);
  const results = useSearchResults(settled, searchPeople, searching);

  const errorId = `${id}-error`;
  return (
    <fieldset className="cad-fieldset cad-person-picker" aria-describedby={error === undefined ? undefined : errorId}>
      <legend className="cad-fieldset__legend">{label}</legend>
      <div className="cad-inline">
        {value === undefined ? (
          <span className="cad-subtle">{t('editor.person.nobody')}</span>
        ) : (
          <Owner accountId={value} />
        )}
        {searching ? null : (
          <Button
            appearance="link"
            onClick={() => {
              setSearching(true);
            }}
          >
            {t('editor.person.change')}
            <span className="cad-visually-hidden"> {label.toLowerCase()}</span>
          </Button>
        )}
        {optional && value !== undefined ? (
          <Button
            appearance="link"
            onClick={() => {
              onChange(undefined);
            }}
          >
            {t('editor.person.clear')}
            <span className="cad-visually-hidden"> {label.toLowerCase()}</span>
          </Button>
        ) : null}
      </div>
      {searching ? (
        <SearchOffers
          id={id}
          label={t('editor.person.search')}
          query={query}
          onQuery={setQuery}
          settled={settled}
          offers={results}
          words={{
            failed: t('editor.person.failed'),
            none: t('editor.person.noMatch', { query: settled }),
            matching: t('editor.person.matching', { query: settled }),
          }}
          keyOf={(p) => p.accountId}
          onPick={(p) => {
            onChange(p.accountId);
            setSearching(false);
            setQuery('');
          }}
        >
          {(p) => p.displayName}
        </SearchOffers>
      ) : null}
      {error === undefined ? null : (
        <p id={errorId} className="cad-field__error" data-field-error="">
          {error}
        </p>
      )}
    </fieldset>
  );
}
