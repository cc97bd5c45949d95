import { formatCurrentOfTarget } from '../../static/src/components/format';

/** The UI's own wording of a KR's value against its target (issue #11: decreasing KRs read naturally). */
describe('formatCurrentOfTarget', () => {
  it('reads a KR going up as "current of target"', () => {
    expect(formatCurrentOfTarget({ kind: 'percent', start: 82, target: 92, current: 86, unit: '%' })).toBe('86% of 92%');
    expect(formatCurrentOfTarget({ kind: 'number', start: 10, target: 40, current: 31, unit: 'teams' })).toBe('31 teams of 40 teams');
  });

  it('reads a KR going down as "now current, from start to target"', () => {
    expect(formatCurrentOfTarget({ kind: 'number', start: 120, target: 40, current: 95, unit: 'disputes' })).toBe('now 95, from 120 to 40 disputes');
    expect(formatCurrentOfTarget({ kind: 'percent', start: 4, target: 1, current: 2.5 })).toBe('now 2.5%, from 4% to 1%');
  });

  it('reads a binary KR as done or not', () => {
    expect(formatCurrentOfTarget({ kind: 'binary', start: 0, target: 1, current: 1 })).toBe('Done');
  });
});
