import type { Band, BandConfig } from '../contract';
import { bandOf } from './bands';

describe('bandOf with the default bands (0.4 and 0.7)', () => {
  test.each<[number, Band]>([
    [0, 'red'],
    [0.3, 'red'],
    [0.39, 'red'],
    [0.399999, 'red'],
    [0.4, 'yellow'],
    [0.3999999999999, 'yellow'],
    [0.4000000000001, 'yellow'],
    [0.6, 'yellow'],
    [0.699999, 'yellow'],
    [0.7, 'green'],
    [0.6999999999999, 'green'],
    [0.7000000000001, 'green'],
    [1, 'green'],
  ])('puts %p in %p', (score, band) => {
    expect(bandOf(score)).toBe(band);
  });

  test('treats a weighted mean that lands a hair under 0.7 as green', () => {
    const mean = (0.7 * 3 + 0.7) / 4; // 0.7 in decimal, not necessarily in binary
    expect(bandOf(mean)).toBe('green');
  });
});

describe('bandOf with a custom config', () => {
  const strict: BandConfig = { yellowFrom: 0.5, greenFrom: 0.8 };

  test.each<[number, Band]>([
    [0.49, 'red'],
    [0.4999999999999, 'yellow'],
    [0.5, 'yellow'],
    [0.7, 'yellow'],
    [0.79, 'yellow'],
    [0.8, 'green'],
    [1, 'green'],
  ])('puts %p in %p', (score, band) => {
    expect(bandOf(score, strict)).toBe(band);
  });

  test('keeps green for a perfect score only when greenFrom is 1', () => {
    const perfectOnly: BandConfig = { yellowFrom: 0.5, greenFrom: 1 };
    expect(bandOf(0.99, perfectOnly)).toBe('yellow');
    expect(bandOf(1, perfectOnly)).toBe('green');
  });
});
