import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import type { BandConfig, Cycle, Me } from '../../../../../src/contract';
import { DEFAULT_BANDS } from '../../../../../src/contract/insights';
import { api } from '../../../api/client';
import { useAsync } from '../../../api/use-api';
import { t } from '../../../app/i18n';
import { Button } from '../../../components/button';
import { currentCycle } from '../../../components/cycles';
import { bandWords } from '../../../components/format';
import { WriteButton } from '../../../components/read-only';
import { ScoreBar } from '../../../components/score-bar';
import { EmptyState, ErrorState, LoadingState } from '../../../components/states';
import { bandOf } from '../../../../../src/domain/bands';
import { SelectField } from '../fields';
import type { CycleTeam } from './cycle-teams';
import { cycleTeams } from './cycle-teams';
import { ReviewCard } from './review-card';
import type { ReviewRoute } from './review-route';
import { COMPANY, teamIdOf } from './review-route';
import './review.css';
import { useChunkWords } from '../../../app/use-chunk-words';

const CarryOverDialog = lazy(() => import('./carry-over-dialog'));

/**
 * The team a review opens on when the URL names none: the viewer's first team with objectives in the
 * cycle, else the company's.
 */
const defaultTeam = (teams: readonly CycleTeam[], me: Me | undefined): string =>
  teams.find((team) => me?.teamIds.includes(team.teamId) === true)?.teamId ?? COMPANY;

/**
 * The grading view (Review, issue #14): a board route (`?review=<team>`) over the board, one team's (or
 * the company's) objectives of a cycle in review as cards to grade and write the retrospective of, with
 * the team's grade. OKR admins close the cycle from here too (carry-over first).
 */
export default function ReviewApp({
  route,
  me,
  onTeam,
  onClose,
  onCycleClosed,
}: {
  route: ReviewRoute;
  me: Me | undefined;
  onTeam: (team: string) => void;
  onClose: () => void;
  onCycleClosed: (closed: Cycle, target: Cycle | undefined) => void;
}) {
  useChunkWords('review');
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const base = useAsync(
    () =>
      Promise.all([
        api['cycles.list']({}),
        api['teams.list']({}),
        // Bands colour the grades; a viewer who may not read the settings sees the defaults.
        api['settings.get']({}).then(
          (s): BandConfig => s.bands,
          (): BandConfig => DEFAULT_BANDS,
        ),
      ]).then(([c, tm, bands]) => ({ cycles: c.cycles, teams: tm.teams, bands })),
    [],
  );
  const cycles = base.data?.cycles ?? [];
  const cycle = cycles.find((c) => c.id === route.cycleId) ?? currentCycle(cycles);
  const cycleId = cycle?.id;
  // Only teams with objectives in the cycle: nothing to grade elsewhere.
  const teams = useAsync(() => (cycleId === undefined ? Promise.resolve(undefined) : cycleTeams(cycleId)), [cycleId]);
  const listed = teams.data ?? [];
  const team = route.team ?? (teams.data === undefined ? undefined : defaultTeam(teams.data, me));
  const review = useAsync(
    () =>
      cycleId === undefined || team === undefined
        ? Promise.resolve(undefined)
        : api['review.get']({ cycleId, ...(teamIdOf(team) === undefined ? {} : { teamId: team }) }),
    [cycleId, team],
  );
  const [closing, setClosing] = useState(false);

  useEffect(() => {
    heading.current?.focus({ preventScroll: true });
  }, []);

  const teamOptions = [
    ...listed.map((tm) => ({ value: tm.teamId, label: tm.name })),
    // A link may name a team with nothing in this cycle: it stays selectable (its review says so).
    ...(team === undefined || team === COMPANY || listed.some((tm) => tm.teamId === team) ? [] : [{ value: team, label: base.data?.teams.find((tm) => tm.id === team)?.name ?? team }]),
    { value: COMPANY, label: t('review.team.company') },
  ];
  // While another team's (or cycle's) review loads, the last one is not shown under the new name.
  const data =
    review.data?.cycle.id === cycleId && team !== undefined && review.data?.teamId === teamIdOf(team)
      ? review.data
      : undefined;
  const bands = base.data?.bands ?? DEFAULT_BANDS;
  const inReview = cycle?.status === 'review' || cycle?.status === 'closed';
  const teamGrade = data?.grade ?? null;
  const gradeBand = teamGrade === null ? null : bandOf(teamGrade, bands);

  return (
    <main className="cad-view cad-review">
      <div className="cad-review__bar">
        <Button appearance="subtle" onClick={onClose}>
          {t('review.back')}
        </Button>
      </div>
      <h1 ref={heading} tabIndex={-1} className="cad-heading-large cad-review__heading">
        {cycle === undefined ? t('review.titleNoCycle') : t('review.title', { cycle: cycle.name })}
      </h1>
      {base.status === 'error' ? (
        <ErrorState error={base.error} reload={base.reload} title={t('review.loadError')} />
      ) : base.data === undefined || team === undefined ? (
        <LoadingState label={t('review.loading')} />
      ) : cycle === undefined ? (
        <EmptyState title={t('review.noCycle')} />
      ) : (
        <>
          <div className="cad-review__tools">
            <SelectField id={`${id}-team`} label={t('review.team.label')} value={team} onChange={onTeam}>
              {teamOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </SelectField>
            {data === undefined ? null : (
              <div className="cad-review__team-grade">
                <span className="cad-field__label">{t('review.team.grade')}</span>
                <ScoreBar
                  score={teamGrade}
                  band={gradeBand}
                  words={gradeBand === null ? t('review.grade.none') : bandWords(gradeBand)}
                  label={t('review.team.grade')}
                />
                <span className="cad-text" aria-hidden="true">
                  {gradeBand === null ? t('review.grade.none') : bandWords(gradeBand)}
                </span>
              </div>
            )}
            {me?.isOkrAdmin === true && cycle.status === 'review' ? (
              <WriteButton
                onClick={() => {
                  setClosing(true);
                }}
              >
                {t('review.closeCycle')}
              </WriteButton>
            ) : null}
          </div>
          {!inReview ? (
            <p className="cad-message cad-message--info">{t('review.notInReview')}</p>
          ) : cycle.status === 'closed' ? (
            <p className="cad-message cad-message--info">{t('review.closedNote')}</p>
          ) : (
            <p className="cad-subtle">{t('review.intro')}</p>
          )}
          {review.status === 'error' ? (
            <ErrorState error={review.error} reload={review.reload} title={t('review.loadError')} />
          ) : data === undefined ? (
            <LoadingState label={t('review.loading')} />
          ) : data.objectives.length === 0 ? (
            <EmptyState title={t('review.empty')} />
          ) : (
            <div className="cad-review__cards" aria-busy={review.status === 'loading'}>
              {data.objectives.map((o) => (
                <ReviewCard
                  key={o.id}
                  objective={o}
                  cycleId={cycle.id}
                  bands={bands}
                  closed={cycle.status === 'closed'}
                  onSaved={review.reload}
                />
              ))}
            </div>
          )}
          {closing ? (
            <Suspense fallback={<LoadingState label={t('review.carry.loading')} />}>
              <CarryOverDialog
                cycle={cycle}
                cycles={cycles}
                me={me}
                onCancel={() => {
                  setClosing(false);
                }}
                onClosed={(closed, target) => {
                  setClosing(false);
                  base.reload();
                  onCycleClosed(closed, target);
                }}
              />
            </Suspense>
          ) : null}
        </>
      )}
    </main>
  );
}
