import type { Finding, FindingTarget, LintRuleId } from '../../contract';
import { severityOf } from './rules';

/** Builds a finding; the severity always comes from the registry so a rule cannot pick its own. */
export const finding = (ruleId: LintRuleId, target: FindingTarget, message: string, hint: string): Finding => ({
  ruleId,
  severity: severityOf(ruleId),
  target,
  message,
  hint,
});

export const objectiveTarget = (id: string): FindingTarget => ({ kind: 'objective', id });
export const keyResultTarget = (id: string): FindingTarget => ({ kind: 'keyResult', id });

/** Titles are quoted verbatim so the reader can find the thing the message is about. */
export const quote = (text: string): string => `"${text}"`;

export const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;
