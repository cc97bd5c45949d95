import type { HealthyRange, KpiDirection, KpiHealth, KpiView } from '../../../src/contract/review';
import { kpiFlagged } from '../../../src/domain/kpi-health';
import { t } from '../app/i18n';
import { compareNames, formatValue } from './format';

/**
 * KPIs in words, shared by the team page, the macro and the board. Health and the move's good or bad
 * news are the backend's (domain/kpi-health.ts); these only say them, never colour alone.
 */

/** A KPI value with its unit, as KR values read: "97.5%", "2 incidents", "120". */
export const formatKpiValue = (value: number, unit: string | undefined): string =>
  formatValue(value, { kind: 'number', unit });

/** The healthy range in words: "healthy 95%–99.5%", "at least 95%", "at most 2 incidents". */
export const healthyRangeWords = (healthy: HealthyRange, unit: string | undefined): string => {
  const min = healthy.min === undefined ? undefined : formatKpiValue(healthy.min, unit);
  const max = healthy.max === undefined ? undefined : formatKpiValue(healthy.max, unit);
  if (min !== undefined && max !== undefined) return t('kpi.range.between', { min, max });
  if (min !== undefined) return t('kpi.range.atLeast', { min });
  return t('kpi.range.atMost', { max: max ?? '' });
};

export const healthWords = (health: KpiHealth): string => t(`kpi.health.${health}`);

export const directionWords = (direction: KpiDirection): string => t(`kpi.direction.${direction}`);
export const DIRECTIONS: readonly KpiDirection[] = ['up', 'down', 'within'];

/**
 * The lozenge's look (lozenge.tsx's appearances; named here so this file stays free of JSX for its unit
 * test): out of range is the flag (danger), healthy is success, no reading is neutral.
 */
export const healthAppearance = (health: KpiHealth): 'removed' | 'success' | 'default' =>
  kpiFlagged(health) ? 'removed' : health === 'healthy' ? 'success' : 'default';

/** The icon beside the words (decorative: the words say it). */
export const healthIcon = (health: KpiHealth): string =>
  health === 'healthy' ? '✓' : health === 'low' ? '▼' : health === 'high' ? '▲' : '–';

export interface KpiMove {
  /** ↑ or ↓ (decorative). */
  readonly arrow: string;
  readonly words: string;
  /** For the tone: good news, bad news, or neither. */
  readonly news: 'good' | 'bad' | 'none';
}

/** The latest move, "Up from 97% · good news"; undefined before a second reading. */
export const kpiMove = (kpi: Pick<KpiView, 'current' | 'previous' | 'moveIsGood' | 'unit'>): KpiMove | undefined => {
  if (kpi.previous === undefined || kpi.current === undefined) return undefined;
  const from = formatKpiValue(kpi.previous, kpi.unit);
  if (kpi.current === kpi.previous || kpi.moveIsGood === null) {
    return {
      arrow: kpi.current > kpi.previous ? '↑' : kpi.current < kpi.previous ? '↓' : '→',
      words: t('kpi.move.same', { from }),
      news: 'none',
    };
  }
  const up = kpi.current > kpi.previous;
  const news = kpi.moveIsGood ? 'good' : 'bad';
  return {
    arrow: up ? '↑' : '↓',
    words: t(up ? `kpi.move.up.${news}` : `kpi.move.down.${news}`, { from }),
    news,
  };
};

/** Where a KPI lives on its team page (a jira:projectPage subpath), so the board's link lands on it. */
export const kpiPath = (kpiId: string): string => `/kpis/${encodeURIComponent(kpiId)}`;

/** The KPI a team page was opened on, from its subpath; undefined for any other path. */
export const kpiIdOfPath = (pathname: string): string | undefined => {
  const match = /(?:^|\/)kpis\/([^/?#]+)\/?$/.exec(pathname);
  if (match?.[1] === undefined) return undefined;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return undefined;
  }
};

/**
 * The KPIs an objective may respond to: its team's, then the company's, by name. An objective keeps the
 * KPI it names even when that one belongs elsewhere (it stays selectable rather than silently cleared).
 */
export const kpiChoices = <K extends { id: string; teamId?: string | undefined; name: string }>(
  kpis: readonly K[],
  teamId: string | undefined,
  keepId?: string,
): K[] => {
  const rank = (k: K): number => (teamId !== undefined && k.teamId === teamId ? 0 : k.teamId === undefined ? 1 : 2);
  return kpis
    .filter((k) => rank(k) < 2 || k.id === keepId)
    .sort((a, b) => rank(a) - rank(b) || compareNames(a.name, b.name));
};

/** A number typed in a KPI form: undefined when empty, NaN when not a number (the form says so). */
export const parseNumberField = (text: string): number | undefined => {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  return /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed) ? Number(trimmed) : Number.NaN;
};

/** Why the healthy range typed cannot be saved (field and words), before asking the backend. */
export const rangeProblem = (
  min: number | undefined,
  max: number | undefined,
): { field: 'min' | 'max'; words: string } | undefined => {
  if (min !== undefined && Number.isNaN(min)) return { field: 'min', words: t('kpi.form.notNumber') };
  if (max !== undefined && Number.isNaN(max)) return { field: 'max', words: t('kpi.form.notNumber') };
  if (min === undefined && max === undefined) return { field: 'min', words: t('kpi.form.needBound') };
  if (min !== undefined && max !== undefined && min > max) return { field: 'max', words: t('kpi.form.maxBelowMin') };
  return undefined;
};
