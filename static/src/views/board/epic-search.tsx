import { requestJira } from '@forge/bridge';
import { useEffect, useId, useState } from 'react';
import { api } from '../../api/client';
import { t } from '../../app/i18n';
import { useRequestId } from '../../api/request-id';
import { WriteButton } from '../../components/read-only';
import { describeError, fieldErrors } from '../../components/errors';
import { asRecord, stringAt } from '../../components/extension';
import { IssueLink } from '../../app/links';
import { useDebounced } from '../../components/use-debounced';

interface EpicHit {
  key: string;
  summary: string;
}

/** Only epics can be initiatives; the picker's JQL says so, and the backend checks again on link. */
const EPIC_JQL = 'issuetype = Epic';

const parsePicker = (body: unknown): EpicHit[] => {
  const sections = asRecord(body)?.sections;
  if (!Array.isArray(sections)) return [];
  const seen = new Set<string>();
  return sections.flatMap((section: unknown) => {
    const issues = asRecord(section)?.issues;
    return (Array.isArray(issues) ? issues : []).flatMap((issue: unknown): EpicHit[] => {
      const key = stringAt(issue, 'key');
      if (key === undefined || seen.has(key)) return [];
      seen.add(key);
      return [{ key, summary: stringAt(issue, 'summaryText') ?? stringAt(issue, 'summary') ?? '' }];
    });
  });
};

/**
 * "Link an epic": Jira's issue picker (GET /rest/api/3/issue/picker, as the viewer, so only epics they
 * may browse come back) limited to epics, then initiatives.link on the one chosen. The backend's
 * refusal (not an epic, already linked, not visible) shows under the search box.
 */
export function EpicSearch({
  keyResultId,
  keyResultTitle,
  onLinked,
}: {
  keyResultId: string;
  keyResultTitle: string;
  onLinked: () => void;
}) {
  const id = useId();
  const [query, setQuery] = useState('');
  const settled = useDebounced(query.trim(), 300);
  const [hits, setHits] = useState<EpicHit[] | 'failed'>([]);
  const [linking, setLinking] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    if (settled === '') return;
    let live = true;
    const path = `/rest/api/3/issue/picker?query=${encodeURIComponent(settled)}&currentJQL=${encodeURIComponent(EPIC_JQL)}`;
    requestJira(path)
      .then(async (r) => (r.ok ? parsePicker(await r.json()) : ('failed' as const)))
      .then(
        (found) => {
          if (live) setHits(found);
        },
        () => {
          if (live) setHits('failed');
        },
      );
    return () => {
      live = false;
    };
  }, [settled]);

  const requestId = useRequestId();
  const link = (issueKey: string) => {
    setLinking(issueKey);
    setError(undefined);
    api['initiatives.link']({ keyResultId, issueKey, requestId: requestId.current(issueKey) }).then(
      () => {
        requestId.done(issueKey);
        setLinking(undefined);
        setQuery('');
        setHits([]);
        onLinked();
      },
      (e: unknown) => {
        setLinking(undefined);
        setError(fieldErrors(e).get('issueKey') ?? describeError(e));
      },
    );
  };

  const errorId = `${id}-error`;
  return (
    <div className="cad-field cad-epic-search">
      <label className="cad-field__label" htmlFor={`${id}-q`}>
        {t('editor.epics.search', { title: keyResultTitle })}
      </label>
      <input
        id={`${id}-q`}
        className="cad-input"
        type="search"
        value={query}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={error === undefined ? undefined : errorId}
        onChange={(e) => {
          setQuery(e.target.value);
          setError(undefined);
        }}
      />
      {error === undefined ? null : (
        <p id={errorId} className="cad-field__error" role="alert" data-field-error="">
          {error}
        </p>
      )}
      {settled === '' ? null : hits === 'failed' ? (
        <p className="cad-field__error">{t('editor.epics.failed')}</p>
      ) : hits.length === 0 ? (
        <p className="cad-field__hint">{t('editor.epics.noMatch', { query: settled })}</p>
      ) : (
        <ul className="cad-list" aria-label={t('editor.epics.matching')}>
          {hits.map((hit) => (
            <li key={hit.key} className="cad-inline">
              <WriteButton
                disabled={linking !== undefined}
                onClick={() => {
                  link(hit.key);
                }}
              >
                {linking === hit.key ? t('editor.epics.linking') : t('editor.epics.link')}
                <span className="cad-visually-hidden"> {hit.key}</span>
              </WriteButton>
              <span className="cad-text">
                <IssueLink issueKey={hit.key} className="cad-issue-key" /> {hit.summary}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
