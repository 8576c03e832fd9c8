/**
 * The chart data builders: the W2 worked example of METHOD.md read through parseProjectFile, every figure a
 * chart shows checked to the cent; and, on generated projects, the value waterfall's steps adding up to the
 * engine's present value exactly (not within a tolerance).
 */
import fc from 'fast-check';
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { computeSroi } from '../../shared/engine';
import { parseProjectFile, type Project } from '../../shared/model';
import {
  costsAreDiscounted,
  costsByCategory,
  costsByFunder,
  grossValue,
  valueByOutcome,
  valueByStakeholder,
  valueByYear,
  waterfallRows,
  waterfallSteps,
  type WaterfallStep,
} from '../../renderer/src/charts/chart-data';
import { projectArb } from '../support/arbitraries';
import { cashInput, loadW2, makeOutcome, makeProject, makeStakeholder } from '../engine/fixtures';

const EN = { locale: 'en', currency: 'EUR' };
const PT = { locale: 'pt', currency: 'EUR' };

/** Far more digits than any figure here has, so these sums are exact. */
const Exact = Decimal.clone({ precision: 1_000_000 });

function w2() {
  const project = loadW2();
  return { project, result: computeSroi(project) };
}

const byKey = (steps: WaterfallStep[]) => Object.fromEntries(steps.map((s) => [s.key, s.amount.toFixed(2)]));

describe('W2: value by stakeholder, outcome and year', () => {
  it('value by stakeholder, largest first, to the cent, with shares', () => {
    const rows = valueByStakeholder(w2().result, EN);
    expect(rows.map((r) => [r.label, r.text, r.share])).toEqual([
      ['People who use drugs', '176,970.63', '97.9'],
      ['Local residents', '3,766.72', '2.1'],
    ]);
    expect(rows[0].plot).toBeCloseTo(176_970.633564, 5);
    // The plotted number is only for drawing; the decimal stays exact.
    expect(rows[0].value.toFixed(6)).toBe('176970.633564');
  });

  it('value by outcome, sorted, the disbenefit last and negative', () => {
    const rows = valueByOutcome(w2().result, EN);
    expect(rows.map((r) => [r.label, r.text])).toEqual([
      ['Retained in opioid agonist treatment', '112,043.10'],
      ['Overdose deaths averted', '64,927.54'],
      ['Fewer discarded syringes near homes', '5,699.08'],
      ['Nuisance displaced to a nearby street', '-1,932.37'],
    ]);
    expect(rows[3].plot).toBeLessThan(0);
  });

  it('value and present value by year', () => {
    const rows = valueByYear(w2().result, EN);
    expect(rows.map((r) => [r.year, r.valueText, r.presentValueText])).toEqual([
      [1, '68,200.00', '65,893.72'],
      [2, '59,250.00', '55,310.51'],
      [3, '39,375.00', '35,513.99'],
      [4, '27,562.50', '24,019.13'],
    ]);
  });

  it("labels follow the user's locale", () => {
    const rows = valueByYear(w2().result, PT);
    expect(rows[0].presentValueText).toBe('65.893,72');
    expect(valueByStakeholder(w2().result, PT)[0].text).toBe('176.970,63');
  });
});

describe('W2: costs by category and by funder', () => {
  it('by category, largest first; all in year 1, so amount = present value', () => {
    const rows = costsByCategory(w2().result, EN);
    expect(rows.map((r) => [r.label, r.amountText, r.presentValueText, r.share])).toEqual([
      ['Grant', '80,000.00', '80,000.00', '75.3'],
      ['Volunteer time', '14,250.00', '14,250.00', '13.4'],
      ['Vehicles', '12,000.00', '12,000.00', '11.3'],
    ]);
    expect(costsAreDiscounted(rows)).toBe(false);
  });

  it('by funder; inputs without a funder under the label given (the interface language)', () => {
    const rows = costsByFunder(w2().result, EN, '(no funder named)');
    expect(rows.map((r) => [r.label, r.amountText])).toEqual([
      ['Municipality', '80,000.00'],
      ['(no funder named)', '14,250.00'],
      ['Local business', '12,000.00'],
    ]);
  });

  it('inputs in later years: the present value is discounted to the start of year 1', () => {
    const project = makeProject({
      inputs: [cashInput('1035', { year: 2, category: 'Staff' }), cashInput('500', { category: 'Rent' })],
    });
    const rows = costsByCategory(computeSroi(project), EN);
    expect(rows.map((r) => [r.label, r.amountText, r.presentValueText])).toEqual([
      ['Staff', '1,035.00', '1,000.00'],
      ['Rent', '500.00', '500.00'],
    ]);
    expect(costsAreDiscounted(rows)).toBe(true);
  });
});

describe('W2: the value waterfall', () => {
  it('from gross Q x P x D through each deduction to PV 180,737.35', () => {
    const { project, result } = w2();
    const steps = waterfallSteps(project, result);
    expect(steps.map((s) => s.key)).toEqual([
      'grossBenefits',
      'disbenefits',
      'deadweight',
      'displacement',
      'attribution',
      'dropOff',
      'discounting',
      'presentValue',
    ]);
    // Gross: 3 x 40,000 x 1 + 25 x 6,000 x 3 + 40 x 150 x 2 = 582,000; the nuisance: 10 x -200 x 1 = -2,000.
    // Deadweight: 24,000 + 112,500 + 6,000; attribution: 28,800 + 168,750 (of what deadweight left).
    // Drop-off: sum impact x D (239,950) - undiscounted 194,387.50; discounting: 194,387.50 - PV.
    expect(byKey(steps)).toEqual({
      grossBenefits: '582000.00',
      disbenefits: '-2000.00',
      deadweight: '-142500.00',
      displacement: '0.00',
      attribution: '-197550.00',
      dropOff: '-45562.50',
      discounting: '-13650.15',
      presentValue: '180737.35',
    });
    expect(grossValue(steps).toFixed(2)).toBe('580000.00');
    expect(steps[steps.length - 1].end.eq(result.presentValue.value)).toBe(true);
    expect(steps[steps.length - 1].amount.toFixed(6)).toBe('180737.349240');
  });

  it('rows for recharts: floating ranges, directions and signed labels', () => {
    const { project, result } = w2();
    const rows = waterfallRows(waterfallSteps(project, result), EN);
    expect(rows.map((r) => [r.key, r.direction, r.text])).toEqual([
      ['grossBenefits', 'total', '582,000.00'],
      ['disbenefits', 'down', '-2,000.00'],
      ['deadweight', 'down', '-142,500.00'],
      ['displacement', 'none', '0.00'],
      ['attribution', 'down', '-197,550.00'],
      ['dropOff', 'down', '-45,562.50'],
      ['discounting', 'down', '-13,650.15'],
      ['presentValue', 'total', '180,737.35'],
    ]);
    expect(rows[0].range).toEqual([0, 582_000]);
    expect(rows[2].range).toEqual([437_500, 580_000]);
    expect(rows[7].range[0]).toBe(0);
    expect(rows[7].range[1]).toBeCloseTo(180_737.35, 2);
  });

  it('a deduction on a disbenefit gives value back: the step goes up', () => {
    const project = makeProject({
      stakeholders: [makeStakeholder()],
      outcomes: [makeOutcome({ id: 'harm', quantity: '10', proxy: { value: '-100' }, deadweight: '0.4' })],
    });
    const result = computeSroi(project);
    const steps = waterfallSteps(project, result);
    // No benefits: gross benefits 0, disbenefits -1,000, deadweight removes 40 % of the harm: +400.
    expect(byKey(steps)).toMatchObject({ grossBenefits: '0.00', disbenefits: '-1000.00', deadweight: '400.00' });
    const rows = waterfallRows(steps, EN);
    expect(rows.find((r) => r.key === 'deadweight')).toMatchObject({ direction: 'up', text: '+400.00' });
    expect(steps[steps.length - 1].end.eq(result.presentValue.value)).toBe(true);
  });

  it('without disbenefits there is no disbenefits step', () => {
    const project = makeProject();
    const steps = waterfallSteps(project, computeSroi(project));
    expect(steps.map((s) => s.key)).not.toContain('disbenefits');
  });

  it('refuses a result computed from another project', () => {
    const { result } = w2();
    expect(() => waterfallSteps(makeProject(), result)).toThrow(/does not match/);
  });
});

/** sum of Q x P x f(outcome) x D over the outcomes, exactly, with P the engine's effective proxy. */
function sumOver(project: Project, result: ReturnType<typeof computeSroi>, factor: (i: number) => Decimal) {
  return result.outcomes.reduce((acc, o, i) => {
    const source = project.outcomes[i];
    return acc.plus(new Exact(source.quantity).times(new Exact(o.proxy.value)).times(factor(i)).times(source.duration));
  }, new Exact(0));
}

describe('the waterfall on generated projects', () => {
  it('gross value minus every step is the engine PV, exactly; each step is the formula it claims', () => {
    fc.assert(
      fc.property(projectArb({ complete: false, maxExtra: 5 }), (generated) => {
        const parsed = parseProjectFile({ schemaVersion: 1, project: generated });
        if (!parsed.ok) throw new Error('a generated project does not parse');
        const project = parsed.value.project;
        const result = computeSroi(project);
        const steps = waterfallSteps(project, result);

        // 1. The bars add up: total benefits, then every change, ends at the engine's PV to the last digit.
        const first = steps[0];
        const last = steps[steps.length - 1];
        expect(first.key).toBe('grossBenefits');
        expect(last.key).toBe('presentValue');
        const changes = steps.filter((s) => s.kind === 'change');
        const end = changes.reduce((level, s) => level.plus(new Exact(s.amount)), new Exact(first.amount));
        expect(end.eq(new Exact(result.presentValue.value))).toBe(true);
        expect(last.amount.eq(result.presentValue.value)).toBe(true);
        // Each bar starts where the previous one ended.
        changes.forEach((s, i) => {
          const previous = i === 0 ? first.end : changes[i - 1].end;
          expect(s.start.eq(previous)).toBe(true);
          expect(s.end.eq(new Exact(s.start).plus(new Exact(s.amount)))).toBe(true);
        });

        // 2. Each step is what its label says, computed independently.
        const amount = (key: string) => new Exact(steps.find((s) => s.key === key)?.amount ?? 0);
        const one = new Exact(1);
        const dw = (i: number) => new Exact(project.outcomes[i].deadweight);
        const ds = (i: number) => new Exact(project.outcomes[i].displacement);
        const gross = sumOver(project, result, () => one);
        expect(amount('grossBenefits').plus(amount('disbenefits')).eq(gross)).toBe(true);
        expect(amount('grossBenefits').isNeg()).toBe(false);
        expect(amount('disbenefits').isPos() && !amount('disbenefits').isZero()).toBe(false);
        expect(amount('deadweight').eq(sumOver(project, result, dw).neg())).toBe(true);
        expect(amount('displacement').eq(sumOver(project, result, (i) => one.minus(dw(i)).times(ds(i))).neg())).toBe(
          true,
        );
        const undiscounted = new Exact(result.undiscountedValue.value);
        expect(amount('discounting').eq(new Exact(result.presentValue.value).minus(undiscounted))).toBe(true);
        // Attribution and drop-off meet at sum impact x D, the engine's impact (rounded to 28 digits).
        const impacts = result.outcomes.reduce(
          (acc, o, i) => acc.plus(new Exact(o.impact.value).times(project.outcomes[i].duration)),
          new Exact(0),
        );
        expect(amount('dropOff').eq(undiscounted.minus(impacts))).toBe(true);
        const exactAttribution = sumOver(project, result, (i) =>
          one
            .minus(dw(i))
            .times(one.minus(ds(i)))
            .times(new Exact(project.outcomes[i].attribution)),
        ).neg();
        // The engine rounds each impact to 28 significant digits: allow that, relative to the sizes involved.
        const scale = result.outcomes.reduce(
          (acc, o, i) =>
            acc.plus(
              new Exact(project.outcomes[i].quantity)
                .times(new Exact(o.proxy.value).abs())
                .times(project.outcomes[i].duration),
            ),
          new Exact(1),
        );
        expect(amount('attribution').minus(exactAttribution).abs().lte(scale.times('1e-20'))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
