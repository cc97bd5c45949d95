import type { Cycle, Lessons } from '../../../../../src/contract';
import { api } from '../../../api/client';
import { useAsync } from '../../../api/use-api';
import { t } from '../../../app/i18n';
import { LoadingState } from '../../../components/states';
import { LessonsText } from './lessons-text';
import './review.css';

/** Set phase: a cycle in planning, or an active one while the objective is still a draft (or new). */
export const inSetPhase = (cycle: Pick<Cycle, 'status'> | undefined, objectiveStatus: string | undefined): boolean =>
  cycle?.status === 'planning' || (cycle?.status === 'active' && (objectiveStatus ?? 'draft') === 'draft');

/** What a carried objective brings from the one it continues (carry-over's `lessons`). */
export function CarriedLessons({ lessons }: { lessons: Lessons }) {
  return (
    <section className="cad-review-lessons" aria-label={t('review.lessons.carried', { title: lessons.title })}>
      <h3 className="cad-heading-small">{t('review.lessons.carried', { title: lessons.title })}</h3>
      <LessonsText retrospective={lessons.retrospective} />
    </section>
  );
}

/**
 * "Lessons from <previous cycle>" beside the objective form in the Set phase (review.lessons for the
 * chosen team, or the company's own), and the carried objective's own lessons first. Collapsible, so the
 * form stays in reach in the narrow side panel.
 */
export function LessonsAside({
  cycle,
  teamId,
  objectiveStatus,
  carried,
}: {
  cycle: Cycle | undefined;
  /** '' for the company's own objectives. */
  teamId: string;
  objectiveStatus: string | undefined;
  carried: Lessons | undefined;
}) {
  const show = inSetPhase(cycle, objectiveStatus);
  const cycleId = show ? cycle?.id : undefined;
  const view = useAsync(
    () =>
      cycleId === undefined
        ? Promise.resolve(undefined)
        : api['review.lessons']({ cycleId, ...(teamId === '' ? {} : { teamId }) }),
    [cycleId, teamId],
  );
  if (!show && carried === undefined) return null;
  const from = view.data?.fromCycle;
  const others = (view.data?.lessons ?? []).filter((l) => l.objectiveId !== carried?.fromObjectiveId);
  return (
    <aside className="cad-review-lessons-aside" aria-label={t('review.lessons.aside')}>
      {carried === undefined ? null : <CarriedLessons lessons={carried} />}
      {!show ? null : view.status === 'error' ? (
        <p className="cad-subtle">{t('review.lessons.loadError')}</p>
      ) : view.data === undefined ? (
        <LoadingState inline label={t('review.lessons.loading')} />
      ) : from === null || from === undefined || others.length === 0 ? null : (
        <details className="cad-review-lessons" open={carried === undefined}>
          <summary className="cad-heading-small">{t('review.lessons.from', { cycle: from.name })}</summary>
          <ul className="cad-review-lessons__objectives">
            {others.map((l) => (
              <li key={l.objectiveId}>
                <p className="cad-text cad-review-lessons__title">{l.title}</p>
                <LessonsText retrospective={l.retrospective} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </aside>
  );
}
