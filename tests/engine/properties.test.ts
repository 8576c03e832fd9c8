/**
 * Properties of the SROI engine over random valid projects (fast-check). Each property compares the engine
 * with an independent computation (a direct transcription of METHOD.md section 1 in high-precision decimals)
 * or with a second run of the engine on a transformed project, never with itself.
 *
 * Decimal comparisons use a tolerance of 10^-digits relative to the size of the terms involved, rather than
 * string equality after rounding: two correct computations may round their last (28th) digit differently, and
 * rounding both to N digits can still split them across a rounding boundary.
 */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { computeSroi, type SroiResult } from '../../shared/engine';
import { Dec } from '../../shared/money';
import { parseProjectFile, type Input, type Outcome, type Project } from '../../shared/model';
import { cashInput, inKindInput, makeOutcome, makeProject, makeStakeholder, toFile, volunteerInput } from './fixtures';

const RUNS = 150;

// ---------------------------------------------------------------------------------------------------------
// Arbitraries: small decimal strings, then outcomes, inputs and projects built with the fixtures.

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** An amount in cents, written as a decimal string with two places ("-12.05", "0.00", "1500.25"). */
const money = (minCents: number, maxCents: number) =>
  fc.integer({ min: minCents, max: maxCents }).map((c) => {
    const a = Math.abs(c);
    return `${c < 0 ? '-' : ''}${Math.floor(a / 100)}.${pad(a % 100, 2)}`;
  });

/** A fraction 0..1 in whole percent, "0" and "1" included and more likely. */
const fraction = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('0', '1') },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 99 }).map((n) => `0.${pad(n, 2)}`) },
);
/** Adjustments are mostly moderate (a 100 % deduction makes most outcomes worthless). */
const deduction = fc.oneof(
  { weight: 1, arbitrary: fc.constant('0') },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 90 }).map((n) => `0.${pad(n, 2)}`) },
);

const STAKEHOLDERS = ['s1', 's2', 's3'];

const proxyValue = fc.oneof(
  { weight: 5, arbitrary: money(1, 5_000_000) },
  { weight: 1, arbitrary: money(-500_000, 0) },
);

const outcomeArb: fc.Arbitrary<Omit<Outcome, 'id'>> = fc
  .record({
    stakeholderId: fc.constantFrom(...STAKEHOLDERS),
    quantity: fc.integer({ min: 0, max: 300 }).map(String),
    proxy: proxyValue,
    deadweight: deduction,
    displacement: deduction,
    attribution: deduction,
    dropOff: fraction,
    duration: fc.integer({ min: 0, max: 7 }),
    start: fc.constantFrom<'during' | 'after'>('during', 'after'),
  })
  .map(({ proxy, ...rest }) => {
    const { id: _id, ...outcome } = makeOutcome({ ...rest, proxy: { value: proxy } });
    return outcome;
  });

const inputArb: fc.Arbitrary<Omit<Input, 'id'>> = fc
  .record({
    kind: fc.constantFrom<Input['kind']>('cash', 'in-kind', 'volunteer'),
    amount: money(0, 20_000_000),
    hours: fc.integer({ min: 0, max: 3000 }).map(String),
    rate: money(0, 4000),
    year: fc.integer({ min: 1, max: 3 }),
    stakeholderId: fc.constantFrom(...STAKEHOLDERS),
  })
  .map(({ kind, amount, hours, rate, year, stakeholderId }) => {
    const over = { year, stakeholderId };
    const made =
      kind === 'cash'
        ? cashInput(amount, over)
        : kind === 'in-kind'
          ? inKindInput(amount, over)
          : volunteerInput(hours, rate, over);
    const { id: _id, ...rest } = made;
    return rest;
  });

const discountRate = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('0', '0.035') },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 120 }).map((n) => `0.${pad(n, 3)}`) },
);

function assemble(
  outcomes: ReadonlyArray<Omit<Outcome, 'id'>>,
  inputs: ReadonlyArray<Omit<Input, 'id'>>,
  rate: string,
  convention: 'guide' | 'year0',
): Project {
  return makeProject({
    settings: { discountRate: rate, yearOneConvention: convention },
    stakeholders: STAKEHOLDERS.map((id, i) => makeStakeholder({ id, name: `Group ${i + 1}` })),
    inputs: inputs.map((input, i) => ({ ...input, id: `i${i}` }) as Input),
    outcomes: outcomes.map((o, i) => ({ ...o, id: `o${i}` })),
  });
}

const projectArb: fc.Arbitrary<Project> = fc
  .tuple(
    fc.array(outcomeArb, { minLength: 1, maxLength: 5 }),
    fc.array(inputArb, { minLength: 1, maxLength: 3 }),
    discountRate,
    fc.constantFrom<'guide' | 'year0'>('guide', 'guide', 'year0'),
  )
  .map(([outcomes, inputs, rate, convention]) => assemble(outcomes, inputs, rate, convention));

// ---------------------------------------------------------------------------------------------------------
// An independent transcription of METHOD.md section 1, in 60-digit decimals.

const Ref = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN });
type Ref = Decimal;

function reference(project: Project): { pv: Ref; investment: Ref; pvByOutcome: Ref[] } {
  const growth = new Ref(1).plus(project.settings.discountRate);
  const pvByOutcome = project.outcomes.map((o) => {
    let p = new Ref(o.proxy.value);
    if (o.proxy.priceIndex) p = p.times(o.proxy.priceIndex.indexAtModelYear).div(o.proxy.priceIndex.indexAtPriceYear);
    if (o.proxy.exchangeRate) p = p.times(o.proxy.exchangeRate.rate);
    const impact = new Ref(o.quantity)
      .times(p)
      .times(new Ref(1).minus(o.deadweight))
      .times(new Ref(1).minus(o.displacement))
      .times(new Ref(1).minus(o.attribution));
    let pv = new Ref(0);
    for (let k = 1; k <= o.duration; k++) {
      const t = o.start === 'after' ? k + 1 : k;
      const value = k === 1 ? impact : impact.times(new Ref(1).minus(o.dropOff).pow(k - 1));
      const exponent = project.settings.yearOneConvention === 'guide' ? t : t - 1;
      pv = pv.plus(value.div(growth.pow(exponent)));
    }
    return pv;
  });
  const investment = project.inputs.reduce((acc, i) => {
    const amount = i.kind === 'volunteer' ? new Ref(i.hours).times(i.hourlyRate) : new Ref(i.amount);
    return acc.plus(amount.div(growth.pow(i.year - 1)));
  }, new Ref(0));
  return { pv: pvByOutcome.reduce((a, b) => a.plus(b), new Ref(0)), investment, pvByOutcome };
}

// ---------------------------------------------------------------------------------------------------------
// Comparison helpers.

type Num = Dec | Decimal | string;
const R = (x: Num) => new Ref(x.toString());

/** |actual - expected| <= 10^-digits x max(|actual|, |expected|, scale); exact equality when all are 0. */
function expectClose(actual: Num, expected: Num, digits: number, scale: Num = '0', what = 'value'): void {
  const a = R(actual);
  const e = R(expected);
  const size = Ref.max(a.abs(), e.abs(), R(scale).abs());
  const tolerance = size.times(new Ref(10).pow(-digits));
  if (a.minus(e).abs().gt(tolerance)) {
    expect.fail(`${what}: ${a.toFixed()} differs from ${e.toFixed()} by more than ${tolerance.toExponential(3)}`);
  }
}

/** Sum of the absolute values of the outcome PVs plus the investment: the size of the terms that cancel. */
function scaleOf(r: SroiResult): Dec {
  return r.outcomes.reduce((acc, o) => acc.plus(o.presentValue.value.abs()), r.investment.total.value.abs());
}

function mustRatio(r: SroiResult): Dec {
  if (r.ratio.value === null) throw new Error(`ratio is n/a: ${r.ratio.explain.unavailable ?? ''}`);
  return r.ratio.value;
}

function scaleInputs(project: Project, c: string): Project {
  return {
    ...project,
    inputs: project.inputs.map((i): Input =>
      i.kind === 'volunteer'
        ? { ...i, hourlyRate: new Dec(i.hourlyRate).times(c).toFixed() }
        : { ...i, amount: new Dec(i.amount).times(c).toFixed() },
    ),
  };
}

function withOutcomes(project: Project, outcomes: Outcome[]): Project {
  return { ...project, outcomes };
}

// ---------------------------------------------------------------------------------------------------------

describe('generated projects', () => {
  it('are valid model files (so the properties below speak about real models)', () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        const parsed = parseProjectFile(toFile(project));
        if (!parsed.ok) expect.fail(parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
      }),
      { numRuns: 100 },
    );
  });
});

describe('engine agrees with an independent transcription of METHOD.md', () => {
  it('PV of each outcome, total PV and Investment (20 significant digits)', () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        const r = computeSroi(project);
        const ref = reference(project);
        const scale = scaleOf(r);
        ref.pvByOutcome.forEach((pv, i) => expectClose(r.outcomes[i].presentValue.value, pv, 20, scale, `PV o${i}`));
        expectClose(r.presentValue.value, ref.pv, 20, scale, 'PV');
        expectClose(r.investment.total.value, ref.investment, 20, scale, 'Investment');
      }),
      { numRuns: RUNS },
    );
  });

  it('NPV = PV - Investment', () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        const r = computeSroi(project);
        const ref = reference(project);
        expectClose(r.netPresentValue.value, ref.pv.minus(ref.investment), 20, scaleOf(r), 'NPV');
        expect(r.netPresentValue.value.eq(r.presentValue.value.minus(r.investment.total.value))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('net ratio = ratio - 1 = NPV / Investment', () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        const r = computeSroi(project);
        fc.pre(r.investment.total.value.gt(0));
        const ref = reference(project);
        const ratio = mustRatio(r);
        if (r.netRatio.value === null) expect.fail('net ratio is n/a with a positive investment');
        expectClose(ratio, ref.pv.div(ref.investment), 20, '0', 'ratio');
        expectClose(r.netRatio.value, ratio.minus(1), 20, ratio.abs().plus(1), 'net ratio');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('linearity and invariances', () => {
  it('multiplying every input by c > 0 divides the ratio by c', () => {
    const factor = fc.integer({ min: 1, max: 1_000_000 }).map((n) => new Dec(n).div(1000).toFixed());
    fc.assert(
      fc.property(projectArb, factor, (project, c) => {
        const base = computeSroi(project);
        fc.pre(base.investment.total.value.gt(0));
        const scaled = computeSroi(scaleInputs(project, c));
        expectClose(scaled.investment.total.value, base.investment.total.value.times(c), 20, '0', 'Investment x c');
        expect(scaled.presentValue.value.eq(base.presentValue.value)).toBe(true);
        expectClose(mustRatio(scaled).times(c), mustRatio(base), 20, '0', 'ratio x c');
      }),
      { numRuns: RUNS },
    );
  });

  it('doubling every proxy doubles each outcome PV and the total PV', () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        const base = computeSroi(project);
        const doubled = computeSroi(
          withOutcomes(
            project,
            project.outcomes.map((o) => ({
              ...o,
              proxy: { ...o.proxy, value: new Dec(o.proxy.value).times(2).toFixed() },
            })),
          ),
        );
        const scale = scaleOf(base).times(2);
        base.outcomes.forEach((o, i) =>
          expectClose(doubled.outcomes[i].presentValue.value, o.presentValue.value.times(2), 20, scale, `PV o${i}`),
        );
        expectClose(doubled.presentValue.value, base.presentValue.value.times(2), 20, scale, 'PV');
      }),
      { numRuns: RUNS },
    );
  });

  it('adding an outcome with quantity 0 changes nothing (PV, NPV, ratio, paybacks, values by year)', () => {
    fc.assert(
      fc.property(projectArb, outcomeArb, (project, extra) => {
        const base = computeSroi(project);
        const more = computeSroi(withOutcomes(project, [...project.outcomes, { ...extra, id: 'zero', quantity: '0' }]));
        expect(more.presentValue.value.eq(base.presentValue.value)).toBe(true);
        expect(more.netPresentValue.value.eq(base.netPresentValue.value)).toBe(true);
        expect(more.undiscountedValue.value.eq(base.undiscountedValue.value)).toBe(true);
        for (const key of ['ratio', 'netRatio', 'paybackGuideMonths', 'paybackDiscountedMonths'] as const) {
          const a = base[key].value;
          const b = more[key].value;
          if (a === null || b === null) expect([key, b]).toEqual([key, a]);
          else expect([key, b.eq(a)]).toEqual([key, true]);
        }
        // the horizon may grow with the new outcome's duration, but only with empty years
        expect(more.horizon).toBeGreaterThanOrEqual(base.horizon);
        more.byYear.forEach((y, i) => {
          const old = base.byYear[i];
          if (old) {
            expect(y.value.eq(old.value)).toBe(true);
            expect(y.presentValue.eq(old.presentValue)).toBe(true);
          } else {
            expect(y.value.isZero() && y.presentValue.isZero()).toBe(true);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('year0 PV = guide PV x (1 + r)', () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        const guide = computeSroi({ ...project, settings: { ...project.settings, yearOneConvention: 'guide' } });
        const year0 = computeSroi({ ...project, settings: { ...project.settings, yearOneConvention: 'year0' } });
        const growth = new Dec(1).plus(project.settings.discountRate);
        expectClose(year0.presentValue.value, guide.presentValue.value.times(growth), 20, scaleOf(year0), 'year0 PV');
        expect(year0.investment.total.value.eq(guide.investment.total.value)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('PV = sum of byOutcome PVs = sum of byStakeholder PVs = sum of byYear present values', () => {
    const total = (xs: Dec[]) => xs.reduce((a, b) => a.plus(b), new Dec(0));
    fc.assert(
      fc.property(projectArb, (project) => {
        const r = computeSroi(project);
        const pv = r.presentValue.value;
        const scale = scaleOf(r);
        expect(r.byOutcome).toHaveLength(project.outcomes.length);
        expectClose(total(r.byOutcome.map((o) => o.presentValue)), pv, 20, scale, 'sum byOutcome');
        expectClose(total(r.byStakeholder.map((s) => s.presentValue)), pv, 20, scale, 'sum byStakeholder');
        expectClose(total(r.byYear.map((y) => y.presentValue)), pv, 20, scale, 'sum byYear');
        expectClose(total(r.byYear.map((y) => y.value)), r.undiscountedValue.value, 20, scale, 'sum byYear values');
        // each stakeholder's PV is the sum of its own outcomes' reference PVs
        const ref = reference(project);
        for (const s of r.byStakeholder) {
          const own = ref.pvByOutcome.filter((_, i) => project.outcomes[i].stakeholderId === s.key);
          expectClose(
            s.presentValue,
            own.reduce((a, b) => a.plus(b), new Ref(0)),
            20,
            scale,
            `stakeholder ${s.key}`,
          );
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('monotonicity', () => {
  it('a higher deadweight never increases the PV of a positive outcome', () => {
    fc.assert(
      fc.property(projectArb, fc.nat(), fraction, (project, pick, raise) => {
        const i = pick % project.outcomes.length;
        const target = project.outcomes[i];
        fc.pre(new Dec(target.proxy.value).gt(0));
        const higher = Dec.max(new Dec(target.deadweight), new Dec(raise)).toFixed();
        const base = computeSroi(project);
        const changed = computeSroi(
          withOutcomes(
            project,
            project.outcomes.map((o, j) => (j === i ? { ...o, deadweight: higher } : o)),
          ),
        );
        expect(changed.outcomes[i].presentValue.value.lte(base.outcomes[i].presentValue.value)).toBe(true);
        expect(changed.presentValue.value.lte(base.presentValue.value)).toBe(true);
        // and it moves by exactly the factor (1 - DW') / (1 - DW) when DW < 1
        if (new Dec(target.deadweight).lt(1)) {
          const factor = new Dec(1).minus(higher).div(new Dec(1).minus(target.deadweight));
          expectClose(
            changed.outcomes[i].presentValue.value,
            base.outcomes[i].presentValue.value.times(factor),
            20,
            base.outcomes[i].presentValue.value,
            'PV after raising DW',
          );
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('switching values', () => {
  it('scaling an outcome quantity by its reachable multiplier k gives ratio 1 (15 significant digits)', () => {
    let checked = 0;
    fc.assert(
      fc.property(projectArb, (project) => {
        const base = computeSroi(project);
        fc.pre(base.investment.total.value.gt(0));
        base.outcomes.forEach((o, i) => {
          const k = o.switching.multiplier;
          if (!k.reachable) {
            // unreachable only when k_i <= 0 or the outcome has no value
            if (o.switching.rawMultiplier !== null) expect(o.switching.rawMultiplier.lte(0)).toBe(true);
            else expect(o.presentValue.value.isZero()).toBe(true);
            return;
          }
          expect(k.value.gt(0)).toBe(true);
          const quantity = new Dec(project.outcomes[i].quantity).times(k.value).toFixed();
          const switched = computeSroi(
            withOutcomes(
              project,
              project.outcomes.map((x, j) => (j === i ? { ...x, quantity } : x)),
            ),
          );
          expectClose(mustRatio(switched), '1', 15, '1', `ratio after switching o${i}`);
          checked += 1;
        });
      }),
      { numRuns: RUNS },
    );
    expect(checked).toBeGreaterThan(20);
  });

  it('k_i = (I - (PV - PV_i)) / PV_i against the reference computation', () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        const r = computeSroi(project);
        fc.pre(r.investment.total.value.gt(0));
        const ref = reference(project);
        r.outcomes.forEach((o, i) => {
          const pvi = ref.pvByOutcome[i];
          if (pvi.isZero()) return;
          const k = ref.investment.minus(ref.pv.minus(pvi)).div(pvi);
          if (o.switching.rawMultiplier === null) expect.fail(`o${i}: no multiplier although PV_i is not zero`);
          // relative to the terms that cancel in the numerator, divided by |PV_i|
          const scale = scaleOf(r).div(o.presentValue.value.abs());
          expectClose(o.switching.rawMultiplier, k, 18, scale, `k o${i}`);
          expect(o.switching.multiplier.reachable).toBe(k.gt(0));
        });
      }),
      { numRuns: RUNS },
    );
  });
});
