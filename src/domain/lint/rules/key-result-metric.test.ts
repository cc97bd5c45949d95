import { aBinaryKeyResult, aKeyResult, aLintInput, aMetric, anObjective } from '../../../../test/support/builders';
import { lintCycle, lintKeyResultDraft } from '..';

const TITLE = 'Grow annual recurring revenue from 2 to 3 million';
const ruleIds = (draft: Parameters<typeof lintKeyResultDraft>[0]) => lintKeyResultDraft(draft).map((f) => f.ruleId);

describe('key-result-zero-range', () => {
  it('flags a numeric KR whose start equals its target: a KPI to hold, not a change', () => {
    const [found] = lintKeyResultDraft({
      title: 'Keep uptime at 99.9%',
      metric: aMetric({ start: 99.9, target: 99.9, current: 99.9 }),
    });
    expect(found).toMatchObject({ ruleId: 'key-result-zero-range', severity: 'warning' });
    expect(found?.params).toEqual({ title: 'Keep uptime at 99.9%', target: 99.9 });
  });

  it('does not flag a KR with a range to travel, nor a binary KR', () => {
    expect(ruleIds({ title: TITLE, metric: aMetric({ start: 82, target: 92 }) })).toEqual([]);
    expect(ruleIds({ title: 'Secure SOC 2 Type II', metric: aBinaryKeyResult().metric })).toEqual([]);
  });

  it('has nothing to check before a metric is chosen', () => {
    expect(ruleIds({ title: TITLE })).toEqual([]);
  });
});

describe('key-result-currency-without-unit', () => {
  const currency = (unit: string | undefined) => aMetric({ kind: 'currency', start: 2, target: 3, current: 2, unit });

  it.each([undefined, '', '  '])('flags a currency KR with unit %j', (unit) => {
    const [found] = lintKeyResultDraft({ title: TITLE, metric: currency(unit) });
    expect(found).toMatchObject({ ruleId: 'key-result-currency-without-unit', severity: 'info' });
    expect(found?.params).toEqual({ title: TITLE });
  });

  it('does not flag a currency KR with a unit, nor a number KR without one', () => {
    expect(ruleIds({ title: TITLE, metric: currency('EUR') })).toEqual([]);
    expect(ruleIds({ title: TITLE, metric: aMetric({ kind: 'number', unit: undefined }) })).toEqual([]);
  });
});

describe('key-result-measures-output', () => {
  it('notes a KR whose progress comes from epics: output, not outcome', () => {
    const [found] = lintKeyResultDraft({ title: TITLE, progressSource: 'initiatives' });
    expect(found).toMatchObject({ ruleId: 'key-result-measures-output', severity: 'info' });
    expect(found?.params).toEqual({ title: TITLE });
  });

  it('does not note a manually measured KR', () => {
    expect(ruleIds({ title: TITLE, progressSource: 'manual' })).toEqual([]);
  });

  it('applies to the active KRs of the cycle', () => {
    const objective = anObjective();
    const kr = aKeyResult({ objectiveId: objective.id, progressSource: 'initiatives' });
    const input = aLintInput({
      objectives: [objective],
      keyResults: [kr],
      initiativeCountByKeyResult: new Map([[kr.id, 2]]),
    });
    expect(lintCycle(input).filter((f) => f.ruleId === 'key-result-measures-output')).toHaveLength(1);
  });
});
