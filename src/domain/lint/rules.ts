import { LintRuleIdSchema } from '../../contract';
import type { LintRuleId, Severity } from '../../contract';

/**
 * One line per rule for developers and docs (what is checked and why; users read the catalogs'
 * locales/<locale>/lint.json), and the variants of its message a finding may name.
 */
export interface LintRuleDescription {
  readonly id: LintRuleId;
  readonly severity: Severity;
  readonly description: string;
  readonly variants: readonly string[];
}

interface Entry {
  readonly severity: Severity;
  readonly description: string;
  readonly variants: readonly [string, ...string[]];
}

/**
 * The registry. Keyed by rule id so the compiler refuses a missing or unknown rule; severities are fixed
 * here and nowhere else (findings take theirs from this table).
 */
const REGISTRY = {
  'objective-has-numbers': {
    severity: 'warning',
    description:
      'Objective title contains numbers, % or currency: an objective is qualitative, numbers belong in its KRs.',
    variants: ['default'],
  },
  'objective-no-key-results': {
    severity: 'error',
    description: 'Objective has no active key result, so nothing says when it is achieved.',
    variants: ['default'],
  },
  'objective-too-few-key-results': {
    severity: 'warning',
    description: 'Objective has a single active key result: 2 to 5 is the rule, 2 to 4 the recommendation.',
    variants: ['default'],
  },
  'objective-too-many-key-results': {
    severity: 'warning',
    description: 'Objective has more than 5 active key results: 2 to 5 is the rule.',
    variants: ['default'],
  },
  'objective-above-recommended-key-results': {
    severity: 'info',
    description: 'Objective has exactly 5 active key results: within the rule (2 to 5), above the recommended 2 to 4.',
    variants: ['default'],
  },
  'key-result-not-measurable': {
    severity: 'warning',
    description: 'Non-binary key result whose title states no number, so progress cannot be verified.',
    variants: ['default'],
  },
  'key-result-is-activity': {
    severity: 'warning',
    description:
      'Key result starts with an activity verb ("Launch...", "Build..."): it describes work, not an outcome.',
    variants: ['default'],
  },
  'key-result-zero-range': {
    severity: 'warning',
    description:
      'Non-binary key result whose start equals its target: nothing to move, a KPI to hold rather than an OKR.',
    variants: ['default'],
  },
  'key-result-measures-output': {
    severity: 'info',
    description: 'Key result progress comes from linked epics, which measures output shipped, not the outcome.',
    variants: ['default'],
  },
  'key-result-initiatives-missing': {
    severity: 'warning',
    description: 'Key result takes its progress from initiatives but has none linked, so it will stay at 0.',
    variants: ['default'],
  },
  'key-result-currency-without-unit': {
    severity: 'info',
    description: 'Currency key result without a unit: readers cannot tell which currency the numbers are in.',
    variants: ['default'],
  },
  'all-key-results-binary': {
    severity: 'warning',
    description: 'Every key result of the objective is done / not done, so the OKR reads as a task list.',
    variants: ['default'],
  },
  'too-many-objectives': {
    severity: 'warning',
    description: 'A team, person or the company has more than 3 objectives in one cycle: attention splits.',
    variants: ['company', 'team', 'person'],
  },
  'team-objective-not-aligned': {
    severity: 'warning',
    description: 'Team objective with no company objective among its ancestors: every team OKR should connect up.',
    variants: ['default'],
  },
  'individual-objective-not-aligned': {
    severity: 'info',
    description: 'Individual objective with no parent objective, so its contribution is not visible up the tree.',
    variants: ['default'],
  },
  'aligned-to-archived-parent': {
    severity: 'warning',
    description: 'Objective aligned to an archived parent: the thing it supports no longer exists.',
    variants: ['default'],
  },
  'draft-without-reviewer': {
    severity: 'warning',
    description: 'Draft objective without a review owner: every draft is reviewed by a real person before publishing.',
    variants: ['default'],
  },
  'reviewer-is-owner': {
    severity: 'info',
    description: 'Objective reviewed by its own owner, which is no review at all.',
    variants: ['default'],
  },
  'draft-in-active-cycle': {
    severity: 'warning',
    description: 'Objective still in draft while the cycle is active or in review: publish it or archive it.',
    variants: ['active', 'review'],
  },
  'stale-check-in': {
    severity: 'warning',
    description:
      'Active cycle: key result not checked in for more than a week (configurable); the weekly rhythm is the point.',
    // never: since the cycle started; added: since the KR was added mid-cycle; last: since its last check-in.
    variants: ['never', 'added', 'last'],
  },
  sandbagging: {
    severity: 'warning',
    description: 'Cycle in review: every key result scored 1.0, which suggests the goals were not ambitious enough.',
    variants: ['objective', 'team'],
  },
  'missing-retrospective': {
    severity: 'info',
    description:
      'Cycle in review: published objective without a retrospective on what drove progress and what did not.',
    variants: ['default'],
  },
  'team-objective-top-down': {
    severity: 'warning',
    description:
      'Team objective drafted and edited only by people outside the team: top-down only, the third classic mistake.',
    variants: ['default'],
  },
  'sandbagging-two-cycles': {
    severity: 'warning',
    description: 'Cycle in review: an owner or team scored 1.0 on every key result this cycle and the one before.',
    variants: ['person', 'team'],
  },
} as const satisfies Readonly<Record<LintRuleId, Entry>>;

/** The variants of a rule's message (a rule that says one thing has only 'default'). */
export type LintVariant<R extends LintRuleId> = (typeof REGISTRY)[R]['variants'][number];

/** Every rule, in the contract's order. */
export const LINT_RULES: readonly LintRuleDescription[] = LintRuleIdSchema.options.map((id) => ({
  id,
  ...REGISTRY[id],
}));

/** The fixed severity of a rule. */
export const severityOf = (id: LintRuleId): Severity => REGISTRY[id].severity;
