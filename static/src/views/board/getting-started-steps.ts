/**
 * The getting-started guide's progress (issue #12): each step is done when the data says so (a cycle, a
 * team, an objective, a team with members), so nothing is stored about it but what this person chose to
 * skip or hide, in this browser (localStorage: the Custom UI iframe keeps its origin, "allow-same-origin",
 * developer.atlassian.com/platform/forge/custom-ui/iframe). Small and free of React: the board reads it
 * to offer "Getting started" while steps are open, without loading the guide itself.
 */
export type StepId = 'cycle' | 'teams' | 'objective' | 'owners';
export const STEP_IDS: readonly StepId[] = ['cycle', 'teams', 'objective', 'owners'];

export interface SetupFacts {
  readonly cycleCount: number;
  /** The site's teams with their members; undefined while not known. */
  readonly teams: readonly { readonly memberAccountIds: readonly string[] }[] | undefined;
  /** Objectives in the cycle on the board; undefined while not known. */
  readonly objectiveCount: number | undefined;
}

/** The steps the data shows as done. */
export const doneSteps = (facts: SetupFacts): ReadonlySet<StepId> => {
  const done = new Set<StepId>();
  if (facts.cycleCount > 0) done.add('cycle');
  if (facts.teams !== undefined && facts.teams.length > 0) done.add('teams');
  if (facts.objectiveCount !== undefined && facts.objectiveCount > 0) done.add('objective');
  if (facts.teams?.some((team) => team.memberAccountIds.length > 0) === true) done.add('owners');
  return done;
};

export interface GuideChoices {
  /** The guide was hidden: an empty board shows its plain empty state and a way back. */
  readonly dismissed: boolean;
  readonly skipped: ReadonlySet<StepId>;
}

/** The part of the Web Storage API used (typed here: unit tests run this module outside a browser). */
interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
/** The frame's localStorage; reading it may throw where the browser blocks storage. */
const storage = (): KeyValueStorage => {
  const found: unknown = Reflect.get(globalThis, 'localStorage');
  if (typeof found !== 'object' || found === null) throw new Error('no localStorage here');
  return found as KeyValueStorage;
};

const NONE: GuideChoices = { dismissed: false, skipped: new Set() };
const keyOf = (accountId: string): string => `cadence.gettingStarted.${accountId}`;
const isStep = (value: unknown): value is StepId => STEP_IDS.some((s) => s === value);

/** This person's choices; none when storage is unavailable (blocked cookies) or holds something else. */
export const readChoices = (accountId: string | undefined): GuideChoices => {
  if (accountId === undefined) return NONE;
  try {
    const raw: unknown = JSON.parse(storage().getItem(keyOf(accountId)) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return NONE;
    const { dismissed, skipped } = raw as { dismissed?: unknown; skipped?: unknown };
    return {
      dismissed: dismissed === true,
      skipped: new Set(Array.isArray(skipped) ? skipped.filter(isStep) : []),
    };
  } catch {
    return NONE;
  }
};

/** Remembers the choices; where storage is unavailable they last until the page is left. */
export const writeChoices = (accountId: string | undefined, choices: GuideChoices): void => {
  if (accountId === undefined) return;
  try {
    storage().setItem(
      keyOf(accountId),
      JSON.stringify({ dismissed: choices.dismissed, skipped: [...choices.skipped] }),
    );
  } catch {
    // Storage refused (quota, privacy mode): the choice still holds for this page.
  }
};
