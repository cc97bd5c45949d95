import { Fragment, Suspense } from 'react';
import type { Cycle, Team } from '../../../../src/contract';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { t } from '../../app/i18n';
import { currentCycle } from '../../components/cycles';
import { LeftOutSection } from '../../components/left-out-section';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { TeamSection } from './team-section';
import './team.css';

const load = async (projectKey: string | undefined): Promise<{ teams: Team[]; cycle: Cycle | undefined }> => {
  const [{ teams }, { cycles }] = await Promise.all([api['teams.list']({}), api['cycles.list']({})]);
  return {
    teams: projectKey === undefined ? [] : teams.filter((t) => t.jiraProjectKeys.includes(projectKey)),
    cycle: currentCycle(cycles),
  };
};

/**
 * The team page of a Jira project: for each team that lists the project, its OKRs in the current
 * cycle, the KRs due for a check-in this week (with the form inline) and the team's score over the cycle,
 * and what it chose to leave out of the cycle.
 */
export function TeamPage({ projectKey }: { projectKey: string | undefined }) {
  const data = useAsync(() => load(projectKey), [projectKey]);
  if (data.data === undefined) {
    return (
      <main className="cad-view">
        {data.status === 'error' ? (
          <ErrorState error={data.error} reload={data.reload} title={t('team.page.loadError')} />
        ) : (
          <LoadingState label={t('team.page.loading')} />
        )}
      </main>
    );
  }
  const { teams, cycle } = data.data;
  return (
    <main className="cad-view">
      <h1 className="cad-heading-large">
        {projectKey === undefined ? t('team.page.title') : t('team.page.titleOfProject', { project: projectKey })}
      </h1>
      {data.status === 'error' ? (
        <ErrorState error={data.error} reload={data.reload} title={t('team.page.refreshError')} />
      ) : null}
      {teams.length === 0 ? (
        <EmptyState
          title={t('team.page.noTeam.title')}
          description={t('team.page.noTeam.description', { project: projectKey ?? t('team.page.noTeam.thisProject') })}
        />
      ) : cycle === undefined ? (
        <EmptyState title={t('team.page.noCycle.title')} description={t('team.page.noCycle.description')} />
      ) : (
        teams.map((team) => (
          <Fragment key={team.id}>
            <TeamSection team={team} cycle={cycle} showName={teams.length > 1} />
            {/* Beside the team's OKRs: the competing priorities it chose to leave out of this cycle. */}
            <Suspense fallback={<LoadingState inline />}>
              <LeftOutSection
                cycleId={cycle.id}
                teamId={team.id}
                teamName={teams.length > 1 ? team.name : undefined}
                headingId={`team-${team.id}-left-out`}
              />
            </Suspense>
          </Fragment>
        ))
      )}
    </main>
  );
}
