import { useId, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { Team } from '../../../../src/contract';
import { api } from '../../api/client';
import { useRequestId } from '../../api/request-id';
import { currentLocale, t } from '../../app/i18n';
import { Button } from '../../components/button';
import { describeError, fieldErrors } from '../../components/errors';
import { FormError, SelectField, TextField } from '../board/fields';
import type { JiraProject } from './jira-lookups';
import { fieldError } from './field-error';
import { MemberPicker } from './member-picker';
import { ProjectPicker } from './project-picker';
import { parentCandidates, teamTree } from './team-tree';

/** The team's name may be at most 80 characters (TeamFields.name). */
const NAME_LIMIT = 80;

/** Creates a team, or edits one: name, parent team (no cycles), members and Jira projects. */
export function TeamForm({
  team,
  teams,
  projectNames,
  onSaved,
  onCancel,
}: {
  /** Undefined: a new team. */
  team: Team | undefined;
  teams: readonly Team[];
  projectNames: ReadonlyMap<string, string>;
  onSaved: (team: Team) => void;
  onCancel: () => void;
}) {
  const id = useId();
  const requestId = useRequestId();
  const [name, setName] = useState(team?.name ?? '');
  const [parentTeamId, setParentTeamId] = useState(team?.parentTeamId ?? '');
  const [members, setMembers] = useState<string[]>(team?.memberAccountIds ?? []);
  const [projects, setProjects] = useState<string[]>(team?.jiraProjectKeys ?? []);
  const [picked, setPicked] = useState<ReadonlyMap<string, string>>(projectNames);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [nameMissing, setNameMissing] = useState(false);

  const fields = fieldErrors(error);
  const candidates = new Set(parentCandidates(teams, team?.id).map((c) => c.id));
  const options = teamTree(teams, currentLocale()).filter(({ team: c }) => candidates.has(c.id));
  const tooLong = name.trim().length > NAME_LIMIT;

  const submit = (event: SyntheticEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (name.trim() === '') {
      setNameMissing(true);
      return;
    }
    if (tooLong) return;
    setSaving(true);
    setError(undefined);
    const target = team?.id ?? 'new';
    const common = {
      name: name.trim(),
      memberAccountIds: members,
      jiraProjectKeys: projects,
      requestId: requestId.current(target),
    };
    const call =
      team === undefined
        ? api['teams.create']({ ...common, ...(parentTeamId === '' ? {} : { parentTeamId }) })
        : api['teams.update']({ ...common, id: team.id, parentTeamId: parentTeamId === '' ? null : parentTeamId });
    call.then(
      (saved) => {
        requestId.done(target);
        setSaving(false);
        onSaved(saved);
      },
      (e: unknown) => {
        setSaving(false);
        setError(e);
      },
    );
  };

  const otherError = error !== undefined && fields.size === 0 ? describeError(error) : undefined;
  return (
    <form className="cad-card cad-admin-form" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`} className="cad-heading-small">
        {team === undefined ? t('admin.teams.newTitle') : t('admin.teams.editTitle', { name: team.name })}
      </h3>
      <TextField
        id={`${id}-name`}
        label={t('admin.teams.name')}
        value={name}
        required
        limit={NAME_LIMIT}
        onChange={(v) => {
          setName(v);
          setNameMissing(false);
        }}
        error={
          nameMissing
            ? t('admin.teams.nameMissing')
            : tooLong
              ? t('admin.teams.nameTooLong', { limit: NAME_LIMIT })
              : fieldError(fields, 'name')
        }
      />
      <SelectField
        id={`${id}-parent`}
        label={t('admin.teams.parent')}
        value={parentTeamId}
        onChange={setParentTeamId}
        hint={team === undefined ? undefined : t('admin.teams.parentHint')}
        error={fieldError(fields, 'parentTeamId')}
      >
        <option value="">{t('admin.teams.noParent')}</option>
        {options.map(({ team: c, depth }) => (
          <option key={c.id} value={c.id}>
            {`${'\u00a0\u00a0'.repeat(depth)}${c.name}`}
          </option>
        ))}
      </SelectField>
      <MemberPicker
        id={`${id}-members`}
        label={t('admin.teams.members')}
        value={members}
        onChange={setMembers}
        error={fieldError(fields, 'memberAccountIds')}
      />
      <ProjectPicker
        id={`${id}-projects`}
        label={t('admin.teams.projects')}
        value={projects}
        names={picked}
        onChange={(keys, p?: JiraProject) => {
          setProjects(keys);
          if (p !== undefined) setPicked((m) => new Map(m).set(p.key, p.name));
        }}
        error={fieldError(fields, 'jiraProjectKeys')}
      />
      <FormError message={otherError} />
      <div className="cad-inline">
        <Button type="submit" appearance="primary" disabled={saving}>
          {saving ? t('admin.common.saving') : team === undefined ? t('admin.teams.create') : t('admin.common.save')}
        </Button>
        <Button onClick={onCancel}>{t('admin.common.cancel')}</Button>
      </div>
    </form>
  );
}
