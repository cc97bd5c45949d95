import type { Finding, FindingTarget } from '../../../contract';
import type { KeyResultDraft } from '../context';
import { finding } from '../finding';
import { leadingActivityVerb, statesQuantity } from '../text';

/**
 * key-result-not-measurable: a KR is verifiable, so its title states the number it moves. Binary KRs are
 * verifiable by nature (done / not done) and exempt; a draft with no metric yet is read as non-binary,
 * since numeric KRs are the norm and the hint disappears once the KR is marked binary.
 */
const notMeasurable = (kr: KeyResultDraft, target: FindingTarget): Finding[] =>
  kr.metric?.kind === 'binary' || statesQuantity(kr.title)
    ? []
    : [finding('key-result-not-measurable', 'default', target, { title: kr.title })];

/** key-result-is-activity: work done is not proof the outcome moved (the method's mistake 1). */
const isActivity = (kr: KeyResultDraft, target: FindingTarget): Finding[] => {
  const verb = leadingActivityVerb(kr.title);
  if (verb === undefined) return [];
  return [finding('key-result-is-activity', 'default', target, { title: kr.title, verb })];
};

/** Text rules on a KR title, shared by the cycle lint and the inline hints while typing. */
export const keyResultTitleFindings = (kr: KeyResultDraft, target: FindingTarget): Finding[] => [
  ...notMeasurable(kr, target),
  ...isActivity(kr, target),
];
