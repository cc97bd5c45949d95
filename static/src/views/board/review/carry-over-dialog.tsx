import { useId, useState } from 'react';
import type { CarryAction, Cycle, Me, ReviewObjective } from '../../../../../src/contract';
import { api } from '../../../api/client';
import { useRequestId } from '../../../api/request-id';
import { useAsync } from '../../../api/use-api';
import { t } from '../../../app/i18n';
import { Button } from '../../../components/button';
import { describeError } from '../../../components/errors';
import { ErrorState, LoadingState } from '../../../components/states';
import { useModalDialog } from '../../../components/use-modal-dialog';
import { CycleForm } from '../cycle-form';
import { FormError, RadioField, SelectField, TextField, tooLong } from '../fields';
import { cycleTeams } from './cycle-teams';
import { LessonsText } from './lessons-text';
import { isFinished, nextCycle } from './grading';
import './review.css';
import { useChunkWords } from '../../../app/use-chunk-words';

/** A carried objective's new title may be as long as any objective's (ObjectiveFields.title). */
const TITLE_LIMIT = 200;

interface Choice {
  readonly action: CarryAction;
  readonly title: string;
}
interface Entry {
  readonly objective: ReviewObjective;
  readonly team: string;
}

/**
 * Every objective of the cycle, scope by scope (each team with objectives in it, then the company's
 * own): review.get per scope.
 */
const loadEntries = async (cycleId: string): Promise<Entry[]> => {
  const teams = await cycleTeams(cycleId);
  const scopes: { teamId: string | undefined; name: string }[] = [
    ...teams,
    { teamId: undefined, name: t('review.team.company') },
  ];
  const reviews = await Promise.all(
    scopes.map((s) => api['review.get']({ cycleId, ...(s.teamId === undefined ? {} : { teamId: s.teamId }) })),
  );
  return reviews.flatMap((r, i) =>
    r.objectives
      .filter((o) => o.status !== 'archived' && o.carriedToObjectiveId === undefined)
      .map((objective) => ({ objective, team: scopes[i]?.name ?? '' })),
  );
};

/**
 * Improve: closing a cycle (OKR admins) asks, per objective, keep / rewrite / drop (unfinished ones kept,
 * finished ones dropped by default) and where to carry them (the next cycle by date, or a new one made
 * with the usual cycle form). Confirm carries them (cycles.carryOver, retrospectives along as lessons)
 * and then closes the cycle (cycles.update). A modal native <dialog> like the coverage list (WAI-ARIA
 * APG "Dialog (Modal)": Tab wraps inside, Escape or Cancel returns focus to the button that opened it).
 */
export default function CarryOverDialog({
  cycle,
  cycles,
  me,
  onClosed,
  onCancel,
}: {
  cycle: Cycle;
  cycles: readonly Cycle[];
  me: Me | undefined;
  onClosed: (closed: Cycle, target: Cycle | undefined) => void;
  onCancel: () => void;
}) {
  useChunkWords('review');
  const headingId = useId();
  const id = useId();
  const { dialog, heading, close, onKeyDown } = useModalDialog(onCancel);
  const entries = useAsync(() => loadEntries(cycle.id), [cycle.id]);
  const [made, setMade] = useState<readonly Cycle[]>([]);
  const all = [...cycles, ...made.filter((m) => !cycles.some((c) => c.id === m.id))];
  const targets = all.filter((c) => c.id !== cycle.id && c.status !== 'closed');
  const [targetId, setTargetId] = useState<string | undefined>(undefined);
  const target = targets.find((c) => c.id === targetId) ?? nextCycle(all, cycle);
  const [creating, setCreating] = useState(false);
  const [choices, setChoices] = useState<ReadonlyMap<string, Choice>>(new Map());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [local, setLocal] = useState<ReadonlyMap<string, string>>(new Map());
  const requestId = useRequestId();

  const choiceOf = (o: ReviewObjective): Choice =>
    choices.get(o.id) ?? { action: isFinished(o) ? 'drop' : 'keep', title: o.title };
  const setChoice = (objectiveId: string, choice: Choice) => {
    setChoices((m) => new Map(m).set(objectiveId, choice));
  };

  const confirm = () => {
    const list = entries.data ?? [];
    const refused = new Map<string, string>();
    const picked = list.map(({ objective: o }) => ({ objectiveId: o.id, ...choiceOf(o) }));
    for (const c of picked) {
      if (c.action !== 'rewrite') continue;
      if (c.title.trim() === '') refused.set(c.objectiveId, t('review.carry.titleRequired'));
      const long = tooLong(t('review.carry.titleWords'), c.title, TITLE_LIMIT);
      if (long !== undefined) refused.set(c.objectiveId, long);
    }
    const carrying = picked.some((c) => c.action !== 'drop');
    if (carrying && target === undefined) refused.set('target', t('review.carry.targetRequired'));
    setLocal(refused);
    if (refused.size > 0) return;
    setBusy(true);
    setError(undefined);
    const carry =
      carrying && target !== undefined
        ? api['cycles.carryOver']({
            fromCycleId: cycle.id,
            toCycleId: target.id,
            requestId: requestId.current('carry'),
            choices: picked.map((c) => ({
              objectiveId: c.objectiveId,
              action: c.action,
              ...(c.action === 'rewrite' ? { title: c.title.trim() } : {}),
            })),
          })
        : Promise.resolve(undefined);
    carry
      .then(() => {
        requestId.done('carry');
        return api['cycles.update']({ id: cycle.id, status: 'closed', requestId: requestId.current('close') });
      })
      .then(
        (closed) => {
          requestId.done('close');
          dialog.current?.close();
          onClosed(closed, carrying ? target : undefined);
        },
        (e: unknown) => {
          setBusy(false);
          setError(e);
        },
      );
  };

  return (
    <dialog
      ref={dialog}
      className="cad-side-dialog cad-carry-dialog"
      aria-labelledby={headingId}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
    >
      <div className="cad-side-dialog__head cad-carry-dialog__head">
        <h2
          id={headingId}
          ref={heading}
          tabIndex={-1}
          className="cad-heading-medium cad-side-dialog__heading cad-carry-dialog__heading"
        >
          {t('review.carry.title', { cycle: cycle.name })}
        </h2>
        <Button appearance="subtle" onClick={close}>
          {t('review.carry.cancel')}
        </Button>
      </div>
      <div className="cad-side-dialog__body cad-carry-dialog__body">
        <p className="cad-text">{t('review.carry.intro')}</p>
        {creating ? (
          <section className="cad-stack" aria-label={t('review.carry.newCycle')}>
            <CycleForm
              panel={{ kind: 'cycle-form' }}
              cycle={cycle}
              index={undefined}
              me={me}
              open={() => undefined}
              close={() => {
                setCreating(false);
              }}
              saved={() => undefined}
              cycleSaved={(c) => {
                setMade((m) => [...m, c]);
                setTargetId(c.id);
              }}
            />
          </section>
        ) : (
          <div className="cad-inline cad-carry-dialog__target">
            {targets.length === 0 ? (
              <p className="cad-text">{t('review.carry.noTarget')}</p>
            ) : (
              <SelectField
                id={`${id}-target`}
                label={t('review.carry.target')}
                value={target?.id ?? ''}
                error={local.get('target')}
                onChange={setTargetId}
              >
                {targets.map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
              </SelectField>
            )}
            <Button
              onClick={() => {
                setCreating(true);
              }}
            >
              {t('review.carry.newCycle')}
            </Button>
          </div>
        )}
        {targets.length === 0 && local.has('target') ? <FormError message={local.get('target')} /> : null}
        {entries.status === 'error' ? (
          <ErrorState error={entries.error} reload={entries.reload} title={t('review.carry.loadError')} />
        ) : entries.data === undefined ? (
          <LoadingState label={t('review.carry.loading')} />
        ) : entries.data.length === 0 ? (
          <p className="cad-subtle">{t('review.carry.nothing')}</p>
        ) : (
          <ul className="cad-carry-dialog__list">
            {entries.data.map(({ objective: o, team }) => {
              const c = choiceOf(o);
              return (
                <li key={o.id} className="cad-carry-dialog__item">
                  <RadioField<CarryAction>
                    id={`${id}-${o.id}`}
                    label={t('review.carry.choiceFor', { title: o.title, team })}
                    value={c.action}
                    options={(['keep', 'rewrite', 'drop'] as const).map((a) => ({
                      value: a,
                      label: t(`review.carry.action.${a}`),
                    }))}
                    hint={isFinished(o) ? t('review.carry.finished') : t('review.carry.unfinished')}
                    onChange={(action) => {
                      setChoice(o.id, { ...c, action });
                    }}
                  />
                  {c.action === 'rewrite' ? (
                    <TextField
                      id={`${id}-${o.id}-title`}
                      label={t('review.carry.newTitle')}
                      required
                      limit={TITLE_LIMIT}
                      value={c.title}
                      error={local.get(o.id)}
                      onChange={(title) => {
                        setChoice(o.id, { ...c, title });
                      }}
                    />
                  ) : null}
                  <details className="cad-carry-dialog__lessons">
                    <summary>{t('review.carry.lessons')}</summary>
                    <LessonsText retrospective={o.retrospective} />
                  </details>
                </li>
              );
            })}
          </ul>
        )}
        <FormError message={error === undefined ? undefined : describeError(error)} />
      </div>
      <div className="cad-side-dialog__head cad-carry-dialog__foot cad-inline">
        <Button appearance="primary" disabled={busy || entries.data === undefined} onClick={confirm}>
          {busy ? t('review.carry.closing') : t('review.carry.confirm')}
        </Button>
        <Button onClick={close}>{t('review.carry.cancel')}</Button>
      </div>
    </dialog>
  );
}
