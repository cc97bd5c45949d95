import path from 'node:path';
import { getTranslationValue } from '@forge/i18n';
import type { Locale } from '../../src/contract';
import { LOCALES } from '../../src/contract';
import { readCatalog } from '../../local/platform/i18n/catalogs';
import type * as I18nModule from '../../static/src/app/i18n';
import type * as KpiWordsModule from '../../static/src/components/kpi-words';

const ROOT = path.resolve(__dirname, '..', '..');
// With the chunk words: most KPI words come with the KPI chunk (app/chunk-words.ts).
const catalogs = Object.fromEntries(LOCALES.map((l) => [l, readCatalog(ROOT, l, { chunks: true })]));

let setTranslations: (typeof I18nModule)['setTranslations'];
let words: typeof KpiWordsModule;
beforeAll(() => {
  // @forge/bridge looks for the host's bridge when it loads; these need only t(), so a bridge that refuses.
  Object.assign(globalThis, { __bridge: { callBridge: () => Promise.reject(new Error('no host in a unit test')) } });
  ({ setTranslations } = jest.requireActual<typeof I18nModule>('../../static/src/app/i18n'));
  words = jest.requireActual<typeof KpiWordsModule>('../../static/src/components/kpi-words');
});

const speak = (locale: Locale): void => {
  setTranslations(locale, (key) => getTranslationValue(catalogs, key, locale));
};

describe('KPI words', () => {
  beforeEach(() => {
    speak('en-US');
  });

  it('says the healthy range with its unit, with one bound or two', () => {
    expect(words.healthyRangeWords({ min: 95, max: 99.5 }, '%')).toBe('healthy 95%–99.5%');
    expect(words.healthyRangeWords({ min: 95 }, undefined)).toBe('healthy at least 95');
    expect(words.healthyRangeWords({ max: 2 }, 'incidents')).toBe('healthy at most 2 incidents');
    speak('nl-NL');
    expect(words.healthyRangeWords({ min: 95, max: 99.5 }, '%')).toBe('gezond bereik 95%–99,5%');
  });

  it('words every health, with an icon and a look that never stand alone', () => {
    expect(words.healthWords('low')).toBe('Below range');
    expect(words.healthWords('high')).toBe('Above range');
    expect(words.healthWords('healthy')).toBe('Healthy');
    expect(words.healthWords('no_value')).toBe('No reading yet');
    expect(words.healthAppearance('low')).toBe('removed');
    expect(words.healthAppearance('high')).toBe('removed');
    expect(words.healthAppearance('healthy')).toBe('success');
    expect(words.healthAppearance('no_value')).toBe('default');
    expect(new Set(['healthy', 'low', 'high', 'no_value'].map((h) => words.healthIcon(h as 'low'))).size).toBe(4);
  });

  it('says the latest move as the backend judged it, good or bad news', () => {
    const kpi = { unit: '%', current: 96, previous: 98 };
    expect(words.kpiMove({ ...kpi, moveIsGood: false })).toEqual({
      arrow: '↓',
      words: 'Down from 98%, bad news',
      news: 'bad',
    });
    expect(words.kpiMove({ ...kpi, current: 99, moveIsGood: true })).toMatchObject({ arrow: '↑', news: 'good' });
    expect(words.kpiMove({ ...kpi, current: 98, moveIsGood: null })).toEqual({
      arrow: '→',
      words: 'Unchanged from 98%',
      news: 'none',
    });
    expect(words.kpiMove({ unit: undefined, current: 3, previous: undefined, moveIsGood: null })).toBeUndefined();
    speak('nl-NL');
    expect(words.kpiMove({ ...kpi, moveIsGood: false })?.words).toBe('Gedaald vanaf 98%, slecht nieuws');
  });

  it('leads a board link to the KPI on its team page and reads it back', () => {
    expect(words.kpiPath('kpi 1/x')).toBe('/kpis/kpi%201%2Fx');
    expect(words.kpiIdOfPath(words.kpiPath('kpi 1/x'))).toBe('kpi 1/x');
    expect(words.kpiIdOfPath('/jira/projects/PAY/apps/cadence-team/kpis/k1')).toBe('k1');
    expect(words.kpiIdOfPath('/kpis/k1/')).toBe('k1');
    expect(words.kpiIdOfPath('/')).toBeUndefined();
    expect(words.kpiIdOfPath('/kpis/%E0')).toBeUndefined();
  });

  it("offers an objective its team's KPIs, then the company's, keeping one it already names", () => {
    const kpis = [
      { id: 'c', name: 'Revenue', teamId: undefined },
      { id: 'b', name: 'Uptime', teamId: 't1' },
      { id: 'a', name: 'Latency', teamId: 't1' },
      { id: 'x', name: 'Churn', teamId: 't2' },
    ];
    expect(words.kpiChoices(kpis, 't1').map((k) => k.id)).toEqual(['a', 'b', 'c']);
    expect(words.kpiChoices(kpis, undefined).map((k) => k.id)).toEqual(['c']);
    expect(words.kpiChoices(kpis, 't1', 'x').map((k) => k.id)).toEqual(['a', 'b', 'c', 'x']);
  });

  it('reads typed numbers (a Dutch comma too) and refuses a range it cannot save', () => {
    expect(words.parseNumberField(' 99,5 ')).toBe(99.5);
    expect(words.parseNumberField('')).toBeUndefined();
    expect(words.parseNumberField('lots')).toBeNaN();
    expect(words.rangeProblem(undefined, undefined)?.field).toBe('min');
    expect(words.rangeProblem(5, 2)).toEqual({
      field: 'max',
      words: 'The highest healthy value must be at least the lowest.',
    });
    expect(words.rangeProblem(Number.NaN, 2)?.field).toBe('min');
    expect(words.rangeProblem(1, Number.NaN)?.field).toBe('max');
    expect(words.rangeProblem(1, undefined)).toBeUndefined();
  });
});
