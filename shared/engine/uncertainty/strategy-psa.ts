/**
 * Probabilistic comparison of a project's strategies (METHOD.md sections 2 and 3): each strategy's cost and
 * effect drawn per iteration from its own distribution (`Strategy.uncertainty`), or kept at the entered value,
 * then the CE plane against a comparator and the cost-effectiveness acceptability curve over a
 * willingness-to-pay grid. The app's Monte Carlo worker and `sroi simulate` both call this, so the same model,
 * iterations and seed give the same numbers in both.
 *
 * Each strategy field has its own random stream, seeded from the run's seed and a hash of "strategy", its id
 * and the field, in the same way the engine seeds an outcome's fields: the same seed gives the same draws, and
 * adding a distribution to one strategy does not change another's draws. Costs are not clamped (a saving is a
 * negative cost); effects are not clamped either (a strategy may do harm).
 */
import type { Project } from '../../model/schema';
import type { PsaSummary, StrategyUncertainty } from '../../model/simulation';
import { cePlane, ceac, lambdaGrid, type PsaStrategy } from './cost-effectiveness';
import { compileDistribution } from './distributions';
import { fnv1a32, Rng, streamSeed } from './random';

/** Iterations of the CE-plane scatter kept with a run: enough to see the cloud, small enough to store. */
export const SCATTER_POINTS = 1000;

export interface StrategyPsaSettings {
  comparatorId: string;
  /** The willingness-to-pay grid of the CEAC: `points` values from 0 to `wtpMax`. */
  wtpMax: number;
  points: number;
  /** Iterations of each strategy's scatter to keep (SCATTER_POINTS unless said; 0 for none). */
  scatterPoints?: number;
}

/** Each strategy's distributions, by id: what a run used, stored with it. */
export function strategyUncertaintyOf(project: Pick<Project, 'strategies'>): Record<string, StrategyUncertainty> {
  return Object.fromEntries(project.strategies.map((s) => [s.id, { ...s.uncertainty }]));
}

/** Per-iteration cost and effect of every strategy of the project, in the project's order. */
export function drawStrategies(project: Pick<Project, 'strategies'>, iterations: number, seed: number): PsaStrategy[] {
  return project.strategies.map((s): PsaStrategy => {
    const column = (field: 'cost' | 'effect'): Float64Array => {
      const base = Number(s[field]);
      const values = new Float64Array(iterations);
      const d = s.uncertainty[field];
      if (d === undefined || d.type === 'fixed') return values.fill(base);
      const sampler = compileDistribution(d, base);
      const rng = new Rng(streamSeed(seed, fnv1a32(`strategy\u0000${s.id}\u0000${field}`)));
      for (let i = 0; i < iterations; i++) values[i] = sampler.sample(rng);
      return values;
    };
    return { id: s.id, name: s.name, cost: column('cost'), effect: column('effect') };
  });
}

/** A ratio that is not a finite number (an overflow) is not shown as one: it is stored as "none". */
function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/** The CE plane (thinned to the scatter points) and the CEAC of strategies already drawn. */
export function strategyPsaFromDraws(
  project: Pick<Project, 'effectUnit' | 'currency'>,
  strategies: readonly PsaStrategy[],
  settings: StrategyPsaSettings,
): PsaSummary {
  const comparator = strategies.find((s) => s.id === settings.comparatorId);
  if (comparator === undefined) throw new RangeError(`no strategy "${settings.comparatorId}" to compare with`);
  const iterations = comparator.cost.length;
  const plane = cePlane(strategies, settings.comparatorId);
  const curve = ceac(strategies, lambdaGrid(settings.wtpMax, settings.points));
  const shown = Math.min(iterations, Math.max(0, Math.floor(settings.scatterPoints ?? SCATTER_POINTS)));
  return {
    comparatorId: comparator.id,
    comparatorName: comparator.name,
    effectUnit: project.effectUnit,
    currency: project.currency,
    plane: plane.series.map((s) => ({
      id: s.id,
      name: s.name,
      meanDeltaCost: s.meanDeltaCost,
      meanDeltaEffect: s.meanDeltaEffect,
      icer: finiteOrNull(s.icer),
      verdict: s.verdict,
      quadrantShares: s.quadrantShares,
      points: Array.from({ length: shown }, (_, i) => ({ dE: s.deltaEffect[i], dC: s.deltaCost[i] })),
    })),
    ceac: curve,
    wtpMax: settings.wtpMax,
  };
}

/** Draw the strategies and summarise them: the CE plane and the CEAC of one run. */
export function strategyPsa(
  project: Pick<Project, 'strategies' | 'effectUnit' | 'currency'>,
  settings: StrategyPsaSettings,
  iterations: number,
  seed: number,
): PsaSummary {
  return strategyPsaFromDraws(project, drawStrategies(project, iterations, seed), settings);
}

/** A round number at or above `target`: 1, 2 or 5 times a power of ten. */
export function roundCeiling(target: number): number {
  if (!(target > 0) || !Number.isFinite(target)) return 1;
  const power = 10 ** Math.floor(Math.log10(target));
  const step = [1, 2, 5, 10].find((m) => m * power >= target) ?? 10;
  return step * power;
}

/**
 * A willingness-to-pay ceiling for the CEAC when the user has not chosen one: twice the largest ICER between
 * neighbouring strategies sorted by effect (so the curves have room to cross), or 1 when there is none; and at
 * least twice `include` (a threshold the curve should show well inside its axis), when given.
 */
export function defaultWtpMax(project: Pick<Project, 'strategies'>, include?: number): number {
  const points = project.strategies
    .map((s) => ({ cost: Number(s.cost), effect: Number(s.effect) }))
    .sort((a, b) => a.effect - b.effect);
  let largest = 0;
  for (let i = 1; i < points.length; i++) {
    const dE = points[i].effect - points[i - 1].effect;
    const dC = points[i].cost - points[i - 1].cost;
    if (dE > 0 && dC > 0) largest = Math.max(largest, dC / dE);
  }
  if (include !== undefined && include > 0) largest = Math.max(largest, include);
  return largest === 0 ? 1 : roundCeiling(largest * 2);
}

/** The least costly strategy (the usual comparator: "no programme", "current service"). */
export function cheapestStrategyId(project: Pick<Project, 'strategies'>): string | null {
  let best: { id: string; cost: number } | null = null;
  for (const s of project.strategies) {
    const cost = Number(s.cost);
    if (best === null || cost < best.cost) best = { id: s.id, cost };
  }
  return best?.id ?? null;
}
