import path from 'node:path';
import { getTranslationValue } from '@forge/i18n';
import type { Finding, Locale } from '../../src/contract';
import { LOCALES } from '../../src/contract';
import { LINT_RULES, lintCycle, lintKeyResultDraft, lintObjectiveDraft } from '../../src/domain/lint';
import { readCatalog } from '../../local/platform/i18n/catalogs';
import type * as I18nModule from '../../static/src/app/i18n';
import type * as WordsModule from '../../static/src/components/finding-words';
import {
  aBinaryKeyResult,
  aCycle,
  aKeyResult,
  aLintInput,
  aMetric,
  aTeam,
  anObjective,
  keyResultsFor,
} from '../support/builders';

/**
 * Findings carry no words; these read them through the real catalogs (locales/<locale>/lint.json), the
 * way a view does: the English sentences the rules used to write are unchanged (apart from the count
 * rules, which now say which number is the rule and which the recommendation), and the Dutch ones read.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const catalogs = Object.fromEntries(LOCALES.map((l) => [l, readCatalog(ROOT, l, { chunks: true })]));

type I18n = typeof I18nModule;
type Words = typeof WordsModule;
let setTranslations: I18n['setTranslations'];
let findingMessage: Words['findingMessage'];
let findingHint: Words['findingHint'];
let severityWords: Words['severityWords'];
beforeAll(() => {
  // @forge/bridge looks for the host's bridge when it loads; a unit test has no host and needs only t(),
  // so the view's modules load after a bridge that refuses every call (nothing here calls it).
  Object.assign(globalThis, { __bridge: { callBridge: () => Promise.reject(new Error('no host in a unit test')) } });
  ({ setTranslations } = jest.requireActual<I18n>('../../static/src/app/i18n'));
  ({ findingMessage, findingHint, severityWords } = jest.requireActual<Words>(
    '../../static/src/components/finding-words',
  ));
});

/** The view's language from the catalog files, looked up as Forge does (with its fallback to English). */
const speak = (locale: Locale): void => {
  setTranslations(
    locale,
    (key) => getTranslationValue(catalogs, key, locale) ?? getTranslationValue(catalogs, key, 'en-US'),
  );
};

const TITLE = 'Make enterprise customers successful';

/** Findings of every rule and variant, from the domain itself, so the params are the ones rules give. */
const everyFinding = (): Finding[] => {
  const team = aTeam({ name: 'Payments' });
  const teamObjective = (title: string) => anObjective({ level: 'team', teamId: team.id, title });
  const counts = { none: 0, one: 1, five: 5, six: 6 };
  const counted = Object.keys(counts).map((n) => teamObjective(`${TITLE} (${n})`));
  const archived = anObjective({ status: 'archived', title: 'Expand to APAC' });
  const child = anObjective({ title: 'Localise checkout', parentObjectiveId: archived.id });
  const loose = anObjective({ level: 'individual', title: 'Learn the payments domain', ownerAccountId: 'acc-carol' });
  const carols = [1, 2, 3].map(() =>
    anObjective({ level: 'individual', ownerAccountId: 'acc-carol', parentObjectiveId: child.id }),
  );
  const draft = anObjective({ status: 'draft', title: 'Delight new admins', reviewerAccountId: undefined });
  const selfReviewed = anObjective({ title: 'Win the mid-market', reviewerAccountId: 'acc-alice' });
  const binaries = anObjective({ title: 'Get enterprise ready' });
  const fromEpics = aKeyResult({
    objectiveId: selfReviewed.id,
    progressSource: 'initiatives',
    title: 'Cut churn from 4% to 2%',
  });
  const active = aLintInput({
    now: new Date(Date.parse('2027-01-20T00:00:00.000Z')),
    teams: [team],
    objectives: [...counted, archived, child, loose, ...carols, draft, selfReviewed, binaries],
    keyResults: [
      ...counted.flatMap((o, i) => keyResultsFor(o, Object.values(counts)[i] ?? 0)),
      ...keyResultsFor(child, 2),
      ...keyResultsFor(selfReviewed, 2),
      aBinaryKeyResult({ objectiveId: binaries.id }),
      aBinaryKeyResult({ objectiveId: binaries.id, title: 'Pass the security review' }),
      fromEpics,
    ],
    lastCheckInAtByKeyResult: new Map([[fromEpics.id, '2027-01-12T00:00:00.000Z']]),
  });
  const reviewed = [1, 2].map(() => anObjective({ level: 'team', teamId: team.id }));
  const before = [1, 2].map(() => anObjective({ level: 'team', teamId: team.id }));
  const review = aLintInput({
    cycle: aCycle({ status: 'review' }),
    teams: [team],
    objectives: [...reviewed, draft],
    keyResults: reviewed.flatMap((o) => keyResultsFor(o, 2, { finalScore: 1 })),
    // The cycle before scored 1.0 everywhere too: sandbagging-two-cycles, for the owner and the team.
    previous: { objectives: before, keyResults: before.flatMap((o) => keyResultsFor(o, 2, { finalScore: 1 })) },
  });
  const members = aTeam({ name: 'Growth', memberAccountIds: ['acc-dana'] });
  const handedDown = anObjective({
    level: 'team',
    teamId: members.id,
    title: 'Win the mid-market',
    authorship: { createdBy: 'acc-ceo', editors: [] },
  });
  const topDown = aLintInput({ teams: [members], objectives: [handedDown], keyResults: keyResultsFor(handedDown, 2) });
  const crowded = aLintInput({ objectives: [1, 2, 3, 4].map(() => anObjective({ title: 'Grow' })) });
  // A KR added mid-cycle and never checked in: stale-check-in's 'added' variant (counted from its creation).
  const addedObjective = anObjective({ title: 'Open the partner channel' });
  const added = aLintInput({
    now: new Date(Date.parse('2027-01-20T00:00:00.000Z')),
    objectives: [addedObjective],
    keyResults: [aKeyResult({ objectiveId: addedObjective.id, title: 'Grow partners from 2 to 6', createdAt: '2027-01-10T00:00:00.000Z' })],
  });
  return [
    ...lintCycle(active),
    ...lintCycle(review),
    ...lintCycle(crowded),
    ...lintCycle(topDown).filter((f) => f.ruleId === 'team-objective-top-down'),
    ...lintCycle(added).filter((f) => f.ruleId === 'stale-check-in'),
    ...lintObjectiveDraft({ title: 'Achieve 85% onboarding completion rate' }),
    ...lintKeyResultDraft({
      title: 'Launch new onboarding module',
      metric: aMetric({ kind: 'binary', start: 0, target: 1 }),
    }),
    ...lintKeyResultDraft({ title: 'Keep uptime at 99.9%', metric: aMetric({ start: 99.9, target: 99.9 }) }),
    ...lintKeyResultDraft({
      title: 'Grow revenue to 2 million',
      metric: aMetric({ kind: 'currency', unit: undefined }),
    }),
    ...lintKeyResultDraft({ title: 'Ship the billing portal', progressSource: 'initiatives' }),
  ];
};
const FINDINGS = everyFinding();
const pick = (ruleId: Finding['ruleId'], variant = 'default'): Finding => {
  const found = FINDINGS.find((f) => f.ruleId === ruleId && f.variant === variant);
  if (found === undefined) throw new Error(`no ${ruleId}/${variant} finding in the fixture`);
  return found;
};
const withParams = (f: Finding, params: Finding['params']): Finding => ({ ...f, params: { ...f.params, ...params } });

afterAll(() => {
  speak('en-US');
});

describe('findings in words', () => {
  it('covers every rule and variant the registry lists', () => {
    const said = new Set(FINDINGS.map((f) => `${f.ruleId}/${f.variant}`));
    const missing = LINT_RULES.flatMap((r) => r.variants.map((v) => `${r.id}/${v}`)).filter((k) => !said.has(k));
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('says every finding in %s, every placeholder filled, plural or not', (locale) => {
    speak(locale);
    for (const f of FINDINGS) {
      for (const count of f.params.count === undefined ? [undefined] : [1, 2, 14]) {
        const g = count === undefined ? f : withParams(f, { count });
        for (const words of [findingMessage(g), findingHint(g)]) {
          expect(words).not.toMatch(/\{\w+\}|^lint\./);
          expect(words).toMatch(/^\S.{15,}[.)]$/);
        }
      }
    }
  });

  it('reads in English as the rules wrote it', () => {
    speak('en-US');
    expect(findingMessage(pick('objective-has-numbers'))).toBe(
      'Objective "Achieve 85% onboarding completion rate" contains numbers; numbers belong in its key results.',
    );
    const activity = pick('key-result-is-activity');
    expect(findingMessage(activity)).toBe(
      'Key result "Launch new onboarding module" starts with "Launch": it describes work to do, not the outcome it should change.',
    );
    expect(findingHint(activity)).toBe(
      'Keep the work as an initiative (a Jira epic under the KR) and rewrite the KR as the change you expect, ' +
        'e.g. "Launch new onboarding module" -> "Increase 30-day activation rate from 45% to 78%".',
    );
    expect(findingMessage(pick('key-result-zero-range'))).toBe(
      'Key result "Keep uptime at 99.9%" starts at its target (99.9), so there is nothing to move.',
    );
    expect(findingMessage(pick('draft-in-active-cycle', 'review'))).toBe(
      'Objective "Delight new admins" is still a draft while the cycle "Q1 2027" is in review.',
    );
    expect(findingMessage(pick('aligned-to-archived-parent'))).toBe(
      'Objective "Localise checkout" is aligned to "Expand to APAC", which is archived.',
    );
    expect(findingMessage(pick('sandbagging', 'team'))).toBe(
      'Every objective of team "Payments" scored 1.0 on all its key results this cycle.',
    );
    const stale = pick('stale-check-in', 'last');
    expect(findingMessage(stale)).toBe('Key result "Cut churn from 4% to 2%" was last checked in 8 days ago.');
    expect(findingMessage(withParams(stale, { count: 1 }))).toBe(
      'Key result "Cut churn from 4% to 2%" was last checked in 1 day ago.',
    );
    expect(findingHint(stale)).toBe(
      'Check in this week: update its current value and confidence and name any blocker. ' +
        'A short weekly check-in is what keeps OKRs from being set in January and looked at in December.',
    );
    expect(findingMessage(pick('stale-check-in', 'never'))).toMatch(
      /^Key result ".+" was never checked in, and the cycle started 19 days ago\.$/,
    );
    expect(severityWords('error')).toBe('Problem');
  });

  it('says which KR count is the rule (2 to 5) and which the recommendation (2 to 4)', () => {
    speak('en-US');
    const none = pick('objective-no-key-results');
    const one = pick('objective-too-few-key-results');
    const five = pick('objective-above-recommended-key-results');
    const six = pick('objective-too-many-key-results');
    expect(findingMessage(one)).toBe(`Objective "${TITLE} (one)" has only 1 key result; the rule is 2 to 5.`);
    expect(findingHint(none)).toBe(
      'Add 2 to 4 measurable key results ("from X to Y") that together would show the objective was met ' +
        '(2 to 4 is recommended; the rule is 2 to 5).',
    );
    expect(findingMessage(six)).toBe(`Objective "${TITLE} (six)" has 6 key results; the rule is 2 to 5.`);
    expect(findingHint(six)).toMatch(/^Keep the 2 to 4 that best show .* \(the recommended range\);/);
    expect(findingMessage(five)).toBe(
      `Objective "${TITLE} (five)" has 5 key results, the most the rule (2 to 5) allows.`,
    );
    expect(findingHint(five)).toMatch(/^2 to 4 is the recommended range: /);
    // Every count rule's words name a range only beside "rule" or "recommended", in both languages.
    for (const locale of LOCALES) {
      speak(locale);
      for (const f of [none, one, five, six]) {
        for (const words of [findingMessage(f), findingHint(f)]) {
          if (/\b2 (?:to|tot) 5\b/.test(words)) expect(words).toMatch(/\b(?:rule|regel)\b/);
          if (/\b2 (?:to|tot) 4\b/.test(words)) expect(words).toMatch(/recommend|aangeraden/);
        }
      }
    }
  });

  it('says the objectives cap per team, per person and for the company, per cycle', () => {
    speak('en-US');
    expect(findingMessage(pick('too-many-objectives', 'team'))).toBe(
      'Team "Payments" has 4 objectives this cycle; the method allows at most 3 per team per cycle.',
    );
    expect(findingMessage(pick('too-many-objectives', 'company'))).toBe(
      'The company has 4 objectives this cycle; the method allows at most 3 per cycle.',
    );
    const person = pick('too-many-objectives', 'person');
    expect(findingMessage(person)).toBe(
      'acc-carol has 4 individual objectives this cycle; the method allows at most 3 per person per cycle.',
    );
    expect(findingMessage(person, { personName: (id) => (id === 'acc-carol' ? 'Carol Díaz' : undefined) })).toMatch(
      /^Carol Díaz has 4 individual objectives/,
    );
    expect(findingMessage(person, { personName: () => undefined })).toMatch(/^acc-carol has/);
    speak('nl-NL');
    expect(findingMessage(pick('too-many-objectives', 'team'))).toBe(
      'Team "Payments" heeft deze cyclus 4 objectives; de methode staat er maximaal 3 per team per cyclus toe.',
    );
  });

  it('reads in Dutch, with Dutch numbers', () => {
    speak('nl-NL');
    expect(findingMessage(pick('objective-too-few-key-results'))).toBe(
      `Objective "${TITLE} (one)" heeft maar 1 key result; de regel is 2 tot 5.`,
    );
    expect(findingMessage(pick('key-result-zero-range'))).toBe(
      'Key result "Keep uptime at 99.9%" begint al op de doelwaarde (99,9), dus er valt niets te bewegen.',
    );
    const stale = pick('stale-check-in', 'last');
    expect(findingMessage(withParams(stale, { count: 1 }))).toBe(
      'De laatste check-in van key result "Cut churn from 4% to 2%" was 1 dag geleden.',
    );
    expect(findingMessage(stale)).toBe(
      'De laatste check-in van key result "Cut churn from 4% to 2%" was 8 dagen geleden.',
    );
    expect(findingMessage(pick('draft-in-active-cycle', 'review'))).toBe(
      'Objective "Delight new admins" is nog een concept, terwijl de cyclus "Q1 2027" al in review is.',
    );
    expect(findingHint(pick('draft-without-reviewer'))).toContain('eigenaar');
    expect(severityWords('warning')).toBe('Let op');
  });

  it('never presents a score as a performance rating (the method: scores measure ambition)', () => {
    for (const locale of LOCALES) {
      speak(locale);
      const f = pick('sandbagging', 'objective');
      expect(`${findingMessage(f)} ${findingHint(f)}`).not.toMatch(
        /\b(?:rating|rated|performed (?:well|badly)|beoordeling)\b/i,
      );
    }
    speak('en-US');
    expect(findingHint(pick('sandbagging', 'objective'))).toContain('not how well anyone performed');
    speak('nl-NL');
    expect(findingHint(pick('sandbagging', 'objective'))).toContain('niet hoe goed iemand presteerde');
  });
});
