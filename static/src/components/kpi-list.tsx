import type { ReactNode } from 'react';
import type { KpiHealth, KpiView } from '../../../src/contract/review';
import { kpiFlagged } from '../../../src/domain/kpi-health';
import { t } from '../app/i18n';
import { formatDay } from './format';
import {
  directionWords,
  formatKpiValue,
  healthAppearance,
  healthIcon,
  healthWords,
  healthyRangeWords,
  kpiMove,
} from './kpi-words';
import { Lozenge } from './lozenge';
import './kpi.css';

/** A KPI's health as a lozenge: an icon and words, so it never rests on colour alone. */
export function KpiHealthBadge({ health }: { health: KpiHealth }) {
  return (
    <span className="cad-kpi__health" data-kpi-health={health}>
      <Lozenge appearance={healthAppearance(health)} bold={kpiFlagged(health)}>
        <span aria-hidden="true">{healthIcon(health)} </span>
        {healthWords(health)}
      </Lozenge>
    </span>
  );
}

/**
 * One KPI: name, current value with its unit, health, healthy range and direction in words, and its
 * latest move as good or bad news. `children` holds what the page adds (objectives, forms).
 */
export function KpiCard({
  kpi,
  headingLevel = 4,
  related,
  actions,
  children,
  targeted = false,
}: {
  kpi: Pick<
    KpiView,
    'id' | 'name' | 'unit' | 'current' | 'previous' | 'moveIsGood' | 'health' | 'healthy' | 'direction' | 'updatedAt'
  >;
  headingLevel?: 3 | 4 | 5;
  /** What relates to it (the objectives responding), under its figures. */
  related?: ReactNode;
  actions?: ReactNode;
  /** Below the actions: the form they open. */
  children?: ReactNode;
  /** The KPI a link landed on: outlined until the page reloads. */
  targeted?: boolean;
}) {
  const Heading = `h${headingLevel}` as const;
  const move = kpiMove(kpi);
  const flagged = kpiFlagged(kpi.health);
  return (
    <li
      id={`kpi-${kpi.id}`}
      className={`cad-kpi${flagged ? ' cad-kpi--flagged' : ''}${targeted ? ' cad-kpi--targeted' : ''}`}
      data-kpi-id={kpi.id}
      aria-labelledby={`kpi-${kpi.id}-name`}
    >
      <div className="cad-kpi__head">
        <Heading id={`kpi-${kpi.id}-name`} className="cad-heading-xsmall cad-kpi__name" tabIndex={-1}>
          {kpi.name}
        </Heading>
        <KpiHealthBadge health={kpi.health} />
      </div>
      {kpi.current === undefined ? null : (
        <div className="cad-inline">
          <span className="cad-kpi__value">{formatKpiValue(kpi.current, kpi.unit)}</span>
          {move === undefined ? null : (
            <span className={`cad-kpi__move cad-kpi__move--${move.news}`}>
              <span aria-hidden="true">{move.arrow} </span>
              {move.words}
            </span>
          )}
        </div>
      )}
      <p className="cad-subtle">
        {t('kpi.card.meta', {
          range: healthyRangeWords(kpi.healthy, kpi.unit),
          direction: directionWords(kpi.direction),
        })}
        {kpi.updatedAt === undefined ? null : <> · {t('kpi.card.updated', { day: formatDay(kpi.updatedAt) })}</>}
      </p>
      {related}
      {actions === undefined ? null : <div className="cad-inline cad-kpi__actions">{actions}</div>}
      {children}
    </li>
  );
}

/** KPIs as a list (its accessible name says whose). */
export function KpiList({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul className="cad-list cad-kpi-list" aria-label={label}>
      {children}
    </ul>
  );
}

/** How many KPIs are out of their healthy range ("None out of range"). */
export const kpiSummaryWords = (kpis: readonly Pick<KpiView, 'health'>[]): string => {
  const flagged = kpis.filter((k) => kpiFlagged(k.health)).length;
  return flagged === 0 ? t('kpi.summary.noneFlagged') : t('kpi.summary.flagged', { count: flagged });
};
