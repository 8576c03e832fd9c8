/**
 * Switching values that are not linear (METHOD.md: drop-off, duration, discount rate; bisection on ratio - 1),
 * and every switching value in words. Each reachable value is applied to the project and the whole project
 * recomputed by computeSroi: the ratio must be 1 within 1e-9 (drop-off, discount rate), or on the right side of
 * 1 : 1 with the next whole year on the other side (duration). Each "cannot reach" is checked at the ends of
 * the assumption's range.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSroi } from '../../shared/engine';
import {
  discountRateSwitchingValue,
  dropOffSwitchingValue,
  durationSwitchingValue,
  linearSwitchingStatements,
  numericSwitchingValues,
  type DurationSwitchingValue,
  type NumericSwitchingValue,
} from '../../shared/engine/uncertainty';
import { Dec } from '../../shared/money';
import type { Input, Outcome, Project } from '../../shared/model';
import { cashInput, clone, loadW2, makeOutcome, makeProject } from './fixtures';

// ---------------------------------------------------------------------------------------------------------
// Helpers: apply an assumption and recompute the whole project

function ratioWith(project: Project, outcomeId: string, change: Partial<Outcome>): Dec {
  const p = clone(project);
  const i = p.outcomes.findIndex((o) => o.id === outcomeId);
  p.outcomes[i] = { ...p.outcomes[i], ...change };
  const ratio = computeSroi(p).ratio.value;
  if (ratio === null) throw new Error('expected a ratio');
  return ratio;
}

function ratioAtRate(project: Project, rate: Dec | string): Dec {
  const ratio = computeSroi({ ...project, settings: { ...project.settings, discountRate: new Dec(rate).toFixed() } })
    .ratio.value;
  if (ratio === null) throw new Error('expected a ratio');
  return ratio;
}

function reachable(v: NumericSwitchingValue): Extract<NumericSwitchingValue, { reachable: true }> {
  if (!v.reachable) throw new Error(`expected a switching value, got: ${v.statement}`);
  return v;
}

function reachableYears(v: DurationSwitchingValue): Extract<DurationSwitchingValue, { reachable: true }> {
  if (!v.reachable) throw new Error(`expected a switching value, got: ${v.statement}`);
  return v;
}

const side = (ratio: Dec) => ratio.cmp(1);

/** W2 with the grant changed (investment = grant + 26,250). */
function w2WithGrant(amount: string): Project {
  const p = loadW2();
  p.inputs = p.inputs.map((i) => (i.id === 'grant' ? { ...i, amount } : i)) as Input[];
  return p;
}

// ---------------------------------------------------------------------------------------------------------

describe('W2: the non-linear switching values', () => {
  const w2 = loadW2();
  const all = numericSwitchingValues(w2);

  it('the discount rate would have to exceed 35.7 % (ratio 1 within 1e-9 when applied); no lower rate works', () => {
    const higher = reachable(all.discountRate.higher);
    expect(higher.statement).toBe('the discount rate would have to exceed 35.7 % for the ratio to fall to 1 : 1');
    expect(higher.direction).toBe('up');
    expect(ratioAtRate(w2, higher.value).minus(1).abs().toNumber()).toBeLessThan(1e-9);
    expect(higher.ratioAtValue.minus(1).abs().toNumber()).toBeLessThan(1e-9);
    expect(all.discountRate.lower.reachable).toBe(false);
    expect(all.discountRate.lower.statement).toBe(
      'a lower discount rate: no discount rate between 0 % and 3.5 % brings the ratio to 1 : 1',
    );
    expect(side(ratioAtRate(w2, '0'))).toBe(1);
  });

  it('OAT retention: only leaving it out (0 years) brings the ratio to 1 : 1; 1 year keeps it above', () => {
    const d = reachableYears(all.outcomes[1].duration);
    expect(d.years).toBe(0);
    expect(d.statement).toBe(
      "duration of 'Retained in opioid agonist treatment' would have to be 0 years (the outcome left out) for the ratio to fall to 1 : 1",
    );
    expect(side(ratioWith(w2, 'oat', { duration: 0 }))).toBe(-1);
    expect(side(ratioWith(w2, 'oat', { duration: 1 }))).toBe(1);
  });

  it('outcomes that last one year: drop-off never applies, said in words', () => {
    expect(all.outcomes[0].dropOff.statement).toBe(
      "drop-off on 'Overdose deaths averted': cannot reach 1 : 1 through this outcome (it lasts one year, so drop-off never applies)",
    );
  });

  it('OAT drop-off: even 100 % leaves the ratio above 1 : 1', () => {
    expect(all.outcomes[1].dropOff.statement).toBe(
      "drop-off on 'Retained in opioid agonist treatment': cannot reach 1 : 1 through this outcome (at 100 % the ratio is still 1.14 : 1)",
    );
    expect(side(ratioWith(w2, 'oat', { dropOff: '1' }))).toBe(1);
  });

  it('the nuisance (a disbenefit): no duration up to 100 years is enough', () => {
    expect(all.outcomes[3].duration.statement).toBe(
      "duration of 'Nuisance displaced to a nearby street': cannot reach 1 : 1 through this outcome (at 100 years the ratio is still 1.20 : 1)",
    );
    expect(side(ratioWith(w2, 'nuisance', { duration: 100 }))).toBe(1);
  });
});

describe('reachable drop-off and duration, in both directions', () => {
  it('ratio above 1 (grant 150,000): OAT drop-off would have to exceed x; duration 1 year or less', () => {
    const p = w2WithGrant('150000');
    const dropOff = reachable(dropOffSwitchingValue(p, 'oat'));
    expect(dropOff.direction).toBe('up');
    expect(dropOff.value.gt('0.3')).toBe(true);
    expect(dropOff.statement).toMatch(
      /^drop-off on 'Retained in opioid agonist treatment' would have to exceed \d+(\.\d)? % for the ratio to fall to 1 : 1$/,
    );
    expect(ratioWith(p, 'oat', { dropOff: dropOff.value.toFixed() }).minus(1).abs().toNumber()).toBeLessThan(1e-9);

    const duration = reachableYears(durationSwitchingValue(p, 'oat'));
    expect(duration.direction).toBe('down');
    expect(side(ratioWith(p, 'oat', { duration: duration.years }))).toBeLessThanOrEqual(0);
    expect(side(ratioWith(p, 'oat', { duration: duration.years + 1 }))).toBe(1);
    expect(duration.statement).toBe(
      `duration of 'Retained in opioid agonist treatment' would have to be ${duration.years} year${duration.years === 1 ? '' : 's'} or less for the ratio to fall to 1 : 1`,
    );
  });

  it('ratio below 1 (grant 160,000): OAT drop-off would have to fall below x; duration at least N years', () => {
    const p = w2WithGrant('160000');
    expect(side(computeSroi(p).ratio.value ?? new Dec(0))).toBe(-1);
    const dropOff = reachable(dropOffSwitchingValue(p, 'oat'));
    expect(dropOff.direction).toBe('down');
    expect(dropOff.value.lt('0.3')).toBe(true);
    expect(dropOff.statement).toMatch(/would have to fall below \d+(\.\d)? % for the ratio to rise to 1 : 1$/);
    expect(ratioWith(p, 'oat', { dropOff: dropOff.value.toFixed() }).minus(1).abs().toNumber()).toBeLessThan(1e-9);

    const duration = reachableYears(durationSwitchingValue(p, 'oat'));
    expect(duration.direction).toBe('up');
    expect(duration.years).toBeGreaterThan(3);
    expect(side(ratioWith(p, 'oat', { duration: duration.years }))).toBeGreaterThanOrEqual(0);
    expect(side(ratioWith(p, 'oat', { duration: duration.years - 1 }))).toBe(-1);
    expect(duration.statement).toBe(
      `duration of 'Retained in opioid agonist treatment' would have to be at least ${duration.years} years for the ratio to rise to 1 : 1`,
    );

    const rate = discountRateSwitchingValue(p);
    expect(rate.higher.reachable).toBe(false);
    const lower = reachable(rate.lower);
    expect(lower.statement).toMatch(
      /^the discount rate would have to fall below \d+(\.\d)? % for the ratio to rise to 1 : 1$/,
    );
    expect(ratioAtRate(p, lower.value).minus(1).abs().toNumber()).toBeLessThan(1e-9);
  });

  it('a ratio of exactly 1 : 1 says so', () => {
    const p = makeProject({
      inputs: [cashInput('1000')],
      outcomes: [makeOutcome({ id: 'o', proxy: { value: '1035' } })],
    });
    expect(computeSroi(p).ratio.value?.toFixed()).toBe('1');
    expect(dropOffSwitchingValue(p, 'o').statement).toBe("drop-off on 'Outcome o': the ratio is already 1 : 1");
    expect(durationSwitchingValue(p, 'o')).toMatchObject({ reachable: true, years: 1, direction: 'none' });
  });

  it('no investment: n/a, because the ratio is undefined', () => {
    const p = makeProject({ inputs: [], outcomes: [makeOutcome({ id: 'o', duration: 3, dropOff: '0.1' })] });
    const all = numericSwitchingValues(p);
    expect(all.baseRatio).toBeNull();
    expect(all.outcomes[0].dropOff).toMatchObject({ reachable: false });
    expect(all.outcomes[0].dropOff.statement).toContain('n/a: the investment is zero');
    expect(all.discountRate.higher.statement).toContain('n/a: the investment is zero');
  });

  it('an unknown outcome id is an error', () => {
    expect(() => dropOffSwitchingValue(loadW2(), 'nope')).toThrow(/no outcome "nope"/);
  });
});

describe('the closed-form switching values in words (computeSroi, METHOD.md W2)', () => {
  const byId = new Map(linearSwitchingStatements(loadW2()).map((s) => [s.outcomeId, s]));

  it('OAT retention: the proxy could fall to 2,011.14 and the ratio stay at 1 : 1', () => {
    const oat = byId.get('oat');
    expect(oat?.proxy).toBe(
      "the proxy for 'Retained in opioid agonist treatment' would have to fall below 2,011.14 EUR for the ratio to fall to 1 : 1",
    );
    // x' = 1 - k (1 - x) = 1 - 0.335190 x 0.75 = 0.7486; 1 - 0.335190 x 0.5 = 0.8324.
    expect(oat?.deadweight).toBe(
      "deadweight on 'Retained in opioid agonist treatment' would have to exceed 74.9 % for the ratio to fall to 1 : 1",
    );
    expect(oat?.attribution).toBe(
      "attribution on 'Retained in opioid agonist treatment' would have to exceed 83.2 % for the ratio to fall to 1 : 1",
    );
  });

  it('overdose and syringes: cannot reach 1 : 1 through this outcome; the nuisance 39.5 times larger', () => {
    expect(byId.get('overdose')?.proxy).toBe(
      "the proxy for 'Overdose deaths averted': cannot reach 1 : 1 through this outcome",
    );
    expect(byId.get('syringes')?.quantity).toBe(
      "the quantity of 'Fewer discarded syringes near homes': cannot reach 1 : 1 through this outcome",
    );
    // -200 x 39.547203 = -7,909.44.
    expect(byId.get('nuisance')?.proxy).toBe(
      "the proxy for 'Nuisance displaced to a nearby street' would have to fall below -7,909.44 EUR for the ratio to fall to 1 : 1",
    );
  });
});

// ---------------------------------------------------------------------------------------------------------
// Property: every switching value on random projects, verified by recomputing the whole project

const pad = (n: number) => String(n).padStart(2, '0');
const money = (min: number, max: number) =>
  fc.integer({ min, max }).map((c) => `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${pad(Math.abs(c) % 100)}`);
const percent = fc.integer({ min: 0, max: 90 }).map((n) => (n === 0 ? '0' : `0.${pad(n)}`));

const outcomeArb = fc.record({
  quantity: fc.integer({ min: 1, max: 300 }).map(String),
  proxy: fc.oneof({ weight: 5, arbitrary: money(100, 500_000) }, { weight: 1, arbitrary: money(-50_000, -100) }),
  deadweight: percent,
  attribution: percent,
  dropOff: fc.oneof(percent, fc.constant('1')),
  duration: fc.integer({ min: 0, max: 8 }),
  start: fc.constantFrom<'during' | 'after'>('during', 'after'),
});

const projectArb = fc
  .record({
    outcomes: fc.array(outcomeArb, { minLength: 1, maxLength: 4 }),
    inputs: fc.array(fc.record({ amount: money(100_000, 5_000_000), year: fc.integer({ min: 1, max: 3 }) }), {
      minLength: 1,
      maxLength: 3,
    }),
    rate: fc.integer({ min: 0, max: 100 }).map((n) => String(n / 1000)),
    convention: fc.constantFrom<'guide' | 'year0'>('guide', 'year0'),
    // The inputs are scaled so that the ratio is near this (where switching values are reachable and matter).
    targetRatio: fc.integer({ min: 50, max: 200 }).map((n) => new Dec(n).div(100)),
  })
  .map(({ outcomes, inputs, rate, convention, targetRatio }) => {
    const project = makeProject({
      settings: { discountRate: rate, yearOneConvention: convention },
      inputs: inputs.map((i, n) => cashInput(i.amount, { id: `i${n}`, year: i.year })),
      outcomes: outcomes.map(({ proxy, ...o }, n) => makeOutcome({ ...o, id: `o${n}`, proxy: { value: proxy } })),
    });
    const result = computeSroi(project);
    const pv = result.presentValue.value;
    if (pv.lte(0)) return project;
    const scale = pv.div(result.investment.total.value.times(targetRatio));
    const scaled = (i: Input) => ({ ...i, amount: new Dec((i as { amount: string }).amount).times(scale).toFixed(2) });
    return { ...project, inputs: project.inputs.map((i) => scaled(i) as Input) };
  });

describe('property: switching values hold when applied to the whole project', () => {
  it('drop-off, duration and discount rate on random projects', () => {
    fc.assert(
      fc.property(projectArb, (project) => {
        const base = computeSroi(project).ratio.value;
        if (base === null || base.eq(1)) return;
        const s0 = side(base);
        const all = numericSwitchingValues(project);
        for (const o of all.outcomes) {
          if (o.dropOff.reachable) {
            const r = ratioWith(project, o.outcomeId, { dropOff: o.dropOff.value.toFixed() });
            expect(r.minus(1).abs().toNumber()).toBeLessThan(1e-9);
            expect(o.dropOff.value.gte(0) && o.dropOff.value.lte(1)).toBe(true);
          } else {
            // Cannot reach: at neither end of 0..100 % is the ratio on the other side (PV is monotone in DO).
            expect(side(ratioWith(project, o.outcomeId, { dropOff: '0' }))).toBe(s0);
            expect(side(ratioWith(project, o.outcomeId, { dropOff: '1' }))).toBe(s0);
          }
          const d = o.duration;
          if (d.reachable) {
            expect(side(ratioWith(project, o.outcomeId, { duration: d.years }))).not.toBe(s0);
            const towardsEntered = d.direction === 'down' ? d.years + 1 : d.years - 1;
            expect(side(ratioWith(project, o.outcomeId, { duration: towardsEntered }))).toBe(s0);
          } else {
            expect(side(ratioWith(project, o.outcomeId, { duration: 0 }))).toBe(s0);
            expect(side(ratioWith(project, o.outcomeId, { duration: 100 }))).toBe(s0);
          }
        }
        const current = new Dec(project.settings.discountRate);
        for (const v of [all.discountRate.higher, all.discountRate.lower]) {
          if (v.reachable) {
            expect(ratioAtRate(project, v.value).minus(1).abs().toNumber()).toBeLessThan(1e-9);
          }
        }
        if (all.discountRate.higher.reachable) expect(all.discountRate.higher.value.gt(current)).toBe(true);
        else expect(side(ratioAtRate(project, '1'))).toBe(s0);
        if (all.discountRate.lower.reachable) expect(all.discountRate.lower.value.lt(current)).toBe(true);
        else expect(side(ratioAtRate(project, '0'))).toBe(s0);
      }),
      { numRuns: 150, seed: 777 },
    );
  });
});
