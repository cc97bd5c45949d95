import { useState } from 'react';
import type { Cycle, KeyResultView, Team, TrackStatus } from '../../../../src/contract';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { t } from '../../app/i18n';
import { ObjectiveLink } from '../../app/links';
import { checkInDue, checkInsOpen } from '../../components/cycles';
import { formatDay, trackWords } from '../../components/format';
import { KeyResultCheckIn } from '../../components/key-result-check-in';
import { ScorecardObjective } from '../../components/scorecard';
import { ScoreBar } from '../../components/score-bar';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { signalOf, StatusSummaryBar } from '../../components/status';
import { KpiSection } from '../../components/kpi-section';
import { CoverageSection } from './coverage-section';
import { TeamScoreHistory } from './score-history';

export function TeamSection({ team, cycle, showName }: { team: Team; cycle: Cycle; showName: boolean }) {
  // KRs checked in from this page stay in the list (with their confirmation) until the page reloads,
  // rather than vanishing under the person's cursor.
  const [checkedHere, setCheckedHere] = useState<ReadonlySet<string>>(new Set());
  const [only, setOnly] = useState<TrackStatus | undefined>(undefined);
  const data = useAsync(
    () =>
      api['scorecard.get']({ cycleId: cycle.id, teamId: team.id, includeKeyResults: true, includeInitiatives: true }),
    [cycle.id, team.id],
  );
  const scorecard = data.data;
  const headingId = `team-${team.id}`;
  if (scorecard === undefined) {
    return (
      <section aria-labelledby={headingId} className="cad-stack">
        <h2 id={headingId} className="cad-heading-medium">
          {team.name}
        </h2>
        {data.status === 'error' ? (
          <ErrorState error={data.error} reload={data.reload} />
        ) : (
          <LoadingState label={t('team.section.loading', { team: team.name })} />
        )}
      </section>
    );
  }
  const now = new Date();
  const isDue = (kr: KeyResultView): boolean => checkInDue(kr, now);
  const open = checkInsOpen(scorecard.cycle);
  const objectives = scorecard.objectives.filter((o) => o.status !== 'archived');
  const signal = signalOf(scorecard.cycle);
  // The summary counts published objectives; choosing a status shows only those in it.
  const shownObjectives =
    only === undefined ? objectives : objectives.filter((o) => o.status === 'published' && o.track === only);
  const listed = open
    ? objectives.flatMap((o) =>
        o.keyResults.filter((kr) => isDue(kr) || checkedHere.has(kr.id)).map((kr) => ({ kr, objective: o })),
      )
    : [];
  const due = listed.filter(({ kr }) => isDue(kr));
  // The backend's team score (exact mean of the published objectives), the same figure as the chart's last point.
  const scored = objectives.filter((o) => o.status === 'published' && o.score !== null);
  const teamScore = scorecard.summary.score;

  return (
    <section aria-labelledby={headingId} className="cad-stack cad-team">
      <div className="cad-team__header">
        <h2 id={headingId} className="cad-heading-medium">
          {showName ? team.name : t('team.section.teamInCycle', { team: team.name, cycle: scorecard.cycle.name })}
        </h2>
        <p className="cad-subtle">
          {t('team.section.meta', {
            cycle: scorecard.cycle.name,
            start: formatDay(scorecard.cycle.startDate),
            end: formatDay(scorecard.cycle.endDate),
            objectives: t('team.section.objectives', { count: scorecard.summary.objectives }),
            keyResults: t('team.section.keyResults', { count: scorecard.summary.keyResults }),
          })}
        </p>
        {teamScore === null ? null : (
          <div className="cad-inline">
            <span className="cad-subtle">{t('team.section.teamScore')}</span>
            <ScoreBar score={teamScore} band={null} label={t('team.section.teamScore')} />
            <span className="cad-subtlest">{t('team.section.meanOf', { count: scored.length })}</span>
          </div>
        )}
        {signal === 'pace' ? (
          <StatusSummaryBar summary={scorecard.summary.tracks} what="objective" selected={only} onSelect={setOnly} />
        ) : null}
      </div>
      {data.status === 'error' ? (
        <ErrorState error={data.error} reload={data.reload} title={t('team.section.refreshError')} />
      ) : null}

      <section aria-labelledby={`${headingId}-due`} className="cad-stack">
        <h3 id={`${headingId}-due`} className="cad-heading-small">
          {due.length === 0 ? t('team.section.due') : t('team.section.dueCount', { count: due.length })}
        </h3>
        {!open ? (
          <p className="cad-subtle">
            {t('team.section.closed', {
              cycle: scorecard.cycle.name,
              status: t(`team.section.cycleStatus.${scorecard.cycle.status}`),
            })}
          </p>
        ) : listed.length === 0 ? (
          <p className="cad-subtle">{t('team.section.allDone')}</p>
        ) : (
          listed.map(({ kr, objective }) => (
            <KeyResultCheckIn
              key={kr.id}
              keyResult={kr}
              cycle={scorecard.cycle}
              headingLevel={4}
              onCheckedIn={() => {
                setCheckedHere((ids) => new Set([...ids, kr.id]));
                data.reload();
              }}
              context={
                <p className="cad-subtlest">
                  <ObjectiveLink objectiveId={objective.id} cycleId={scorecard.cycle.id}>
                    {objective.title}
                  </ObjectiveLink>
                </p>
              }
            />
          ))
        )}
      </section>

      <section aria-labelledby={`${headingId}-history`} className="cad-stack">
        <h3 id={`${headingId}-history`} className="cad-heading-small">
          {t('team.section.history')}
        </h3>
        <TeamScoreHistory scorecard={scorecard} teamId={team.id} />
      </section>

      <CoverageSection team={team} cycle={cycle} headingId={`${headingId}-coverage`} onLinked={data.reload} />

      <KpiSection
        teamId={team.id}
        teamName={team.name}
        objectives={objectives}
        cycleId={scorecard.cycle.id}
        headingId={`${headingId}-kpis`}
      />

      <section aria-labelledby={`${headingId}-okrs`} className="cad-stack">
        <h3 id={`${headingId}-okrs`} className="cad-heading-small">
          {t('team.section.okrs')}
        </h3>
        {objectives.length === 0 ? (
          <EmptyState
            headingLevel={4}
            title={t('team.section.empty.title', { team: team.name, cycle: scorecard.cycle.name })}
            description={t('team.section.empty.description')}
          />
        ) : shownObjectives.length === 0 && only !== undefined ? (
          <p className="cad-subtle">{t('team.section.noneInStatus', { status: trackWords(only).toLowerCase() })}</p>
        ) : (
          shownObjectives.map((o) => (
            <ScorecardObjective key={o.id} objective={o} signal={signal} includeInitiatives headingLevel={4} />
          ))
        )}
      </section>
    </section>
  );
}
