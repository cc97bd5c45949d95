import { useState } from 'react';
import { t } from '../../app/i18n';
import { Button } from '../../components/button';
import { SearchOffers, useSearchResults } from '../../components/search-offers';
import { Owner } from '../../components/owner';
import { useUser } from '../../components/user-directory';
import { searchPeople } from '../board/person-picker';
import { useDebounced } from '../../components/use-debounced';

function MemberChip({ accountId, onRemove }: { accountId: string; onRemove: () => void }) {
  const name = useUser(accountId).displayName;
  const words = t('admin.teams.removeMember', { name });
  return (
    <li>
      <Owner accountId={accountId} size="small" />
      <Button appearance="subtle" onClick={onRemove} aria-label={words} title={words}>
        <span aria-hidden="true">×</span>
      </Button>
    </li>
  );
}

/**
 * A team's members: the chosen people (each removable) and a search through Jira's user search (GET
 * /rest/api/3/user/search, as the viewer), as the board's PersonPicker searches; that one holds a single
 * person, a team holds many, so the list and the search stay open side by side.
 */
export function MemberPicker({
  id,
  label,
  value,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: readonly string[];
  onChange: (accountIds: string[]) => void;
  error?: string | undefined;
}) {
  const [query, setQuery] = useState('');
  const settled = useDebounced(query.trim(), 250);
  const results = useSearchResults(settled, searchPeople);

  const offered = results === 'failed' ? results : results.filter((p) => !value.includes(p.accountId));
  const errorId = `${id}-error`;
  return (
    <fieldset className="cad-fieldset cad-field" aria-describedby={error === undefined ? undefined : errorId}>
      <legend className="cad-fieldset__legend">{label}</legend>
      {value.length === 0 ? (
        <p className="cad-subtle">{t('admin.teams.noMembers')}</p>
      ) : (
        <ul className="cad-admin-chips" aria-label={label}>
          {value.map((accountId) => (
            <MemberChip
              key={accountId}
              accountId={accountId}
              onRemove={() => {
                onChange(value.filter((a) => a !== accountId));
              }}
            />
          ))}
        </ul>
      )}
      <SearchOffers
        id={id}
        label={t('admin.teams.addMember')}
        query={query}
        onQuery={setQuery}
        settled={settled}
        offers={offered}
        words={{
          failed: t('admin.teams.peopleFailed'),
          none: t('admin.teams.noPerson', { query: settled }),
          matching: t('admin.teams.peopleMatching', { query: settled }),
        }}
        keyOf={(p) => p.accountId}
        onPick={(p) => {
          onChange([...value, p.accountId]);
          setQuery('');
        }}
      >
        {(p) => t('admin.teams.addPerson', { name: p.displayName })}
      </SearchOffers>
      {error === undefined ? null : (
        <p id={errorId} className="cad-field__error" data-field-error="">
          {error}
        </p>
      )}
    </fieldset>
  );
}
