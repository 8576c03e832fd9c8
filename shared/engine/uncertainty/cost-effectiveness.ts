/**
 * Probabilistic cost-effectiveness (METHOD.md sections 2 and 3), over per-iteration costs and effects of
 * several strategies from one Monte Carlo run (iteration i of every strategy comes from the same draws).
 *
 * - CE plane: for each strategy against a comparator, the cloud of (dE, dC) per iteration, the means, the
 *   share of iterations in each quadrant, and the PSA ICER = mean dC / mean dE (METHOD.md: "not the mean of
 *   per-iteration ratios"), with the verdict words of the deterministic comparison where a bare ICER would
 *   mislead (dominant, dominated, identical).
 * - CEAC: for each willingness to pay lambda on a grid, the share of iterations in which each strategy has the
 *   highest net monetary benefit NMB = lambda x E - C. Iterations where several strategies tie for the highest
 *   NMB count 1/k for each of the k (so the shares always add up to 1). Each point also names the strategy with
 *   the highest expected NMB (the frontier of the acceptability curves).
 */

export interface PsaStrategy {
  id: string;
  name: string;
  /** Cost per iteration. */
  cost: ArrayLike<number>;
  /** Effect per iteration (QALYs, DALYs averted, natural units: one unit for all strategies). */
  effect: ArrayLike<number>;
}

/**
 * Where the mean increment lies, in the words of the deterministic comparison (shared/engine/ce: the same
 * strings and the same rules): dC <= 0 and dE >= 0 is dominant, dC >= 0 and dE <= 0 dominated, both 0 identical.
 */
export type PsaVerdict =
  'more-costly-more-effective' | 'less-costly-less-effective' | 'dominant' | 'dominated' | 'identical';
export type Quadrant = 'NE' | 'NW' | 'SE' | 'SW';

export interface PsaIcer {
  meanDeltaCost: number;
  meanDeltaEffect: number;
  /**
   * mean dC / mean dE, only where it means something: north-east (more costly, more effective) and south-west
   * (cheaper and less effective: the saving per unit of effect given up). null for dominant, dominated and
   * identical, so a negative ICER is never shown bare.
   */
  icer: number | null;
  verdict: PsaVerdict;
}

function sumOf(values: ArrayLike<number>): number {
  let sum = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const t = sum + v;
    c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + c;
}

function quadrantOf(dE: number, dC: number): Quadrant | null {
  if (dE === 0 || dC === 0) return null;
  if (dE > 0) return dC > 0 ? 'NE' : 'SE';
  return dC > 0 ? 'NW' : 'SW';
}

export function classifyMeans(dC: number, dE: number): PsaVerdict {
  if (dC === 0 && dE === 0) return 'identical';
  if (dC <= 0 && dE >= 0) return 'dominant';
  if (dC >= 0 && dE <= 0) return 'dominated';
  return dC > 0 ? 'more-costly-more-effective' : 'less-costly-less-effective';
}

/** The ICER of a PSA from mean incremental cost and effect. */
export function icerFromMeans(meanDeltaCost: number, meanDeltaEffect: number): PsaIcer {
  const verdict = classifyMeans(meanDeltaCost, meanDeltaEffect);
  const meaningful = verdict === 'more-costly-more-effective' || verdict === 'less-costly-less-effective';
  return {
    meanDeltaCost,
    meanDeltaEffect,
    icer: meaningful ? meanDeltaCost / meanDeltaEffect : null,
    verdict,
  };
}

function checkLengths(strategies: readonly PsaStrategy[]): number {
  if (strategies.length === 0) throw new RangeError('at least one strategy is needed');
  const n = strategies[0].cost.length;
  if (n === 0) throw new RangeError('the strategies have no iterations');
  for (const s of strategies) {
    if (s.cost.length !== n || s.effect.length !== n) {
      throw new RangeError(
        `strategy "${s.id}" has ${s.cost.length} costs and ${s.effect.length} effects, expected ${n}`,
      );
    }
  }
  const ids = new Set(strategies.map((s) => s.id));
  if (ids.size !== strategies.length) throw new RangeError('strategy ids must be unique');
  return n;
}

/** PSA ICER of one strategy against another, iteration by iteration from the same draws. */
export function psaIcer(strategy: PsaStrategy, comparator: PsaStrategy): PsaIcer {
  const n = checkLengths([strategy, comparator]);
  const costs = new Float64Array(n);
  const effects = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    costs[i] = strategy.cost[i] - comparator.cost[i];
    effects[i] = strategy.effect[i] - comparator.effect[i];
  }
  return icerFromMeans(sumOf(costs) / n, sumOf(effects) / n);
}

export interface CePlaneSeries extends PsaIcer {
  id: string;
  name: string;
  /** dE and dC per iteration, in iteration order (the scatter). */
  deltaEffect: Float64Array;
  deltaCost: Float64Array;
  /** Share of iterations in each quadrant; points on an axis are counted in `onAxis`. */
  quadrantShares: Record<Quadrant, number> & { onAxis: number };
}

export interface CePlane {
  comparatorId: string;
  series: CePlaneSeries[];
}

/** The CE plane of every strategy against the comparator (by id). */
export function cePlane(strategies: readonly PsaStrategy[], comparatorId: string): CePlane {
  const n = checkLengths(strategies);
  const comparator = strategies.find((s) => s.id === comparatorId);
  if (comparator === undefined) throw new RangeError(`no strategy "${comparatorId}" to compare with`);
  const series = strategies
    .filter((s) => s !== comparator)
    .map((s): CePlaneSeries => {
      const deltaCost = new Float64Array(n);
      const deltaEffect = new Float64Array(n);
      const counts = { NE: 0, NW: 0, SE: 0, SW: 0, onAxis: 0 };
      for (let i = 0; i < n; i++) {
        const dC = s.cost[i] - comparator.cost[i];
        const dE = s.effect[i] - comparator.effect[i];
        deltaCost[i] = dC;
        deltaEffect[i] = dE;
        const q = quadrantOf(dE, dC);
        if (q === null) counts.onAxis++;
        else counts[q]++;
      }
      return {
        id: s.id,
        name: s.name,
        ...icerFromMeans(sumOf(deltaCost) / n, sumOf(deltaEffect) / n),
        deltaCost,
        deltaEffect,
        quadrantShares: {
          NE: counts.NE / n,
          NW: counts.NW / n,
          SE: counts.SE / n,
          SW: counts.SW / n,
          onAxis: counts.onAxis / n,
        },
      };
    });
  return { comparatorId, series };
}

/** A willingness-to-pay grid: `points` equally spaced values from `min` to `max` (both included). */
export function lambdaGrid(max: number, points = 101, min = 0): number[] {
  if (!(max >= min) || !Number.isFinite(max) || !Number.isFinite(min)) {
    throw new RangeError('the grid needs finite min <= max');
  }
  if (!Number.isInteger(points) || points < 1) throw new RangeError('the grid needs at least one point');
  if (points === 1) return [min];
  return Array.from({ length: points }, (_, i) => (i === points - 1 ? max : min + ((max - min) * i) / (points - 1)));
}

export interface CeacPoint {
  lambda: number;
  /** Probability that each strategy is the most cost-effective, in the order of `strategies`. */
  shares: number[];
  /** Expected NMB of each strategy at this lambda. */
  expectedNmb: number[];
  /** The strategy with the highest expected NMB (the first, on a tie). */
  optimalId: string;
}

export interface Ceac {
  strategies: Array<{ id: string; name: string }>;
  points: CeacPoint[];
}

/** The cost-effectiveness acceptability curves, one point per lambda. */
export function ceac(strategies: readonly PsaStrategy[], lambdas: readonly number[]): Ceac {
  const n = checkLengths(strategies);
  const k = strategies.length;
  const meanCost = strategies.map((s) => sumOf(s.cost) / n);
  const meanEffect = strategies.map((s) => sumOf(s.effect) / n);
  const nmb = new Float64Array(k);
  const points = lambdas.map((lambda): CeacPoint => {
    if (!Number.isFinite(lambda)) throw new RangeError(`lambda must be a finite number, got ${lambda}`);
    const wins = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      let best = -Infinity;
      let ties = 0;
      for (let j = 0; j < k; j++) {
        const v = lambda * strategies[j].effect[i] - strategies[j].cost[i];
        nmb[j] = v;
        if (v > best) {
          best = v;
          ties = 1;
        } else if (v === best) {
          ties++;
        }
      }
      for (let j = 0; j < k; j++) if (nmb[j] === best) wins[j] += 1 / ties;
    }
    const expectedNmb = meanEffect.map((e, j) => lambda * e - meanCost[j]);
    let optimal = 0;
    for (let j = 1; j < k; j++) if (expectedNmb[j] > expectedNmb[optimal]) optimal = j;
    return { lambda, shares: Array.from(wins, (w) => w / n), expectedNmb, optimalId: strategies[optimal].id };
  });
  return { strategies: strategies.map((s) => ({ id: s.id, name: s.name })), points };
}
