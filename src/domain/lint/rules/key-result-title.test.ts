import {
  aBinaryKeyResult,
  aDecreasingKeyResult,
  aKeyResult,
  aLintInput,
  anObjective,
} from '../../../../test/support/builders';
import { ACTIVITY_VERBS, lintCycle, lintKeyResultDraft } from '..';
import type { LintRuleId } from '../../../contract';

const ruleIds = (draft: Parameters<typeof lintKeyResultDraft>[0]): LintRuleId[] =>
  lintKeyResultDraft(draft).map((f) => f.ruleId);
const numeric = aKeyResult().metric;
const binary = aBinaryKeyResult().metric;

describe('key-result-not-measurable', () => {
  it('flags the method example "Improve onboarding process", naming it', () => {
    const [found] = lintKeyResultDraft({ title: 'Improve onboarding process', metric: numeric });
    expect(found).toMatchObject({
      ruleId: 'key-result-not-measurable',
      severity: 'warning',
      target: { kind: 'keyResult', id: '' },
    });
    expect(found).toMatchObject({ variant: 'default', params: { title: 'Improve onboarding process' } });
  });

  it('reads a draft without a metric yet as numeric', () => {
    expect(ruleIds({ title: 'Improve onboarding process' })).toEqual(['key-result-not-measurable']);
  });

  it('does not count a time reference as the number', () => {
    expect(ruleIds({ title: 'Improve onboarding by end of Q3 2027', metric: numeric })).toEqual([
      'key-result-not-measurable',
    ]);
  });

  it.each([
    'Increase onboarding completion rate from 62% to 90% by end of Q3',
    'Achieve a domain authority score of 55 or above',
    'Double weekly active teams',
    'Reduce P1 incidents to zero',
  ])('accepts %j', (title) => {
    expect(ruleIds({ title, metric: numeric })).toEqual([]);
  });

  it('exempts binary KRs, which are verifiable as done / not done', () => {
    expect(ruleIds({ title: 'Secure GDPR certification', metric: binary })).toEqual([]);
  });
});

describe('key-result-is-activity', () => {
  it('flags the method example naming the verb it starts with', () => {
    const found = lintKeyResultDraft({ title: 'Launch new onboarding module', metric: binary });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: 'key-result-is-activity', severity: 'warning' });
    expect(found[0]?.params).toEqual({ title: 'Launch new onboarding module', verb: 'Launch' });
  });

  it.each(ACTIVITY_VERBS)('flags a KR starting with "%s"', (verb) => {
    expect(ruleIds({ title: `${verb} the enterprise onboarding flow`, metric: binary })).toEqual([
      'key-result-is-activity',
    ]);
  });

  it.each(['LAUNCH the portal', '  Set   up the partner portal', 'Roll Out SSO to 12 enterprise accounts'])(
    'matches %j regardless of case and spacing',
    (title) => {
      expect(ruleIds({ title, metric: binary })).toContain('key-result-is-activity');
    },
  );

  it.each([
    'Increase 30-day activation rate from 45% to 78%',
    'Hire 5 enterprise support engineers',
    'Address 40 churn-risk accounts',
    'Double weekly active teams',
    'Runway extended to 24 months',
    'Secure 6 enterprise reference customers',
    'Verhoog de activatie binnen 7 dagen van 41% naar 65%',
    'Werf 5 supportmedewerkers voor zakelijke klanten',
    'Verdubbel het aantal actieve teams',
    'Bouwstenen beschikbaar voor 40 teams',
  ])('does not flag %j (outcome verbs, or activity verbs only as a word prefix)', (title) => {
    expect(ruleIds({ title, metric: numeric })).toEqual([]);
  });
});

describe('Dutch titles', () => {
  it.each([
    ['Lanceer een nieuwe onboardingmodule', 'Lanceer'],
    ['Voeg SSO toe voor 12 zakelijke klanten', 'Voeg'],
    ['Werk aan de nieuwe prijsstructuur', 'Werk aan'],
    ['Creëer een partnerportaal', 'Creëer'],
  ])('flags the activity %j, naming its verb', (title, verb) => {
    const found = lintKeyResultDraft({ title, metric: binary });
    expect(found.find((f) => f.ruleId === 'key-result-is-activity')?.params).toEqual({ title, verb });
  });

  it('reads Dutch number words as a quantity, and a title without one as not measurable', () => {
    expect(ruleIds({ title: 'Halveer de wachttijd in de support', metric: numeric })).toEqual([]);
    expect(ruleIds({ title: 'Win drie nieuwe referentieklanten', metric: numeric })).toEqual([]);
    expect(ruleIds({ title: 'Verbeter het onboardingproces', metric: numeric })).toEqual(['key-result-not-measurable']);
  });
});

describe('title rules in the cycle lint', () => {
  it('lint every active KR of the cycle, targeting it by id', () => {
    const objective = anObjective();
    const vague = aKeyResult({ objectiveId: objective.id, title: 'Improve onboarding process' });
    const good = aDecreasingKeyResult({ objectiveId: objective.id });
    const archived = aKeyResult({ objectiveId: objective.id, title: 'Build a portal', status: 'archived' });
    const found = lintCycle(aLintInput({ objectives: [objective], keyResults: [vague, good, archived] })).filter(
      (f) => f.target.kind === 'keyResult',
    );
    expect(found.map((f) => [f.ruleId, f.target.id])).toEqual([['key-result-not-measurable', vague.id]]);
  });
});
