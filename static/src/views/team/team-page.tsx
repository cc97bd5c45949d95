import type { Cycle, Team } from '../../../../src/contract';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { currentCycle } from '../../components/cycles';
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
 * cycle, the KRs due for a check-in this week (with the form inline) and the team's score over the cycle.
 */
export function TeamPage({ projectKey }: { projectKey: string | undefined }) {
  const data = useAsync(() => load(projectKey), [projectKey]);
  if (data.data === undefined) {
    return (
      <main className="cad-view">
        {data.status === 'error' ? (
          <ErrorState error={data.error} reload={data.reload} title="The team’s OKRs could not load" />
        ) : (
          <LoadingState label="Loading the team’s OKRs…" />
        )}
      </main>
    );
  }
  const { teams, cycle } = data.data;
  return (
    <main className="cad-view">
      <h1 className="cad-heading-large">Team OKRs{projectKey === undefined ? '' : ` · ${projectKey}`}</h1>
      {data.status === 'error' ? (
        <ErrorState error={data.error} reload={data.reload} title="The page could not refresh" />
      ) : null}
      {teams.length === 0 ? (
        <EmptyState
          title="No team works in this project yet"
          description={`A Jira admin links teams to projects in Cadence’s settings; once a team lists ${projectKey ?? 'this project'}, its OKRs show here.`}
        />
      ) : cycle === undefined ? (
        <EmptyState title="No OKR cycle yet" description="A Jira admin creates cycles on the Cadence OKRs page." />
      ) : (
        teams.map((team) => <TeamSection key={team.id} team={team} cycle={cycle} showName={teams.length > 1} />)
      )}
    </main>
  );
}
