import type { Finding, FindingParams, Severity } from '../../../src/contract';
import { t } from '../app/i18n';

/**
 * A finding in the user's language. Findings carry no words (rule, variant and params only), so the
 * same finding reads in English or Dutch from locales/<locale>/lint.json: what is wrong
 * (`lint.rules.<ruleId>.message.<variant>`, plural by `count` where it has one) and what to do about it
 * (`lint.rules.<ruleId>.hint`).
 */
export interface FindingWordsOptions {
  /** A person's name for their account id (too-many-objectives names a person by id); the id otherwise. */
  readonly personName?: (accountId: string) => string | undefined;
}

const paramsOf = (f: Finding, options: FindingWordsOptions): FindingParams => {
  const person = f.params.person;
  if (typeof person !== 'string' || options.personName === undefined) return f.params;
  return { ...f.params, person: options.personName(person) ?? person };
};

/** What is wrong, naming the thing ("Objective "Grow" has no key results, …"). */
export const findingMessage = (f: Finding, options: FindingWordsOptions = {}): string =>
  t(`lint.rules.${f.ruleId}.message.${f.variant}`, paramsOf(f, options));

/** What to do about it. */
export const findingHint = (f: Finding, options: FindingWordsOptions = {}): string =>
  t(`lint.rules.${f.ruleId}.hint`, paramsOf(f, options));

/** The severity as one word for a lozenge (Problem, Check, Tip). */
export const severityWords = (severity: Severity): string => t(`lint.severity.${severity}`);
