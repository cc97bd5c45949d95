import { api } from '../api/client';
import { useAsync } from '../api/use-api';
import { useChunkWords } from '../app/use-chunk-words';
import { t } from '../app/i18n';
import { formatDay } from './format';
import { KpiCard, KpiList, kpiSummaryWords } from './kpi-list';
import { ErrorState, LoadingState } from './states';

/**
 * A team's (or, without teamId, the company's) KPIs, read-only: the Confluence macro's section beside a
 * scorecard. `through` (an ISO date) pins them to the readings at the end of that day, for a frozen
 * scorecard. Says nothing when there are no KPIs, so pages without any look as before.
 */
export default function KpiOverview({
  teamId,
  through,
}: {
  teamId?: string | undefined;
  through?: string | undefined;
}) {
  // Its words come with it (app/chunk-words.ts); the macro shows it under a Suspense.
  useChunkWords('kpi');
  const asOf = through === undefined ? undefined : `${through}T23:59:59.999Z`;
  const data = useAsync(
    () => api['kpis.list']({ ...(teamId === undefined ? {} : { teamId }), ...(asOf === undefined ? {} : { asOf }) }),
    [teamId, asOf],
  );
  const kpis = data.data?.kpis.filter((k) => k.status === 'active');
  if (kpis === undefined) {
    return data.status === 'error' ? (
      <ErrorState error={data.error} reload={data.reload} title={t('kpi.section.loadError')} />
    ) : (
      <LoadingState inline label={t('kpi.section.loading')} />
    );
  }
  if (kpis.length === 0) return null;
  return (
    <section aria-labelledby="cad-kpi-overview" className="cad-stack" data-kpi-overview="">
      <h2 id="cad-kpi-overview" className="cad-heading-small">
        {t('kpi.section.title')}
      </h2>
      <p className="cad-subtle">
        {through === undefined ? kpiSummaryWords(kpis) : t('kpi.overview.frozen', { day: formatDay(through) })}
        {through === undefined ? null : <> · {kpiSummaryWords(kpis)}</>}
      </p>
      <KpiList label={t('kpi.section.title')}>
        {kpis.map((kpi) => (
          <KpiCard key={kpi.id} kpi={kpi} headingLevel={3} />
        ))}
      </KpiList>
    </section>
  );
}
