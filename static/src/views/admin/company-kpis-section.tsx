import { KpiSection } from '../../components/kpi-section';

/**
 * "Company KPIs": the KPIs no team keeps (kpis.list without teamId), which the macro shows beside the
 * company scorecard and every objective form offers. The team page's KPI section, with its record, add,
 * edit and archive; kpis.save and kpis.record let OKR admins only change them. A chunk of its own
 * (admin-app.tsx imports it lazily), so the settings page loads no KPI code until this section opens.
 */
export default function CompanyKpisSection() {
  return <KpiSection teamId={undefined} objectives={[]} cycleId="" headingId="cad-company-kpis" headingLevel={2} />;
}
