import type { Finding, FindingTarget } from '../../../contract';
import type { KeyResultDraft } from '../context';
import { finding, quote } from '../finding';

/**
 * Metric and progress-source rules that need nothing but the KR itself, so drafts get them too:
 * key-result-zero-range, key-result-currency-without-unit, key-result-measures-output.
 */
export const keyResultMetricFindings = (kr: KeyResultDraft, target: FindingTarget): Finding[] => {
  const found: Finding[] = [];
  const { metric } = kr;
  if (metric !== undefined && metric.kind !== 'binary' && metric.start === metric.target) {
    found.push(
      finding(
        'key-result-zero-range',
        target,
        `Key result ${quote(kr.title)} starts at its target (${metric.target}), so there is nothing to move.`,
        'If this is a level to keep, track it as a KPI (it scores 1.0 only when exactly on target); ' +
          "otherwise set the start to today's value and the target to where you want to be.",
      ),
    );
  }
  if (metric?.kind === 'currency' && (metric.unit ?? '').trim() === '') {
    found.push(
      finding(
        'key-result-currency-without-unit',
        target,
        `Key result ${quote(kr.title)} is measured in money but names no currency.`,
        'Set the unit to a currency code such as "USD" or "EUR" so everyone reads the numbers the same way.',
      ),
    );
  }
  if (kr.progressSource === 'initiatives') {
    found.push(
      finding(
        'key-result-measures-output',
        target,
        `Key result ${quote(kr.title)} takes its progress from linked epics, which measures work shipped, not the outcome.`,
        'Shipping an epic does not prove the outcome moved: prefer manual progress, updating the measured value ' +
          'at each check-in, and keep the epics as initiatives under the KR.',
      ),
    );
  }
  return found;
};
