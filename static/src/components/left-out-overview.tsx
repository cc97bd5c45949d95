import { api } from '../api/client';
import { useAsync } from '../api/use-api';
import { useChunkWords } from '../app/use-chunk-words';
import { t } from '../app/i18n';
import { LeftOutItems } from './left-out-items';
import { ErrorState, LoadingState } from './states';

/**
 * A team's "not this cycle" list, read-only: the Confluence macro's section beside a team scorecard.
 * Says nothing when the list is empty, so pages of teams without one look as before.
 */
export default function LeftOutOverview({ cycleId, teamId }: { cycleId: string; teamId: string }) {
  useChunkWords('leftout');
  const data = useAsync(() => api['leftOut.list']({ cycleId, teamId }), [cycleId, teamId]);
  const items = data.data?.items;
  if (items === undefined) {
    return data.status === 'error' ? (
      <ErrorState error={data.error} reload={data.reload} title={t('leftout.section.loadError')} />
    ) : (
      <LoadingState inline label={t('leftout.section.loading')} />
    );
  }
  if (items.length === 0) return null;
  const headingId = `left-out-${teamId}`;
  return (
    <section aria-labelledby={headingId} className="cad-stack cad-left-out-section" data-left-out-list={teamId}>
      <h2 id={headingId} className="cad-heading-small">
        {t('leftout.section.title')}
      </h2>
      <LeftOutItems items={items} label={t('leftout.section.title')} />
    </section>
  );
}
