import path from 'node:path';
import { getTranslationValue } from '@forge/i18n';
import type { Locale } from '../../src/contract';
import { LOCALES } from '../../src/contract';
import { readCatalog } from '../../local/platform/i18n/catalogs';
import type * as I18nModule from '../../static/src/app/i18n';
import type * as ClientModule from '../../static/src/api/client';
import type * as CyclesModule from '../../static/src/components/cycles';
import type * as ErrorsModule from '../../static/src/components/errors';
import type * as TreeModule from '../../static/src/components/objective-tree';

const ROOT = path.resolve(__dirname, '..', '..');
const catalogs = Object.fromEntries(LOCALES.map((l) => [l, readCatalog(ROOT, l)]));

let setTranslations: (typeof I18nModule)['setTranslations'];
let cycles: typeof CyclesModule;
let errors: typeof ErrorsModule;
let tree: typeof TreeModule;
let ApiCallError: (typeof ClientModule)['ApiCallError'];
beforeAll(() => {
  // @forge/bridge looks for the host's bridge when it loads; these need only t(), so a bridge that refuses.
  Object.assign(globalThis, { __bridge: { callBridge: () => Promise.reject(new Error('no host in a unit test')) } });
  ({ setTranslations } = jest.requireActual<typeof I18nModule>('../../static/src/app/i18n'));
  cycles = jest.requireActual<typeof CyclesModule>('../../static/src/components/cycles');
  errors = jest.requireActual<typeof ErrorsModule>('../../static/src/components/errors');
  tree = jest.requireActual<typeof TreeModule>('../../static/src/components/objective-tree');
  ({ ApiCallError } = jest.requireActual<typeof ClientModule>('../../static/src/api/client'));
});

const speak = (locale: Locale): void => {
  setTranslations(
    locale,
    (key) => getTranslationValue(catalogs, key, locale) ?? getTranslationValue(catalogs, key, 'en-US'),
  );
};

/** The shared components' own words and rules, in both languages (the rules themselves are src/domain's). */
describe('shared component words', () => {
  it('names a cycle with its state in the user’s language', () => {
    speak('en-US');
    expect(cycles.cycleOptionLabel({ name: 'Q1 2027', status: 'active' })).toBe('Q1 2027 (active)');
    speak('nl-NL');
    expect(cycles.cycleOptionLabel({ name: 'Q1 2027', status: 'closed' })).toBe('Q1 2027 (afgesloten)');
  });

  it('takes check-in windows and the cycle span from the domain', () => {
    expect(cycles.checkInsOpen({ status: 'review' })).toBe(true);
    expect(cycles.checkInsOpen({ status: 'planning' })).toBe(false);
    expect(cycles.cycleBounds({ startDate: '2027-01-01', endDate: '2027-03-31' })).toEqual({
      start: Date.UTC(2027, 0, 1),
      end: Date.UTC(2027, 3, 1),
    });
  });

  it('labels objective levels and picker options', () => {
    speak('nl-NL');
    expect(tree.levelWords('company')).toBe('Bedrijf');
    expect(tree.objectiveOptionLabel({ title: 'Groei', level: 'individual' }, 1)).toBe(
      '\u00a0\u00a0↳ Groei (individueel)',
    );
    speak('en-US');
    expect(tree.objectiveOptionLabel({ title: 'Grow', level: 'team' }, 0)).toBe('Grow (team)');
  });

  it('puts transport failures and platform errors in words', () => {
    speak('nl-NL');
    expect(errors.describeError(new Error('timeout'))).toBe(
      'Cadence kon zijn dienst niet bereiken (timeout). Controleer je verbinding en probeer het opnieuw.',
    );
    const conflict = new ApiCallError({ code: 'CONFLICT', message: 'version mismatch' });
    expect(errors.describeError(conflict)).toBe(
      'Iemand anders heeft dit op hetzelfde moment gewijzigd. Probeer het opnieuw.',
    );
    speak('en-US');
    expect(errors.describeError(new ApiCallError({ code: 'UNAVAILABLE', message: 'x' }))).toBe(
      'Jira did not answer in time. Try again in a moment.',
    );
  });
});
