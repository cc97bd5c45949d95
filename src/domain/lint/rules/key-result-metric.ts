import type { Finding, FindingTarget } from '../../../contract';
import type { KeyResultDraft } from '../context';
import { finding } from '../finding';

/**
 * Metric and progress-source rules that need nothing but the KR itself, so drafts get them too:
 * key-result-zero-range, key-result-currency-without-unit, key-result-measures-output.
 */
export const keyResultMetricFindings = (kr: KeyResultDraft, target: FindingTarget): Finding[] => {
  const found: Finding[] = [];
  const { metric } = kr;
  if (metric !== undefined && metric.kind !== 'binary' && metric.start === metric.target) {
    found.push(finding('key-result-zero-range', 'default', target, { title: kr.title, target: metric.target }));
  }
  if (metric?.kind === 'currency' && (metric.unit ?? '').trim() === '') {
    found.push(finding('key-result-currency-without-unit', 'default', target, { title: kr.title }));
  }
  if (kr.progressSource === 'initiatives') {
    found.push(finding('key-result-measures-output', 'default', target, { title: kr.title }));
  }
  return found;
};
