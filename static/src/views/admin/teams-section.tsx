import { useMemo, useState } from 'react';
import type { Team } from '../../../../src/contract';
import { useAsync } from '../../api/use-api';
import { currentLocale, t } from '../../app/i18n';
import { Button } from '../../components/button';
import { Owner } from '../../components/owner';
import { EmptyState } from '../../components/states';
import { searchProjects } from './jira-lookups';
import { TeamForm } from './team-form';
import { TeamSuggestions } from './team-suggestions';
import { teamTree } from './team-tree';

type Editing = { kind: 'new' } | { kind: 'edit'; team: Team } | undefined;

/** Teams: the tree of teams with members and projects; OKR admins create and edit them. */
export function TeamsSection({
  teams,
  canEdit,
  onChanged,
}: {
  teams: readonly Team[];
  canEdit: boolean;
  onChanged: () => void;
}) {
  const [editing, setEditing] = useState<Editing>(undefined);
  const [saved, setSaved] = useState<string | undefined>(undefined);
  // Names of the projects the viewer can see, for the keys teams list (first 50 by key; others show the key alone).
  const projects = useAsync(() => searchProjects(), []);
  const names = useMemo(
    () => new Map((projects.data?.projects ?? []).map((p) => [p.key, p.name] as const)),
    [projects.data],
  );
  const tree = teamTree(teams, currentLocale());
  const byId = new Map(teams.map((team) => [team.id, team]));

  const done = (message: string): void => {
    setEditing(undefined);
    setSaved(message);
    onChanged();
  };

  return (
    <>
      <div className="cad-inline cad-inline--spread">
        <h2 className="cad-heading-medium">{t('admin.teams.title')}</h2>
        {canEdit && editing === undefined ? (
          <Button
            appearance="primary"
            onClick={() => {
              setSaved(undefined);
              setEditing({ kind: 'new' });
            }}
          >
            {t('admin.teams.new')}
          </Button>
        ) : null}
      </div>
      <p className="cad-subtle">{t('admin.teams.intro')}</p>
      <p role="status" className={saved === undefined ? 'cad-visually-hidden' : 'cad-message cad-message--success'}>
        {saved}
      </p>
      {editing === undefined ? null : (
        <TeamForm
          key={editing.kind === 'new' ? 'new' : editing.team.id}
          team={editing.kind === 'new' ? undefined : editing.team}
          teams={teams}
          projectNames={names}
          onSaved={(team) => {
            done(t(editing.kind === 'new' ? 'admin.teams.created' : 'admin.teams.saved', { name: team.name }));
          }}
          onCancel={() => {
            setEditing(undefined);
          }}
        />
      )}
      {tree.length === 0 ? (
        <EmptyState
          title={t('admin.teams.noneTitle')}
          description={t('admin.teams.noneDescription')}
          headingLevel={3}
        />
      ) : (
        <ul className="cad-list" aria-label={t('admin.teams.listLabel')}>
          {tree.map(({ team, depth }) => {
            const parent = team.parentTeamId === undefined ? undefined : byId.get(team.parentTeamId);
            return (
              <li
                key={team.id}
                className="cad-admin-row"
                style={{ paddingInlineStart: `calc(${String(depth)} * var(--ds-space-300))` }}
              >
                <div className="cad-admin-row__main cad-stack">
                  <h3 className="cad-heading-xsmall">{team.name}</h3>
                  {parent === undefined ? null : (
                    <p className="cad-subtle">{t('admin.teams.partOf', { name: parent.name })}</p>
                  )}
                  <div className="cad-inline">
                    <span className="cad-subtle">
                      {t('admin.teams.memberCount', { count: team.memberAccountIds.length })}
                    </span>
                    {team.memberAccountIds.slice(0, 8).map((a) => (
                      <Owner key={a} accountId={a} hideName />
                    ))}
                  </div>
                  <p className="cad-subtle">
                    {team.jiraProjectKeys.length === 0
                      ? t('admin.teams.noProjects')
                      : team.jiraProjectKeys
                          .map((k) => {
                            const name = names.get(k);
                            return name === undefined ? k : `${k} (${name})`;
                          })
                          .join(', ')}
                  </p>
                </div>
                {canEdit ? (
                  <Button
                    aria-label={t('admin.teams.editLabel', { name: team.name })}
                    onClick={() => {
                      setSaved(undefined);
                      setEditing({ kind: 'edit', team });
                    }}
                  >
                    {t('admin.teams.edit')}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {canEdit ? (
        <TeamSuggestions
          teams={teams}
          onCreated={(team) => {
            setSaved(t('admin.teams.created', { name: team.name }));
            onChanged();
          }}
        />
      ) : null}
    </>
  );
}
