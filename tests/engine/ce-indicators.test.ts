/**
 * Cost-effectiveness indicators of METHOD.md section 2 that need no comparator: cost per output, client and
 * outcome; QALYs gained and DALYs averted with cost per QALY / DALY; benefit-cost ratio, ROI and break-even.
 * Every expected number is worked out by hand in the comments (W2's investment is 106,250 EUR).
 */
import { describe, expect, it } from 'vitest';
import { computeSroi } from '../../shared/engine';
import {
  benefitCostRatio,
  breakEven,
  computeCostEffectiveness,
  costPerClient,
  costPerDalyAverted,
  costPerOutcome,
  costPerOutput,
  costPerQalyGained,
  dalysAverted,
  qalysGained,
  returnOnInvestment,
  type OutputCost,
} from '../../shared/engine/ce';
import type { OptionalFigure } from '../../shared/engine';
import type { Dec } from '../../shared/money';
import type { Output } from '../../shared/model';
import { clone, loadW2, makeOutcome, makeProject } from './fixtures';

const INVESTMENT = '106250';

function value(f: OptionalFigure): Dec {
  if (f.value === null) throw new Error(`expected a value, got n/a: ${f.explain.unavailable ?? ''}`);
  return f.value;
}

function na(f: OptionalFigure): string {
  if (f.value !== null) throw new Error(`expected n/a, got ${f.value.toFixed()}`);
  return f.explain.unavailable ?? '';
}

function output(overrides: Partial<Output>): Output {
  return { id: 'out', name: 'Output', unit: '', stakeholderId: null, records: [], notes: '', ...overrides };
}

const syringes = output({
  id: 'syringes',
  name: 'Syringes given',
  unit: 'syringe',
  records: [
    {
      period: '2025-01',
      count: '1200',
      breakdown: [
        { categories: { gender: 'women' }, count: '700' },
        { categories: { gender: 'men' }, count: '500' },
      ],
    },
    { period: '2025-02', count: '1300', breakdown: [] },
  ],
});
const kits = output({
  id: 'kits',
  name: 'Naloxone kits',
  unit: 'kit',
  records: [{ period: '2025', count: '0', breakdown: [] }],
});
const contacts = output({ id: 'contacts', name: 'Contacts', records: [] });

describe('cost per output', () => {
  const [perSyringe, perKit, perContact] = costPerOutput(INVESTMENT, [syringes, kits, contacts], 'EUR') as [
    OutputCost,
    OutputCost,
    OutputCost,
  ];

  it('counts are the records summed, breakdowns ignored: 1,200 + 1,300 = 2,500 (not + 700 + 500)', () => {
    expect(value(perSyringe.count).toFixed()).toBe('2500');
    expect(perSyringe.count.explain.inputs.map((i) => [i.name, String(i.value)])).toEqual([
      ['2025-01', '1200'],
      ['2025-02', '1300'],
    ]);
  });

  it('106,250 / 2,500 syringes = 42.50 EUR per syringe', () => {
    expect(value(perSyringe.costPerOutput).toFixed(6)).toBe('42.500000');
    expect(perSyringe.costPerOutput.explain.label).toBe('Cost per output: Syringes given (EUR per syringe)');
    expect(perSyringe.costPerOutput.explain.formula).toBe('cost per output = total cost / outputs');
  });

  it('no kits counted (0) or no records at all: n/a with the reason, never a division by zero', () => {
    expect(na(perKit.costPerOutput)).toBe(
      'n/a: no "Naloxone kits" were counted (0), so the cost per output is undefined',
    );
    expect(value(perContact.count).toFixed()).toBe('0');
    expect(na(perContact.costPerOutput)).toContain('no "Contacts" were counted');
  });

  it('an unusable total cost is named', () => {
    const [bad] = costPerOutput('-1', [syringes]) as [OutputCost];
    expect(na(bad.costPerOutput)).toBe('n/a: the total cost cannot be negative');
  });
});

describe('cost per client', () => {
  it('106,250 / 400 unique clients = 265.625', () => {
    expect(value(costPerClient(INVESTMENT, 400, 'EUR')).toFixed(6)).toBe('265.625000');
    expect(value(costPerClient(INVESTMENT, '400')).toFixed(6)).toBe('265.625000');
  });

  it('0 clients: n/a', () => {
    expect(na(costPerClient(INVESTMENT, 0))).toBe(
      'n/a: there are no unique clients (0), so the cost per client is undefined',
    );
  });

  it('clients must be a count', () => {
    expect(na(costPerClient(INVESTMENT, 400.5))).toBe(
      'n/a: the number of unique clients must be a whole number, not 400.5',
    );
    expect(na(costPerClient(INVESTMENT, '-3'))).toBe('n/a: the number of unique clients cannot be negative');
    expect(na(costPerClient('1,000', 3))).toContain('n/a: the total cost must be a plain number');
  });
});

describe('cost per outcome, net of deadweight (W2)', () => {
  const w2 = loadW2();
  const byId = (id: string) => {
    const o = w2.outcomes.find((x) => x.id === id);
    if (!o) throw new Error(id);
    return costPerOutcome(INVESTMENT, o, 'EUR');
  };

  it('overdose deaths averted: 106,250 / (3 x (1 - 20 %)) = 106,250 / 2.4 = 44,270.83 per death averted', () => {
    const r = byId('overdose');
    expect(value(r.netQuantity).toFixed(6)).toBe('2.400000');
    expect(value(r.costPerOutcome).toFixed(2)).toBe('44270.83');
    expect(value(r.costPerOutcome).toFixed(6)).toBe('44270.833333');
    // deadweight only: attribution (30 %) is not deducted (106,250 / 1.68 would be 63,244.05)
    expect(r.costPerOutcome.explain.formula).toBe('cost per outcome = total cost / (Q x (1 - DW))');
  });

  it('retained in treatment: 106,250 / (25 x 0.75 = 18.75) = 5,666.67', () => {
    expect(value(byId('oat').costPerOutcome).toFixed(6)).toBe('5666.666667');
  });

  it('fewer discarded syringes: 106,250 / (40 x 0.5 = 20) = 5,312.50', () => {
    expect(value(byId('syringes').costPerOutcome).toFixed(6)).toBe('5312.500000');
  });

  it('deadweight 100 % or quantity 0: n/a', () => {
    const all = makeOutcome({ id: 'x', name: 'Would have happened anyway', quantity: '5', deadweight: '1' });
    expect(na(costPerOutcome(INVESTMENT, all).costPerOutcome)).toBe(
      'n/a: net of deadweight there are no outcomes (the deadweight is 100 %), so the cost per outcome is undefined',
    );
    const none = makeOutcome({ id: 'y', name: 'Nobody', quantity: '0' });
    expect(na(costPerOutcome(INVESTMENT, none).costPerOutcome)).toContain('(the quantity Q is 0)');
  });

  it('a deadweight outside 0..100 % is named', () => {
    const bad = { id: 'z', name: 'Z', quantity: '5', deadweight: '1.5' };
    expect(na(costPerOutcome(INVESTMENT, bad).costPerOutcome)).toBe(
      'n/a: the deadweight DW must be between 0 % and 100 % (a fraction from 0 to 1, e.g. "0.25" for 25 %)',
    );
  });
});

describe('benefit-cost ratio and ROI', () => {
  it('W2: 180,737.349240 / 106,250 = 1.701057; ROI = 74,487.349240 / 106,250 = 0.701057', () => {
    expect(value(benefitCostRatio('180737.349240', INVESTMENT)).toFixed(6)).toBe('1.701057');
    expect(value(returnOnInvestment('180737.349240', INVESTMENT)).toFixed(6)).toBe('0.701057');
  });

  it('ROI = BCR - 1, also with negative benefits (-500 / 1,000 = -0.5; ROI -1.5)', () => {
    expect(value(benefitCostRatio('-500', '1000')).toFixed()).toBe('-0.5');
    expect(value(returnOnInvestment('-500', '1000')).toFixed()).toBe('-1.5');
  });

  it('PV of costs 0: both n/a; negative costs refused', () => {
    expect(na(benefitCostRatio('100', '0'))).toBe('n/a: the PV of costs is zero, so the ratio is undefined');
    expect(na(returnOnInvestment('100', '0'))).toBe('n/a: the PV of costs is zero, so the ratio is undefined');
    expect(na(benefitCostRatio('100', '-5'))).toBe('n/a: the PV of costs cannot be negative');
  });
});

describe('QALYs gained, discounted like SROI values (end of year t)', () => {
  // 0.2 utility gained by 10 people in years 1, 2 and 3: 2 QALYs a year.
  const years = [1, 2, 3].map((year) => ({ year, utilityGain: '0.2', persons: '10' }));

  it('at 3.5 %, guide: 2/1.035 + 2/1.035^2 + 2/1.035^3 = 1.932367 + 1.867021 + 1.803885 = 5.603274', () => {
    const r = qalysGained(years, { discountRate: '0.035' });
    expect(r.byYear.map((y) => y.presentValue.toFixed(6))).toEqual(['1.932367', '1.867021', '1.803885']);
    expect(r.byYear.map((y) => y.discountFactor.toFixed())).toEqual(['1.035', '1.071225', '1.108717875']);
    expect(value(r.qalys).toFixed(6)).toBe('5.603274');
    expect(value(r.undiscounted).toFixed()).toBe('6');
    expect(r.qalys.explain.formula).toBe('QALYs = sum over t of utility gain(t) x persons(t) / (1 + r)^t');
  });

  it('year0 convention: 2 + 1.932367 + 1.867021 = 5.799389', () => {
    const r = qalysGained(years, { discountRate: '0.035', yearOneConvention: 'year0' });
    expect(value(r.qalys).toFixed(6)).toBe('5.799389');
  });

  it('a rate of 0 leaves 6 QALYs', () => {
    expect(value(qalysGained(years, { discountRate: '0' }).qalys).toFixed()).toBe('6');
  });

  it('years with a gap, at 5 %: 0.3 x 20 / 1.05 + 0.3 x 18 / 1.05^2 + 0.1 x 50 / 1.05^4 = 14.725757', () => {
    // 6 / 1.05 = 5.714286; 5.4 / 1.1025 = 4.897959; 5 / 1.21550625 = 4.113512
    const r = qalysGained(
      [
        { year: 1, utilityGain: '0.3', persons: '20' },
        { year: 2, utilityGain: '0.3', persons: '18' },
        { year: 4, utilityGain: '0.1', persons: '50' },
      ],
      { discountRate: '0.05' },
    );
    expect(r.byYear.map((y) => y.presentValue.toFixed(6))).toEqual(['5.714286', '4.897959', '4.113512']);
    expect(value(r.qalys).toFixed(6)).toBe('14.725757');
  });

  it('is discounted exactly as the SROI engine discounts an outcome of Q = 10, P = 0.2 for 3 years', () => {
    const project = makeProject({
      outcomes: [makeOutcome({ quantity: '10', proxy: { value: '0.2' }, duration: 3 })],
    });
    const sroi = computeSroi(project);
    const qalys = qalysGained(years, project.settings);
    expect(value(qalys.qalys).eq(sroi.presentValue.value)).toBe(true);
    const year0 = clone(project);
    year0.settings.yearOneConvention = 'year0';
    expect(value(qalysGained(years, year0.settings).qalys).eq(computeSroi(year0).presentValue.value)).toBe(true);
  });

  it('unusable inputs are named', () => {
    expect(na(qalysGained(years, { discountRate: '-0.01' }).qalys)).toBe('n/a: the discount rate cannot be negative');
    expect(na(qalysGained([{ year: 0, utilityGain: '0.2', persons: '1' }], { discountRate: '0' }).qalys)).toBe(
      'n/a: the year of entry 1 must be a whole number from 1 (the first year of activity) to 100',
    );
    expect(na(qalysGained([{ year: 2, utilityGain: '0.2', persons: 'ten' }], { discountRate: '0' }).qalys)).toContain(
      'n/a: the number of persons of year 2 must be a plain number',
    );
  });

  it('cost per QALY gained: 106,250 / 5.603274 = 18,962.13', () => {
    const qalys = value(qalysGained(years, { discountRate: '0.035' }).qalys);
    const r = costPerQalyGained(INVESTMENT, qalys, 'EUR');
    expect(r.verdict).toBe('more-costly-more-effective');
    expect(value(r).toFixed(2)).toBe('18962.13');
    expect(r.summary).toBe('ICER 18,962.13 EUR per QALY');
  });

  it('cost per QALY when the programme saves money: "dominant (cost-saving)", not a negative number', () => {
    const r = costPerQalyGained('-5000', '2', 'EUR');
    expect(r.verdict).toBe('dominant');
    expect(r.summary).toBe('dominant (cost-saving)');
    expect(na(r)).toBe(
      'n/a: dominant (cost-saving): the programme costs 5,000 EUR less and achieves 2 QALYs more than its comparator, so no ICER is shown',
    );
  });

  it('cost per QALY with no QALYs gained: n/a (dE = 0)', () => {
    expect(na(costPerQalyGained('1000', '0'))).toContain('dE = 0, so the ICER is undefined');
  });
});

describe('DALYs averted = YLL + YLD', () => {
  const dalys = dalysAverted({
    deaths: [{ label: 'Overdose deaths', deaths: '2', yearsOfLifeLost: '35' }],
    disability: [
      { label: 'Hepatitis C', persons: '10', disabilityWeight: '0.2', durationYears: '5' },
      { label: 'Abscesses', persons: '4', disabilityWeight: '0.05', durationYears: '2.5' },
    ],
  });

  it('YLL 2 x 35 = 70; YLD 0.2 x 5 x 10 + 0.05 x 2.5 x 4 = 10 + 0.5 = 10.5; DALYs 80.5', () => {
    expect(value(dalys.yll).toFixed()).toBe('70');
    expect(value(dalys.yld).toFixed()).toBe('10.5');
    expect(value(dalys.dalys).toFixed()).toBe('80.5');
    expect(dalys.dalys.explain.formula).toBe('DALYs = YLL + YLD (undiscounted, no age weights)');
  });

  it('cost per DALY averted: 106,250 / 80.5 = 1,319.875776', () => {
    const r = costPerDalyAverted(INVESTMENT, value(dalys.dalys), 'EUR');
    expect(value(r).toFixed(6)).toBe('1319.875776');
    expect(r.summary).toBe('ICER 1,319.88 EUR per DALY averted');
  });

  it('nothing averted: 0 DALYs, and the cost per DALY is n/a', () => {
    const none = dalysAverted({});
    expect(value(none.dalys).toFixed()).toBe('0');
    expect(na(costPerDalyAverted(INVESTMENT, value(none.dalys)))).toContain('dE = 0');
  });

  it('a disability weight above 1 is named', () => {
    const r = dalysAverted({ disability: [{ label: 'X', persons: '1', disabilityWeight: '1.2', durationYears: '1' }] });
    expect(na(r.yld)).toBe(
      'n/a: the disability weight of "X" (disability[0].disabilityWeight) must be between 0 % and 100 % (a fraction from 0 to 1, e.g. "0.25" for 25 %)',
    );
    expect(na(r.dalys)).toBe(na(r.yld));
    expect(value(r.yll).toFixed()).toBe('0');
  });
});

describe('break-even', () => {
  it('250,000 a year / 100,000 lifetime cost of one HIV infection = 2.5 infections averted a year', () => {
    const r = breakEven({
      annualBudget: '250000',
      valueOfOneOutcome: '100000',
      outcomes: 'HIV infections averted',
      valueName: 'lifetime cost of one HIV infection',
      currency: 'EUR',
    });
    expect(value(r).toFixed()).toBe('2.5');
    expect(r.explain.label).toBe(
      'Break-even: 2.5 HIV infections averted a year pay for the programme (annual budget / lifetime cost of one HIV infection); with more HIV infections averted than this each year the programme saves more than it costs',
    );
    expect(r.explain.formula).toBe('break-even = annual budget / lifetime cost of one HIV infection');
  });

  it('W2: 106,250 / 40,000 per overdose death = 2.65625 deaths averted a year', () => {
    expect(value(breakEven({ annualBudget: INVESTMENT, valueOfOneOutcome: '40000' })).toFixed()).toBe('2.65625');
  });

  it('a value of 0 per outcome: n/a', () => {
    expect(na(breakEven({ annualBudget: '1000', valueOfOneOutcome: '0' }))).toBe(
      'n/a: the value of one outcome is zero, so no number of outcomes pays for the programme',
    );
  });
});

describe('all indicators of a project', () => {
  it('W2 with outputs and 400 clients: the investment divides every indicator; BCR is the SROI ratio', () => {
    const w2 = loadW2();
    w2.outputs = [syringes];
    const r = computeCostEffectiveness(w2, { uniqueClients: 400 });
    expect(r.totalCost.value.toFixed()).toBe('106250');
    expect(r.perOutput.map((o) => value(o.costPerOutput).toFixed())).toEqual(['42.5']);
    expect(r.perClient && value(r.perClient).toFixed()).toBe('265.625');
    expect(r.perOutcome.map((o) => [o.outcomeId, value(o.costPerOutcome).toFixed(2)])).toEqual([
      ['overdose', '44270.83'],
      ['oat', '5666.67'],
      ['syringes', '5312.50'],
      ['nuisance', '10625.00'],
    ]);
    expect(value(r.benefitCostRatio).toFixed(6)).toBe('1.701057');
    expect(value(r.returnOnInvestment).toFixed(6)).toBe('0.701057');
    expect(r.strategies).toBeNull();
  });

  it("a project's strategies are compared in its currency and effect unit; one strategy is explained", () => {
    const project = makeProject({
      effectUnit: 'deaths averted',
      strategies: [
        { id: 'none', name: 'No service', cost: '0', effect: '0', notes: '', uncertainty: {} },
        { id: 'svc', name: 'Outreach', cost: '106250', effect: '2.4', notes: '', uncertainty: {} },
      ],
    });
    const r = computeCostEffectiveness(project, { willingnessToPay: '50000' });
    if (!r.strategies?.ok) throw new Error('expected a comparison');
    const svc = r.strategies.value.strategies.find((s) => s.id === 'svc');
    expect(svc?.increment?.summary).toBe('ICER 44,270.83 EUR per death averted');
    // NMB at 50,000 per death averted: 50,000 x 2.4 - 106,250 = 13,750
    expect(r.strategies.value.highestNmb?.strategyIds).toEqual(['svc']);
    expect(r.strategies.value.highestNmb?.nmb.value.toFixed()).toBe('13750');

    const single = computeCostEffectiveness({ ...project, strategies: project.strategies.slice(1) });
    expect(single.strategies?.ok).toBe(false);
    if (single.strategies && !single.strategies.ok) {
      expect(single.strategies.explanation).toContain('need at least two strategies to compare');
    }
  });
});
