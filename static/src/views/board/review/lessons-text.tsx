import type { Retrospective } from '../../../../../src/contract';
import { t } from '../../../app/i18n';
import { PROMPTS } from './draft-words';

/** A retrospective's written prompts, read-only: the lessons at carry-over, in the Set phase and on a carried objective. */
export function LessonsText({ retrospective }: { retrospective: Retrospective | undefined }) {
  const shown = PROMPTS.filter((p) => (retrospective?.[p] ?? '').trim() !== '');
  if (retrospective === undefined || shown.length === 0)
    return <p className="cad-subtle">{t('review.lessons.none')}</p>;
  return (
    <dl className="cad-review-lessons__list">
      {shown.map((p) => (
        <div key={p}>
          <dt className="cad-field__label">{t(`review.retro.${p}`)}</dt>
          <dd className="cad-review-card__text">{retrospective[p]}</dd>
        </div>
      ))}
    </dl>
  );
}
