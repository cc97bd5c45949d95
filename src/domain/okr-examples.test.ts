import { LOCALES } from '../contract';
import { lintKeyResultDraft, lintObjectiveDraft } from './lint';
import { KEY_RESULTS_PER_OBJECTIVE } from './lint/shape';
import { EXAMPLE_AREAS, examplesOf, OKR_EXAMPLES } from './okr-examples';

describe('the example OKRs', () => {
  it('cover every area with at least two examples, each with a unique id', () => {
    for (const area of EXAMPLE_AREAS) expect(examplesOf(area).length).toBeGreaterThanOrEqual(2);
    expect(new Set(OKR_EXAMPLES.map((e) => e.id)).size).toBe(OKR_EXAMPLES.length);
  });

  it('keep to the recommended number of key results', () => {
    for (const example of OKR_EXAMPLES) {
      expect(example.keyResults.length).toBeGreaterThanOrEqual(KEY_RESULTS_PER_OBJECTIVE.min);
      expect(example.keyResults.length).toBeLessThanOrEqual(KEY_RESULTS_PER_OBJECTIVE.recommendedMax);
    }
  });

  it.each(LOCALES)('pass every quality check in %s, objectives and key results alike', (locale) => {
    const findings = OKR_EXAMPLES.flatMap((example) => [
      ...lintObjectiveDraft({ title: example.objective[locale] }).map((f) => `${example.id}: ${f.ruleId}`),
      ...example.keyResults.flatMap((kr) =>
        lintKeyResultDraft({
          title: kr.title[locale],
          metric: { kind: kr.kind, start: kr.start, target: kr.target, current: kr.start, unit: kr.unit?.[locale] },
        }).map((f) => `${example.id} / ${kr.title[locale]}: ${f.ruleId}`),
      ),
    ]);
    expect(findings).toEqual([]);
  });

  it('have something to move and state the figures of their titles', () => {
    for (const kr of OKR_EXAMPLES.flatMap((e) => e.keyResults)) {
      expect(kr.start).not.toBe(kr.target);
      for (const locale of LOCALES) expect(kr.title[locale]).toMatch(/\d/);
    }
  });
});
