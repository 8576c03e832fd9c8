/**
 * Monte Carlo over a project (METHOD.md section 3): every numeric assumption that carries a distribution is
 * drawn, all of them jointly in each iteration, and PV, investment, NPV and the ratio are computed per iteration
 * in float64 ("Monte Carlo may use floating point; the deterministic base case always uses decimals").
 *
 * The fast path. With D the outcome's duration, keep = 1 - DO and f(t) = 1 / value factor of year t,
 *   PV_i = impact_i x S_i,   S_i = sum over k = 1..D of keep^(k - 1) f(k + shift)     (shift 1 if it starts after)
 * The discount factors f are computed once, in decimals, then read as doubles. S_i is computed once per outcome
 * unless its drop-off is uncertain (then by Horner's rule, D multiply-adds per iteration); outcomes with no
 * uncertain field are summed once, through the same float kernel. The decimal engine is never called per
 * iteration. Memory: the per-parameter samplers and generators, plus three Float64Arrays of per-iteration totals.
 *
 * Draws that leave a field's range are clamped, and counted in `clamped`:
 *   - deadweight, displacement, attribution and drop-off to 0..1 (a normal or lognormal around 0.9 can exceed
 *     100 %; a beta never needs it);
 *   - the quantity to 0 and above (a negative count of people has no meaning).
 * A proxy is not clamped: a draw below 0 is a disbenefit, which the model allows. Clamping piles probability
 * onto the bound (the clamped draws take the bound's value), so a distribution that is clamped often should be
 * replaced by one that fits the range (a beta for fractions, a gamma or lognormal for counts).
 *
 * Random streams. Each uncertain parameter (outcome id + field) has its own sfc32 stream, seeded from the run's
 * seed and a hash of its name. So a parameter's draws depend only on the seed and its own distribution: adding,
 * removing or reordering another assumption does not change them (common random numbers between model versions),
 * and a rejection sampler using more or fewer uniforms never shifts another parameter's draws.
 *
 * A distribution's parameters are in the field's unit (fractions 0..1 for adjustments); a proxy distribution is
 * in the proxy's own currency and price year, and the proxy's price-index and exchange-rate factor is applied to
 * each draw, as the decimal engine applies it to the entered value. Inputs and the discount rate carry no
 * distribution in the model, so the investment is the same in every iteration.
 */
import { Dec, ONE } from '../../money/decimal';
import type { Outcome, Project } from '../../model/schema';
import type { Distribution } from '../../model/distribution';
import { DiscountFactors } from '../discount';
import { computeInvestment } from '../investment';
import { effectiveProxyValue } from '../proxy';
import { compileDistribution, distributionMoments, type Sampler } from './distributions';
import { assertSeed, fnv1a32, Rng, streamSeed } from './random';
import { histogram, summarise, type Histogram, type Summary } from './statistics';

export type UncertainField = keyof Outcome['uncertainty'];

/** The fields in the order they are read (the order of the schema's UncertainField). */
export const UNCERTAIN_FIELDS: readonly UncertainField[] = [
  'quantity',
  'proxy',
  'deadweight',
  'displacement',
  'attribution',
  'dropOff',
];

const Q = 0;
const P = 1;
const DW = 2;
const DS = 3;
const AT = 4;
const DO = 5;
const FIELD_COUNT = 6;

export const MAX_ITERATIONS = 1_000_000;
export const DEFAULT_HISTOGRAM_BINS = 50;

export interface SimulationSettings {
  /** Number of iterations, 1 .. MAX_ITERATIONS. */
  iterations: number;
  /** Whole number 0 .. 2^32 - 1; stored with the run. */
  seed: number;
  /** Bins of the ratio histogram (default 50). */
  histogramBins?: number;
}

export interface SimulateOptions extends SimulationSettings {
  /** Called after each chunk of iterations and at the end, with the iterations done so far. */
  onProgress?(done: number, total: number): void;
  /** Asked after each chunk; returning true stops the run, which then reports `cancelled`. */
  shouldStop?(): boolean;
  /** Iterations per chunk (default: 1 % of the run, at least 1). */
  chunkSize?: number;
}

/** One uncertain assumption, as simulated. */
export interface SimulatedParameter {
  outcomeId: string;
  outcomeName: string;
  field: UncertainField;
  distribution: Distribution['type'];
  /** The entered value (the base case); for a proxy, in its own currency and price year. */
  base: number;
  /** The distribution's own mean and standard deviation (before clamping). */
  mean: number;
  sd: number;
}

export interface MonteCarloResult {
  status: 'complete';
  seed: number;
  iterations: number;
  settings: {
    discountRate: string;
    yearOneConvention: Project['settings']['yearOneConvention'];
    histogramBins: number;
    generator: string;
    percentiles: string;
    clamping: string;
  };
  currency: string;
  /** Investment (discounted), the same in every iteration: inputs carry no distribution. */
  investment: number;
  /** PV, NPV and ratio with every assumption at its entered value, through the float path (a check). */
  baseCase: { presentValue: number; netPresentValue: number; ratio: number | null };
  parameters: SimulatedParameter[];
  /** How many draws of each field were clamped to its range. */
  clamped: Record<UncertainField, number>;
  presentValue: Summary;
  netPresentValue: Summary;
  /** null when the investment is zero (the ratio is undefined). */
  ratio: Summary | null;
  /** Share of iterations with ratio > 1 (null when the investment is zero). */
  probabilityRatioAboveOne: number | null;
  /** Share of iterations with NPV > 0 (defined also when the investment is zero). */
  probabilityNpvPositive: number;
  ratioHistogram: Histogram | null;
  /** Per-iteration totals, in iteration order (for scatter plots and reruns). */
  draws: { presentValue: Float64Array; netPresentValue: Float64Array; ratio: Float64Array | null };
}

export interface MonteCarloCancelled {
  status: 'cancelled';
  seed: number;
  iterations: number;
  /** Iterations done when the run was stopped. */
  completed: number;
}

export type MonteCarloRun = MonteCarloResult | MonteCarloCancelled;

/** The run's method in the words of its settings (the interface says them in the reader's language). */
export const MC_GENERATOR =
  'sfc32 seeded by splitmix32; one stream per parameter (seed x hash of outcome id and field)';
export const MC_PERCENTILES = 'linear interpolation between order statistics (type 7)';

const CLAMPING =
  'deadweight, displacement, attribution and drop-off draws clamped to 0..1; quantity draws clamped to 0 and above; proxies not clamped';

function emptyCounts(): Record<UncertainField, number> {
  return { quantity: 0, proxy: 0, deadweight: 0, displacement: 0, attribution: 0, dropOff: 0 };
}

/** A validated project read into doubles for the float kernel. */
interface FloatOutcome {
  outcome: Outcome;
  base: Float64Array; // Q, P (raw), DW, DS, AT, DO
  proxyFactor: number;
  /** f(k + shift) for k = 1..D. */
  discount: Float64Array;
  /** S at the entered drop-off. */
  baseSum: number;
}

/** sum over k = 1..D of keep^(k - 1) f[k - 1], by Horner's rule (no powers, no 0^0 question). */
function discountSum(f: Float64Array, keep: number): number {
  const n = f.length;
  if (n === 0) return 0;
  let s = f[n - 1];
  for (let k = n - 2; k >= 0; k--) s = f[k] + keep * s;
  return s;
}

function readOutcome(outcome: Outcome, project: Project, factors: DiscountFactors): FloatOutcome {
  const factor = effectiveProxyValue({ ...outcome.proxy, value: '1' }, project.currency, project.priceYear).value;
  const shift = outcome.start === 'after' ? 1 : 0;
  const discount = new Float64Array(outcome.duration);
  for (let k = 1; k <= outcome.duration; k++) {
    discount[k - 1] = ONE.div(factors.forValue(k + shift)).toNumber();
  }
  const base = Float64Array.of(
    Number(outcome.quantity),
    Number(outcome.proxy.value),
    Number(outcome.deadweight),
    Number(outcome.displacement),
    Number(outcome.attribution),
    Number(outcome.dropOff),
  );
  return { outcome, base, proxyFactor: factor.toNumber(), discount, baseSum: discountSum(discount, 1 - base[DO]) };
}

/** The float kernel: one outcome's PV from its six values. */
function outcomePv(o: FloatOutcome, v: ArrayLike<number>, sum: number): number {
  return v[Q] * v[P] * o.proxyFactor * (1 - v[DW]) * (1 - v[DS]) * (1 - v[AT]) * sum;
}

function checkSettings(settings: SimulationSettings): void {
  const { iterations } = settings;
  if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS) {
    throw new RangeError(`iterations must be a whole number from 1 to ${MAX_ITERATIONS}, got ${iterations}`);
  }
  assertSeed(settings.seed);
  const bins = settings.histogramBins ?? DEFAULT_HISTOGRAM_BINS;
  if (!Number.isInteger(bins) || bins < 1 || bins > 10_000) {
    throw new RangeError(`histogramBins must be a whole number from 1 to 10000, got ${bins}`);
  }
}

/**
 * A Monte Carlo run that can be advanced in chunks (`advance`), so a worker can interleave it with its message
 * loop; `simulate` is the one-call form. Pure apart from its own state: no clock, no globals.
 */
export class MonteCarloSimulation {
  readonly total: number;
  private doneCount = 0;
  private readonly investment: number;
  private readonly constantPv: number;
  private readonly variable: FloatOutcome[];
  /** samplers[j * 6 + field] and rngs[...] for variable outcome j; null where the field has no distribution. */
  private readonly samplers: (Sampler | null)[];
  private readonly rngs: (Rng | null)[];
  private readonly values = new Float64Array(FIELD_COUNT);
  private readonly clampCounts = new Float64Array(FIELD_COUNT);
  private readonly pv: Float64Array;
  private readonly npv: Float64Array;
  private readonly ratios: Float64Array | null;
  private readonly parameters: SimulatedParameter[] = [];
  private readonly basePv: number;

  constructor(
    private readonly project: Project,
    private readonly settings: SimulationSettings,
  ) {
    checkSettings(settings);
    this.total = settings.iterations;
    const factors = new DiscountFactors(new Dec(project.settings.discountRate), project.settings.yearOneConvention);
    this.investment = computeInvestment(project, factors).total.value.toNumber();

    const outcomes = project.outcomes.map((o) => readOutcome(o, project, factors));
    let constantPv = 0;
    let basePv = 0;
    this.variable = [];
    this.samplers = [];
    this.rngs = [];
    const usedStreams = new Set<number>();
    for (const o of outcomes) {
      const pvAtBase = outcomePv(o, o.base, o.baseSum);
      basePv += pvAtBase;
      const fields = UNCERTAIN_FIELDS.filter((f) => {
        const d = o.outcome.uncertainty[f];
        return d !== undefined && d.type !== 'fixed';
      });
      if (fields.length === 0) {
        constantPv += pvAtBase;
        continue;
      }
      this.variable.push(o);
      UNCERTAIN_FIELDS.forEach((field, f) => {
        const d = o.outcome.uncertainty[field];
        if (d === undefined || d.type === 'fixed') {
          this.samplers.push(null);
          this.rngs.push(null);
          return;
        }
        const sampler = compileDistribution(d, o.base[f]);
        this.samplers.push(sampler);
        this.rngs.push(new Rng(streamSeed(settings.seed, uniqueStream(`${o.outcome.id}\u0000${field}`, usedStreams))));
        const m = distributionMoments(d, o.base[f]);
        this.parameters.push({
          outcomeId: o.outcome.id,
          outcomeName: o.outcome.name,
          field,
          distribution: d.type,
          base: o.base[f],
          mean: m.mean,
          sd: Math.sqrt(m.variance),
        });
      });
    }
    this.constantPv = constantPv;
    this.basePv = basePv;
    this.pv = new Float64Array(this.total);
    this.npv = new Float64Array(this.total);
    this.ratios = this.investment > 0 ? new Float64Array(this.total) : null;
  }

  get done(): number {
    return this.doneCount;
  }

  get finished(): boolean {
    return this.doneCount >= this.total;
  }

  /** Run up to `count` more iterations; returns the number done so far. */
  advance(count: number): number {
    const end = Math.min(this.total, this.doneCount + Math.max(0, Math.floor(count)));
    const { variable, samplers, rngs, values, clampCounts, investment } = this;
    for (let it = this.doneCount; it < end; it++) {
      let pv = this.constantPv;
      for (let j = 0; j < variable.length; j++) {
        const o = variable[j];
        const base = o.base;
        const at = j * FIELD_COUNT;
        for (let f = 0; f < FIELD_COUNT; f++) {
          const sampler = samplers[at + f];
          if (sampler === null) {
            values[f] = base[f];
            continue;
          }
          let x = sampler.sample(rngs[at + f] as Rng);
          if (f === Q) {
            if (x < 0) {
              x = 0;
              clampCounts[f]++;
            }
          } else if (f !== P) {
            if (x < 0) {
              x = 0;
              clampCounts[f]++;
            } else if (x > 1) {
              x = 1;
              clampCounts[f]++;
            }
          }
          values[f] = x;
        }
        const sum = samplers[at + DO] === null ? o.baseSum : discountSum(o.discount, 1 - values[DO]);
        pv += outcomePv(o, values, sum);
      }
      this.pv[it] = pv;
      this.npv[it] = pv - investment;
      if (this.ratios !== null) this.ratios[it] = pv / investment;
    }
    this.doneCount = end;
    return end;
  }

  /** The summary of a finished run. */
  result(): MonteCarloResult {
    if (!this.finished) throw new Error(`the run is not finished (${this.doneCount} of ${this.total} iterations)`);
    const bins = this.settings.histogramBins ?? DEFAULT_HISTOGRAM_BINS;
    const n = this.total;
    let ratioAbove = 0;
    let npvPositive = 0;
    for (let i = 0; i < n; i++) {
      if (this.npv[i] > 0) npvPositive++;
      if (this.ratios !== null && this.ratios[i] > 1) ratioAbove++;
    }
    const clamped = emptyCounts();
    UNCERTAIN_FIELDS.forEach((f, i) => (clamped[f] = this.clampCounts[i]));
    const I = this.investment;
    return {
      status: 'complete',
      seed: this.settings.seed,
      iterations: n,
      settings: {
        discountRate: this.project.settings.discountRate,
        yearOneConvention: this.project.settings.yearOneConvention,
        histogramBins: bins,
        generator: MC_GENERATOR,
        percentiles: MC_PERCENTILES,
        clamping: CLAMPING,
      },
      currency: this.project.currency,
      investment: I,
      baseCase: {
        presentValue: this.basePv,
        netPresentValue: this.basePv - I,
        ratio: I > 0 ? this.basePv / I : null,
      },
      parameters: this.parameters,
      clamped,
      presentValue: summarise(this.pv),
      netPresentValue: summarise(this.npv),
      ratio: this.ratios === null ? null : summarise(this.ratios),
      probabilityRatioAboveOne: this.ratios === null ? null : ratioAbove / n,
      probabilityNpvPositive: npvPositive / n,
      ratioHistogram: this.ratios === null ? null : histogram(this.ratios, { bins }),
      draws: { presentValue: this.pv, netPresentValue: this.npv, ratio: this.ratios },
    };
  }
}

/** A stream id for a parameter name, unique within the run (a hash collision takes the next free salt). */
function uniqueStream(name: string, used: Set<number>): number {
  let h = fnv1a32(name);
  for (let salt = 1; used.has(h); salt++) h = fnv1a32(`${name}#${salt}`);
  used.add(h);
  return h;
}

/**
 * Run a whole simulation, reporting progress after each chunk and stopping when `shouldStop` says so.
 * Synchronous: the caller (a Web Worker, a worker thread) keeps it off the interface's thread.
 */
export function simulate(project: Project, options: SimulateOptions): MonteCarloRun {
  const simulation = new MonteCarloSimulation(project, options);
  const chunk = options.chunkSize ?? Math.max(1, Math.ceil(options.iterations / 100));
  if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError('chunkSize must be a whole number above 0');
  const cancelled = (): MonteCarloCancelled => ({
    status: 'cancelled',
    seed: options.seed,
    iterations: options.iterations,
    completed: simulation.done,
  });
  if (options.shouldStop?.()) return cancelled();
  while (!simulation.finished) {
    simulation.advance(chunk);
    options.onProgress?.(simulation.done, simulation.total);
    if (!simulation.finished && options.shouldStop?.()) return cancelled();
  }
  return simulation.result();
}
