import { router } from '@forge/bridge';
import type { MouseEvent } from 'react';
import type { KpiHealth } from '../../../src/contract/review';
import { kpiFlagged } from '../../../src/domain/kpi-health';
import { t } from '../app/i18n';
import { clickIntent } from './link-targets';
import { healthIcon, healthWords, kpiPath } from './kpi-words';
import './kpi.css';

/** The manifest key of the team page (jira:projectPage), where a team's KPIs live. */
export const TEAM_PAGE_MODULE_KEY = 'cadence-team';

/** What a link needs of a KPI: board.get's `kpis` entries fit. */
export interface LinkedKpi {
  readonly id: string;
  readonly name: string;
  readonly health: KpiHealth;
}

/**
 * Opens the team page of `projectKey` on the KPI (Forge router, `module` target with projectKey and a
 * subpath: developer.atlassian.com/platform/forge/apis-reference/ui-api-bridge/router). A plain click
 * navigates; ctrl/cmd/shift or middle click opens a new tab, as links do.
 */
const openKpi = (event: MouseEvent<HTMLAnchorElement>, projectKey: string, kpiId: string): void => {
  const intent = clickIntent(event);
  if (intent === 'none') return;
  event.preventDefault();
  event.stopPropagation();
  const location = { target: 'module' as const, moduleKey: TEAM_PAGE_MODULE_KEY, projectKey, path: kpiPath(kpiId) };
  void (intent === 'open' ? router.open(location) : router.navigate(location)).catch(() => undefined);
};

/**
 * "KPI: Uptime" beside an objective that responds to it, with its health when it is out of range (icon
 * and words, not colour alone). Links to the KPI on its team's page; a company KPI (no team page) is text.
 */
export function KpiLink({
  kpi,
  projectKey,
  long = false,
}: {
  kpi: LinkedKpi;
  projectKey: string | undefined;
  /** "Responds to KPI: …" with its health always said (the side panel); else the short form (rows). */
  long?: boolean;
}) {
  const flagged = kpiFlagged(kpi.health);
  // On a row the health comes first, so a narrow column cuts the name, never the flag.
  const label = long
    ? `${t('kpi.link.respondsTo', { name: kpi.name })} (${healthWords(kpi.health)})`
    : flagged
      ? t(`kpi.link.flagged.${kpi.health}`, { name: kpi.name })
      : t('kpi.link.short', { name: kpi.name });
  const body = (
    <>
      {flagged ? <span aria-hidden="true">{healthIcon(kpi.health)}</span> : null}
      <span className="cad-kpi-link__name">{label}</span>
    </>
  );
  const className = `cad-kpi-link${flagged ? ' cad-kpi-link--flagged' : ''}`;
  if (projectKey === undefined) {
    return (
      <span className={className} data-kpi-link={kpi.id} title={label}>
        {body}
      </span>
    );
  }
  return (
    <a
      href={`#kpi-${kpi.id}`}
      className={`cad-link ${className}`}
      data-kpi-link={kpi.id}
      title={label}
      onClick={(e) => {
        openKpi(e, projectKey, kpi.id);
      }}
      onAuxClick={(e) => {
        openKpi(e, projectKey, kpi.id);
      }}
    >
      {body}
    </a>
  );
}
