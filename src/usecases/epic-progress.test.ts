import { epicProgress } from './epic-progress';

describe('epicProgress', () => {
  const child = (statusCategory: 'new' | 'indeterminate' | 'done', resolution?: string, created = '2027-01-01T00:00:00.000Z') => ({ statusCategory, resolution, created });

  it('counts done over the scope left after Won’t Do and Duplicate', () => {
    expect(epicProgress([child('done', 'Done'), child('done', "Won't Do"), child('done', 'Duplicate'), child('new')], '2027-01-01')).toEqual({
      done: 1,
      total: 4,
      excluded: 2,
      ratio: 0.5,
      addedAfterStart: 0,
    });
  });

  it('has no ratio when nothing is in scope, and flags scope added after the cycle started', () => {
    expect(epicProgress([], '2027-01-01').ratio).toBeNull();
    expect(epicProgress([child('new', undefined, '2027-01-02T10:00:00.000Z')], '2027-01-01').addedAfterStart).toBe(1);
  });
});
