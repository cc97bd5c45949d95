import type { Finding, FindingTarget, Severity } from '../../contract';
import type { CycleRule, KeyResultDraft, LintInput } from './context';
import { buildContext } from './context';
import { keyResultTarget, objectiveTarget } from './finding';
import { archivedParentRule, individualAlignmentRule, teamAlignmentRule } from './rules/alignment';
import { missingRetrospectiveRule, sandbaggingRule } from './rules/end-of-cycle';
import { sandbaggingTwoCyclesRule, topDownRule } from './rules/co-creation';
import { allBinaryRule, keyResultCountRule } from './rules/key-result-count';
import { initiativesMissingRule } from './rules/key-result-initiatives';
import { keyResultMetricFindings } from './rules/key-result-metric';
import { keyResultTitleFindings } from './rules/key-result-title';
import { objectiveTitleFindings, objectiveTitleRule } from './rules/objective-title';
import { draftInActiveCycleRule, draftWithoutReviewerRule, reviewerIsOwnerRule } from './rules/review-owner';
import { staleCheckInRule } from './rules/stale-check-in';
import { tooManyObjectivesRule } from './rules/too-many-objectives';

/**
 * The OKR quality lint: the method's rules as findings (rule, variant and params; the words, what is wrong
 * and what to do, are in locales/<locale>/lint.json). Pure: no I/O, and time comes in as `now`.
 */
export type { LintInput, KeyResultDraft } from './context';
export { LINT_RULES } from './rules';
export type { LintRuleDescription, LintVariant } from './rules';
export { KEY_RESULTS_PER_OBJECTIVE, MAX_OBJECTIVES_PER_CYCLE } from './shape';
export { ACTIVITY_VERBS } from './text';

/** KR rules that need only the KR itself, so the same code serves stored KRs and drafts. */
const keyResultFindings = (kr: KeyResultDraft, target: FindingTarget): Finding[] => [
  ...keyResultTitleFindings(kr, target),
  ...keyResultMetricFindings(kr, target),
];

const keyResultShapeRule: CycleRule = (ctx) =>
  ctx.objectives.flatMap((o) => ctx.keyResultsOf(o.id).flatMap((kr) => keyResultFindings(kr, keyResultTarget(kr.id))));

const CYCLE_RULES: readonly CycleRule[] = [
  objectiveTitleRule,
  keyResultCountRule,
  allBinaryRule,
  keyResultShapeRule,
  initiativesMissingRule,
  tooManyObjectivesRule,
  teamAlignmentRule,
  individualAlignmentRule,
  archivedParentRule,
  draftWithoutReviewerRule,
  reviewerIsOwnerRule,
  draftInActiveCycleRule,
  staleCheckInRule,
  sandbaggingRule,
  missingRetrospectiveRule,
  topDownRule,
  sandbaggingTwoCyclesRule,
];

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const compareFindings = (a: Finding, b: Finding): number =>
  SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
  compareText(a.ruleId, b.ruleId) ||
  compareText(a.target.id, b.target.id);

/** Findings in reading order: errors first, then by rule, then by target, so output is stable. */
const sorted = (findings: readonly Finding[]): Finding[] => [...findings].sort(compareFindings);

/** Lints a whole cycle. Archived objectives and KRs are ignored, except as archived parents. */
export const lintCycle = (input: LintInput): Finding[] => {
  const ctx = buildContext(input);
  return sorted(CYCLE_RULES.flatMap((rule) => rule(ctx)));
};

/** Inline hints while an objective is typed: text rules only, target id ''. */
export const lintObjectiveDraft = (draft: { title: string }): Finding[] =>
  sorted(objectiveTitleFindings(draft.title, objectiveTarget('')));

/** Inline hints while a KR is typed: title and metric rules, target id ''. */
export const lintKeyResultDraft = (draft: KeyResultDraft): Finding[] =>
  sorted(keyResultFindings(draft, keyResultTarget('')));
