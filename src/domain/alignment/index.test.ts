import * as alignment from '.';

describe('the alignment entry point', () => {
  it('exposes the tree, the roll-up formula, parent validation and the level order', () => {
    expect(typeof alignment.buildAlignmentTree).toBe('function');
    expect(typeof alignment.rollupScore).toBe('function');
    expect(typeof alignment.validateParent).toBe('function');
    expect(typeof alignment.compareObjectives).toBe('function');
    expect(alignment.LEVEL_RANK).toEqual({ company: 0, team: 1, individual: 2 });
  });
});
