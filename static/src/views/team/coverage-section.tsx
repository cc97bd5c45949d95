import { Suspense } from 'react';
import type { Cycle, Team } from '../../../../src/contract';
import { api } from '../../api/client';
import { useAsync } from '../../api/use-api';
import { useChunkWords } from '../../app/use-chunk-words';
import { t } from '../../app/i18n';
import { ErrorState, LoadingState } from '../../components/states';
import { CoverageList, CoverageSummary } from '../board/coverage-list';

/** Uncovered epics listed on the team page (the count is always complete). */
const LIST_LIMIT = 50;

/**
 * The team's strategy coverage on its team page: the share of in-progress epics in its Jira projects
 * that serve a KR of the cycle (coverage.get, counted as the viewer), and the uncovered ones with the
 * same one-click link as the board's list. Linking reloads the figure and the team's scorecard.
 */
export function CoverageSection(props: { team: Team; cycle: Cycle; headingId: string; onLinked: () => void }) {
  return (
    <Suspense fallback={<LoadingState inline />}>
      <CoverageSectionBody {...props} />
    </Suspense>
  );
}

function CoverageSectionBody({
  team,
  cycle,
  headingId,
  onLinked,
}: {
  team: Team;
  cycle: Cycle;
  headingId: string;
  onLinked: () => void;
}) {
  // The section's words come with the list's (app/chunk-words.ts), outside the catalog every view fetches.
  useChunkWords('coverage');
  const coverage = useAsync(
    () => api['coverage.get']({ cycleId: cycle.id, teamId: team.id, limit: LIST_LIMIT }),
    [cycle.id, team.id],
  );
  const data = coverage.data;
  return (
    <section aria-labelledby={headingId} className="cad-stack" data-coverage-team={team.id}>
      <h3 id={headingId} className="cad-heading-small">
        {t('coverage.section.title')}
      </h3>
      <p className="cad-subtlest">{t('coverage.section.explanation')}</p>
      {team.jiraProjectKeys.length === 0 ? (
        <p className="cad-subtle">{t('coverage.section.noProjects')}</p>
      ) : data === undefined ? (
        coverage.status === 'error' ? (
          <ErrorState error={coverage.error} reload={coverage.reload} title={t('coverage.section.loadError')} />
        ) : (
          <LoadingState inline label={t('coverage.section.loading')} />
        )
      ) : (
        <>
          {coverage.status === 'error' ? (
            <ErrorState error={coverage.error} reload={coverage.reload} title={t('coverage.section.loadError')} />
          ) : null}
          <CoverageSummary coverage={data} />
          <CoverageList
            coverage={data}
            cycle={cycle}
            onLinked={() => {
              coverage.reload();
              onLinked();
            }}
          />
        </>
      )}
    </section>
  );
}
