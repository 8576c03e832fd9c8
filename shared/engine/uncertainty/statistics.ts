/**
 * Summary statistics of Monte Carlo draws, in float64: compensated sums (Neumaier), percentiles with linear
 * interpolation between order statistics (Hyndman & Fan type 7, the default of R and NumPy), and histograms.
 */

/** Sum with Neumaier's compensation: 100,000 draws of very different sizes lose no visible digit. */
export function compensatedSum(values: ArrayLike<number>, length = values.length): number {
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < length; i++) {
    const v = values[i];
    const t = sum + v;
    compensation += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + compensation;
}

export function mean(values: ArrayLike<number>): number {
  if (values.length === 0) throw new RangeError('the mean of no values is undefined');
  return compensatedSum(values) / values.length;
}

/** Sample variance (divisor n - 1), two-pass; 0 for a single value. */
export function variance(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) throw new RangeError('the variance of no values is undefined');
  if (n === 1) return 0;
  const m = mean(values);
  let sum = 0;
  let correction = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - m;
    sum += d * d;
    correction += d;
  }
  return (sum - (correction * correction) / n) / (n - 1);
}

/** The p-quantile (0 <= p <= 1) of values already sorted ascending: type 7, h = (n - 1) p, interpolated. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('the quantile of no values is undefined');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a quantile needs 0 <= p <= 1, got ${p}`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  const a = sorted[lo];
  return a + (h - lo) * (sorted[hi] - a);
}

/** An ascending copy (the draws keep their iteration order, which the CE plane and reruns rely on). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  const copy = Float64Array.from(values);
  copy.sort();
  return copy;
}

export interface Summary {
  mean: number;
  /** Sample standard deviation (divisor n - 1). */
  sd: number;
  min: number;
  max: number;
  /** 2.5th, 50th and 97.5th percentiles (type 7): the median and a 95 % interval. */
  p2_5: number;
  p50: number;
  p97_5: number;
}

export function summarise(values: ArrayLike<number>): Summary {
  const sorted = sortedCopy(values);
  return {
    mean: mean(values),
    sd: Math.sqrt(variance(values)),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    p2_5: quantileSorted(sorted, 0.025),
    p50: quantileSorted(sorted, 0.5),
    p97_5: quantileSorted(sorted, 0.975),
  };
}

export interface HistogramBin {
  /** Lower edge (inclusive). */
  from: number;
  /** Upper edge (exclusive, except for the last bin, which includes its upper edge). */
  to: number;
  count: number;
}

export interface Histogram {
  bins: HistogramBin[];
  /** Values below the first bin / above the last one (only when a range was given). */
  below: number;
  above: number;
  total: number;
}

export interface HistogramOptions {
  /** Number of equal-width bins (default 50). */
  bins?: number;
  /** The range to cover; by default the smallest to the largest value. */
  min?: number;
  max?: number;
}

export function histogram(values: ArrayLike<number>, options: HistogramOptions = {}): Histogram {
  const binCount = options.bins ?? 50;
  if (!Number.isInteger(binCount) || binCount < 1) throw new RangeError('a histogram needs at least one bin');
  let lo = options.min;
  let hi = options.max;
  if (lo === undefined || hi === undefined) {
    let dataMin = Infinity;
    let dataMax = -Infinity;
    for (let i = 0; i < values.length; i++) {
      if (values[i] < dataMin) dataMin = values[i];
      if (values[i] > dataMax) dataMax = values[i];
    }
    lo ??= dataMin;
    hi ??= dataMax;
  }
  if (values.length === 0 || !Number.isFinite(lo) || !Number.isFinite(hi) || hi < lo) {
    return { bins: [], below: 0, above: 0, total: values.length };
  }
  // A single value (or a range of width 0): one bin holding everything in it.
  const count = hi === lo ? 1 : binCount;
  const width = (hi - lo) / count;
  const counts = new Array<number>(count).fill(0);
  let below = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < lo) below++;
    else if (v > hi) above++;
    else counts[width === 0 ? 0 : Math.min(count - 1, Math.floor((v - lo) / width))]++;
  }
  const bins = counts.map((c, i) => ({
    from: lo + i * width,
    to: i === count - 1 ? hi : lo + (i + 1) * width,
    count: c,
  }));
  return { bins, below, above, total: values.length };
}
