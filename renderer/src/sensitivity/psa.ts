/**
 * Probabilistic comparison of strategies (METHOD.md sections 2 and 3): each strategy's cost and effect drawn
 * per iteration from its distribution (or kept at the entered value), then the engine's CE plane against a
 * comparator and the cost-effectiveness acceptability curve over a willingness-to-pay grid.
 *
 * Each strategy field has its own random stream, seeded from the run's seed and a hash of "strategy", its id
 * and the field, in the same way the engine seeds an outcome's fields: the same seed gives the same draws, and
 * adding a distribution to one strategy does not change another's draws. Costs are not clamped (a saving is a
 * negative cost); effects are not clamped either (a strategy may do harm).
 */
import type { Project } from '../../../shared/model/schema';
import { cePlane, ceac, compileDistribution, lambdaGrid, type PsaStrategy } from '../../../shared/engine/uncertainty';
import { fnv1a32, Rng, streamSeed } from '../../../shared/engine/uncertainty/random';
import { SCATTER_POINTS, type PsaSummary, type StrategyPsaRequest } from './protocol';

/** Per-iteration cost and effect of every strategy of the project. */
export function drawStrategies(project: Project, request: StrategyPsaRequest, iterations: number, seed: number) {
  return project.strategies.map((s): PsaStrategy => {
    const own = request.uncertainty[s.id] ?? {};
    const column = (field: 'cost' | 'effect'): Float64Array => {
      const base = Number(s[field]);
      const values = new Float64Array(iterations);
      const d = own[field];
      if (d === undefined || d.type === 'fixed') return values.fill(base);
      const sampler = compileDistribution(d, base);
      const rng = new Rng(streamSeed(seed, fnv1a32(`strategy\u0000${s.id}\u0000${field}`)));
      for (let i = 0; i < iterations; i++) values[i] = sampler.sample(rng);
      return values;
    };
    return { id: s.id, name: s.name, cost: column('cost'), effect: column('effect') };
  });
}

/** The CE plane (thinned to SCATTER_POINTS per strategy) and the CEAC, ready to send to the screen. */
export function strategyPsa(
  project: Project,
  request: StrategyPsaRequest,
  iterations: number,
  seed: number,
): PsaSummary {
  const strategies = drawStrategies(project, request, iterations, seed);
  const comparator = strategies.find((s) => s.id === request.comparatorId);
  if (comparator === undefined) throw new RangeError(`no strategy "${request.comparatorId}" to compare with`);
  const plane = cePlane(strategies, request.comparatorId);
  const curve = ceac(strategies, lambdaGrid(request.wtpMax, request.points));
  const shown = Math.min(iterations, SCATTER_POINTS);
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
      icer: s.icer,
      verdict: s.verdict,
      quadrantShares: s.quadrantShares,
      points: Array.from({ length: shown }, (_, i) => ({ dE: s.deltaEffect[i], dC: s.deltaCost[i] })),
    })),
    ceac: curve,
    wtpMax: request.wtpMax,
  };
}

/**
 * A willingness-to-pay ceiling for the CEAC when the user has not chosen one: twice the largest ICER between
 * neighbouring strategies sorted by effect (so the curves have room to cross), or 1 when there is none.
 */
export function defaultWtpMax(project: Project): number {
  const points = project.strategies
    .map((s) => ({ cost: Number(s.cost), effect: Number(s.effect) }))
    .sort((a, b) => a.effect - b.effect);
  let largest = 0;
  for (let i = 1; i < points.length; i++) {
    const dE = points[i].effect - points[i - 1].effect;
    const dC = points[i].cost - points[i - 1].cost;
    if (dE > 0 && dC > 0) largest = Math.max(largest, dC / dE);
  }
  if (largest === 0) return 1;
  const target = largest * 2;
  // A round number: 1, 2 or 5 times a power of ten, at or above the target.
  const power = 10 ** Math.floor(Math.log10(target));
  const step = [1, 2, 5, 10].find((m) => m * power >= target) ?? 10;
  return step * power;
}

/** The least costly strategy (the usual comparator: "no programme", "current service"). */
export function cheapestStrategyId(project: Project): string | null {
  let best: { id: string; cost: number } | null = null;
  for (const s of project.strategies) {
    const cost = Number(s.cost);
    if (best === null || cost < best.cost) best = { id: s.id, cost };
  }
  return best?.id ?? null;
}
