import { lazy, Suspense, useId, useMemo, useRef, useState } from 'react';
import type { SubmitEvent } from 'react';
import type { ObjectiveLevel, ObjectiveView } from '../../../../src/contract';
import { objectiveDefaults } from '../../../../src/domain/form-defaults';
import { lintObjectiveDraft } from '../../../../src/domain/lint';
import type { OkrExample } from '../../../../src/domain/okr-examples';
import { api } from '../../api/client';
import { currentLocale, t } from '../../app/i18n';
import { useRequestId } from '../../api/request-id';
import { useAsync } from '../../api/use-api';
import { Button } from '../../components/button';
import { describeError, fieldErrors } from '../../components/errors';
import { ErrorState, LoadingState } from '../../components/states';
import { compareNames } from '../../components/format';
import type { BoardIndex } from './board-index';
import { subtreeIds } from './board-index';
import { FormError, LIMITS, RadioField, SelectField, TextAreaField, TextField, tooLong } from './fields';
import type { KeyResultDraft } from './key-result-drafts';
import { createDrafts, DraftFailed, draftErrors, draftsOf, KeyResultDrafts } from './key-result-drafts';
import type { PanelProps } from './panel-props';
import { PersonPicker } from './person-picker';
import { QualityHints } from './quality-hints';
import { useDebounced } from '../../components/use-debounced';
import { LessonsAside } from './review/lessons-aside';
import { KpiPicker } from './kpi-picker';

/** The gallery loads when first opened: most objectives are written without it. */
const ExamplesGallery = lazy(() => import('./examples-gallery'));

/** Hints follow typing after this pause: the lint is cheap, but hints flickering per key are not. */
export const HINT_DELAY_MS = 300;

const LEVEL_VALUES: readonly ObjectiveLevel[] = ['company', 'team', 'individual'];
// Functions, not constants: the words exist only once the catalog has loaded (app/i18n.ts).
const levels = (): { value: ObjectiveLevel; label: string }[] =>
  LEVEL_VALUES.map((value) => ({ value, label: t(`editor.level.${value}`) }));
const statuses = (): { value: 'draft' | 'published'; label: string }[] => [
  { value: 'draft', label: t('editor.objectiveForm.draft') },
  { value: 'published', label: t('editor.objectiveForm.published') },
];
const FORM_FIELDS = new Set([
  'title',
  'description',
  'level',
  'teamId',
  'ownerAccountId',
  'reviewerAccountId',
  'parentObjectiveId',
  'status',
  'kpiId',
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
    return LEVEL_VALUES.map((value) => ({ value, objectives: byLevel.get(value) ?? [] })).filter(
      (g) => g.objectives.length > 0,
    );
  }, [index, objectiveId]);
  return (
    <>
      <option value="">{t('editor.objectiveForm.notAligned')}</option>
      {groups.map((g) => (
        <optgroup key={g.value} label={t(`editor.objectiveForm.group.${g.value}`)}>
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
  // A new objective starts where its first save can succeed (domain/form-defaults.ts), read once.
  const [start] = useState(() =>
    objectiveDefaults({
      viewerTeamIds: me?.teamIds ?? [],
      teamIds: [...(index?.teamNames.keys() ?? [])],
      mayCreateCompany: me?.isOkrAdmin === true,
      firstOfCycle: index?.objectiveCount === 0,
    }),
  );
  const [title, setTitle] = useState(existing?.title ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [level, setLevel] = useState<ObjectiveLevel>(existing?.level ?? start.level);
  const [teamId, setTeamId] = useState(existing?.teamId ?? start.teamId ?? '');
  const [drafts, setDrafts] = useState<KeyResultDraft[]>([]);
  const [galleryOpen, setGalleryOpen] = useState(false);
  const [filled, setFilled] = useState<string | undefined>(undefined);
  const titleRef = useRef<HTMLDivElement>(null);
  const [owner, setOwner] = useState(existing?.ownerAccountId ?? me?.accountId);
  const [reviewer, setReviewer] = useState(existing?.reviewerAccountId);
  const [parentId, setParentId] = useState(existing?.parentObjectiveId ?? '');
  const [kpiId, setKpiId] = useState(existing?.kpiId ?? '');
  const requestId = useRequestId();
  const [status, setStatus] = useState<'draft' | 'published'>(existing?.status === 'published' ? 'published' : 'draft');
  const [busy, setBusy] = useState<'save' | 'archive' | undefined>(undefined);
  const [confirmArchive, setConfirmArchive] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [local, setLocal] = useState<ReadonlyMap<string, string>>(new Map());

  const hintTitle = useDebounced(title, HINT_DELAY_MS);
  const hints = useMemo(() => (hintTitle.trim() === '' ? [] : lintObjectiveDraft({ title: hintTitle })), [hintTitle]);

  const errors = new Map([...fieldErrors(error), ...local]);
  const formError =
    error instanceof DraftFailed
      ? t('editor.drafts.failed', { n: error.position, error: describeError(error.error) })
      : error !== undefined && ![...errors.keys()].some((f) => FORM_FIELDS.has(f))
        ? describeError(error)
        : undefined;
  const teams = useMemo(
    () => [...(index?.teamNames ?? new Map<string, string>())].sort((a, b) => compareNames(a[1], b[1])),
    [index],
  );

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (cycle === undefined) return;
    // Checked here too, in the user's words, so nothing over a limit is sent (or cut) without saying so.
    const refused = new Map<string, string>();
    if (title.trim() === '') refused.set('title', t('editor.objectiveForm.titleMissing'));
    const longTitle = tooLong(t('editor.objectiveForm.titleWords'), title, LIMITS.objectiveTitle);
    if (longTitle !== undefined) refused.set('title', longTitle);
    const longDescription = tooLong(
      t('editor.objectiveForm.descriptionWords'),
      description,
      LIMITS.objectiveDescription,
    );
    if (longDescription !== undefined) refused.set('description', longDescription);
    if (existing === undefined) for (const [field, message] of draftErrors(drafts)) refused.set(field, message);
    setLocal(refused);
    if (refused.size > 0) return;
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
            ...(kpiId === '' ? {} : { kpiId }),
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
            kpiId: kpiId === '' ? null : kpiId,
          });
    // The drafted KRs follow the objective, owned by its owner (domain/form-defaults.ts keyResultOwnerDefault).
    request
      .then((saved) =>
        (existing === undefined ? createDrafts(saved.id, owner, drafts, requestId) : Promise.resolve()).then(
          () => saved,
        ),
      )
      .then(
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

  const applyExample = (example: OkrExample) => {
    const locale = currentLocale();
    setTitle(example.objective[locale]);
    setDrafts(draftsOf(example, locale));
    setGalleryOpen(false);
    setFilled(example.objective[locale]);
    // Back to the title, filled: where adapting it starts.
    titleRef.current?.querySelector('input')?.focus();
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
      aria-label={existing === undefined ? t('editor.panel.newObjective') : t('editor.panel.editObjective')}
    >
      <LessonsAside cycle={cycle} teamId={teamId} objectiveStatus={existing?.status} carried={existing?.lessons} />
      {existing === undefined ? (
        <div className="cad-stack">
          <div>
            <Button
              aria-expanded={galleryOpen}
              aria-controls={`${id}-examples`}
              onClick={() => {
                setGalleryOpen((o) => !o);
              }}
            >
              {t(galleryOpen ? 'editor.examples.hide' : 'editor.examples.open')}
            </Button>
          </div>
          <div id={`${id}-examples`} hidden={!galleryOpen}>
            {galleryOpen ? (
              <Suspense fallback={<LoadingState inline />}>
                <ExamplesGallery onUse={applyExample} />
              </Suspense>
            ) : null}
          </div>
          <p className="cad-subtle" role="status">
            {filled === undefined ? '' : t('editor.examples.filled', { objective: filled })}
          </p>
        </div>
      ) : null}
      <div ref={titleRef}>
        <TextField
          id={`${id}-title`}
          label={t('editor.objectiveForm.title')}
          required
          limit={LIMITS.objectiveTitle}
          value={title}
          onChange={setTitle}
          error={errors.get('title')}
          hint={t('editor.objectiveForm.titleHint')}
          describedBy={`${id}-hints`}
        />
      </div>
      <QualityHints id={`${id}-hints`} findings={hints} live />
      <TextAreaField
        id={`${id}-description`}
        label={t('editor.objectiveForm.description')}
        limit={LIMITS.objectiveDescription}
        value={description}
        onChange={setDescription}
        error={errors.get('description')}
      />
      {existing === undefined ? (
        <KeyResultDrafts id={`${id}-drafts`} drafts={drafts} onChange={setDrafts} errors={errors} />
      ) : null}
      <RadioField
        id={`${id}-level`}
        label={t('editor.objectiveForm.level')}
        value={level}
        options={levels()}
        onChange={setLevel}
        error={errors.get('level')}
      />
      <SelectField
        id={`${id}-team`}
        label={level === 'team' ? t('editor.objectiveForm.team') : t('editor.objectiveForm.teamOptional')}
        required={level === 'team'}
        value={teamId}
        onChange={setTeamId}
        error={errors.get('teamId')}
      >
        <option value="">{t('editor.objectiveForm.noTeam')}</option>
        {teams.map(([teamKey, name]) => (
          <option key={teamKey} value={teamKey}>
            {name}
          </option>
        ))}
      </SelectField>
      {index === undefined ? null : (
        <SelectField
          id={`${id}-parent`}
          label={t('editor.objectiveForm.parent')}
          value={parentId}
          onChange={setParentId}
          error={errors.get('parentObjectiveId')}
          hint={level === 'company' ? undefined : t('editor.objectiveForm.parentHint')}
        >
          <ParentOptions index={index} objectiveId={existing?.id} />
        </SelectField>
      )}
      {index === undefined ? null : (
        <KpiPicker
          id={`${id}-kpi`}
          index={index}
          teamId={teamId === '' ? undefined : teamId}
          value={kpiId}
          onChange={setKpiId}
          error={errors.get('kpiId')}
        />
      )}
      <PersonPicker
        id={`${id}-owner`}
        label={t('editor.objectiveForm.owner')}
        value={owner}
        onChange={setOwner}
        error={errors.get('ownerAccountId')}
      />
      <PersonPicker
        id={`${id}-reviewer`}
        label={t('editor.objectiveForm.reviewer')}
        optional
        value={reviewer}
        onChange={setReviewer}
        error={errors.get('reviewerAccountId')}
      />
      <RadioField
        id={`${id}-status`}
        label={t('editor.objectiveForm.status')}
        value={status}
        options={statuses()}
        onChange={setStatus}
        error={errors.get('status')}
      />
      <FormError message={formError} />
      <div className="cad-inline">
        <Button type="submit" appearance="primary" disabled={busy !== undefined}>
          {busy === 'save'
            ? t('editor.objectiveForm.saving')
            : existing === undefined
              ? t('editor.objectiveForm.create')
              : t('editor.objectiveForm.save')}
        </Button>
        <Button onClick={props.close}>{t('editor.objectiveForm.cancel')}</Button>
      </div>
      {existing === undefined ? null : (
        <div className="cad-inline cad-panel-form__danger">
          {confirmArchive ? (
            <>
              <span className="cad-text">{t('editor.objectiveForm.archiveQuestion')}</span>
              <Button appearance="primary" disabled={busy !== undefined} onClick={archive}>
                {busy === 'archive' ? t('editor.objectiveForm.archiving') : t('editor.objectiveForm.archiveYes')}
              </Button>
              <Button
                onClick={() => {
                  setConfirmArchive(false);
                }}
              >
                {t('editor.objectiveForm.keep')}
              </Button>
            </>
          ) : (
            <Button
              appearance="subtle"
              onClick={() => {
                setConfirmArchive(true);
              }}
            >
              {t('editor.objectiveForm.archive')}
            </Button>
          )}
        </div>
      )}
    </form>
  );
}
