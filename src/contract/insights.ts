import { z } from 'zod';

/** What the backend computes about OKRs and the UI shows as-is (it never recomputes them). */

export const BandSchema = z.enum(['red', 'yellow', 'green']);
export type Band = z.infer<typeof BandSchema>;

/**
 * Score thresholds. Defaults follow the method: 0.0-0.3 red, 0.4-0.6 yellow, 0.7-1.0 green, read as
 * half-open intervals on the continuous score ([0, 0.4) red, [0.4, 0.7) yellow, [0.7, 1] green).
 */
export const BandConfigFields = z.object({
  yellowFrom: z.number().gt(0, 'must be greater than 0').lt(1, 'must be less than 1'),
  greenFrom: z.number().gt(0, 'must be greater than 0').lte(1, 'must be at most 1'),
});
export const BandConfigSchema = BandConfigFields.refine((b) => b.yellowFrom < b.greenFrom, {
  message: 'must be greater than yellowFrom',
  path: ['greenFrom'],
});
export type BandConfig = z.infer<typeof BandConfigSchema>;
export const DEFAULT_BANDS: BandConfig = { yellowFrom: 0.4, greenFrom: 0.7 };

export const PaceSchema = z.enum(['ahead', 'on_pace', 'behind']);
export type Pace = z.infer<typeof PaceSchema>;

/**
 * The primary status of a KR or objective mid-cycle (domain/status.ts decides it): its pace against the
 * cycle's calendar, or stale when its figures are too old to say, or no_value when nothing is measured.
 */
export const TrackStatusSchema = z.enum(['on_pace', 'behind', 'at_risk', 'stale', 'no_value']);
export type TrackStatus = z.infer<typeof TrackStatusSchema>;

/** How many (published) objectives or KRs are in each status: the summary a view opens with. */
export const StatusSummarySchema = z.object({
  on_pace: z.number().int().min(0),
  behind: z.number().int().min(0),
  at_risk: z.number().int().min(0),
  stale: z.number().int().min(0),
  no_value: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type StatusSummary = z.infer<typeof StatusSummarySchema>;

export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/** Stable ids: the UI, docs and any suppression list refer to rules by these. Never rename one. */
export const LintRuleIdSchema = z.enum([
  'objective-has-numbers',
  'objective-no-key-results',
  'objective-too-few-key-results',
  'objective-too-many-key-results',
  'objective-above-recommended-key-results',
  'key-result-not-measurable',
  'key-result-is-activity',
  'key-result-zero-range',
  'key-result-measures-output',
  'key-result-initiatives-missing',
  'key-result-currency-without-unit',
  'all-key-results-binary',
  'too-many-objectives',
  'team-objective-not-aligned',
  'individual-objective-not-aligned',
  'aligned-to-archived-parent',
  'draft-without-reviewer',
  'reviewer-is-owner',
  'draft-in-active-cycle',
  'stale-check-in',
  'sandbagging',
  'missing-retrospective',
  'team-objective-top-down',
  'sandbagging-two-cycles',
]);
export type LintRuleId = z.infer<typeof LintRuleIdSchema>;

export const FindingTargetSchema = z.object({
  kind: z.enum(['objective', 'keyResult', 'team', 'person']),
  id: z.string(),
});
export type FindingTarget = z.infer<typeof FindingTargetSchema>;

/**
 * What a finding's words name: titles, team names, counts, limits. Numbers stay numbers so the reader
 * formats them (and picks the plural form) for the user's language.
 */
export const FindingParamsSchema = z.record(
  z.string().regex(/^\w+$/, 'must be a placeholder name'),
  z.union([z.string(), z.number()]),
);
export type FindingParams = z.infer<typeof FindingParamsSchema>;

/**
 * A finding carries no words: the reader says it in the user's language from the rule, the variant and
 * the params (`lint.<ruleId>.message.<variant>` and `lint.<ruleId>.hint` in locales/<locale>/lint.json).
 */
export const FindingSchema = z.object({
  ruleId: LintRuleIdSchema,
  severity: SeveritySchema,
  target: FindingTargetSchema,
  /** Which of the rule's messages applies ('default' for a rule with one; domain/lint/rules.ts lists them). */
  variant: z.string().regex(/^[a-z][A-Za-z]*$/, 'must be a variant name'),
  /** What the message and the hint (what to do about it) name. */
  params: FindingParamsSchema,
});
export type Finding = z.infer<typeof FindingSchema>;

/** A finding without its words, for lists where only the rule, severity and target are shown (the board). */
export const CompactFindingSchema = FindingSchema.pick({ ruleId: true, severity: true, target: true });
export type CompactFinding = z.infer<typeof CompactFindingSchema>;
