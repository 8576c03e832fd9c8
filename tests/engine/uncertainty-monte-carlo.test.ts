/**
 * The Monte Carlo core (METHOD.md section 3). The float fast path is checked against the decimal engine (the
 * base case, and every iteration when every distribution is collapsed to its entered value, which forces the
 * per-iteration kernel); reproducibility is checked bit for bit; the statistics against expectations worked
 * out by hand from the model's linearity.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSroi } from '../../shared/engine';
import {
  MAX_ITERATIONS,
  MonteCarloSimulation,
  quantileSorted,
  simulate,
  UNCERTAIN_FIELDS,
  type MonteCarloResult,
  type MonteCarloRun,
  type UncertainField,
} from '../../shared/engine/uncertainty';
import type { Distribution, Outcome, Project } from '../../shared/model';
import { projectArb } from '../support/arbitraries';
import { generatedProject } from '../support/generated-model';
import { clone, loadW2, makeOutcome, makeProject } from './fixtures';

function complete(run: MonteCarloRun): MonteCarloResult {
  if (run.status !== 'complete') throw new Error(`the run was cancelled after ${run.completed} iterations`);
  return run;
}

function baseValue(o: Outcome, field: UncertainField): string {
  return field === 'proxy' ? o.proxy.value : o[field];
}

/** Every field of every outcome given uniform(v, v): a distribution, but every draw is the entered value. */
function collapsed(project: Project): Project {
  const p = clone(project);
  for (const o of p.outcomes) {
    o.uncertainty = {};
    for (const f of UNCERTAIN_FIELDS)
      o.uncertainty[f] = { type: 'uniform', min: baseValue(o, f), max: baseValue(o, f) };
  }
  return p;
}

function withUncertainty(project: Project, outcomeId: string, field: UncertainField, d: Distribution): Project {
  const p = clone(project);
  const o = p.outcomes.find((x) => x.id === outcomeId);
  if (!o) throw new Error(`no outcome ${outcomeId}`);
  o.uncertainty = { ...o.uncertainty, [field]: d };
  return p;
}

const relative = (a: number, b: number, scale = Math.abs(b)) => Math.abs(a - b) / Math.max(scale, Number.MIN_VALUE);

describe('float fast path = decimal engine', () => {
  it('W2, no distributions: base case PV, NPV and ratio equal the decimal ones (1e-9 relative), every draw too', () => {
    const w2 = loadW2();
    const dec = computeSroi(w2);
    const r = complete(simulate(w2, { iterations: 10, seed: 1 }));
    expect(relative(r.baseCase.presentValue, dec.presentValue.value.toNumber())).toBeLessThan(1e-9);
    expect(relative(r.baseCase.netPresentValue, dec.netPresentValue.value.toNumber())).toBeLessThan(1e-9);
    expect(relative(r.baseCase.ratio ?? NaN, 1.701057)).toBeLessThan(1e-6);
    expect(r.investment).toBe(106_250);
    expect(r.parameters).toEqual([]);
    for (const pv of r.draws.presentValue) expect(pv).toBe(r.baseCase.presentValue);
  });

  it('W2 with every field collapsed to its value: each iteration runs the kernel and gives the decimal PV', () => {
    const w2 = collapsed(loadW2());
    const decPv = computeSroi(w2).presentValue.value.toNumber();
    const r = complete(simulate(w2, { iterations: 50, seed: 3 }));
    expect(r.parameters).toHaveLength(4 * 6);
    for (const pv of r.draws.presentValue) expect(relative(pv, decPv)).toBeLessThan(1e-9);
    expect(r.presentValue.sd).toBeLessThan(1e-9 * decPv);
  });

  it('the generated 200-outcome, 10-year model (plain and collapsed) gives the decimal PV', () => {
    const project = generatedProject(200, 10);
    const decPv = computeSroi(project).presentValue.value.toNumber();
    const plain = complete(simulate(project, { iterations: 1, seed: 1 }));
    expect(relative(plain.baseCase.presentValue, decPv)).toBeLessThan(1e-9);
    const kernel = complete(simulate(collapsed(project), { iterations: 3, seed: 1 }));
    for (const pv of kernel.draws.presentValue) expect(relative(pv, decPv)).toBeLessThan(1e-9);
  });

  it('property: random valid projects (price indexes, exchange rates, "after" outcomes, long durations)', () => {
    // Rates of 0 % to 20 %: at the arbitrary's 10^18 % every value underflows a double while decimals keep
    // 10^-1800, which says nothing about the kernel.
    const projects = fc
      .tuple(projectArb({ complete: true, maxExtra: 2 }), fc.integer({ min: 0, max: 200 }))
      .map(([p, permille]) => ({ ...p, settings: { ...p.settings, discountRate: String(permille / 1000) } }));
    fc.assert(
      fc.property(projects, (project) => {
        const dec = computeSroi(project);
        const scale = dec.outcomes.reduce((acc, o) => acc + Math.abs(o.presentValue.value.toNumber()), 0);
        const decPv = dec.presentValue.value.toNumber();
        const r = complete(simulate(collapsed(project), { iterations: 2, seed: 9 }));
        expect(relative(r.baseCase.presentValue, decPv, scale)).toBeLessThan(1e-9);
        for (const pv of r.draws.presentValue) expect(relative(pv, decPv, scale)).toBeLessThan(1e-9);
        expect(relative(r.investment, dec.investment.total.value.toNumber())).toBeLessThan(1e-12);
      }),
      { numRuns: 60, seed: 4242 },
    );
  });
});

describe('reproducibility', () => {
  const w2 = (() => {
    let p = loadW2();
    p = withUncertainty(p, 'overdose', 'quantity', { type: 'triangular', min: '2', mode: '3', max: '5' });
    p = withUncertainty(p, 'overdose', 'attribution', { type: 'beta', mean: '0.3', se: '0.1' });
    p = withUncertainty(p, 'oat', 'proxy', { type: 'gamma', mean: '6000', se: '1500' });
    p = withUncertainty(p, 'oat', 'dropOff', { type: 'pert', min: '0.1', mode: '0.3', max: '0.6' });
    return p;
  })();

  it('seed 12345 gives these first three PVs (a change to the generator, samplers or kernel fails here)', () => {
    const r = complete(simulate(w2, { iterations: 1000, seed: 12345 }));
    expect(Array.from(r.draws.presentValue.slice(0, 3))).toEqual([
      108292.09919387213, 211837.66621471188, 143165.47984236781,
    ]);
  });

  it('the same seed gives identical draws; another seed does not', () => {
    const a = complete(simulate(w2, { iterations: 2000, seed: 77 }));
    const b = complete(simulate(w2, { iterations: 2000, seed: 77 }));
    const c = complete(simulate(w2, { iterations: 2000, seed: 78 }));
    expect(b.draws.presentValue).toEqual(a.draws.presentValue);
    expect(b.ratio).toEqual(a.ratio);
    expect(c.draws.presentValue).not.toEqual(a.draws.presentValue);
  });

  it('running in chunks of any size gives the same draws as one call', () => {
    const whole = complete(simulate(w2, { iterations: 1000, seed: 5 }));
    const sim = new MonteCarloSimulation(w2, { iterations: 1000, seed: 5 });
    while (!sim.finished) sim.advance(37);
    expect(sim.result().draws.presentValue).toEqual(whole.draws.presentValue);
  });

  it("each assumption has its own stream: adding a distribution elsewhere leaves the others' draws alone", () => {
    // PV is a sum over outcomes, so with independent streams PV(A and B uncertain) = PV(A) + PV(B) - PV(base).
    const base = loadW2();
    const a = withUncertainty(base, 'overdose', 'quantity', { type: 'uniform', min: '1', max: '5' });
    const b = withUncertainty(base, 'syringes', 'proxy', { type: 'normal', mean: '150', sd: '40' });
    const both = withUncertainty(a, 'syringes', 'proxy', { type: 'normal', mean: '150', sd: '40' });
    const settings = { iterations: 500, seed: 2024 };
    const ra = complete(simulate(a, settings));
    const rb = complete(simulate(b, settings));
    const rBoth = complete(simulate(both, settings));
    const pv0 = ra.baseCase.presentValue;
    rBoth.draws.presentValue.forEach((pv, i) => {
      expect(relative(pv, ra.draws.presentValue[i] + rb.draws.presentValue[i] - pv0, pv0)).toBeLessThan(1e-12);
    });
  });

  it('reordering the outcomes does not change the draws (streams are named by outcome id and field)', () => {
    const p = withUncertainty(
      withUncertainty(loadW2(), 'oat', 'deadweight', { type: 'beta', mean: '0.25', se: '0.05' }),
      'nuisance',
      'quantity',
      { type: 'lognormal', mean: '10', se: '3' },
    );
    const reversed = { ...p, outcomes: [...p.outcomes].reverse() };
    const r1 = complete(simulate(p, { iterations: 300, seed: 8 }));
    const r2 = complete(simulate(reversed, { iterations: 300, seed: 8 }));
    r1.draws.presentValue.forEach((pv, i) => expect(relative(r2.draws.presentValue[i], pv)).toBeLessThan(1e-12));
  });
});

describe('results', () => {
  it('means follow the model: E[PV] from E[Q] and E[1 - AT] of independent draws (5 standard errors)', () => {
    // OAT quantity uniform(20, 40): mean 30 = 1.2 x 25. Overdose attribution beta(0.5, 0.1): E[1 - AT] = 0.5
    // against 0.7 entered. PV is linear in each, so E[PV] = PV - PV_oat - PV_od + 1.2 PV_oat + (0.5 / 0.7) PV_od.
    let p = withUncertainty(loadW2(), 'oat', 'quantity', { type: 'uniform', min: '20', max: '40' });
    p = withUncertainty(p, 'overdose', 'attribution', { type: 'beta', mean: '0.5', se: '0.1' });
    const dec = computeSroi(loadW2());
    const pvOf = (id: string) => dec.outcomes.find((o) => o.id === id)?.presentValue.value.toNumber() ?? NaN;
    const pv = dec.presentValue.value.toNumber();
    const expected = pv - pvOf('oat') - pvOf('overdose') + 1.2 * pvOf('oat') + (0.5 / 0.7) * pvOf('overdose');
    const n = 100_000;
    const r = complete(simulate(p, { iterations: n, seed: 99 }));
    expect(Math.abs(r.presentValue.mean - expected)).toBeLessThan((5 * r.presentValue.sd) / Math.sqrt(n));
    expect(r.netPresentValue.mean).toBeCloseTo(r.presentValue.mean - 106_250, 6);
    expect(r.ratio?.mean).toBeCloseTo(r.presentValue.mean / 106_250, 12);
  });

  it('NPV = PV - I and ratio = PV / I per iteration; percentiles, P(ratio > 1) and the histogram agree with the draws', () => {
    const p = withUncertainty(loadW2(), 'oat', 'proxy', { type: 'normal', mean: '3000', sd: '2000' });
    const n = 20_000;
    const r = complete(simulate(p, { iterations: n, seed: 3, histogramBins: 40 }));
    const { presentValue, netPresentValue, ratio } = r.draws;
    if (ratio === null || r.ratio === null || r.ratioHistogram === null) throw new Error('expected ratios');
    let above = 0;
    let mismatches = 0;
    for (let i = 0; i < n; i++) {
      if (netPresentValue[i] !== presentValue[i] - 106_250 || ratio[i] !== presentValue[i] / 106_250) mismatches++;
      if (ratio[i] > 1) above++;
    }
    expect(mismatches).toBe(0);
    expect(r.probabilityRatioAboveOne).toBe(above / n);
    expect(r.probabilityNpvPositive).toBe(above / n);
    // A real mix of outcomes on both sides of 1 : 1, so the probability is informative here.
    expect(r.probabilityRatioAboveOne).toBeGreaterThan(0.2);
    expect(r.probabilityRatioAboveOne).toBeLessThan(0.8);
    const sorted = Float64Array.from(ratio).sort();
    expect(r.ratio.p2_5).toBe(quantileSorted(sorted, 0.025));
    expect(r.ratio.p50).toBe(quantileSorted(sorted, 0.5));
    expect(r.ratio.p97_5).toBe(quantileSorted(sorted, 0.975));
    expect(r.ratio.min).toBe(sorted[0]);
    expect(r.ratio.max).toBe(sorted[n - 1]);
    const bins = r.ratioHistogram.bins;
    expect(bins).toHaveLength(40);
    expect(bins.reduce((acc, b) => acc + b.count, 0)).toBe(n);
    expect(bins[0].from).toBe(r.ratio.min);
    expect(bins[39].to).toBe(r.ratio.max);
    expect(r.settings.histogramBins).toBe(40);
    expect(r.seed).toBe(3);
    expect(r.iterations).toBe(n);
  });

  it('clamps fractions to 0..1 and quantities to 0 and above, and counts the clamped draws', () => {
    // deadweight ~ normal(0.9, 0.2): P(> 1) = P(Z > 0.5) = 0.3085; quantity ~ normal(1, 2): P(< 0) = 0.3085.
    let p = withUncertainty(loadW2(), 'syringes', 'deadweight', { type: 'normal', mean: '0.9', sd: '0.2' });
    p = withUncertainty(p, 'overdose', 'quantity', { type: 'normal', mean: '1', sd: '2' });
    p = withUncertainty(p, 'oat', 'dropOff', { type: 'beta', mean: '0.3', se: '0.1' });
    const n = 50_000;
    const r = complete(simulate(p, { iterations: n, seed: 11 }));
    const se = Math.sqrt((0.3085 * 0.6915) / n);
    expect(Math.abs(r.clamped.deadweight / n - 0.3085)).toBeLessThan(5 * se);
    expect(Math.abs(r.clamped.quantity / n - 0.3085)).toBeLessThan(5 * se);
    expect(r.clamped.dropOff).toBe(0);
    // With deadweight at most 100 % and the quantity at least 0, no iteration goes below the PV with both
    // outcomes worth nothing and OAT at 100 % drop-off (without the clamps, a negative quantity would).
    const worst = clone(loadW2());
    for (const o of worst.outcomes) {
      if (o.id === 'syringes') o.deadweight = '1';
      if (o.id === 'overdose') o.quantity = '0';
      if (o.id === 'oat') o.dropOff = '1';
    }
    const floor = computeSroi(worst).presentValue.value.toNumber();
    expect(r.presentValue.min).toBeGreaterThan(floor);
    // ... and the bounds are reached: both clamps together (9.5 % of iterations) with OAT's drop-off above its
    // entered 30 % give PVs below that of the two outcomes at their bounds and OAT as entered.
    for (const o of worst.outcomes) if (o.id === 'oat') o.dropOff = '0.3';
    expect(r.presentValue.min).toBeLessThan(computeSroi(worst).presentValue.value.toNumber());
  });

  it('with no investment the ratio is undefined: no ratio summary, probability or histogram; NPV still there', () => {
    const p = makeProject({
      inputs: [],
      outcomes: [makeOutcome({ id: 'o1', uncertainty: { quantity: { type: 'uniform', min: '0', max: '2' } } })],
    });
    const r = complete(simulate(p, { iterations: 1000, seed: 1 }));
    expect(r.investment).toBe(0);
    expect(r.ratio).toBeNull();
    expect(r.probabilityRatioAboveOne).toBeNull();
    expect(r.ratioHistogram).toBeNull();
    expect(r.draws.ratio).toBeNull();
    expect(r.baseCase.ratio).toBeNull();
    expect(r.probabilityNpvPositive).toBe(1);
  });

  it('is plain data a worker can post: structuredClone keeps it whole (the draws as Float64Arrays)', () => {
    const p = withUncertainty(loadW2(), 'oat', 'quantity', { type: 'uniform', min: '20', max: '30' });
    const r = complete(simulate(p, { iterations: 100, seed: 1 }));
    const copy = structuredClone(r);
    expect(copy).toEqual(r);
    expect(copy.draws.presentValue).toBeInstanceOf(Float64Array);
  });

  it('lists each simulated assumption with its distribution, entered value and implied mean and SD', () => {
    const p = withUncertainty(loadW2(), 'oat', 'attribution', { type: 'beta', mean: '0.4', se: '0.05' });
    const r = complete(simulate(p, { iterations: 1, seed: 1 }));
    expect(r.parameters).toEqual([
      {
        outcomeId: 'oat',
        outcomeName: 'Retained in opioid agonist treatment',
        field: 'attribution',
        distribution: 'beta',
        base: 0.5,
        mean: 0.4,
        sd: 0.05,
      },
    ]);
  });
});

describe('progress, cancellation and settings', () => {
  const p = withUncertainty(loadW2(), 'oat', 'quantity', { type: 'uniform', min: '20', max: '30' });

  it('reports progress after each chunk, ending at (total, total)', () => {
    const calls: Array<[number, number]> = [];
    complete(simulate(p, { iterations: 1000, seed: 1, chunkSize: 300, onProgress: (d, t) => calls.push([d, t]) }));
    expect(calls).toEqual([
      [300, 1000],
      [600, 1000],
      [900, 1000],
      [1000, 1000],
    ]);
    const byDefault: number[] = [];
    complete(simulate(p, { iterations: 1000, seed: 1, onProgress: (d) => byDefault.push(d) }));
    expect(byDefault).toHaveLength(100);
  });

  it('stops when asked, saying how far it got', () => {
    let asked = 0;
    const run = simulate(p, { iterations: 1000, seed: 1, chunkSize: 100, shouldStop: () => ++asked > 3 });
    expect(run).toEqual({ status: 'cancelled', seed: 1, iterations: 1000, completed: 300 });
    expect(simulate(p, { iterations: 10, seed: 1, shouldStop: () => true })).toMatchObject({ completed: 0 });
  });

  it('a partly run simulation has no result yet', () => {
    const sim = new MonteCarloSimulation(p, { iterations: 10, seed: 1 });
    sim.advance(4);
    expect(sim.done).toBe(4);
    expect(() => sim.result()).toThrow(/not finished/);
  });

  it('rejects iterations, seeds and bins outside their ranges', () => {
    for (const iterations of [0, -1, 1.5, MAX_ITERATIONS + 1, Number.NaN]) {
      expect(() => simulate(p, { iterations, seed: 1 })).toThrow(RangeError);
    }
    for (const seed of [-1, 0.5, 2 ** 32]) expect(() => simulate(p, { iterations: 1, seed })).toThrow(RangeError);
    expect(() => simulate(p, { iterations: 1, seed: 1, histogramBins: 0 })).toThrow(RangeError);
    expect(() => simulate(p, { iterations: 1, seed: 1, chunkSize: 0 })).toThrow(RangeError);
  });
});
