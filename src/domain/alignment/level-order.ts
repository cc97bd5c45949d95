import type { Objective, ObjectiveLevel } from '../../contract';

/** Levels cascade company -> team -> individual; a lower rank is higher in the cascade. */
export const LEVEL_RANK: Readonly<Record<ObjectiveLevel, number>> = { company: 0, team: 1, individual: 2 };

/** Numeric collation so "Squad 2" sorts before "Squad 10", as people expect in a list. */
const collator = new Intl.Collator('en', { numeric: true });

/**
 * Display order of sibling objectives: company first, then team, then individual, then by title. The id
 * breaks ties so equal titles still come out in the same order on every render.
 */
export const compareObjectives = (
  a: Pick<Objective, 'id' | 'level' | 'title'>,
  b: Pick<Objective, 'id' | 'level' | 'title'>,
): number =>
  LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || collator.compare(a.title, b.title) || collator.compare(a.id, b.id);
