import type { CompactFinding } from '../../src/contract';
import { indexBoard, objectiveIdOfKeyResult, subtreeIds } from '../../static/src/views/board/board-index';
import { boardOf, SAMPLE } from './board-fixtures';

/** The board's index of one board.get answer (issue #11: the UI's own logic has unit tests). */
describe('indexBoard', () => {
  const finding = (target: CompactFinding['target'], severity: CompactFinding['severity']): CompactFinding => ({
    ruleId: 'objective-has-numbers',
    severity,
    target,
  });

  it('flattens the tree in display order with depths, parents and children', () => {
    const index = indexBoard(boardOf(SAMPLE));
    expect(index.order).toEqual(['c1', 'a1', 'b2', 'b1', 'c2']);
    expect(index.rootIds).toEqual(['c1', 'c2']);
    expect(index.byId.get('b2')).toMatchObject({ parentId: 'a1', depth: 2, childIds: [] });
    expect(index.byId.get('c1')?.childIds).toEqual(['a1', 'b1']);
    expect(index.objectiveCount).toBe(5);
    expect(index.keyResultCount).toBe(2);
    expect(index.teamNames.get('team-a')).toBe('Alpha');
  });

  it('lists objective owners for the owner filter, and everyone involved for the user directory', () => {
    const index = indexBoard(boardOf(SAMPLE));
    expect([...index.owners].sort()).toEqual(['acc-ann', 'acc-bob', 'acc-ceo']);
    expect([...index.people].sort()).toEqual(['acc-ann', 'acc-bob', 'acc-ceo', 'acc-kim']);
  });

  it('counts findings per objective (a KR finding on its objective) with the worst severity', () => {
    const index = indexBoard(
      boardOf(SAMPLE, {
        findings: [
          finding({ kind: 'objective', id: 'a1' }, 'info'),
          finding({ kind: 'keyResult', id: 'a1-k2' }, 'error'),
          finding({ kind: 'keyResult', id: 'a1-k3' }, 'warning'),
          finding({ kind: 'team', id: 'team-a' }, 'warning'),
        ],
      }),
    );
    expect(index.byId.get('a1')).toMatchObject({ findings: 3, worstSeverity: 'error' });
    expect(index.byId.get('c1')).toMatchObject({ findings: 0, worstSeverity: undefined });
    expect(index.otherFindings).toBe(1);
    expect(index.findingCount).toBe(4);
  });

  it('counts children and roots not loaded yet', () => {
    const index = indexBoard(boardOf([{ id: 'r', moreChildren: 3, children: [{ id: 'k' }] }], { moreRoots: 2 }));
    expect(index.byId.get('r')?.childCount).toBe(4);
    expect(index.moreRoots).toBe(2);
    expect(index.objectiveCount).toBe(2);
  });
});

describe('objectiveIdOfKeyResult and subtreeIds', () => {
  it('maps a KR id to its objective, and finds everything below an objective', () => {
    expect(objectiveIdOfKeyResult('obj-1-k3')).toBe('obj-1');
    expect(objectiveIdOfKeyResult('plain')).toBe('plain');
    const index = indexBoard(boardOf(SAMPLE));
    expect([...subtreeIds(index, 'c1')].sort()).toEqual(['a1', 'b1', 'b2', 'c1']);
    expect([...subtreeIds(index, 'c2')]).toEqual(['c2']);
  });
});
