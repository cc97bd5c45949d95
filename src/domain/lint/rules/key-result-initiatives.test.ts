import { aKeyResult, aLintInput, anObjective } from '../../../../test/support/builders';
import { lintCycle } from '..';

describe('key-result-initiatives-missing', () => {
  const objective = anObjective();
  const fromEpics = aKeyResult({ objectiveId: objective.id, progressSource: 'initiatives' });
  const manual = aKeyResult({ objectiveId: objective.id, progressSource: 'manual' });
  const missing = (counts: [string, number][]) =>
    lintCycle(
      aLintInput({
        objectives: [objective],
        keyResults: [fromEpics, manual],
        initiativeCountByKeyResult: new Map(counts),
      }),
    ).filter((f) => f.ruleId === 'key-result-initiatives-missing');

  it('warns that a KR measured by epics with none linked will stay at 0', () => {
    const found = missing([]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'warning', target: { kind: 'keyResult', id: fromEpics.id } });
    expect(found[0]).toMatchObject({ variant: 'default', params: { title: fromEpics.title } });
  });

  it('treats an explicit count of 0 like a missing one', () => {
    expect(missing([[fromEpics.id, 0]])).toHaveLength(1);
  });

  it('is quiet once an epic is linked, and never applies to manual KRs', () => {
    expect(missing([[fromEpics.id, 1]])).toEqual([]);
  });
});
