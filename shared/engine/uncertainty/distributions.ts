/**
 * Distributions for Monte Carlo (METHOD.md section 3): the parameterisations from mean and SE, the theoretical
 * moments, and samplers over the seeded generator.
 *
 *   lognormal(mean, SE)  s^2 = ln(1 + SE^2 / mean^2), m = ln(mean) - s^2 / 2, X = exp(m + s Z)
 *   gamma(mean, SE)      shape = mean^2 / SE^2, scale = SE^2 / mean
 *   beta(mean, SE)       alpha = mean (mean (1 - mean) / SE^2 - 1), beta = (1 - mean)(mean (1 - mean) / SE^2 - 1)
 *   PERT(min, mode, max) min + (max - min) Beta(1 + 4 (mode - min) / (max - min), 1 + 4 (max - mode) / (max - min))
 *   triangular           inverse CDF
 *   normal               Marsaglia polar (see random.ts)
 *   gamma sampler        Marsaglia & Tsang (2000), with the boost Ga(a) = Ga(a + 1) U^(1/a) for shape a < 1
 *   beta sampler         X / (X + Y) with X ~ Ga(alpha), Y ~ Ga(beta); in logs when a shape is below 1, so tiny
 *                        gamma draws cannot underflow to 0 / 0
 *
 * Parameters arrive as decimal strings (the model's form) and are read as doubles once, when a distribution is
 * compiled; the deterministic base case never uses them. Parameters are in the unit of the field they describe:
 * fractions 0..1 for adjustments (not percentages), the proxy's own currency for a proxy.
 */
import type { Distribution } from '../../model/distribution';
import type { Rng } from './random';

export interface LognormalParameters {
  /** m: mean of the logarithm. */
  mu: number;
  /** s: standard deviation of the logarithm. */
  sigma: number;
}

export function lognormalParameters(mean: number, se: number): LognormalParameters {
  if (!(mean > 0) || !(se > 0)) throw new RangeError('a lognormal needs a mean and an SE above 0');
  const ratio = se / mean;
  // ln(1 + x) through log1p: the same quantity as METHOD.md's formula, without losing digits when SE << mean.
  const s2 = Math.log1p(ratio * ratio);
  return { mu: Math.log(mean) - s2 / 2, sigma: Math.sqrt(s2) };
}

export interface GammaParameters {
  shape: number;
  scale: number;
}

export function gammaParameters(mean: number, se: number): GammaParameters {
  if (!(mean > 0) || !(se > 0)) throw new RangeError('a gamma needs a mean and an SE above 0');
  return { shape: (mean * mean) / (se * se), scale: (se * se) / mean };
}

export interface BetaParameters {
  alpha: number;
  beta: number;
}

export function betaParameters(mean: number, se: number): BetaParameters {
  if (!(mean > 0 && mean < 1) || !(se > 0))
    throw new RangeError('a beta needs a mean between 0 and 1 and an SE above 0');
  const common = (mean * (1 - mean)) / (se * se) - 1;
  if (!(common > 0)) {
    throw new RangeError('the SE is too large for a beta with this mean (SE^2 must be below mean x (1 - mean))');
  }
  return { alpha: mean * common, beta: (1 - mean) * common };
}

/** The beta shapes of PERT(min, mode, max) with the usual lambda = 4 (mean (min + 4 mode + max) / 6). */
export function pertParameters(min: number, mode: number, max: number, lambda = 4): BetaParameters {
  if (!(min <= mode && mode <= max) || !(max > min))
    throw new RangeError('PERT needs min <= mode <= max and min < max');
  const width = max - min;
  return { alpha: 1 + (lambda * (mode - min)) / width, beta: 1 + (lambda * (max - mode)) / width };
}

export interface Moments {
  mean: number;
  variance: number;
}

function betaVariance(alpha: number, beta: number): number {
  const sum = alpha + beta;
  return (alpha * beta) / (sum * sum * (sum + 1));
}

/**
 * The theoretical mean and variance of a distribution; `base` is the entered value, which a `fixed`
 * distribution keeps. Used to show what a distribution implies and by the statistical tests.
 */
export function distributionMoments(d: Distribution, base: number): Moments {
  switch (d.type) {
    case 'fixed':
      return { mean: base, variance: 0 };
    case 'uniform': {
      const a = Number(d.min);
      const b = Number(d.max);
      return { mean: (a + b) / 2, variance: ((b - a) * (b - a)) / 12 };
    }
    case 'triangular': {
      const a = Number(d.min);
      const c = Number(d.mode);
      const b = Number(d.max);
      return { mean: (a + b + c) / 3, variance: (a * a + b * b + c * c - a * b - a * c - b * c) / 18 };
    }
    case 'pert': {
      const a = Number(d.min);
      const c = Number(d.mode);
      const b = Number(d.max);
      if (a === b) return { mean: a, variance: 0 };
      const p = pertParameters(a, c, b);
      return { mean: (a + 4 * c + b) / 6, variance: betaVariance(p.alpha, p.beta) * (b - a) * (b - a) };
    }
    case 'normal': {
      const sd = Number(d.sd);
      return { mean: Number(d.mean), variance: sd * sd };
    }
    case 'lognormal':
    case 'gamma':
    case 'beta': {
      // Each is parameterised so that its mean is `mean` and its standard deviation is `se`.
      const se = Number(d.se);
      return { mean: Number(d.mean), variance: se * se };
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Samplers

const enum Kind {
  Constant,
  Uniform,
  Triangular,
  Normal,
  Lognormal,
  Gamma,
  Beta,
}

/**
 * Marsaglia & Tsang's gamma for shape = d + 1/3 >= 1 (c = 1 / sqrt(9 d)), scale 1. The squeeze
 * u < 1 - 0.0331 x^4 accepts most draws without a logarithm.
 */
function gammaCore(rng: Rng, d: number, c: number): number {
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Ga(shape, 1); `invShape` is 1 / shape when shape < 1 (then d, c belong to shape + 1), else 0. */
function gammaStandard(rng: Rng, d: number, c: number, invShape: number): number {
  const g = gammaCore(rng, d, c);
  return invShape > 0 ? g * Math.exp(Math.log(rng.uniform()) * invShape) : g;
}

/** ln Ga(shape, 1), for betas with a shape below 1 (the gamma itself may be below the smallest double). */
function logGammaStandard(rng: Rng, d: number, c: number, invShape: number): number {
  const lg = Math.log(gammaCore(rng, d, c));
  return invShape > 0 ? lg + Math.log(rng.uniform()) * invShape : lg;
}

/** Marsaglia-Tsang constants for a shape: [d, c, invShape]. */
function gammaConstants(shape: number): [number, number, number] {
  if (!(shape > 0) || !Number.isFinite(shape)) throw new RangeError(`a gamma shape must be above 0, got ${shape}`);
  const boosted = shape < 1;
  const d = (boosted ? shape + 1 : shape) - 1 / 3;
  return [d, 1 / Math.sqrt(9 * d), boosted ? 1 / shape : 0];
}

/**
 * A compiled distribution: the parameters read once as doubles, one `sample` method with a switch (one class,
 * so the simulation's call site stays monomorphic).
 */
export class Sampler {
  /** The parameters as doubles (a Float64Array keeps them unboxed). */
  private readonly p: Float64Array;

  private constructor(
    readonly type: Distribution['type'],
    private readonly kind: Kind,
    params: number[],
    private readonly logSpace = false,
  ) {
    this.p = Float64Array.from(params);
  }

  /** Always `value` (a fixed distribution, or one whose range has collapsed to a point). */
  static constant(type: Distribution['type'], value: number): Sampler {
    return new Sampler(type, Kind.Constant, [value]);
  }

  static uniform(min: number, max: number): Sampler {
    if (min === max) return Sampler.constant('uniform', min);
    return new Sampler('uniform', Kind.Uniform, [min, max - min]);
  }

  static triangular(min: number, mode: number, max: number): Sampler {
    if (min === max) return Sampler.constant('triangular', min);
    const width = max - min;
    return new Sampler('triangular', Kind.Triangular, [
      min,
      max,
      (mode - min) / width,
      width * (mode - min),
      width * (max - mode),
    ]);
  }

  static normal(mean: number, sd: number): Sampler {
    return new Sampler('normal', Kind.Normal, [mean, sd]);
  }

  static lognormal(mu: number, sigma: number): Sampler {
    return new Sampler('lognormal', Kind.Lognormal, [mu, sigma]);
  }

  static gamma(shape: number, scale: number): Sampler {
    const [d, c, inv] = gammaConstants(shape);
    return new Sampler('gamma', Kind.Gamma, [scale, d, c, inv]);
  }

  /** min + (max - min) Beta(alpha, beta). */
  static beta(alpha: number, beta: number, min = 0, max = 1, type: Distribution['type'] = 'beta'): Sampler {
    const [da, ca, ia] = gammaConstants(alpha);
    const [db, cb, ib] = gammaConstants(beta);
    return new Sampler(type, Kind.Beta, [min, max - min, da, ca, ia, db, cb, ib], alpha < 1 || beta < 1);
  }

  static pert(min: number, mode: number, max: number): Sampler {
    if (min === max) return Sampler.constant('pert', min);
    const p = pertParameters(min, mode, max);
    return Sampler.beta(p.alpha, p.beta, min, max, 'pert');
  }

  /** True when every draw is the same number. */
  get isConstant(): boolean {
    return this.kind === Kind.Constant;
  }

  sample(rng: Rng): number {
    const p = this.p;
    switch (this.kind) {
      case Kind.Constant:
        return p[0];
      case Kind.Uniform:
        return p[0] + p[1] * rng.uniform();
      case Kind.Triangular: {
        const u = rng.uniform();
        return u < p[2] ? p[0] + Math.sqrt(u * p[3]) : p[1] - Math.sqrt((1 - u) * p[4]);
      }
      case Kind.Normal:
        return p[0] + p[1] * rng.normal();
      case Kind.Lognormal:
        return Math.exp(p[0] + p[1] * rng.normal());
      case Kind.Gamma:
        return p[0] * gammaStandard(rng, p[1], p[2], p[3]);
      case Kind.Beta: {
        let x: number;
        if (this.logSpace) {
          const la = logGammaStandard(rng, p[2], p[3], p[4]);
          const lb = logGammaStandard(rng, p[5], p[6], p[7]);
          x = 1 / (1 + Math.exp(lb - la));
        } else {
          const ga = gammaStandard(rng, p[2], p[3], p[4]);
          const gb = gammaStandard(rng, p[5], p[6], p[7]);
          x = ga / (ga + gb);
        }
        return p[0] + p[1] * x;
      }
    }
  }
}

/** Compile a model distribution; `base` is the entered value (what `fixed` returns). */
export function compileDistribution(d: Distribution, base: number): Sampler {
  switch (d.type) {
    case 'fixed':
      return Sampler.constant('fixed', base);
    case 'uniform':
      return Sampler.uniform(Number(d.min), Number(d.max));
    case 'triangular':
      return Sampler.triangular(Number(d.min), Number(d.mode), Number(d.max));
    case 'pert':
      return Sampler.pert(Number(d.min), Number(d.mode), Number(d.max));
    case 'normal':
      return Sampler.normal(Number(d.mean), Number(d.sd));
    case 'lognormal': {
      const p = lognormalParameters(Number(d.mean), Number(d.se));
      return Sampler.lognormal(p.mu, p.sigma);
    }
    case 'gamma': {
      const p = gammaParameters(Number(d.mean), Number(d.se));
      return Sampler.gamma(p.shape, p.scale);
    }
    case 'beta': {
      const p = betaParameters(Number(d.mean), Number(d.se));
      return Sampler.beta(p.alpha, p.beta);
    }
  }
}
