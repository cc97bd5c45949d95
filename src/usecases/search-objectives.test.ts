import { titleMatches, wordsOf } from './search-objectives';

describe('objective search words', () => {
  it('splits a title into lower-case words of letters and digits, in any script', () => {
    expect(wordsOf('Grow ARR — 2× in Région Nord!')).toEqual(['grow', 'arr', '2', 'in', 'région', 'nord']);
  });

  it('matches when every query word starts a word of the title, in any order and case', () => {
    const title = 'Make enterprise customers successful in region 57';
    expect(titleMatches(title, wordsOf('REGION 57'))).toBe(true);
    expect(titleMatches(title, wordsOf('succ ent'))).toBe(true);
    expect(titleMatches(title, wordsOf(''))).toBe(true);
    expect(titleMatches(title, wordsOf('region 5'))).toBe(true);
    expect(titleMatches(title, wordsOf('gion'))).toBe(false);
    expect(titleMatches(title, wordsOf('region 570'))).toBe(false);
  });
});
