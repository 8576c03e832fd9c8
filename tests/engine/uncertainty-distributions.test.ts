/**
 * Distributions of METHOD.md section 3: the parameterisations from mean and SE (with the checks printed there),
 * and the samplers. For a fixed seed and 100,000 draws, each sample mean and variance must lie within five
 * standard errors of the theoretical value; the standard error of the variance uses the distribution's own
 * kurtosis, Var(s^2) ~ sigma^4 (excess kurtosis + 2) / n, so heavy-tailed cases get the room they need and no
 * more. The seed is fixed, so these tests are deterministic: they fail only if a sampler changes.
 */
import { describe, expect, it } from 'vitest';
import {
  betaParameters,
  compileDistribution,
  distributionMoments,
  gammaParameters,
  lognormalParameters,
  pertParameters,
  Rng,
  Sampler,
} from '../../shared/engine/uncertainty';
import type { Distribution } from '../../shared/model';

const N = 100_000;

describe('parameterisation (METHOD.md section 3 checks)', () => {
  it('beta: mean 0.76, SE 0.03 -> alpha 153.27, beta 48.40', () => {
    const p = betaParameters(0.76, 0.03);
    expect(p.alpha.toFixed(2)).toBe('153.27');
    expect(p.beta.toFixed(2)).toBe('48.40');
  });

  it('gamma: mean 250,000, SE 50,000 -> shape 25, scale 10,000', () => {
    const p = gammaParameters(250_000, 50_000);
    expect(p.shape).toBeCloseTo(25, 12);
    expect(p.scale).toBeCloseTo(10_000, 8);
  });

  it('lognormal: mean 1000, SE 500 -> m 6.79618, s 0.47238', () => {
    const p = lognormalParameters(1000, 500);
    expect(p.mu.toFixed(5)).toBe('6.79618');
    expect(p.sigma.toFixed(5)).toBe('0.47238');
    // And the formula itself: s^2 = ln(1 + SE^2 / mean^2), m = ln(mean) - s^2 / 2.
    expect(p.sigma ** 2).toBeCloseTo(Math.log(1.25), 14);
    expect(p.mu).toBeCloseTo(Math.log(1000) - Math.log(1.25) / 2, 14);
  });

  it('PERT: lambda 4 gives alpha = 1 + 4 (mode - min) / (max - min), beta = 1 + 4 (max - mode) / (max - min)', () => {
    expect(pertParameters(10, 20, 50)).toEqual({ alpha: 2, beta: 4 });
    expect(pertParameters(0, 0, 1)).toEqual({ alpha: 1, beta: 5 });
  });

  it('rejects parameters outside their domain', () => {
    expect(() => betaParameters(0.5, 0.5)).toThrow(RangeError); // SE^2 = 0.25 = mean (1 - mean)
    expect(() => betaParameters(1, 0.1)).toThrow(RangeError);
    expect(() => gammaParameters(0, 1)).toThrow(RangeError);
    expect(() => lognormalParameters(10, 0)).toThrow(RangeError);
    expect(() => pertParameters(3, 2, 5)).toThrow(RangeError);
  });

  it('the moments of each model distribution: lognormal, gamma and beta keep mean and SE', () => {
    expect(distributionMoments({ type: 'lognormal', mean: '1000', se: '500' }, 0)).toEqual({
      mean: 1000,
      variance: 250_000,
    });
    expect(distributionMoments({ type: 'gamma', mean: '250000', se: '50000' }, 0).variance).toBe(2.5e9);
    expect(distributionMoments({ type: 'fixed' }, 7)).toEqual({ mean: 7, variance: 0 });
    expect(distributionMoments({ type: 'pert', min: '10', mode: '20', max: '50' }, 0).mean).toBeCloseTo(140 / 6, 12);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Statistical checks

interface Case {
  name: string;
  distribution: Distribution;
  mean: number;
  variance: number;
  excessKurtosis: number;
  bounds?: [number, number];
}

function betaKurtosis(a: number, b: number): number {
  return (6 * ((a - b) ** 2 * (a + b + 1) - a * b * (a + b + 2))) / (a * b * (a + b + 2) * (a + b + 3));
}

function betaMoments(a: number, b: number, min = 0, max = 1) {
  const w = max - min;
  return {
    mean: min + (w * a) / (a + b),
    variance: (w * w * a * b) / ((a + b) ** 2 * (a + b + 1)),
    excessKurtosis: betaKurtosis(a, b),
  };
}

function lognormalKurtosis(s2: number): number {
  return Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 6;
}

const cases: Case[] = [
  {
    name: 'uniform(2, 5)',
    distribution: { type: 'uniform', min: '2', max: '5' },
    mean: 3.5,
    variance: 0.75,
    excessKurtosis: -1.2,
    bounds: [2, 5],
  },
  {
    name: 'triangular(0, 3, 10)',
    distribution: { type: 'triangular', min: '0', mode: '3', max: '10' },
    mean: 13 / 3,
    variance: (0 + 9 + 100 - 0 - 0 - 30) / 18,
    excessKurtosis: -0.6,
    bounds: [0, 10],
  },
  {
    name: 'triangular(0, 0, 1) (mode at the minimum)',
    distribution: { type: 'triangular', min: '0', mode: '0', max: '1' },
    mean: 1 / 3,
    variance: 1 / 18,
    excessKurtosis: -0.6,
    bounds: [0, 1],
  },
  {
    name: 'triangular(1, 4, 4) (mode at the maximum)',
    distribution: { type: 'triangular', min: '1', mode: '4', max: '4' },
    mean: 3,
    variance: (1 + 16 + 16 - 4 - 4 - 16) / 18,
    excessKurtosis: -0.6,
    bounds: [1, 4],
  },
  {
    name: 'PERT(10, 20, 50) = 10 + 40 Beta(2, 4)',
    distribution: { type: 'pert', min: '10', mode: '20', max: '50' },
    ...betaMoments(2, 4, 10, 50),
    bounds: [10, 50],
  },
  {
    name: 'normal(-3, 2)',
    distribution: { type: 'normal', mean: '-3', sd: '2' },
    mean: -3,
    variance: 4,
    excessKurtosis: 0,
  },
  {
    name: 'lognormal(mean 1000, SE 500)',
    distribution: { type: 'lognormal', mean: '1000', se: '500' },
    mean: 1000,
    variance: 250_000,
    excessKurtosis: lognormalKurtosis(Math.log(1.25)),
    bounds: [0, Infinity],
  },
  {
    name: 'gamma(mean 250,000, SE 50,000): shape 25',
    distribution: { type: 'gamma', mean: '250000', se: '50000' },
    mean: 250_000,
    variance: 2.5e9,
    excessKurtosis: 6 / 25,
    bounds: [0, Infinity],
  },
  {
    name: 'gamma(mean 5, SE 5): shape exactly 1 (exponential)',
    distribution: { type: 'gamma', mean: '5', se: '5' },
    mean: 5,
    variance: 25,
    excessKurtosis: 6,
    bounds: [0, Infinity],
  },
  {
    name: 'gamma(mean 1, SE 2): shape 0.25, through the shape < 1 boost',
    distribution: { type: 'gamma', mean: '1', se: '2' },
    mean: 1,
    variance: 4,
    excessKurtosis: 24,
    bounds: [0, Infinity],
  },
  {
    name: 'beta(mean 0.76, SE 0.03): alpha 153.27, beta 48.40',
    distribution: { type: 'beta', mean: '0.76', se: '0.03' },
    mean: 0.76,
    variance: 0.0009,
    excessKurtosis: betaKurtosis(0.76 * (0.1824 / 0.0009 - 1), 0.24 * (0.1824 / 0.0009 - 1)),
    bounds: [0, 1],
  },
  {
    name: 'beta(mean 0.2, SE 0.1): alpha 3, beta 12',
    distribution: { type: 'beta', mean: '0.2', se: '0.1' },
    mean: 0.2,
    variance: 0.01,
    excessKurtosis: betaKurtosis(3, 12),
    bounds: [0, 1],
  },
  {
    name: 'beta(mean 0.05, SE 0.05): alpha 0.9 (computed in logs)',
    distribution: { type: 'beta', mean: '0.05', se: '0.05' },
    mean: 0.05,
    variance: 0.0025,
    excessKurtosis: betaKurtosis(0.9, 17.1),
    bounds: [0, 1],
  },
  {
    name: 'beta(mean 0.5, SE 0.35): alpha = beta = 0.52 (U-shaped)',
    distribution: { type: 'beta', mean: '0.5', se: '0.35' },
    mean: 0.5,
    variance: 0.1225,
    excessKurtosis: betaKurtosis(0.25 / 0.1225 - 1, 0.25 / 0.1225 - 1),
    bounds: [0, 1],
  },
];

describe('samplers: 100,000 draws match the theoretical mean and variance', () => {
  it.each(cases)('$name', ({ distribution, mean, variance, excessKurtosis, bounds }) => {
    const sampler = compileDistribution(distribution, 0);
    const rng = new Rng(20240607);
    const draws = new Float64Array(N);
    for (let i = 0; i < N; i++) draws[i] = sampler.sample(rng);

    let sum = 0;
    for (const x of draws) sum += x;
    const m = sum / N;
    let ss = 0;
    for (const x of draws) ss += (x - m) ** 2;
    const v = ss / (N - 1);

    const seMean = Math.sqrt(variance / N);
    const seVariance = variance * Math.sqrt((excessKurtosis + 2) / N);
    expect(Math.abs(m - mean)).toBeLessThan(5 * seMean);
    expect(Math.abs(v - variance)).toBeLessThan(5 * seVariance);
    // The theoretical moments the engine reports for this distribution are the same ones.
    const reported = distributionMoments(distribution, 0);
    expect(reported.mean).toBeCloseTo(mean, 9);
    expect(reported.variance / variance).toBeCloseTo(1, 9);

    // Every draw finite and inside the support (checked in a loop, asserted once).
    const [lo, hi] = bounds ?? [-Infinity, Infinity];
    const outside = draws.filter((x) => !Number.isFinite(x) || x < lo || x > hi);
    expect(outside.length).toBe(0);
  });
});

/** Kolmogorov-Smirnov statistic of draws against a CDF. */
function ks(draws: Float64Array, cdf: (x: number) => number): number {
  const sorted = Float64Array.from(draws).sort();
  let d = 0;
  for (let i = 0; i < sorted.length; i++) {
    const f = cdf(sorted[i]);
    d = Math.max(d, Math.abs(f - i / sorted.length), Math.abs((i + 1) / sorted.length - f));
  }
  return d;
}

describe('samplers: shape (Kolmogorov-Smirnov, 100,000 draws, 0.1 % critical value 1.95 / sqrt(n))', () => {
  const critical = 1.95 / Math.sqrt(N);
  const draw = (sampler: Sampler, seed: number) => {
    const rng = new Rng(seed);
    return Float64Array.from({ length: N }, () => sampler.sample(rng));
  };

  it('triangular(0, 3, 10) follows its CDF (the inverse-CDF sampler)', () => {
    const cdf = (x: number) => (x <= 3 ? (x * x) / (10 * 3) : 1 - (10 - x) ** 2 / (10 * 7));
    expect(ks(draw(Sampler.triangular(0, 3, 10), 1), cdf)).toBeLessThan(critical);
  });

  it('gamma with shape 1 is the exponential distribution', () => {
    const cdf = (x: number) => 1 - Math.exp(-x / 2);
    expect(ks(draw(Sampler.gamma(1, 2), 2), cdf)).toBeLessThan(critical);
  });

  it('gamma with shape 0.5 and scale 2 is chi-square with 1 degree of freedom: P(X <= x) = P(|Z| <= sqrt(x))', () => {
    const normalCdf = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));
    const cdf = (x: number) => 2 * normalCdf(Math.sqrt(x)) - 1;
    expect(ks(draw(Sampler.gamma(0.5, 2), 3), cdf)).toBeLessThan(critical);
  });

  it('beta(1, 1) is uniform and beta(0.5, 0.5) is the arcsine distribution', () => {
    expect(ks(draw(Sampler.beta(1, 1), 4), (x) => x)).toBeLessThan(critical);
    const arcsine = (x: number) => (2 / Math.PI) * Math.asin(Math.sqrt(x));
    expect(ks(draw(Sampler.beta(0.5, 0.5), 5), arcsine)).toBeLessThan(critical);
  });

  it('the logarithm of a lognormal draw is normal(m, s)', () => {
    const { mu, sigma } = lognormalParameters(1000, 500);
    const logs = draw(Sampler.lognormal(mu, sigma), 6).map(Math.log);
    const cdf = (x: number) => 0.5 * (1 + erf((x - mu) / (sigma * Math.SQRT2)));
    expect(ks(logs, cdf)).toBeLessThan(critical);
  });
});

/**
 * erf by its Taylor series. Cancellation costs digits as |x| grows, but the error stays below 1e-5 up to
 * |x| = 5 (and 1 - erf(5) < 2e-12), far inside the KS tolerance of 0.006.
 */
function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  if (a > 5) return sign;
  let term = a;
  let sum = a;
  for (let n = 1; n < 200; n++) {
    term *= (-a * a) / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return sign * Math.min(1, (2 / Math.sqrt(Math.PI)) * sum);
}

describe('degenerate and fixed distributions', () => {
  it('fixed returns the entered value; a collapsed range returns its point', () => {
    const rng = new Rng(1);
    expect(compileDistribution({ type: 'fixed' }, 42).sample(rng)).toBe(42);
    expect(compileDistribution({ type: 'uniform', min: '5', max: '5' }, 0).sample(rng)).toBe(5);
    expect(compileDistribution({ type: 'triangular', min: '2', mode: '2', max: '2' }, 0).sample(rng)).toBe(2);
    expect(compileDistribution({ type: 'pert', min: '0.3', mode: '0.3', max: '0.3' }, 0).sample(rng)).toBe(0.3);
    expect(compileDistribution({ type: 'pert', min: '0.3', mode: '0.3', max: '0.3' }, 0).isConstant).toBe(true);
  });

  it('the same seed gives the same draws for every kind of distribution', () => {
    for (const { distribution } of cases) {
      const a = new Rng(5);
      const b = new Rng(5);
      const s = compileDistribution(distribution, 0);
      const first = Array.from({ length: 100 }, () => s.sample(a));
      expect(Array.from({ length: 100 }, () => s.sample(b))).toEqual(first);
    }
  });
});
