/**
 * Probabilistic cost-effectiveness helpers (METHOD.md sections 2 and 3): the CE plane, the PSA ICER (mean dC /
 * mean dE, "not the mean of per-iteration ratios"), and the CEAC (for each lambda, the share of iterations in
 * which each strategy has the highest NMB). Expected values are worked out by hand on small arrays.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ceac,
  cePlane,
  icerFromMeans,
  lambdaGrid,
  psaIcer,
  simulate,
  type PsaStrategy,
} from '../../shared/engine/uncertainty';
import { cashInput, makeOutcome, makeProject } from './fixtures';

const strategy = (id: string, cost: number[], effect: number[]): PsaStrategy => ({ id, name: id, cost, effect });

describe('PSA ICER', () => {
  it('is mean dC / mean dE, not the mean of the per-iteration ratios', () => {
    // dC = 10, 30; dE = 0.5, 0.9: mean dC / mean dE = 20 / 0.7 = 28.571...; the mean of ratios would be 26.67.
    const icer = psaIcer(strategy('new', [10, 30], [1.5, 1.9]), strategy('old', [0, 0], [1, 1]));
    expect(icer.meanDeltaCost).toBeCloseTo(20, 12);
    expect(icer.meanDeltaEffect).toBeCloseTo(0.7, 12);
    expect(icer.icer).toBeCloseTo(20 / 0.7, 10);
    expect(icer.verdict).toBe('more-costly-more-effective');
  });

  it('gives the verdict words instead of a misleading ICER (the rules of the deterministic comparison)', () => {
    expect(icerFromMeans(-100, 2)).toEqual({
      meanDeltaCost: -100,
      meanDeltaEffect: 2,
      icer: null,
      verdict: 'dominant',
    });
    expect(icerFromMeans(100, -2)).toMatchObject({ icer: null, verdict: 'dominated' });
    expect(icerFromMeans(0, 2)).toMatchObject({ icer: null, verdict: 'dominant' });
    expect(icerFromMeans(100, 0)).toMatchObject({ icer: null, verdict: 'dominated' });
    expect(icerFromMeans(0, 0)).toMatchObject({ icer: null, verdict: 'identical' });
    // South-west: cheaper and less effective; the ICER is the saving per unit of effect given up.
    expect(icerFromMeans(-500, -2)).toMatchObject({ icer: 250, verdict: 'less-costly-less-effective' });
  });

  it('rejects arrays of different lengths', () => {
    expect(() => psaIcer(strategy('a', [1, 2], [1, 2]), strategy('b', [1], [1]))).toThrow(RangeError);
    expect(() => psaIcer(strategy('a', [1, 2], [1]), strategy('b', [1, 2], [1, 2]))).toThrow(RangeError);
  });
});

describe('CE plane', () => {
  const none = strategy('none', [0, 0, 0, 0], [0, 0, 0, 0]);
  const programme = strategy('programme', [100, 100, -50, 100], [2, -1, 1, 0]);
  const plane = cePlane([none, programme], 'none');

  it('has one series per strategy other than the comparator, with dC and dE per iteration', () => {
    expect(plane.comparatorId).toBe('none');
    expect(plane.series.map((s) => s.id)).toEqual(['programme']);
    expect(Array.from(plane.series[0].deltaCost)).toEqual([100, 100, -50, 100]);
    expect(Array.from(plane.series[0].deltaEffect)).toEqual([2, -1, 1, 0]);
  });

  it('counts the iterations in each quadrant (an iteration on an axis apart)', () => {
    expect(plane.series[0].quadrantShares).toEqual({ NE: 0.25, NW: 0.25, SE: 0.25, SW: 0, onAxis: 0.25 });
  });

  it('gives the PSA ICER of the means: dC 62.5, dE 0.5 -> 125', () => {
    expect(plane.series[0].icer).toBeCloseTo(125, 12);
    expect(plane.series[0].verdict).toBe('more-costly-more-effective');
  });

  it('needs a known comparator and unique ids', () => {
    expect(() => cePlane([none, programme], 'other')).toThrow(/no strategy "other"/);
    expect(() => cePlane([none, { ...programme, id: 'none' }], 'none')).toThrow(/unique/);
  });
});

describe('CEAC', () => {
  // A costs nothing and achieves nothing; B costs 100 for an effect of 1, 2, 0.5 or 4 (mean 1.875).
  const a = strategy('A', [0, 0, 0, 0], [0, 0, 0, 0]);
  const b = strategy('B', [100, 100, 100, 100], [1, 2, 0.5, 4]);
  const curve = ceac([a, b], [0, 50, 200]);

  it('at lambda 0 the cheaper strategy always has the highest NMB', () => {
    expect(curve.points[0].shares).toEqual([1, 0]);
    expect(curve.points[0].optimalId).toBe('A');
  });

  it('at lambda 50: NMB of B is -50, 0, -75, 100; the tie in iteration 2 counts half for each', () => {
    expect(curve.points[1].shares).toEqual([0.625, 0.375]);
    // E[NMB] of B = 50 x 1.875 - 100 = -6.25 < 0: A has the highest expected NMB even though B wins a quarter.
    expect(curve.points[1].expectedNmb).toEqual([0, -6.25]);
    expect(curve.points[1].optimalId).toBe('A');
  });

  it('at lambda 200: NMB of B is 100, 300, 0, 700: B wins 3.5 of 4', () => {
    expect(curve.points[2].shares).toEqual([0.125, 0.875]);
    expect(curve.points[2].optimalId).toBe('B');
  });

  it('lists the strategies and keeps the lambdas in order', () => {
    expect(curve.strategies).toEqual([
      { id: 'A', name: 'A' },
      { id: 'B', name: 'B' },
    ]);
    expect(curve.points.map((p) => p.lambda)).toEqual([0, 50, 200]);
  });

  it('property: the shares at each lambda are between 0 and 1 and add up to 1', () => {
    const arrays = fc.integer({ min: 1, max: 30 }).chain((n) =>
      fc.array(
        fc.record({
          cost: fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: n, maxLength: n }),
          effect: fc.array(fc.integer({ min: -10, max: 10 }), { minLength: n, maxLength: n }),
        }),
        { minLength: 1, maxLength: 4 },
      ),
    );
    fc.assert(
      fc.property(
        arrays,
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 5 }),
        (sets, lambdas) => {
          const result = ceac(
            sets.map((s, i) => strategy(`s${i}`, s.cost, s.effect)),
            lambdas,
          );
          for (const p of result.points) {
            for (const share of p.shares) {
              expect(share).toBeGreaterThanOrEqual(0);
              expect(share).toBeLessThanOrEqual(1);
            }
            expect(p.shares.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
          }
        },
      ),
      { numRuns: 200, seed: 11 },
    );
  });

  it('lambdaGrid spaces points evenly and includes both ends', () => {
    expect(lambdaGrid(1000, 5)).toEqual([0, 250, 500, 750, 1000]);
    expect(lambdaGrid(30_000, 1)).toEqual([0]);
    expect(lambdaGrid(20, 3, 10)).toEqual([10, 15, 20]);
    expect(() => lambdaGrid(-1)).toThrow(RangeError);
  });
});

describe('from Monte Carlo runs: two designs of a programme drawn with the same seed', () => {
  it('gives one cost and effect per iteration to compare', () => {
    // Effect: the PV of outcomes (a natural-unit stand-in); cost: the investment. Design B costs 20 % more and
    // reaches more people, with the same uncertainty on the proxy (same outcome id and field: same draws).
    const uncertainty = { proxy: { type: 'gamma' as const, mean: '100', se: '30' } };
    const design = (cost: string, quantity: string) =>
      makeProject({ inputs: [cashInput(cost)], outcomes: [makeOutcome({ id: 'o', quantity, uncertainty })] });
    const settings = { iterations: 2000, seed: 42 };
    const runA = simulate(design('1000', '10'), settings);
    const runB = simulate(design('1200', '14'), settings);
    if (runA.status !== 'complete' || runB.status !== 'complete') throw new Error('cancelled');
    const asStrategy = (id: string, run: typeof runA) => ({
      id,
      name: id,
      cost: new Float64Array(run.iterations).fill(run.investment),
      effect: run.draws.presentValue,
    });
    const plane = cePlane([asStrategy('A', runA), asStrategy('B', runB)], 'A');
    // Same proxy draws: B's effect is exactly 1.4 x A's in every iteration, so dE > 0 everywhere.
    expect(plane.series[0].quadrantShares.NE).toBe(1);
    expect(plane.series[0].meanDeltaEffect).toBeCloseTo(0.4 * runA.presentValue.mean, 6);
    expect(plane.series[0].icer).toBeCloseTo(200 / (0.4 * runA.presentValue.mean), 9);
  });
});
