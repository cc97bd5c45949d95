import { Suspense, useId, useMemo, useState } from 'react';
import type { Team } from '../../../../src/contract';
import { api } from '../../api/client';
import { useRequestId } from '../../api/request-id';
import { useAsync } from '../../api/use-api';
import { useChunkWords } from '../../app/use-chunk-words';
import { t } from '../../app/i18n';
import { Button } from '../../components/button';
import { WriteButton } from '../../components/read-only';
import { describeError } from '../../components/errors';
import { LoadingState } from '../../components/states';
import type { JiraProject } from './jira-lookups';
import { searchProjects } from './jira-lookups';
import './admin.css';

/** The team's name may be at most 80 characters (TeamFields.name); a longer project name is cut there. */
const TEAM_NAME_MAX = 80;

/** Projects no team lists yet (keys compare case-insensitively, as Jira's do). */
export const unclaimedProjects = (projects: readonly JiraProject[], teams: readonly Team[]): JiraProject[] => {
  const claimed = new Set(teams.flatMap((team) => team.jiraProjectKeys.map((k) => k.toUpperCase())));
  return projects.filter((p) => !claimed.has(p.key.toUpperCase()));
};

/**
 * "Suggested from Jira": the Jira projects the viewer can see that no team lists yet, each one click from
 * a team named after it with that project. Used by the settings' Teams section and the board's getting
 * started; the caller shows it to OKR admins only (teams.create refuses anyone else).
 */
export function TeamSuggestions(props: TeamSuggestionsProps) {
  // Its words are the settings' (locales/<locale>/chunks/admin.json), loaded with it where they are not yet.
  return (
    <Suspense fallback={<LoadingState label={t('admin.load.loading')} />}>
      <SuggestionsWithWords {...props} />
    </Suspense>
  );
}

interface TeamSuggestionsProps {
  teams: readonly Team[];
  onCreated: (team: Team) => void;
  headingLevel?: 2 | 3 | 4;
}

function SuggestionsWithWords({ teams, onCreated, headingLevel = 3 }: TeamSuggestionsProps) {
  useChunkWords('admin');
  const projects = useAsync(() => searchProjects(), []);
  const requestId = useRequestId();
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<{ key: string; message: string } | undefined>(undefined);
  // Created here but maybe not yet in `teams` (the caller reloads): hidden at once all the same.
  const [created, setCreated] = useState<readonly Team[]>([]);
  const open = useMemo(
    () => (projects.data === undefined ? [] : unclaimedProjects(projects.data.projects, [...teams, ...created])),
    [projects.data, teams, created],
  );
  const Heading = `h${headingLevel}` as const;
  const titleId = useId();

  const create = (project: JiraProject): void => {
    setBusy(project.key);
    setFailure(undefined);
    api['teams.create']({
      name: project.name.trim().slice(0, TEAM_NAME_MAX),
      jiraProjectKeys: [project.key],
      requestId: requestId.current(project.key),
    }).then(
      (team) => {
        requestId.done(project.key);
        setBusy(undefined);
        setCreated((c) => [...c, team]);
        onCreated(team);
      },
      (error: unknown) => {
        setBusy(undefined);
        setFailure({ key: project.key, message: describeError(error) });
      },
    );
  };

  return (
    <section className="cad-stack cad-team-suggestions" aria-labelledby={titleId}>
      <Heading id={titleId} className="cad-heading-xsmall">
        {t('admin.suggestions.title')}
      </Heading>
      {projects.status === 'error' && projects.data === undefined ? (
        <div className="cad-message cad-message--error" role="alert">
          <p className="cad-text">{t('admin.suggestions.failed')}</p>
          <div>
            <Button onClick={projects.reload}>{t('admin.common.retry')}</Button>
          </div>
        </div>
      ) : projects.data === undefined ? (
        <LoadingState inline label={t('admin.suggestions.loading')} />
      ) : open.length === 0 ? (
        <p className="cad-subtle">{t('admin.suggestions.none')}</p>
      ) : (
        <>
          <p className="cad-subtle">{t('admin.suggestions.description')}</p>
          <ul className="cad-list" aria-label={t('admin.suggestions.title')}>
            {open.map((p) => (
              <li key={p.key} className="cad-admin-row">
                <span className="cad-admin-row__main">
                  <span className="cad-admin-key">{p.key}</span> {p.name}
                </span>
                <WriteButton
                  disabled={busy !== undefined}
                  aria-label={t('admin.suggestions.createLabel', { key: p.key, name: p.name })}
                  onClick={() => {
                    create(p);
                  }}
                >
                  {busy === p.key ? t('admin.suggestions.creating') : t('admin.suggestions.create')}
                </WriteButton>
                {failure?.key === p.key ? (
                  <p className="cad-field__error cad-admin-row__error" role="alert">
                    {failure.message}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
          {projects.data.more ? <p className="cad-subtlest">{t('admin.suggestions.more')}</p> : null}
        </>
      )}
    </section>
  );
}
