import { useState } from 'react';
import { t } from '../../app/i18n';
import { Button } from '../../components/button';
import { SearchOffers, useSearchResults } from '../../components/search-offers';
import { useDebounced } from '../../components/use-debounced';
import type { JiraProject } from './jira-lookups';
import { searchProjects } from './jira-lookups';

/** The projects a query finds (the picker offers those, not the page's `more`). */
const searchForProjects = async (query: string): Promise<JiraProject[]> => (await searchProjects(query)).projects;

/**
 * A team's Jira projects: the chosen keys (each removable, with its name once known) and a search over
 * Jira's project search (key or name contains the words typed), results shown as key and name.
 */
export function ProjectPicker({
  id,
  label,
  value,
  names,
  onChange,
  error,
}: {
  id: string;
  label: string;
  value: readonly string[];
  /** Names of projects already looked up, by key (keys without one show alone). */
  names: ReadonlyMap<string, string>;
  onChange: (keys: string[], picked?: JiraProject) => void;
  error?: string | undefined;
}) {
  const [query, setQuery] = useState('');
  const settled = useDebounced(query.trim(), 250);
  const results = useSearchResults(settled, searchForProjects);

  const offered = results === 'failed' ? results : results.filter((p) => !value.includes(p.key));
  const errorId = `${id}-error`;
  return (
    <fieldset className="cad-fieldset cad-field" aria-describedby={error === undefined ? undefined : errorId}>
      <legend className="cad-fieldset__legend">{label}</legend>
      {value.length === 0 ? (
        <p className="cad-subtle">{t('admin.teams.noProjects')}</p>
      ) : (
        <ul className="cad-admin-chips" aria-label={label}>
          {value.map((key) => {
            const name = names.get(key);
            const words = t('admin.teams.removeProject', { key });
            return (
              <li key={key}>
                <span>
                  <span className="cad-admin-key">{key}</span>
                  {name === undefined ? null : ` ${name}`}
                </span>
                <Button
                  appearance="subtle"
                  aria-label={words}
                  title={words}
                  onClick={() => {
                    onChange(value.filter((k) => k !== key));
                  }}
                >
                  <span aria-hidden="true">×</span>
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <SearchOffers
        id={id}
        label={t('admin.teams.addProject')}
        query={query}
        onQuery={setQuery}
        settled={settled}
        offers={offered}
        words={{
          failed: t('admin.teams.projectsFailed'),
          none: t('admin.teams.noProject', { query: settled }),
          matching: t('admin.teams.projectsMatching', { query: settled }),
        }}
        keyOf={(p) => p.key}
        onPick={(p) => {
          onChange([...value, p.key], p);
          setQuery('');
        }}
      >
        {(p) => t('admin.teams.addThisProject', { key: p.key, name: p.name })}
      </SearchOffers>
      {error === undefined ? null : (
        <p id={errorId} className="cad-field__error" data-field-error="">
          {error}
        </p>
      )}
    </fieldset>
  );
}
