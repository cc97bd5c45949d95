import { useId, useState } from 'react';
import type { BandConfig, ReviewObjective } from '../../../../../src/contract';
import { api } from '../../../api/client';
import { useRequestId } from '../../../api/request-id';
import { t } from '../../../app/i18n';
import { ObjectiveLink } from '../../../app/links';
import { describeError, fieldErrors } from '../../../components/errors';
import { bandWords, formatScore } from '../../../components/format';
import { Lozenge } from '../../../components/lozenge';
import { Owner } from '../../../components/owner';
import { WriteButton } from '../../../components/read-only';
import { ScoreBar } from '../../../components/score-bar';
import { FormError, SelectField, TextAreaField, TextField, tooLong } from '../fields';
import type { Prompt } from './draft-words';
import { PROMPTS, retrospectiveStart } from './draft-words';
import type { KeyResultChoice } from './grading';
import { initialChoices, liveGrade, missingReasons, reasonNeeded, SCORE_STEPS } from './grading';

/** The contract's limits (CyclesGradeInput): a reason 500 characters, each prompt 2,000. */
export const REASON_LIMIT = 500;
export const PROMPT_LIMIT = 2000;

/** The grade in numbers and in words, never colour alone: "Grade 0.7 · On track". */
function ObjectiveGradeLine({ grade }: { grade: ReturnType<typeof liveGrade> }) {
  const words = grade.band === null ? t('review.grade.none') : bandWords(grade.band);
  return (
    <div className="cad-review-card__grade">
      <ScoreBar score={grade.score} band={grade.band} words={words} label={t('review.grade.label')} />
      <span className="cad-text" aria-hidden="true">
        {words}
      </span>
    </div>
  );
}

/** What a viewer who may not write it sees: the saved retrospective, or that there is none yet. */
function SavedRetrospective({ objective }: { objective: ReviewObjective }) {
  const r = objective.retrospective;
  const any = r !== undefined && PROMPTS.some((p) => (r[p] ?? '').trim() !== '');
  if (!any) return <p className="cad-subtle">{t('review.retro.none')}</p>;
  return (
    <dl className="cad-review-card__retro-read">
      {PROMPTS.map((p) => (
        <div key={p}>
          <dt className="cad-field__label">{t(`review.retro.${p}`)}</dt>
          <dd className="cad-review-card__text">{(r[p] ?? '').trim() === '' ? '–' : r[p]}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * One objective at review: each KR's final score (pre-filled from its measured grade, a reason required
 * when changed), the objective's grade as the choices stand, and the three-part retrospective, drafted
 * from the cycle's record until its owner saves it. One Save sends both (cycles.grade).
 */
export function ReviewCard({
  objective: given,
  cycleId,
  bands,
  closed,
  onSaved,
}: {
  objective: ReviewObjective;
  cycleId: string;
  bands: BandConfig;
  /** A closed cycle's review is its record: read, not changed. */
  closed: boolean;
  onSaved: () => void;
}) {
  const objective = closed ? { ...given, canGrade: false, canWriteRetrospective: false } : given;
  const id = useId();
  const [choices, setChoices] = useState(() => initialChoices(objective));
  const [start] = useState(() => retrospectiveStart(objective.retrospective, objective.draft));
  const [texts, setTexts] = useState<Readonly<Record<Prompt, string>>>(start.texts);
  const [fromDraft, setFromDraft] = useState(start.fromDraft);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [local, setLocal] = useState<ReadonlyMap<string, string>>(new Map());
  const requestId = useRequestId();
  const grade = liveGrade(objective, choices, bands);
  const writable = objective.canGrade || objective.canWriteRetrospective;

  const choose = (krId: string, change: Partial<KeyResultChoice>) => {
    setSaved(false);
    setChoices((m) => {
      const next = new Map(m);
      const was = m.get(krId) ?? { score: 0, reason: '' };
      next.set(krId, { ...was, ...change });
      return next;
    });
  };

  // The backend names fields by payload path: grades.<i>.reason, retrospectives.0.<prompt>.
  const backend = fieldErrors(error);
  const krError = (i: number, krId: string): string | undefined =>
    local.get(krId) ?? backend.get(`grades.${i}.reason`) ?? backend.get(`grades.${i}.score`);
  const promptError = (p: Prompt): string | undefined => local.get(p) ?? backend.get(`retrospectives.0.${p}`);
  const named = [...backend.keys()].some((k) => k.startsWith('grades.') || k.startsWith('retrospectives.'));
  const formError = error !== undefined && !named ? describeError(error) : undefined;

  const save = () => {
    const refused = new Map<string, string>();
    for (const krId of missingReasons(objective, choices)) refused.set(krId, t('review.kr.reasonRequired'));
    for (const kr of objective.keyResults) {
      const long = tooLong(t('review.kr.reasonWords'), choices.get(kr.id)?.reason ?? '', REASON_LIMIT);
      if (long !== undefined) refused.set(kr.id, long);
    }
    if (objective.canWriteRetrospective)
      for (const p of PROMPTS) {
        const long = tooLong(t(`review.retro.${p}Words`), texts[p], PROMPT_LIMIT);
        if (long !== undefined) refused.set(p, long);
      }
    setLocal(refused);
    if (refused.size > 0) return;
    setBusy(true);
    setError(undefined);
    api['cycles.grade']({
      cycleId,
      requestId: requestId.current(),
      grades: objective.canGrade
        ? objective.keyResults.map((kr) => {
            const c = choices.get(kr.id) ?? { score: kr.measuredScore, reason: '' };
            const reason = reasonNeeded(kr.measuredScore, c) ? c.reason.trim() : '';
            return { keyResultId: kr.id, score: c.score, ...(reason === '' ? {} : { reason }) };
          })
        : [],
      retrospectives: objective.canWriteRetrospective
        ? [{ objectiveId: objective.id, drove: texts.drove, didNot: texts.didNot, learned: texts.learned }]
        : [],
    }).then(
      () => {
        requestId.done();
        setBusy(false);
        setSaved(true);
        setFromDraft(false);
        onSaved();
      },
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };

  return (
    <section className="cad-review-card" aria-labelledby={`${id}-title`}>
      <header className="cad-review-card__head">
        <h2 id={`${id}-title`} className="cad-heading-medium">
          <ObjectiveLink objectiveId={objective.id} cycleId={cycleId}>
            {objective.title}
          </ObjectiveLink>
        </h2>
        <div className="cad-inline">
          {objective.status === 'draft' ? <Lozenge appearance="new">{t('review.card.draft')}</Lozenge> : null}
          <Owner accountId={objective.ownerAccountId} role={t('review.card.owner')} />
        </div>
        <ObjectiveGradeLine grade={grade} />
        {grade.allPerfect ? <p className="cad-field__hint">{t('review.grade.allPerfect')}</p> : null}
      </header>

      <table className="cad-review-card__krs">
        <caption className="cad-visually-hidden">{t('review.kr.caption', { objective: objective.title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('review.kr.title')}</th>
            <th scope="col">{t('review.kr.measured')}</th>
            <th scope="col">{t('review.kr.final')}</th>
          </tr>
        </thead>
        <tbody>
          {objective.keyResults.map((kr, i) => {
            const c = choices.get(kr.id) ?? { score: kr.measuredScore, reason: '' };
            const needs = reasonNeeded(kr.measuredScore, c);
            return (
              <tr key={kr.id}>
                <th scope="row" className="cad-review-card__kr-title">
                  {kr.title}
                </th>
                <td>{formatScore(kr.measuredScore)}</td>
                <td className="cad-review-card__final">
                  {objective.canGrade ? (
                    <>
                      <SelectField
                        id={`${id}-score-${kr.id}`}
                        label={t('review.kr.finalFor', { title: kr.title })}
                        value={String(c.score)}
                        onChange={(v) => {
                          choose(kr.id, { score: Number(v) });
                        }}
                      >
                        {SCORE_STEPS.map((s) => (
                          <option key={s} value={String(s)}>
                            {formatScore(s)}
                          </option>
                        ))}
                      </SelectField>
                      {needs ? (
                        <TextField
                          id={`${id}-reason-${kr.id}`}
                          label={t('review.kr.reason')}
                          required
                          limit={REASON_LIMIT}
                          value={c.reason}
                          hint={t('review.kr.reasonHint', { measured: formatScore(kr.measuredScore) })}
                          error={krError(i, kr.id)}
                          onChange={(reason) => {
                            choose(kr.id, { reason });
                          }}
                        />
                      ) : null}
                    </>
                  ) : (
                    <>
                      {kr.finalScore === undefined ? t('review.kr.notGraded') : formatScore(kr.finalScore)}
                      {kr.finalScoreReason === undefined ? null : (
                        <p className="cad-field__hint">{kr.finalScoreReason}</p>
                      )}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <div className="cad-review-card__retro">
        <div className="cad-inline">
          <h3 className="cad-heading-small">{t('review.retro.title')}</h3>
          {objective.canWriteRetrospective && fromDraft ? (
            <Lozenge appearance="moved">{t('review.retro.draftBadge')}</Lozenge>
          ) : null}
        </div>
        {objective.canWriteRetrospective ? (
          <>
            {fromDraft ? <p className="cad-field__hint">{t('review.retro.draftHint')}</p> : null}
            {PROMPTS.map((p) => (
              <TextAreaField
                key={p}
                id={`${id}-${p}`}
                label={t(`review.retro.${p}`)}
                limit={PROMPT_LIMIT}
                value={texts[p]}
                error={promptError(p)}
                onChange={(v) => {
                  setSaved(false);
                  setTexts((x) => ({ ...x, [p]: v }));
                }}
              />
            ))}
          </>
        ) : (
          <SavedRetrospective objective={objective} />
        )}
      </div>

      {writable ? (
        <div className="cad-stack">
          <FormError message={formError} />
          <div className="cad-inline">
            <WriteButton appearance="primary" disabled={busy} onClick={save}>
              {busy ? t('review.card.saving') : t('review.card.save')}
            </WriteButton>
            <span className="cad-subtle" role="status">
              {saved ? t('review.card.saved') : ''}
            </span>
          </div>
        </div>
      ) : null}
    </section>
  );
}
