import {
  aBinaryKeyResult,
  aCycle,
  aKeyResult,
  aLintInput,
  aMetric,
  aTeam,
  anObjective,
  keyResultsFor,
} from '../../../test/support/builders';
import { FindingSchema, LintRuleIdSchema } from '../../contract';
import type { Finding, LintRuleId, Objective } from '../../contract';
import type { LintInput } from '.';
import {
  KEY_RESULTS_PER_OBJECTIVE,
  LINT_RULES,
  MAX_OBJECTIVES_PER_CYCLE,
  lintCycle,
  lintKeyResultDraft,
  lintObjectiveDraft,
} from '.';

/** An active cycle where almost everything the method warns about happens at once. */
const messyActiveCycle = (): LintInput => {
  const team = aTeam({ name: 'Payments', memberAccountIds: ['acc-priya'] });
  const teamObjective = (over: Partial<Objective>) => anObjective({ level: 'team', teamId: team.id, ...over });
  const numbers = teamObjective({ title: 'Hit 90% retention', status: 'draft', reviewerAccountId: undefined });
  // Written for the team by people outside it: top-down only.
  const oneKr = teamObjective({ authorship: { createdBy: 'acc-ceo', editors: ['acc-vp'] } });
  const fiveKrs = teamObjective({});
  const sixKrs = teamObjective({});
  const selfReviewed = anObjective({ reviewerAccountId: 'acc-alice', ownerAccountId: 'acc-alice' });
  const archivedParent = anObjective({ status: 'archived' });
  const individuals = Array.from({ length: 4 }, () =>
    anObjective({ level: 'individual', ownerAccountId: 'acc-carol' }),
  );
  individuals.push(anObjective({ level: 'individual', parentObjectiveId: archivedParent.id }));
  return aLintInput({
    now: new Date('2027-02-15T00:00:00.000Z'),
    teams: [team],
    objectives: [numbers, oneKr, fiveKrs, sixKrs, selfReviewed, archivedParent, ...individuals],
    keyResults: [
      aKeyResult({ objectiveId: oneKr.id, title: 'Improve onboarding process', progressSource: 'initiatives' }),
      ...keyResultsFor(fiveKrs, 4),
      aKeyResult({ objectiveId: fiveKrs.id, metric: aMetric({ start: 50, target: 50 }) }),
      ...keyResultsFor(sixKrs, 5),
      aKeyResult({ objectiveId: sixKrs.id, metric: aMetric({ kind: 'currency', unit: undefined }) }),
      aBinaryKeyResult({ objectiveId: selfReviewed.id, title: 'Launch new onboarding module' }),
      aBinaryKeyResult({ objectiveId: selfReviewed.id }),
    ],
  });
};

/** A cycle in review where a team scored 1.0 on everything, as it did the cycle before, and wrote no retrospective. */
const easyReviewCycle = (): LintInput => {
  const team = aTeam();
  const perfect = () => {
    const objectives = [1, 2].map(() => anObjective({ level: 'team', teamId: team.id }));
    return { objectives, keyResults: objectives.flatMap((o) => keyResultsFor(o, 2, { finalScore: 1 })) };
  };
  return aLintInput({ cycle: aCycle({ status: 'review' }), teams: [team], ...perfect(), previous: perfect() });
};

/** A cycle in review with four company objectives, one still a draft. */
const crowdedReviewCycle = (): LintInput => {
  const objectives = [anObjective({ status: 'draft' }), ...[1, 2, 3].map(() => anObjective())];
  const keyResults = objectives.flatMap((o) => keyResultsFor(o, 2, { finalScore: 0.6 }));
  return aLintInput({ cycle: aCycle({ status: 'review' }), objectives, keyResults });
};

/**
 * An active cycle whose one objective was last checked in two weeks ago, and which got a KR 12 days ago
 * that was never checked in.
 */
const quietActiveCycle = (): LintInput => {
  const objective = anObjective();
  const keyResults = keyResultsFor(objective, 2);
  const lastCheckIns = new Map(keyResults.map((kr) => [kr.id, '2027-02-01T09:00:00.000Z']));
  const added = aKeyResult({ objectiveId: objective.id, createdAt: '2027-02-03T09:00:00.000Z' });
  return aLintInput({
    now: new Date('2027-02-15T00:00:00.000Z'),
    objectives: [objective],
    keyResults: [...keyResults, added],
    lastCheckInAtByKeyResult: lastCheckIns,
  });
};

const FIXTURES = [messyActiveCycle(), easyReviewCycle(), crowdedReviewCycle(), quietActiveCycle()];
const ALL_FINDINGS: Finding[] = FIXTURES.flatMap(lintCycle);

describe('the rule registry', () => {
  it('describes every rule id of the contract exactly once, in one line, with its variants', () => {
    expect(LINT_RULES.map((r) => r.id)).toEqual(LintRuleIdSchema.options);
    for (const rule of LINT_RULES) {
      expect(rule.description).toMatch(/^[^\n]{20,140}$/);
      expect(rule.variants.length).toBeGreaterThan(0);
    }
  });

  it.each(LintRuleIdSchema.options)('has %s produce at least one finding from the fixtures', (id: LintRuleId) => {
    expect(ALL_FINDINGS.some((f) => f.ruleId === id)).toBe(true);
  });

  it("gives every finding its rule's registered severity and one of its variants, in the contract's shape", () => {
    const rules = new Map(LINT_RULES.map((r) => [r.id, r]));
    for (const f of ALL_FINDINGS) {
      expect(f.severity).toBe(rules.get(f.ruleId)?.severity);
      expect(rules.get(f.ruleId)?.variants).toContain(f.variant);
      expect(FindingSchema.parse(f)).toEqual(f);
    }
  });

  it.each(LINT_RULES.flatMap((r) => r.variants.map((v) => [r.id, v] as const)))(
    'has %s say its %s message for some fixture',
    (id, variant) => {
      expect(ALL_FINDINGS.some((f) => f.ruleId === id && f.variant === variant)).toBe(true);
    },
  );
});

describe("the method's shape numbers", () => {
  it('are 2 to 5 KRs per objective (2 to 4 recommended) and at most 3 objectives per owner and cycle', () => {
    expect(KEY_RESULTS_PER_OBJECTIVE).toEqual({ min: 2, max: 5, recommendedMax: 4 });
    expect(MAX_OBJECTIVES_PER_CYCLE).toBe(3);
  });
});

describe('lintCycle', () => {
  it('sorts findings by severity, then rule id, then target id', () => {
    const rank = { error: 0, warning: 1, info: 2 };
    const key = (f: Finding) => [rank[f.severity], f.ruleId, f.target.id] as const;
    const findings = lintCycle(messyActiveCycle());
    expect(findings[0]?.severity).toBe('error');
    let previous: Finding | undefined;
    for (const f of findings) {
      if (previous !== undefined) {
        const [a, b] = [key(previous), key(f)];
        expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] <= b[2])))).toBe(true);
      }
      previous = f;
    }
  });

  it('ignores archived objectives and archived KRs entirely', () => {
    const archived = anObjective({ status: 'archived', title: 'Hit 90% retention', reviewerAccountId: 'acc-alice' });
    const live = anObjective();
    const input = aLintInput({
      cycle: aCycle({ status: 'review' }),
      objectives: [archived, live],
      keyResults: [
        aKeyResult({ objectiveId: archived.id, title: 'Build a portal' }),
        ...keyResultsFor(live, 2, { metric: aMetric({ current: 92 }) }),
        aKeyResult({ objectiveId: live.id, status: 'archived', title: 'Build a portal' }),
      ],
    });
    expect(lintCycle(input).map((f) => f.ruleId)).toEqual(['sandbagging', 'missing-retrospective']);
  });

  it('finds nothing wrong in a well-formed, aligned, checked-in cycle', () => {
    const company = anObjective();
    const teamObjective = anObjective({ level: 'team', teamId: 'team-pay', parentObjectiveId: company.id });
    const keyResults = [...keyResultsFor(company, 3), ...keyResultsFor(teamObjective, 2)];
    const checkedIn = new Map(keyResults.map((kr) => [kr.id, '2027-02-10T09:00:00.000Z']));
    const input = aLintInput({
      now: new Date('2027-02-15T00:00:00.000Z'),
      objectives: [company, teamObjective],
      keyResults,
      lastCheckInAtByKeyResult: checkedIn,
    });
    expect(lintCycle(input)).toEqual([]);
  });
});

describe('draft linting while typing', () => {
  it('lints an objective title with the text rules only', () => {
    expect(lintObjectiveDraft({ title: 'Deliver an exceptional onboarding experience' })).toEqual([]);
    expect(lintObjectiveDraft({ title: 'Hit 90% retention' }).map((f) => f.target)).toEqual([
      { kind: 'objective', id: '' },
    ]);
  });

  it('lints a KR draft with text and metric rules, sorted, all on target id ""', () => {
    const findings = lintKeyResultDraft({
      title: 'Build a revenue dashboard',
      metric: aMetric({ kind: 'currency', start: 5, target: 5, unit: undefined }),
      progressSource: 'initiatives',
    });
    expect(findings.map((f) => f.ruleId)).toEqual([
      'key-result-is-activity',
      'key-result-not-measurable',
      'key-result-zero-range',
      'key-result-currency-without-unit',
      'key-result-measures-output',
    ]);
    expect(findings.every((f) => f.target.id === '')).toBe(true);
  });
});
