import type { Me } from '../../../../src/contract';

/** The settings' sections, in the order of the nav; also the values of the board's ?settings=. */
export const ADMIN_SECTIONS = ['teams', 'kpis', 'scoring', 'admins', 'data', 'health'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

export const isAdminSection = (value: string | null | undefined): value is AdminSection =>
  ADMIN_SECTIONS.some((s) => s === value);

/**
 * What a person sees: OKR admins every section; others what they may read (teams, scoring, who
 * administers), since export, import, repair and the company's KPIs are OKR admins' work (the resolvers
 * refuse anyone else a change; the macro and the objective form show company KPIs to everyone).
 */
export const sectionsFor = (me: Pick<Me, 'isOkrAdmin'>): AdminSection[] =>
  me.isOkrAdmin ? [...ADMIN_SECTIONS] : ['teams', 'scoring', 'admins'];
