import { roundTo } from './round';

describe('roundTo', () => {
  test.each([
    [0.24, 1, 0.2],
    [0.25, 1, 0.3],
    [0.6499999999999999, 1, 0.7],
    [0.575, 2, 0.58],
    [1.005, 2, 1.01],
    [0.7000000000001, 6, 0.7],
    [0.6999999999999, 6, 0.7],
    [0.1234564, 6, 0.123456],
    [0, 2, 0],
    [1, 1, 1],
  ])('rounds %p to %p decimals as %p', (value, decimals, expected) => {
    expect(roundTo(value, decimals)).toBe(expected);
  });
});
