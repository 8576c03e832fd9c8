/**
 * Properties of the strategy comparison (fast-check) over random sets of strategies in which ties of cost,
 * ties of effect, identical strategies, strategies on one line and negative costs are all frequent. Each
 * property compares the engine with an independent statement of METHOD.md section 2 (dominance checked pair
 * by pair, extended dominance as "above the chord of two other strategies") or with a second run of the
 * engine on transformed strategies.
 */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  compareStrategies,
  type CompareOptions,
  type StrategyComparison,
  type StrategyInput,
} from '../../shared/engine/ce';
import { Dec } from '../../shared/money';

const RUNS = 300;
const Ref = Decimal.clone({ precision: 80 });

// ---------------------------------------------------------------------------------------------------------
// Arbitraries: costs on a coarse grid (many ties and lines), effects in quarters.

const costArb = fc.integer({ min: -8, max: 40 }).map((n) => String(n * 250));
const effectArb = fc.integer({ min: 0, max: 40 }).map((n) => new Dec(n).div(4).toFixed());

/** Anywhere on the plane: mostly dominance. */
const scatteredArb = fc.array(fc.tuple(costArb, effectArb), { minLength: 2, maxLength: 9 });

/** Walks up and to the right (costs may step down): long frontiers and much extended dominance. */
const walkArb = fc
  .array(fc.tuple(fc.integer({ min: -2, max: 24 }), fc.integer({ min: 0, max: 4 })), { minLength: 2, maxLength: 9 })
  .map((steps) => {
    let cost = 0;
    let quarters = 0;
    return steps.map(([dc, de]): [string, string] => {
      cost += dc * 250;
      quarters += de;
      return [String(cost), new Dec(quarters).div(4).toFixed()];
    });
  });

const strategiesArb: fc.Arbitrary<StrategyInput[]> = fc
  .oneof(scatteredArb, walkArb)
  .chain((points) =>
    // sometimes repeat a strategy exactly, to exercise identical strategies
    fc.boolean().map((twin) => (twin ? [...points, points[0]] : points)),
  )
  .chain((points) => fc.shuffledSubarray(points, { minLength: points.length }))
  .map((points) => points.map(([cost, effect], i) => ({ id: `s${i}`, name: `S${i}`, cost, effect })));

function compared(strategies: StrategyInput[], options?: CompareOptions): StrategyComparison {
  const result = compareStrategies(strategies, options);
  if (!result.ok) expect.fail(result.explanation);
  return result.value;
}

const C = (s: StrategyInput) => new Ref(s.cost.toString());
const E = (s: StrategyInput) => new Ref(s.effect.toString());

function dominatesRef(q: StrategyInput, p: StrategyInput): boolean {
  const same = C(q).eq(C(p)) && E(q).eq(E(p));
  return C(q).lte(C(p)) && E(q).gte(E(p)) && !same;
}

/** Some mix of two other strategies L, H with E(L) < E(P) < E(H) reaches P's effect for less than P's cost. */
function belowSomeChord(p: StrategyInput, all: StrategyInput[]): boolean {
  for (const l of all) {
    for (const h of all) {
      if (!(E(l).lt(E(p)) && E(p).lt(E(h)))) continue;
      // chord cost at E(P), times (E(H) - E(L)) > 0
      const chord = C(l)
        .times(E(h).minus(E(p)))
        .plus(C(h).times(E(p).minus(E(l))));
      if (chord.lt(C(p).times(E(h).minus(E(l))))) return true;
    }
  }
  return false;
}

function frontierIcers(c: StrategyComparison): Map<string, Dec | null> {
  return new Map(
    c.frontier.map((id) => {
      const s = c.strategies.find((x) => x.id === id);
      return [id, s?.increment?.icer.value ?? null];
    }),
  );
}

function statuses(c: StrategyComparison): Record<string, string> {
  return Object.fromEntries(c.strategies.map((s) => [s.id, s.status]));
}

/** |a - b| <= 10^-20 x max(|a|, |b|). */
function expectClose(a: Dec, b: Dec, what: string): void {
  const x = new Ref(a.toString());
  const y = new Ref(b.toString());
  const tolerance = Ref.max(x.abs(), y.abs()).times('1e-20');
  if (x.minus(y).abs().gt(tolerance)) expect.fail(`${what}: ${x.toFixed()} vs ${y.toFixed()}`);
}

// ---------------------------------------------------------------------------------------------------------

describe('the comparison agrees with an independent statement of METHOD.md', () => {
  it('dominated = another strategy costs no more and achieves no less (not both equal), naming all of them', () => {
    fc.assert(
      fc.property(strategiesArb, (strategies) => {
        const c = compared(strategies);
        for (const s of c.strategies) {
          const input = strategies.find((x) => x.id === s.id);
          if (!input) expect.fail(s.id);
          const by = strategies.filter((q) => q !== input && dominatesRef(q, input)).map((q) => q.id);
          expect(new Set(s.dominatedBy)).toEqual(new Set(by));
          expect(s.status === 'dominated').toBe(by.length > 0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('extendedly dominated = not dominated, but a mix of two other strategies achieves its effect for less', () => {
    fc.assert(
      fc.property(strategiesArb, (strategies) => {
        const c = compared(strategies);
        for (const s of c.strategies) {
          if (s.status === 'dominated') continue;
          const input = strategies.find((x) => x.id === s.id);
          if (!input) expect.fail(s.id);
          expect([s.id, s.status === 'extendedly-dominated']).toEqual([s.id, belowSomeChord(input, strategies)]);
          if (s.status === 'extendedly-dominated') {
            // the two strategies named are on the frontier, on either side of it
            const [lo, hi] = s.extendedlyDominatedBy.map((id) => strategies.find((x) => x.id === id));
            if (!lo || !hi) expect.fail(`${s.id}: ${s.extendedlyDominatedBy.join(', ')}`);
            expect(c.frontier).toContain(lo.id);
            expect(c.frontier).toContain(hi.id);
            expect(E(lo).lt(E(input)) && E(input).lt(E(hi))).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('every strategy has one status; one reference; the frontier is the reference and the frontier statuses', () => {
    fc.assert(
      fc.property(strategiesArb, (strategies) => {
        const c = compared(strategies);
        expect(c.strategies).toHaveLength(strategies.length);
        expect(c.strategies.filter((s) => s.status === 'reference')).toHaveLength(1);
        expect(c.frontier[0]).toBe(c.strategies.find((s) => s.status === 'reference')?.id);
        expect(c.frontier).toEqual(
          c.strategies.filter((s) => s.status === 'reference' || s.status === 'frontier').map((s) => s.id),
        );
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the frontier', () => {
  it('is sorted by cost and by effect, and its ICERs increase (never negative)', () => {
    fc.assert(
      fc.property(strategiesArb, (strategies) => {
        const c = compared(strategies);
        const front = c.frontier.map((id) => c.strategies.find((s) => s.id === id));
        let previousIcer: Dec | null = null;
        for (let i = 1; i < front.length; i++) {
          const a = front[i - 1];
          const b = front[i];
          if (!a || !b) expect.fail('frontier id without a strategy');
          const identical = a.cost.eq(b.cost) && a.effect.eq(b.effect);
          if (identical) {
            expect(b.increment?.verdict).toBe('identical');
            expect(b.increment?.icer.value).toBeNull();
            continue;
          }
          expect(b.cost.gt(a.cost)).toBe(true);
          expect(b.effect.gt(a.effect)).toBe(true);
          const icer = b.increment?.icer.value;
          if (!icer) expect.fail(`${b.id}: no ICER on the frontier`);
          expect(icer.gt(0)).toBe(true);
          if (previousIcer !== null) expect(icer.gte(previousIcer)).toBe(true);
          previousIcer = icer;
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('no strategy anywhere gets a negative ICER', () => {
    fc.assert(
      fc.property(strategiesArb, (strategies) => {
        for (const s of compared(strategies).strategies) {
          const v = s.increment?.icer.value;
          if (v !== null && v !== undefined) expect(v.gt(0)).toBe(true);
          if (s.increment?.verdict === 'dominant' || s.increment?.verdict === 'dominated') {
            expect(v).toBeNull();
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('adding a dominated strategy never changes the frontier, its ICERs or any other status', () => {
    const extraArb = fc.tuple(fc.nat(), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }));
    fc.assert(
      fc.property(strategiesArb, extraArb, (strategies, [pick, up, down]) => {
        fc.pre(up > 0 || down > 0);
        const base = compared(strategies);
        const q = strategies[pick % strategies.length];
        const extra: StrategyInput = {
          id: 'extra',
          name: 'Extra',
          cost: new Dec(q.cost).plus(up * 100).toFixed(),
          effect: new Dec(q.effect).minus(new Dec(down).div(4)).toFixed(),
        };
        const more = compared([...strategies, extra]);
        expect(more.frontier).toEqual(base.frontier);
        const before = frontierIcers(base);
        for (const [id, icer] of frontierIcers(more)) {
          const old = before.get(id);
          if (icer === null || old === null || old === undefined) expect(icer).toEqual(old ?? null);
          else expect(icer.eq(old)).toBe(true);
        }
        const { extra: extraStatus, ...others } = statuses(more);
        expect(others).toEqual(statuses(base));
        expect(extraStatus).toBe('dominated');
        expect(more.strategies.find((s) => s.id === 'extra')?.dominatedBy).toContain(q.id);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('scaling', () => {
  const factorArb = fc.integer({ min: 1, max: 1_000_000 }).map((n) => new Dec(n).div(1000));

  it('multiplying every cost by c > 0 multiplies every ICER by c and changes no status', () => {
    fc.assert(
      fc.property(strategiesArb, factorArb, (strategies, k) => {
        const base = compared(strategies);
        const scaled = compared(strategies.map((s) => ({ ...s, cost: new Dec(s.cost).times(k) })));
        expect(statuses(scaled)).toEqual(statuses(base));
        for (const s of base.strategies) {
          const a = s.increment?.icer.value;
          const b = scaled.strategies.find((x) => x.id === s.id)?.increment?.icer.value;
          if (a === null || a === undefined) expect(b ?? null).toBeNull();
          else if (!b) expect.fail(`${s.id}: ICER lost after scaling costs`);
          else expectClose(b, a.times(k), `ICER of ${s.id} x ${k.toFixed()}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('multiplying every effect by c > 0 divides every ICER by c and changes no status', () => {
    fc.assert(
      fc.property(strategiesArb, factorArb, (strategies, k) => {
        const base = compared(strategies);
        const scaled = compared(strategies.map((s) => ({ ...s, effect: new Dec(s.effect).times(k) })));
        expect(statuses(scaled)).toEqual(statuses(base));
        for (const s of base.strategies) {
          const a = s.increment?.icer.value;
          const b = scaled.strategies.find((x) => x.id === s.id)?.increment?.icer.value;
          if (a === null || a === undefined) expect(b ?? null).toBeNull();
          else if (!b) expect.fail(`${s.id}: ICER lost after scaling effects`);
          else expectClose(b.times(k), a, `ICER of ${s.id} / ${k.toFixed()}`);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('order and net monetary benefit', () => {
  it('the order the strategies are given in changes no status (but which of two identical ones is the reference)', () => {
    fc.assert(
      fc.property(
        strategiesArb.chain((s) => fc.tuple(fc.constant(s), fc.shuffledSubarray(s, { minLength: s.length }))),
        ([a, b]) => {
          const norm = (c: StrategyComparison) =>
            Object.fromEntries(c.strategies.map((s) => [s.id, s.status === 'reference' ? 'frontier' : s.status]));
          expect(norm(compared(b))).toEqual(norm(compared(a)));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the highest NMB is reached at the last frontier strategy whose ICER is at most lambda', () => {
    const lambdaArb = fc.integer({ min: 0, max: 8000 }).map((n) => String(n * 5));
    fc.assert(
      fc.property(strategiesArb, lambdaArb, (strategies, lambda) => {
        const c = compared(strategies, { willingnessToPay: lambda });
        let best = c.frontier[0];
        for (const id of c.frontier.slice(1)) {
          const icer = c.strategies.find((s) => s.id === id)?.increment?.icer.value;
          // a null ICER is an identical twin of the strategy before it: it ties with it, whatever lambda
          if (icer !== null && icer !== undefined && icer.lte(lambda)) best = id;
        }
        expect(c.highestNmb?.strategyIds).toContain(best);
        // and it is the maximum of lambda x E - C, computed here
        const max = strategies.map((s) => new Ref(lambda).times(E(s)).minus(C(s))).reduce((m, x) => (x.gt(m) ? x : m));
        expect(c.highestNmb?.nmb.value.toFixed()).toBe(max.toFixed());
      }),
      { numRuns: RUNS },
    );
  });
});
