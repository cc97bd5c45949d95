import type { CheckIn, Cycle, Initiative, KeyResult, Metric, Objective, Team } from '../../src/contract';
import type { LintInput } from '../../src/domain/lint';

/**
 * Builders for tests: sensible, valid defaults that a test overrides only where the behaviour under
 * test depends on it. Ids are sequential per run so failures are readable.
 */
let seq = 0;
const nextId = (prefix: string): string => `${prefix}-${String(++seq)}`;

export const aCycle = (over: Partial<Cycle> = {}): Cycle => ({
  id: nextId('cycle'),
  name: 'Q1 2027',
  kind: 'quarterly',
  startDate: '2027-01-01',
  endDate: '2027-03-31',
  status: 'active',
  ...over,
});

export const aTeam = (over: Partial<Team> = {}): Team => ({
  id: nextId('team'),
  name: 'Payments',
  memberAccountIds: ['acc-alice'],
  jiraProjectKeys: ['PAY'],
  ...over,
});

export const anObjective = (over: Partial<Objective> = {}): Objective => ({
  id: nextId('obj'),
  cycleId: 'cycle-q1',
  title: 'Make our first enterprise customers successful and referenceable',
  level: 'company',
  ownerAccountId: 'acc-alice',
  reviewerAccountId: 'acc-bob',
  status: 'published',
  ...over,
});

export const aMetric = (over: Partial<Metric> = {}): Metric => ({
  kind: 'percent',
  start: 82,
  target: 92,
  current: 82,
  unit: '%',
  ...over,
});

export const aKeyResult = (over: Partial<KeyResult> = {}): KeyResult => ({
  id: nextId('kr'),
  objectiveId: 'obj-1',
  title: 'Increase enterprise logo retention from 82% to 92%',
  ownerAccountId: 'acc-alice',
  weight: 1,
  metric: aMetric(),
  progressSource: 'manual',
  status: 'active',
  ...over,
});

/** A decreasing KR: "Reduce onboarding time for enterprise accounts from 28 days to 10 days". */
export const aDecreasingKeyResult = (over: Partial<KeyResult> = {}): KeyResult =>
  aKeyResult({
    title: 'Reduce onboarding time for enterprise accounts from 28 days to 10 days',
    metric: { kind: 'number', start: 28, target: 10, current: 28, unit: 'days' },
    ...over,
  });

export const aBinaryKeyResult = (over: Partial<KeyResult> = {}): KeyResult =>
  aKeyResult({
    title: 'Secure SOC 2 Type II certification',
    metric: { kind: 'binary', start: 0, target: 1, current: 0 },
    ...over,
  });

export const anInitiative = (over: Partial<Initiative> = {}): Initiative => ({
  id: nextId('ini'),
  keyResultId: 'kr-1',
  issueKey: 'PAY-12',
  issueId: '10012',
  ...over,
});

export const aCheckIn = (over: Partial<CheckIn> = {}): CheckIn => ({
  id: nextId('chk'),
  keyResultId: 'kr-1',
  authorAccountId: 'acc-alice',
  at: '2027-01-15T10:00:00.000Z',
  value: 85,
  confidence: 'on_track',
  ...over,
});

/**
 * A lint input for an active cycle, early on (no KR is stale yet) and with nothing in it: tests add the
 * objectives, KRs, teams and maps the rule under test looks at.
 */
export const aLintInput = (over: Partial<LintInput> = {}): LintInput => ({
  cycle: aCycle({ status: 'active' }),
  now: new Date('2027-01-05T09:00:00.000Z'),
  teams: [],
  objectives: [],
  keyResults: [],
  initiativeCountByKeyResult: new Map(),
  lastCheckInAtByKeyResult: new Map(),
  ...over,
});

/** `count` active KRs of an objective, alike apart from their ids; `over` applies to each. */
export const keyResultsFor = (
  objective: Pick<Objective, 'id'>,
  count: number,
  over: Partial<KeyResult> = {},
): KeyResult[] => Array.from({ length: count }, () => aKeyResult({ objectiveId: objective.id, ...over }));
