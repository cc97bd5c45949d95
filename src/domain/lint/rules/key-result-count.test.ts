import type { KeyResult, Objective } from '../../../contract';
import {
  aBinaryKeyResult,
  aKeyResult,
  aLintInput,
  anObjective,
  keyResultsFor,
} from '../../../../test/support/builders';
import { lintCycle } from '..';

const COUNT_RULES = [
  'objective-no-key-results',
  'objective-too-few-key-results',
  'objective-too-many-key-results',
  'objective-above-recommended-key-results',
];

const countFindings = (objective: Objective, activeKeyResults: number) =>
  lintCycle(aLintInput({ objectives: [objective], keyResults: keyResultsFor(objective, activeKeyResults) })).filter(
    (f) => COUNT_RULES.includes(f.ruleId),
  );

describe('key result count per objective', () => {
  it.each([
    [0, 'objective-no-key-results', 'error'],
    [1, 'objective-too-few-key-results', 'warning'],
    [5, 'objective-above-recommended-key-results', 'info'],
    [6, 'objective-too-many-key-results', 'warning'],
    [9, 'objective-too-many-key-results', 'warning'],
  ])('with %i active KRs reports %s (%s)', (count, ruleId, severity) => {
    const objective = anObjective({ title: 'Make enterprise customers successful' });
    const found = countFindings(objective, count);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId, severity, target: { kind: 'objective', id: objective.id } });
    expect(found[0]).toMatchObject({
      variant: 'default',
      params: { title: 'Make enterprise customers successful', count, min: 2, max: 5, recommendedMax: 4 },
    });
  });

  it.each([2, 3, 4])('with %i active KRs (the recommended range) reports nothing', (count) => {
    expect(countFindings(anObjective(), count)).toEqual([]);
  });

  it('reports a draft objective without KRs as an error too', () => {
    expect(countFindings(anObjective({ status: 'draft' }), 0).map((f) => f.ruleId)).toEqual([
      'objective-no-key-results',
    ]);
  });

  it('ignores archived objectives and does not count archived KRs', () => {
    const archived = anObjective({ status: 'archived' });
    const objective = anObjective();
    const keyResults = [
      ...keyResultsFor(objective, 2),
      ...keyResultsFor(objective, 4, { status: 'archived' }),
      ...keyResultsFor(archived, 1),
    ];
    const found = lintCycle(aLintInput({ objectives: [archived, objective], keyResults }));
    expect(found.filter((f) => COUNT_RULES.includes(f.ruleId))).toEqual([]);
  });
});

describe('all-key-results-binary', () => {
  const binaryFindings = (objective: Objective, keyResults: KeyResult[]) =>
    lintCycle(aLintInput({ objectives: [objective], keyResults })).filter((f) => f.ruleId === 'all-key-results-binary');

  it('flags an objective whose 2+ active KRs are all binary, as a task list', () => {
    const objective = anObjective({ title: 'Get enterprise ready' });
    const found = binaryFindings(objective, [
      aBinaryKeyResult({ objectiveId: objective.id }),
      aBinaryKeyResult({ objectiveId: objective.id, title: 'Publish the enterprise security whitepaper' }),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', target: { kind: 'objective', id: objective.id } });
    expect(found[0]).toMatchObject({ variant: 'default', params: { title: 'Get enterprise ready' } });
  });

  it('does not flag a single binary KR (that is the too-few rule) or a mix with a measured KR', () => {
    const single = anObjective();
    const mixed = anObjective();
    expect(binaryFindings(single, [aBinaryKeyResult({ objectiveId: single.id })])).toEqual([]);
    expect(
      binaryFindings(mixed, [aBinaryKeyResult({ objectiveId: mixed.id }), aKeyResult({ objectiveId: mixed.id })]),
    ).toEqual([]);
  });
});
