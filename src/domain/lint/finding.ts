import type { Finding, FindingParams, FindingTarget, LintRuleId } from '../../contract';
import type { LintVariant } from './rules';
import { severityOf } from './rules';

/**
 * Builds a finding; the severity always comes from the registry so a rule cannot pick its own, and the
 * variant must be one the registry lists for the rule. No words here: readers put the rule, variant and
 * params into the user's language (locales/<locale>/lint.json).
 */
export const finding = <R extends LintRuleId>(
  ruleId: R,
  variant: LintVariant<R>,
  target: FindingTarget,
  params: FindingParams,
): Finding => ({
  ruleId,
  severity: severityOf(ruleId),
  target,
  variant,
  params,
});

export const objectiveTarget = (id: string): FindingTarget => ({ kind: 'objective', id });
export const keyResultTarget = (id: string): FindingTarget => ({ kind: 'keyResult', id });
