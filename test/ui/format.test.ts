import path from 'node:path';
import { getTranslationValue } from '@forge/i18n';
import type { Locale } from '../../src/contract';
import { LOCALES } from '../../src/contract';
import { readCatalog } from '../../local/platform/i18n/catalogs';
import type * as I18nModule from '../../static/src/app/i18n';
import type * as FormatModule from '../../static/src/components/format';

const ROOT = path.resolve(__dirname, '..', '..');
const catalogs = Object.fromEntries(LOCALES.map((l) => [l, readCatalog(ROOT, l)]));

let setTranslations: (typeof I18nModule)['setTranslations'];
let format: typeof FormatModule;
beforeAll(() => {
  // @forge/bridge looks for the host's bridge when it loads; these need only t(), so a bridge that refuses.
  Object.assign(globalThis, { __bridge: { callBridge: () => Promise.reject(new Error('no host in a unit test')) } });
  ({ setTranslations } = jest.requireActual<typeof I18nModule>('../../static/src/app/i18n'));
  format = jest.requireActual<typeof FormatModule>('../../static/src/components/format');
});

/** The view's language from the catalog files, looked up as Forge does (with its fallback to English). */
const speak = (locale: Locale): void => {
  setTranslations(
    locale,
    (key) => getTranslationValue(catalogs, key, locale) ?? getTranslationValue(catalogs, key, 'en-US'),
  );
};

/** The UI's own wording of a KR's value against its target (issue #11: decreasing KRs read naturally). */
describe('formatCurrentOfTarget', () => {
  beforeEach(() => {
    speak('en-US');
  });

  it('reads a KR going up as "current of target"', () => {
    const { formatCurrentOfTarget } = format;
    expect(formatCurrentOfTarget({ kind: 'percent', start: 82, target: 92, current: 86, unit: '%' })).toBe(
      '86% of 92%',
    );
    expect(formatCurrentOfTarget({ kind: 'number', start: 10, target: 40, current: 31, unit: 'teams' })).toBe(
      '31 teams of 40 teams',
    );
  });

  it('reads a KR going down as "now current, from start to target"', () => {
    const { formatCurrentOfTarget } = format;
    expect(formatCurrentOfTarget({ kind: 'number', start: 120, target: 40, current: 95, unit: 'disputes' })).toBe(
      'now 95, from 120 to 40 disputes',
    );
    expect(formatCurrentOfTarget({ kind: 'percent', start: 4, target: 1, current: 2.5 })).toBe(
      'now 2.5%, from 4% to 1%',
    );
  });

  it('reads a binary KR as done or not', () => {
    expect(format.formatCurrentOfTarget({ kind: 'binary', start: 0, target: 1, current: 1 })).toBe('Done');
  });
});

describe('formats follow the language', () => {
  it('writes numbers, scores and values the Dutch way in Dutch', () => {
    speak('nl-NL');
    expect(format.formatNumber(52000)).toBe('52.000');
    expect(format.formatScore(0.625)).toBe('0,63');
    expect(
      format.formatCurrentOfTarget({ kind: 'number', start: 120, target: 40, current: 95.5, unit: 'geschillen' }),
    ).toBe('nu 95,5, van 120 naar 40 geschillen');
    expect(format.formatValue(1, { kind: 'binary' })).toBe('Klaar');
    expect(format.formatAgo('2027-01-01T00:00:00Z', Date.parse('2027-01-04T00:00:00Z'))).toBe('3 dagen geleden');
  });

  it('keeps English scores with a point and two decimals', () => {
    speak('en-US');
    expect(format.formatScore(0.5)).toBe('0.50');
    expect(format.formatScore(1)).toBe('1.00');
    expect(format.formatNumber(52000)).toBe('52,000');
    expect(format.formatAgo('2027-01-01T00:00:00Z', Date.parse('2027-01-02T10:00:00Z'))).toBe('yesterday');
  });
});

describe('prepareFormats', () => {
  it('makes the formatters a first render uses, so that render makes none', () => {
    jest.isolateModules(() => {
      const fresh = jest.requireActual<typeof FormatModule>('../../static/src/components/format');
      const i18n = jest.requireActual<typeof I18nModule>('../../static/src/app/i18n');
      const made = jest.spyOn(Intl, 'DateTimeFormat');
      try {
        fresh.prepareFormats('nl-NL');
        const prepared = made.mock.calls.length;
        expect(prepared).toBeGreaterThan(0);
        i18n.setTranslations('nl-NL', (key) => getTranslationValue(catalogs, key, 'nl-NL'));
        expect(fresh.formatDay('2027-03-05')).toBe('5 mrt');
        expect(made.mock.calls.length).toBe(prepared);
      } finally {
        made.mockRestore();
      }
    });
  });
});

describe('compareNames', () => {
  it('sorts names the way people read them, not by character code, with one collator per language', () => {
    speak('nl-NL');
    const made = jest.spyOn(Intl, 'Collator');
    try {
      const names = ['zeta', 'Émile', 'anna', 'Bert', 'eva'];
      expect([...names].sort(format.compareNames)).toEqual(['anna', 'Bert', 'Émile', 'eva', 'zeta']);
      // Character codes would put capitals first and the accented name last.
      expect([...names].sort()).toEqual(['Bert', 'anna', 'eva', 'zeta', 'Émile']);
      [...names].sort(format.compareNames);
      expect(made.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      made.mockRestore();
    }
  });
});
