import { useId, useMemo, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { ObjectiveLevel, ObjectiveView } from '../../../../src/contract';
import { lintObjectiveDraft } from '../../../../src/domain/lint';
import { api } from '../../api/client';
import { useRequestId } from '../../api/request-id';
import { useAsync } from '../../api/use-api';
import { Button } from '../../components/button';
import { describeError, fieldErrors } from '../../components/errors';
import { ErrorState, LoadingState } from '../../components/states';
import type { BoardIndex } from './board-index';
import { subtreeIds } from './board-index';
import { FormError, RadioField, SelectField, TextAreaField, TextField } from './fields';
import { LEVEL_WORDS } from './objective-row';
import type { PanelProps } from './panel-props';
import { PersonPicker } from './person-picker';
import { QualityHints } from './quality-hints';
import { useDebounced } from './use-debounced';

/** Hints follow typing after this pause: the lint is cheap, but hints flickering per key are not. */
export const HINT_DELAY_MS = 300;

const LEVELS: readonly { value: ObjectiveLevel; label: string }[] = (['company', 'team', 'individual'] as const).map(
  (value) => ({
    value,
    label: LEVEL_WORDS[value],
  }),
);
const STATUSES = [
  { value: 'draft', label: 'Draft (not yet reviewed)' },
  { value: 'published', label: 'Published' },
] as const;
const FORM_FIELDS = new Set([
  'title',
  'description',
  'level',
  'teamId',
  'ownerAccountId',
  'reviewerAccountId',
  'parentObjectiveId',
  'status',
]);

/** Objectives it may align to, grouped by level: never itself or anything below it (the backend refuses loops too). */
function ParentOptions({ index, objectiveId }: { index: BoardIndex; objectiveId: string | undefined }) {
  const groups = useMemo(() => {
    const excluded = objectiveId === undefined ? new Set<string>() : subtreeIds(index, objectiveId);
    const byLevel = new Map<ObjectiveLevel, { id: string; title: string }[]>();
    for (const id of index.order) {
      const o = index.byId.get(id)?.objective;
      if (o === undefined || excluded.has(id)) continue;
      byLevel.set(o.level, [...(byLevel.get(o.level) ?? []), { id, title: o.title }]);
    }
    return LEVELS.map((l) => ({ ...l, objectives: byLevel.get(l.value) ?? [] })).filter((g) => g.objectives.length > 0);
  }, [index, objectiveId]);
  return (
    <>
      <option value="">Not aligned</option>
      {groups.map((g) => (
        <optgroup key={g.value} label={`${g.label} objectives`}>
          {g.objectives.map((o) => (
            <option key={o.id} value={o.id}>
              {o.title}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

/** Creates an objective, or edits one (loaded whole: the board carries no description). */
export function ObjectiveForm(props: PanelProps & { objectiveId: string | undefined }) {
  const { objectiveId } = props;
  const loaded = useAsync(
    () => (objectiveId === undefined ? Promise.resolve(undefined) : api['objectives.get']({ id: objectiveId })),
    [objectiveId],
  );
  if (objectiveId !== undefined && loaded.data === undefined) {
    return loaded.status === 'error' ? (
      <ErrorState error={loaded.error} reload={loaded.reload} />
    ) : (
      <LoadingState inline />
    );
  }
  return <ObjectiveFormFields {...props} existing={loaded.data} />;
}

function ObjectiveFormFields(props: PanelProps & { existing: ObjectiveView | undefined }) {
  const { existing, index, cycle, me } = props;
  const id = useId();
  const [title, setTitle] = useState(existing?.title ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [level, setLevel] = useState<ObjectiveLevel>(existing?.level ?? 'team');
  const [teamId, setTeamId] = useState(existing?.teamId ?? '');
  const [owner, setOwner] = useState(existing?.ownerAccountId ?? me?.accountId);
  const [reviewer, setReviewer] = useState(existing?.reviewerAccountId);
  const [parentId, setParentId] = useState(existing?.parentObjectiveId ?? '');
  const requestId = useRequestId();
  const [status, setStatus] = useState<'draft' | 'published'>(existing?.status === 'published' ? 'published' : 'draft');
  const [busy, setBusy] = useState<'save' | 'archive' | undefined>(undefined);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const hintTitle = useDebounced(title, HINT_DELAY_MS);
  const hints = useMemo(() => (hintTitle.trim() === '' ? [] : lintObjectiveDraft({ title: hintTitle })), [hintTitle]);

  const errors = fieldErrors(error);
  const formError =
    error !== undefined && ![...errors.keys()].some((f) => FORM_FIELDS.has(f)) ? describeError(error) : undefined;
  const teams = useMemo(
    () => [...(index?.teamNames ?? new Map<string, string>())].sort((a, b) => a[1].localeCompare(b[1])),
    [index],
  );

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (cycle === undefined) return;
    setBusy('save');
    setError(undefined);
    const common = { title, level, status };
    const request =
      existing === undefined
        ? api['objectives.create']({
            ...common,
            requestId: requestId.current(),
            cycleId: cycle.id,
            ...(description.trim() === '' ? {} : { description }),
            ...(teamId === '' ? {} : { teamId }),
            ...(owner === undefined ? {} : { ownerAccountId: owner }),
            ...(reviewer === undefined ? {} : { reviewerAccountId: reviewer }),
            ...(parentId === '' ? {} : { parentObjectiveId: parentId }),
          })
        : api['objectives.update']({
            ...common,
            id: existing.id,
            requestId: requestId.current(),
            description,
            teamId: teamId === '' ? null : teamId,
            ...(owner === undefined ? {} : { ownerAccountId: owner }),
            reviewerAccountId: reviewer ?? null,
            parentObjectiveId: parentId === '' ? null : parentId,
          });
    request.then(
      (saved) => {
        requestId.done();
        props.saved({ kind: 'objective', objectiveId: saved.id });
      },
      (e: unknown) => {
        setBusy(undefined);
        setError(e);
      },
    );
  };

  const archive = () => {
    if (existing === undefined) return;
    setBusy('archive');
    setError(undefined);
    api['objectives.archive']({ id: existing.id, requestId: requestId.current('archive') }).then(
      () => {
        requestId.done('archive');
        props.saved();
        props.close();
      },
      (e: unknown) => {
        setBusy(undefined);
        setError(e);
      },
    );
  };

  return (
    <form
      className="cad-stack cad-panel-form"
      onSubmit={submit}
      noValidate
      aria-label={existing === undefined ? 'New objective' : 'Edit objective'}
    >
      <TextField
        id={`${id}-title`}
        label="Title"
        required
        maxLength={200}
        value={title}
        onChange={setTitle}
        error={errors.get('title')}
        hint="Where you want to go, in words: qualitative and inspiring. Numbers belong in the key results."
        describedBy={`${id}-hints`}
      />
      <QualityHints id={`${id}-hints`} findings={hints} live />
      <TextAreaField
        id={`${id}-description`}
        label="Description (optional)"
        maxLength={4000}
        value={description}
        onChange={setDescription}
        error={errors.get('description')}
      />
      <RadioField
        id={`${id}-level`}
        label="Level"
        value={level}
        options={LEVELS}
        onChange={setLevel}
        error={errors.get('level')}
      />
      <SelectField
        id={`${id}-team`}
        label={level === 'team' ? 'Team' : 'Team (optional)'}
        required={level === 'team'}
        value={teamId}
        onChange={setTeamId}
        error={errors.get('teamId')}
      >
        <option value="">No team</option>
        {teams.map(([teamKey, name]) => (
          <option key={teamKey} value={teamKey}>
            {name}
          </option>
        ))}
      </SelectField>
      {index === undefined ? null : (
        <SelectField
          id={`${id}-parent`}
          label="Aligned to (parent objective)"
          value={parentId}
          onChange={setParentId}
          error={errors.get('parentObjectiveId')}
          hint={level === 'company' ? undefined : 'Team objectives should connect to a company objective.'}
        >
          <ParentOptions index={index} objectiveId={existing?.id} />
        </SelectField>
      )}
      <PersonPicker
        id={`${id}-owner`}
        label="Owner"
        value={owner}
        onChange={setOwner}
        error={errors.get('ownerAccountId')}
      />
      <PersonPicker
        id={`${id}-reviewer`}
        label="Reviewer"
        optional
        value={reviewer}
        onChange={setReviewer}
        error={errors.get('reviewerAccountId')}
      />
      <RadioField
        id={`${id}-status`}
        label="Status"
        value={status}
        options={STATUSES}
        onChange={setStatus}
        error={errors.get('status')}
      />
      <FormError message={formError} />
      <div className="cad-inline">
        <Button type="submit" appearance="primary" disabled={busy !== undefined}>
          {busy === 'save' ? 'Saving…' : existing === undefined ? 'Create objective' : 'Save objective'}
        </Button>
        <Button onClick={props.close}>Cancel</Button>
      </div>
      {existing === undefined ? null : (
        <div className="cad-inline cad-panel-form__danger">
          {confirmArchive ? (
            <>
              <span className="cad-text">Archive this objective and hide it from the board?</span>
              <Button appearance="primary" disabled={busy !== undefined} onClick={archive}>
                {busy === 'archive' ? 'Archiving…' : 'Yes, archive'}
              </Button>
              <Button
                onClick={() => {
                  setConfirmArchive(false);
                }}
              >
                Keep it
              </Button>
            </>
          ) : (
            <Button
              appearance="subtle"
              onClick={() => {
                setConfirmArchive(true);
              }}
            >
              Archive objective…
            </Button>
          )}
        </div>
      )}
    </form>
  );
}
