import { MAX_EDITORS, draftedBy, withEditor } from './authorship';

describe('withEditor', () => {
  test('lists each editor once, in order, never the drafter', () => {
    let a = withEditor(draftedBy('ceo'), 'ceo');
    a = withEditor(a, 'priya');
    a = withEditor(a, 'sam');
    a = withEditor(a, 'priya');
    expect(a).toEqual({ createdBy: 'ceo', editors: ['priya', 'sam'] });
  });

  test('an objective stored before authorship was kept has no known drafter, and keeps its editors from now on', () => {
    expect(withEditor(undefined, 'priya')).toEqual({ editors: ['priya'] });
    expect(withEditor(withEditor(undefined, 'priya'), 'sam')).toEqual({ editors: ['priya', 'sam'] });
  });

  test(`keeps at most ${String(MAX_EDITORS)} editors`, () => {
    const full = { createdBy: 'x', editors: Array.from({ length: MAX_EDITORS }, (_, i) => `e${String(i)}`) };
    expect(withEditor(full, 'late')).toBe(full);
  });
});
