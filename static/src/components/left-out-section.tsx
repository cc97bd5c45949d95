import { useId, useState } from 'react';
import type { SyntheticEvent } from 'react';
import type { LeftOut, LeftOutList } from '../../../src/contract/review';
import { api } from '../api/client';
import { useRequestId } from '../api/request-id';
import { useAsync } from '../api/use-api';
import { useChunkWords } from '../app/use-chunk-words';
import { t } from '../app/i18n';
import { Button } from './button';
import { CharCounter, counterShown, tooLong } from './char-counter';
import { describeError, fieldErrors } from './errors';
import { LeftOutItems } from './left-out-items';
import { LEFT_OUT_TITLE_LIMIT, LEFT_OUT_WHY_LIMIT } from './left-out-limits';
import { WriteButton, useReadOnly } from './read-only';
import { ErrorState, LoadingState } from './states';

const FORM_FIELDS = new Set(['title', 'why']);

/** Ids of the described-by list: the error and the counter, when shown. */
const describedBy = (id: string, error: string | undefined, value: string, limit: number): string | undefined =>
  [error === undefined ? '' : `${id}-error`, counterShown(value, limit) ? `${id}-count` : ''].filter(Boolean).join(' ') ||
  undefined;

/** Title and why of a new item; the backend says who added it (never the form). */
function LeftOutForm({ onAdd }: { onAdd: (title: string, why: string) => Promise<void> }) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [why, setWhy] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [local, setLocal] = useState<{ title?: string | undefined; why?: string | undefined }>({});
  const readOnly = useReadOnly();
  const errors = fieldErrors(error);
  const titleError = local.title ?? errors.get('title');
  const whyError = local.why ?? errors.get('why');
  const formError =
    error !== undefined && ![...errors.keys()].some((f) => FORM_FIELDS.has(f)) ? describeError(error) : undefined;

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = {
      title:
        title.trim() === ''
          ? t('leftout.form.titleRequired')
          : tooLong(t('leftout.form.titleWords'), title, LEFT_OUT_TITLE_LIMIT),
      why: tooLong(t('leftout.form.whyWords'), why, LEFT_OUT_WHY_LIMIT),
    };
    setLocal(found);
    if (found.title !== undefined || found.why !== undefined) return;
    setSaving(true);
    setError(undefined);
    onAdd(title.trim(), why.trim()).then(
      () => {
        setTitle('');
        setWhy('');
        setSaving(false);
      },
      (e: unknown) => {
        setError(e);
        setSaving(false);
      },
    );
  };

  return (
    <form className="cad-left-out-form" onSubmit={onSubmit} aria-label={t('leftout.form.label')} noValidate>
      <fieldset className="cad-fieldset cad-stack" disabled={saving || readOnly !== undefined}>
        <div className="cad-field">
          <label className="cad-field__label" htmlFor={`${id}-title`}>
            {t('leftout.form.title')}
          </label>
          <input
            id={`${id}-title`}
            className="cad-input"
            type="text"
            value={title}
            aria-invalid={titleError === undefined ? undefined : true}
            aria-describedby={describedBy(`${id}-title`, titleError, title, LEFT_OUT_TITLE_LIMIT)}
            onChange={(e) => {
              setTitle(e.target.value);
            }}
          />
          <CharCounter id={`${id}-title`} value={title} limit={LEFT_OUT_TITLE_LIMIT} />
          {titleError === undefined ? null : (
            <p id={`${id}-title-error`} className="cad-field__error">
              {titleError}
            </p>
          )}
        </div>
        <div className="cad-field">
          <label className="cad-field__label" htmlFor={`${id}-why`}>
            {t('leftout.form.why')}
          </label>
          <textarea
            id={`${id}-why`}
            className="cad-textarea"
            rows={2}
            value={why}
            aria-invalid={whyError === undefined ? undefined : true}
            aria-describedby={describedBy(`${id}-why`, whyError, why, LEFT_OUT_WHY_LIMIT)}
            onChange={(e) => {
              setWhy(e.target.value);
            }}
          />
          <CharCounter id={`${id}-why`} value={why} limit={LEFT_OUT_WHY_LIMIT} />
          {whyError === undefined ? null : (
            <p id={`${id}-why-error`} className="cad-field__error">
              {whyError}
            </p>
          )}
        </div>
        <div className="cad-inline">
          <Button type="submit" appearance="primary">
            {saving ? t('leftout.form.adding') : t('leftout.form.add')}
          </Button>
        </div>
      </fieldset>
      {formError === undefined ? null : (
        <p role="alert" className="cad-message cad-message--error">
          {formError}
        </p>
      )}
    </form>
  );
}

/**
 * A cycle's "not this cycle" list of one team (or, without teamId, the company's): the competing
 * priorities left out on purpose, with why and who added them. For those who may keep it (leftOut.list's
 * canEdit, and not read-only here): an add form, remove, and last cycle's items to carry forward.
 */
export function LeftOutSection({
  cycleId,
  teamId,
  title: titleGiven,
  teamName,
  headingId,
  headingLevel = 3,
  readOnly = false,
  explain = true,
}: {
  cycleId: string;
  teamId?: string | undefined;
  /** The heading; without it "Not this cycle", or "<teamName>: not this cycle" when a team name is given. */
  title?: string | undefined;
  teamName?: string | undefined;
  headingId: string;
  headingLevel?: 2 | 3 | 4;
  readOnly?: boolean;
  explain?: boolean;
}) {
  useChunkWords('leftout');
  const title =
    titleGiven ?? (teamName === undefined ? t('leftout.section.title') : t('leftout.team.title', { team: teamName }));
  const data = useAsync(
    () => api['leftOut.list']({ cycleId, ...(teamId === undefined ? {} : { teamId }) }),
    [cycleId, teamId],
  );
  const [answer, setAnswer] = useState<{ key: string; list: LeftOutList } | undefined>(undefined);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [actionError, setActionError] = useState<unknown>(undefined);
  const [said, setSaid] = useState<string | undefined>(undefined);
  const requestId = useRequestId();
  const key = `${cycleId}:${teamId ?? ''}`;
  // A change's answer is the list as stored: shown at once, until the next load.
  const list = answer?.key === key && data.status !== 'loading' ? answer.list : data.data;
  const Heading = `h${String(headingLevel)}` as 'h3';
  const scope = { cycleId, ...(teamId === undefined ? {} : { teamId }) };

  const changed = (next: LeftOutList, words: string) => {
    setAnswer({ key, list: next });
    setSaid(words);
  };
  const add = async (itemTitle: string, why: string): Promise<void> => {
    setSaid(undefined);
    const next = await api['leftOut.add']({
      ...scope,
      title: itemTitle,
      ...(why === '' ? {} : { why }),
      requestId: requestId.current('add'),
    });
    requestId.done('add');
    changed(next, t('leftout.said.added', { title: itemTitle }));
  };
  const act = (item: LeftOut, kind: 'remove' | 'carry') => {
    setBusy(item.id);
    setActionError(undefined);
    setSaid(undefined);
    const target = `${kind}:${item.id}`;
    const call =
      kind === 'remove'
        ? api['leftOut.remove']({ ...scope, id: item.id, requestId: requestId.current(target) })
        : api['leftOut.add']({
            ...scope,
            title: item.title,
            ...(item.why === undefined ? {} : { why: item.why }),
            carriedFromId: item.id,
            requestId: requestId.current(target),
          });
    call
      .then(
        (next) => {
          requestId.done(target);
          changed(next, t(kind === 'remove' ? 'leftout.said.removed' : 'leftout.said.carried', { title: item.title }));
        },
        setActionError,
      )
      .finally(() => {
        setBusy(undefined);
      });
  };

  const editable = list?.canEdit === true && !readOnly;
  return (
    <section aria-labelledby={headingId} className="cad-stack cad-left-out-section" data-left-out-list={teamId ?? 'company'}>
      <Heading id={headingId} className={headingLevel === 2 ? 'cad-heading-medium' : 'cad-heading-small'}>
        {title}
      </Heading>
      {explain ? <p className="cad-subtlest">{t('leftout.section.explanation')}</p> : null}
      {list === undefined ? (
        data.status === 'error' ? (
          <ErrorState error={data.error} reload={data.reload} title={t('leftout.section.loadError')} />
        ) : (
          <LoadingState inline label={t('leftout.section.loading')} />
        )
      ) : (
        <>
          {data.status === 'error' ? (
            <ErrorState error={data.error} reload={data.reload} title={t('leftout.section.loadError')} />
          ) : null}
          {list.items.length === 0 ? (
            <p className="cad-subtle">{t('leftout.section.empty')}</p>
          ) : (
            <LeftOutItems
              items={list.items}
              label={t('leftout.section.listLabel', { name: title })}
              actions={
                editable
                  ? (item) => (
                      <WriteButton
                        appearance="subtle"
                        disabled={busy !== undefined}
                        onClick={() => {
                          act(item, 'remove');
                        }}
                      >
                        {t('leftout.item.remove')}
                        <span className="cad-visually-hidden"> {item.title}</span>
                      </WriteButton>
                    )
                  : undefined
              }
            />
          )}
          {editable && list.candidates.length > 0 ? (
            <div className="cad-stack cad-left-out__candidates">
              <p className="cad-text">{t('leftout.candidates.title', { count: list.candidates.length })}</p>
              <LeftOutItems
                items={list.candidates}
                label={t('leftout.candidates.label')}
                actions={(item) => (
                  <WriteButton
                    appearance="default"
                    disabled={busy !== undefined}
                    onClick={() => {
                      act(item, 'carry');
                    }}
                  >
                    {t('leftout.candidates.carry')}
                    <span className="cad-visually-hidden"> {item.title}</span>
                  </WriteButton>
                )}
              />
            </div>
          ) : null}
          {actionError === undefined ? null : (
            <p role="alert" className="cad-message cad-message--error">
              {describeError(actionError)}
            </p>
          )}
          <div role="status" className="cad-left-out__said">
            {said === undefined ? null : <p className="cad-message cad-message--success">{said}</p>}
          </div>
          {editable ? <LeftOutForm onAdd={add} /> : null}
        </>
      )}
    </section>
  );
}
