import path from 'node:path';
import { getTranslationValue } from '@forge/i18n';
import type { Cycle, Locale, ReviewObjective } from '../../src/contract';
import { DEFAULT_BANDS, LOCALES } from '../../src/contract';
import { readCatalog } from '../../local/platform/i18n/catalogs';
import type * as I18nModule from '../../static/src/app/i18n';
import type * as DraftWordsModule from '../../static/src/views/board/review/draft-words';
import type * as GradingModule from '../../static/src/views/board/review/grading';
import type * as RouteModule from '../../static/src/views/board/review/review-route';

const ROOT = path.resolve(__dirname, '..', '..');
const catalogs = Object.fromEntries(LOCALES.map((l) => [l, readCatalog(ROOT, l, { chunks: true })]));

let setTranslations: (typeof I18nModule)['setTranslations'];
let words: typeof DraftWordsModule;
let grading: typeof GradingModule;
let routes: typeof RouteModule;
beforeAll(() => {
  // @forge/bridge looks for the host's bridge when it loads; these need only t(), so a bridge that refuses.
  Object.assign(globalThis, { __bridge: { callBridge: () => Promise.reject(new Error('no host in a unit test')) } });
  ({ setTranslations } = jest.requireActual<typeof I18nModule>('../../static/src/app/i18n'));
  words = jest.requireActual<typeof DraftWordsModule>('../../static/src/views/board/review/draft-words');
  grading = jest.requireActual<typeof GradingModule>('../../static/src/views/board/review/grading');
  routes = jest.requireActual<typeof RouteModule>('../../static/src/views/board/review/review-route');
});

const speak = (locale: Locale): void => {
  setTranslations(locale, (key) => getTranslationValue(catalogs, key, locale));
};

const line = { keyResultId: 'kr-1', title: 'Checkout in 2 steps' };
const objective = (over: Partial<ReviewObjective> = {}): ReviewObjective => ({
  id: 'o-1',
  title: 'Make paying effortless',
  ownerAccountId: 'acc-1',
  status: 'published',
  keyResults: [
    { id: 'kr-1', title: 'Checkout in 2 steps', ownerAccountId: 'acc-1', weight: 1, measuredScore: 0.6 },
    { id: 'kr-2', title: 'Refunds in a day', ownerAccountId: 'acc-1', weight: 3, measuredScore: 1 },
  ],
  grade: 0.9,
  draft: { drove: [], didNot: [], learned: [] },
  canGrade: true,
  canWriteRetrospective: true,
  ...over,
});

describe('draft-words: the retrospective draft in the viewer language', () => {
  it('words every kind of line in English', () => {
    speak('en-US');
    expect(words.draftLineWords({ kind: 'scored', ...line, score: 0.7 })).toBe('“Checkout in 2 steps” scored 0.70.');
    expect(words.draftLineWords({ kind: 'note', ...line, text: 'Design review helped' })).toBe(
      'On “Checkout in 2 steps”: Design review helped',
    );
    expect(words.draftLineWords({ kind: 'blocker', ...line, text: 'PSP contract' })).toBe(
      '“Checkout in 2 steps” was blocked: PSP contract',
    );
    expect(words.draftLineWords({ kind: 'confidence-miss', ...line, said: 'on_track', score: 0.3 })).toBe(
      '“Checkout in 2 steps” was called on track, yet it ended at 0.30.',
    );
    expect(words.draftLineWords({ kind: 'forecast-miss', ...line, forecast: 0.9, score: 0.4 })).toBe(
      'Halfway through, the forecast for “Checkout in 2 steps” was 0.90; it ended at 0.40.',
    );
  });

  it('words them in Dutch, with Dutch decimals', () => {
    speak('nl-NL');
    expect(words.draftLineWords({ kind: 'scored', ...line, score: 0.7 })).toBe('“Checkout in 2 steps” scoorde 0,70.');
    expect(words.draftLineWords({ kind: 'confidence-miss', ...line, said: 'off_track', score: 0.8 })).toBe(
      '“Checkout in 2 steps” werd ingeschat als uit koers, maar eindigde op 0,80.',
    );
  });

  it('makes one bulleted line per fact, and nothing for an empty prompt', () => {
    speak('en-US');
    expect(
      words.draftText([
        { kind: 'scored', ...line, score: 1 },
        { kind: 'note', ...line, text: 'Shipped early' },
      ]),
    ).toBe('- “Checkout in 2 steps” scored 1.00.\n- On “Checkout in 2 steps”: Shipped early');
    expect(words.draftText([])).toBe('');
  });

  it('starts from the saved retrospective when there is one, else from the draft', () => {
    speak('en-US');
    const draft = { drove: [{ kind: 'scored' as const, ...line, score: 0.8 }], didNot: [], learned: [] };
    expect(words.retrospectiveStart(undefined, draft)).toEqual({
      texts: { drove: '- “Checkout in 2 steps” scored 0.80.', didNot: '', learned: '' },
      fromDraft: true,
    });
    expect(words.retrospectiveStart({ learned: 'Ship smaller' }, draft)).toEqual({
      texts: { drove: '', didNot: '', learned: 'Ship smaller' },
      fromDraft: false,
    });
    // A saved retrospective with only blank prompts is no retrospective: the draft is offered.
    expect(words.retrospectiveStart({ drove: '  ' }, draft).fromDraft).toBe(true);
  });
});

describe('grading: the choices of the review form', () => {
  it('pre-fills final scores from the measured grade, or the grade given before', () => {
    const o = objective();
    expect([...grading.initialChoices(o)]).toEqual([
      ['kr-1', { score: 0.6, reason: '' }],
      ['kr-2', { score: 1, reason: '' }],
    ]);
    const graded = objective({
      keyResults: o.keyResults.map((kr) => ({ ...kr, finalScore: 0.8, finalScoreReason: 'Counted late' })),
    });
    expect(grading.initialChoices(graded).get('kr-1')).toEqual({ score: 0.8, reason: 'Counted late' });
  });

  it('grades the objective live by the domain rule (weighted mean of KR grades)', () => {
    const o = objective();
    const choices = new Map(grading.initialChoices(o));
    expect(grading.liveGrade(o, choices, DEFAULT_BANDS)).toMatchObject({ score: 0.9, band: 'green' });
    choices.set('kr-2', { score: 0.2, reason: 'Scope cut' });
    expect(grading.liveGrade(o, choices, DEFAULT_BANDS)).toMatchObject({ score: 0.3, band: 'red' });
    expect(grading.liveGrade(objective({ keyResults: [] }), new Map(), DEFAULT_BANDS)).toMatchObject({
      score: null,
      band: null,
    });
  });

  it('asks a reason only for a changed score, and lists the KRs still missing one', () => {
    const o = objective();
    const choices = new Map(grading.initialChoices(o));
    expect(grading.missingReasons(o, choices)).toEqual([]);
    choices.set('kr-1', { score: 0.9, reason: ' ' });
    expect(grading.reasonNeeded(0.6, { score: 0.9, reason: '' })).toBe(true);
    expect(grading.missingReasons(o, choices)).toEqual(['kr-1']);
    choices.set('kr-1', { score: 0.9, reason: 'Partner launch counted' });
    expect(grading.missingReasons(o, choices)).toEqual([]);
  });

  it('offers 0.0 to 1.0 in steps of 0.1', () => {
    expect(grading.SCORE_STEPS).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it('calls an objective finished when every KR scored 1.0', () => {
    expect(grading.isFinished(objective())).toBe(false);
    const done = objective({ keyResults: objective().keyResults.map((kr) => ({ ...kr, finalScore: 1 })) });
    expect(grading.isFinished(done)).toBe(true);
    expect(grading.isFinished(objective({ keyResults: [] }))).toBe(false);
  });

  it('carries into the next open cycle by date, of the same length when there is one', () => {
    const cycle = (id: string, startDate: string, over: Partial<Cycle> = {}): Cycle => ({
      id,
      name: id,
      kind: 'quarterly',
      startDate,
      endDate: startDate,
      status: 'planning',
      ...over,
    });
    const q1 = cycle('q1', '2027-01-01', { status: 'review' });
    const year = cycle('y', '2027-03-01', { kind: 'annual' });
    const q3 = cycle('q3', '2027-07-01');
    const q2 = cycle('q2', '2027-04-01');
    const old = cycle('q4', '2026-10-01', { status: 'planning' });
    expect(grading.nextCycle([old, q1, year, q3, q2], q1)?.id).toBe('q2');
    expect(grading.nextCycle([q1, year], q1)?.id).toBe('y');
    expect(grading.nextCycle([q1, { ...q2, status: 'closed' as const }], q1)).toBeUndefined();
    // A cycle overlapping this one (started before it ends) is not the next one while one follows it.
    const long = cycle('long', '2027-01-01', { status: 'review', endDate: '2027-04-01' });
    const overlapping = cycle('mid', '2027-02-01');
    expect(grading.nextCycle([long, overlapping, q2], long)?.id).toBe('q2');
    expect(grading.nextCycle([long, overlapping], long)?.id).toBe('mid');
  });
});

describe('review-route: the review in the page URL', () => {
  it('reads and writes ?review= beside the board route', () => {
    expect(routes.reviewOf({ pathname: '/cycles/c-1', search: '?team=t-1' })).toBeUndefined();
    expect(routes.reviewOf({ pathname: '/cycles/c-1', search: '?review=t-2' })).toEqual({ cycleId: 'c-1', team: 't-2' });
    expect(routes.reviewOf({ pathname: '/', search: '?review=1' })).toEqual({ cycleId: undefined, team: undefined });
    expect(routes.withReview({ pathname: '/', search: '?team=t-1' }, { cycleId: 'c 2', team: 'company' })).toEqual({
      pathname: '/cycles/c%202',
      search: '?team=t-1&review=company',
    });
    expect(routes.withReview({ pathname: '/cycles/c-1', search: '?review=1' }, undefined, 'c-3')).toEqual({
      pathname: '/cycles/c-3',
      search: '',
    });
    expect(routes.teamIdOf('company')).toBeUndefined();
    expect(routes.teamIdOf('t-1')).toBe('t-1');
  });
});
