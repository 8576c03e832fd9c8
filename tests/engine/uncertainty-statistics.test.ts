/**
 * Summary statistics of Monte Carlo draws: percentiles (type 7, as R's quantile() and NumPy's default),
 * compensated means, sample standard deviation and histograms, against values worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { histogram, mean, quantileSorted, summarise, variance } from '../../shared/engine/uncertainty';

describe('percentiles (type 7)', () => {
  const oneToTen = Float64Array.from({ length: 10 }, (_, i) => i + 1);

  it('1..10: 2.5 % -> 1.225, 50 % -> 5.5, 97.5 % -> 9.775 (R: quantile(1:10, c(.025, .5, .975)))', () => {
    expect(quantileSorted(oneToTen, 0.025)).toBeCloseTo(1.225, 12);
    expect(quantileSorted(oneToTen, 0.5)).toBe(5.5);
    expect(quantileSorted(oneToTen, 0.975)).toBeCloseTo(9.775, 12);
    expect(quantileSorted(oneToTen, 0)).toBe(1);
    expect(quantileSorted(oneToTen, 1)).toBe(10);
  });

  it('a single value is every percentile; p outside 0..1 and empty input are errors', () => {
    expect(quantileSorted([7], 0.975)).toBe(7);
    expect(() => quantileSorted(oneToTen, 1.1)).toThrow(RangeError);
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
  });
});

describe('mean, variance, summary', () => {
  it('mean and sample variance (divisor n - 1) of 2, 4, 4, 4, 5, 5, 7, 9: 5 and 32 / 7', () => {
    const xs = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(xs)).toBe(5);
    expect(variance(xs)).toBeCloseTo(32 / 7, 12);
  });

  it('the mean is compensated: 1e16, 1, -1e16, 1 averages to 0.5 (a plain sum gives 0)', () => {
    expect(mean([1e16, 1, -1e16, 1])).toBe(0.5);
  });

  it('the variance of values far from zero keeps its digits: 1e9 + (1, 2, 3) -> 1', () => {
    expect(variance([1e9 + 1, 1e9 + 2, 1e9 + 3])).toBe(1);
  });

  it('summarise gives mean, SD, min, max and the 2.5/50/97.5 percentiles; it leaves the input in its order', () => {
    const xs = Float64Array.from([10, 1, 9, 2, 8, 3, 7, 4, 6, 5]);
    const s = summarise(xs);
    expect(s).toMatchObject({ mean: 5.5, min: 1, max: 10, p50: 5.5 });
    expect(s.p2_5).toBeCloseTo(1.225, 12);
    expect(s.p97_5).toBeCloseTo(9.775, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(55 / 6), 12);
    expect(Array.from(xs)).toEqual([10, 1, 9, 2, 8, 3, 7, 4, 6, 5]);
  });
});

describe('histogram', () => {
  it('equal-width bins from the smallest to the largest value; the last bin includes its upper edge', () => {
    const h = histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 10], { bins: 5 });
    expect(h.bins.map((b) => [b.from, b.to, b.count])).toEqual([
      [0, 2, 2],
      [2, 4, 2],
      [4, 6, 2],
      [6, 8, 2],
      [8, 10, 2],
    ]);
    expect(h.total).toBe(10);
    expect(h.below + h.above).toBe(0);
  });

  it('a given range counts values outside it as below or above', () => {
    const h = histogram([-1, 0.5, 1.5, 2.5, 9], { bins: 3, min: 0, max: 3 });
    expect(h.bins.map((b) => b.count)).toEqual([1, 1, 1]);
    expect(h.below).toBe(1);
    expect(h.above).toBe(1);
  });

  it('all values equal: one bin holding all of them; no values: no bins', () => {
    const h = histogram([4, 4, 4], { bins: 10 });
    expect(h.bins).toEqual([{ from: 4, to: 4, count: 3 }]);
    expect(histogram([], { bins: 10 }).bins).toEqual([]);
    expect(() => histogram([1], { bins: 0 })).toThrow(RangeError);
  });
});
