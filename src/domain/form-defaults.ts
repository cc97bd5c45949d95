import type { Cycle, CycleKind, ObjectiveLevel } from '../contract';
import { isoDateOf } from './calendar-day';
import type { CycleWindow } from './cycle-window';
import { cycleWindow, nextCycleWindow } from './cycle-window';

/** Where a new objective starts: its level and, for a team objective, the team. The person may change both. */
export interface ObjectiveDefaults {
  readonly level: ObjectiveLevel;
  readonly teamId?: string;
}

export interface ObjectiveDefaultsInput {
  /** The viewer's teams (me.teamIds), in the order the backend gives them. */
  readonly viewerTeamIds: readonly string[];
  /** The teams that exist (a stale id in me.teamIds must not preselect a team the form cannot show). */
  readonly teamIds: readonly string[];
  /** OKR admins may create company objectives (README "Permissions"); others may not. */
  readonly mayCreateCompany: boolean;
  /** The cycle has no objective yet: the cascade starts at the company (the method, docs/okr-method.md). */
  readonly firstOfCycle: boolean;
}

/**
 * The level and team a new objective starts with, so the first save can succeed: a person who may write
 * company objectives starts the empty cycle's cascade at the company; otherwise the viewer's first team
 * (level team); without a team, the company level for those who may create it, else an individual
 * objective (anyone may write one for themselves). A team level without a team is never proposed: the
 * backend refuses it (issue #12: "No team" as the only choice made the first save fail).
 */
export const objectiveDefaults = (input: ObjectiveDefaultsInput): ObjectiveDefaults => {
  if (input.firstOfCycle && input.mayCreateCompany) return { level: 'company' };
  const known = new Set(input.teamIds);
  const teamId = input.viewerTeamIds.find((id) => known.has(id));
  if (teamId !== undefined) return { level: 'team', teamId };
  return { level: input.mayCreateCompany ? 'company' : 'individual' };
};

/**
 * Who owns a new KR: the objective's owner, who answers for the objective (the person can hand it to
 * someone else); the viewer only when the objective has no owner known to the form.
 */
export const keyResultOwnerDefault = (
  objective: { readonly ownerAccountId?: string | undefined } | undefined,
  viewerAccountId: string | undefined,
): string | undefined => objective?.ownerAccountId ?? viewerAccountId;

/**
 * The dates and name the cycle form proposes: the window after the latest cycle of that kind (planning the
 * next quarter ahead), unless that window is already over, then the window containing today (a site
 * starting again after a pause). Without a cycle of that kind, the window containing today.
 */
export const proposedCycleWindow = (
  kind: CycleKind,
  cycles: readonly Pick<Cycle, 'kind' | 'endDate'>[],
  now: Date,
): CycleWindow => {
  const current = cycleWindow(kind, now);
  const latestEnd = cycles
    .filter((c) => c.kind === kind)
    .map((c) => c.endDate)
    .sort()
    .at(-1);
  if (latestEnd === undefined) return current;
  const next = nextCycleWindow(kind, latestEnd);
  return next.endDate < isoDateOf(now) ? current : next;
};
