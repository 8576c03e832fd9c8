/**
 * METHOD.md section 2, comparison of strategies: the worked examples W3 and W4 to the digit, the dominance
 * edge cases (equal effects, equal costs, identical strategies, each quadrant of the cost-effectiveness
 * plane), net monetary benefit, and input validation with messages that name the strategy and the field.
 * Expected numbers are the ones printed in METHOD.md or worked out by hand in the comments, never the engine's.
 */
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import {
  compareStrategies,
  compareTwo,
  type CompareOptions,
  type Increment,
  type StrategyComparison,
  type StrategyInput,
  type StrategyResult,
} from '../../shared/engine/ce';
import { Dec } from '../../shared/money';

/** 60 significant digits: the "exact" value an engine figure is compared with. */
const Exact = Decimal.clone({ precision: 60 });

function compared(strategies: StrategyInput[], options?: CompareOptions): StrategyComparison {
  const result = compareStrategies(strategies, options);
  if (!result.ok) throw new Error(`expected a comparison, got: ${result.explanation}`);
  return result.value;
}

function byId(c: StrategyComparison, id: string): StrategyResult {
  const found = c.strategies.find((s) => s.id === id);
  if (!found) throw new Error(`no strategy ${id}`);
  return found;
}

function incrementOf(c: StrategyComparison, id: string): Increment {
  const inc = byId(c, id).increment;
  if (!inc) throw new Error(`strategy ${id} has no increment`);
  return inc;
}

function icer(c: StrategyComparison, id: string): Dec {
  const value = incrementOf(c, id).icer.value;
  if (value === null) throw new Error(`strategy ${id}: ICER is n/a: ${incrementOf(c, id).icer.explain.unavailable}`);
  return value;
}

function two(strategy: [string, string], comparator: [string, string], options?: CompareOptions): Increment {
  const result = compareTwo(
    { id: 's', name: 'New', cost: strategy[0], effect: strategy[1] },
    { id: 'c', name: 'Old', cost: comparator[0], effect: comparator[1] },
    options,
  );
  if (!result.ok) throw new Error(result.explanation);
  return result.value;
}

/** |actual - exact| <= 10^-20 x |exact|. */
function expectNear(actual: Dec, exact: Decimal): void {
  const diff = new Exact(actual.toString()).minus(exact).abs();
  expect(diff.lte(exact.abs().times('1e-20')), `${actual.toFixed()} vs ${exact.toFixed(30)}`).toBe(true);
}

// ---------------------------------------------------------------------------------------------------------

describe('W3: dominance and extended dominance (VA HERC, as in dampack)', () => {
  const w3: StrategyInput[] = [
    { id: 'UC', name: 'UC', cost: '5000', effect: '1' },
    { id: 'A', name: 'A', cost: '12000', effect: '1.5' },
    { id: 'B', name: 'B', cost: '10000', effect: '2' },
    { id: 'C', name: 'C', cost: '25000', effect: '3' },
    { id: 'D', name: 'D', cost: '35000', effect: '4' },
    { id: 'E', name: 'E', cost: '55000', effect: '5' },
  ];
  const c = compared(w3, { currency: 'USD', effectUnit: 'QALYs' });

  it('sorts by cost: UC, B, A, C, D, E', () => {
    expect(c.strategies.map((s) => s.id)).toEqual(['UC', 'B', 'A', 'C', 'D', 'E']);
    expect(c.strategies.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(c.strategies.map((s) => s.inputIndex)).toEqual([0, 2, 1, 3, 4, 5]);
  });

  it('frontier UC -> B -> D -> E', () => {
    expect(c.frontier).toEqual(['UC', 'B', 'D', 'E']);
    expect(c.strategies.map((s) => [s.id, s.status])).toEqual([
      ['UC', 'reference'],
      ['B', 'frontier'],
      ['A', 'dominated'],
      ['C', 'extendedly-dominated'],
      ['D', 'frontier'],
      ['E', 'frontier'],
    ]);
  });

  it('sequential ICERs 5,000 (B vs UC), 12,500 (D vs B), 20,000 (E vs D)', () => {
    // B: (10,000 - 5,000) / (2 - 1) = 5,000; D: (35,000 - 10,000) / (4 - 2) = 12,500; E: 20,000 / 1 = 20,000.
    expect(icer(c, 'B').toFixed(6)).toBe('5000.000000');
    expect(icer(c, 'D').toFixed(6)).toBe('12500.000000');
    expect(icer(c, 'E').toFixed(6)).toBe('20000.000000');
    expect(incrementOf(c, 'D').comparatorId).toBe('B');
    expect(incrementOf(c, 'D').dC.value.toFixed()).toBe('25000');
    expect(incrementOf(c, 'D').dE.value.toFixed()).toBe('2');
    expect(incrementOf(c, 'B').summary).toBe('ICER 5,000 USD per QALY');
    expect(byId(c, 'UC').increment).toBeNull();
  });

  it('A is dominated by B (B costs 2,000 less and achieves 0.5 more)', () => {
    const a = byId(c, 'A');
    expect(a.dominatedBy).toEqual(['B']);
    expect(a.extendedlyDominatedBy).toEqual([]);
    expect(a.explain.label).toBe(
      'A is dominated by B: B costs 2,000 USD less and achieves 0.5 QALYs more, so B is dominant (cost-saving) over A',
    );
    const inc = incrementOf(c, 'A');
    expect([inc.comparatorId, inc.verdict, inc.icer.value]).toEqual(['B', 'dominated', null]);
    expect(inc.dC.value.toFixed()).toBe('2000');
    expect(inc.dE.value.toFixed()).toBe('-0.5');
  });

  it('C is extendedly dominated: ICER B -> C 15,000 is above ICER C -> D 10,000, named in the explanation', () => {
    const cc = byId(c, 'C');
    expect(cc.extendedlyDominatedBy).toEqual(['B', 'D']);
    expect(cc.dominatedBy).toEqual([]);
    expect(cc.explain.label).toContain(
      'the ICER B -> C (15,000 USD per QALY) is above the ICER C -> D (10,000 USD per QALY)',
    );
    // A 50/50 mix of B and D: effect (2 + 4) / 2 = 3 = C's, cost (10,000 + 35,000) / 2 = 22,500 < 25,000.
    expect(cc.explain.label).toContain(
      '50 % of B and 50 % of D would achieve the same effect for 22,500 USD instead of 25,000 USD',
    );
    const values = Object.fromEntries(cc.explain.inputs.map((i) => [i.name, String(i.value)]));
    expect(values['ICER B -> C']).toBe('15000');
    expect(values['ICER C -> D']).toBe('10000');
    expect(values['Cost of the mix']).toBe('22500');
    expect(icer(c, 'C').toFixed()).toBe('15000');
    expect(incrementOf(c, 'C').comparatorId).toBe('B');
  });

  it('explains the steps in words', () => {
    expect(c.steps).toEqual([
      'Sorted by cost (ties by effect): UC, B, A, C, D, E.',
      'A is dominated by B: B costs 2,000 USD less and achieves 0.5 QALYs more, so B is dominant (cost-saving) over A.',
      'Removed C (extended dominance): ICER B -> C 15,000 is above ICER C -> D 10,000 USD per QALY.',
      'Efficiency frontier: UC -> B (ICER 5,000 USD per QALY) -> D (ICER 12,500 USD per QALY) -> E (ICER 20,000 USD per QALY).',
    ]);
  });

  it('the input order does not matter', () => {
    const reversed = compared([...w3].reverse(), { currency: 'USD', effectUnit: 'QALYs' });
    expect(reversed.frontier).toEqual(c.frontier);
    expect(reversed.strategies.map((s) => [s.id, s.status])).toEqual(c.strategies.map((s) => [s.id, s.status]));
  });

  describe('net monetary benefit', () => {
    it('at 15,000 per QALY, D has the highest NMB: 15,000 x 4 - 35,000 = 25,000', () => {
      const nmb = compared(w3, { willingnessToPay: '15000', currency: 'USD', effectUnit: 'QALYs' });
      // UC 15,000 - 5,000 = 10,000; A 22,500 - 12,000 = 10,500; B 30,000 - 10,000 = 20,000;
      // C 45,000 - 25,000 = 20,000; D 60,000 - 35,000 = 25,000; E 75,000 - 55,000 = 20,000.
      expect(nmb.strategies.map((s) => [s.id, s.nmb?.value.toFixed()])).toEqual([
        ['UC', '10000'],
        ['B', '20000'],
        ['A', '10500'],
        ['C', '20000'],
        ['D', '25000'],
        ['E', '20000'],
      ]);
      expect(nmb.highestNmb?.strategyIds).toEqual(['D']);
      expect(nmb.highestNmb?.nmb.value.toFixed()).toBe('25000');
      expect(nmb.highestNmb?.nmb.explain.label).toBe('Highest net monetary benefit at 15,000 USD per QALY: D');
      // INMB of D against B: 15,000 x 2 - 25,000 = 5,000
      expect(incrementOf(nmb, 'D').inmb?.value.toFixed()).toBe('5000');
    });

    it('at 12,500 per QALY (the ICER of D against B) B and D tie at 15,000', () => {
      const nmb = compared(w3, { willingnessToPay: new Dec('12500') });
      expect(nmb.highestNmb?.strategyIds).toEqual(['B', 'D']);
      expect(nmb.highestNmb?.nmb.value.toFixed()).toBe('15000');
      expect(incrementOf(nmb, 'D').inmb?.value.toFixed()).toBe('0');
    });

    it('at 0, the least costly strategy has the highest NMB (-5,000)', () => {
      const nmb = compared(w3, { willingnessToPay: '0' });
      expect(nmb.highestNmb?.strategyIds).toEqual(['UC']);
      expect(nmb.highestNmb?.nmb.value.toFixed()).toBe('-5000');
    });

    it('without a willingness to pay there is no NMB', () => {
      expect(c.willingnessToPay).toBeNull();
      expect(c.highestNmb).toBeNull();
      expect(c.strategies.every((s) => s.nmb === null)).toBe(true);
      expect(incrementOf(c, 'B').inmb).toBeNull();
    });
  });
});

describe('W4: HIV screening frequency (Paltiel et al. 2006, as in dampack)', () => {
  // Quality-adjusted life-months converted to QALYs by / 12, in decimals.
  const qalys = (months: string) => new Dec(months).div(12);
  const w4: StrategyInput[] = [
    { id: 'sq', name: 'Status quo', cost: '26000', effect: qalys('277.25') },
    { id: 'once', name: 'One-time', cost: '27000', effect: qalys('277.57') },
    { id: 'five', name: 'Every 5 years', cost: '28020', effect: qalys('277.78') },
    { id: 'three', name: 'Every 3 years', cost: '28440', effect: qalys('277.83') },
    { id: 'annual', name: 'Annual', cost: '29440', effect: qalys('277.76') },
  ];
  const c = compared(w4, { currency: 'USD', effectUnit: 'QALYs' });

  it('frontier: status quo -> one-time -> every 5 years -> every 3 years; annual dominated', () => {
    expect(c.frontier).toEqual(['sq', 'once', 'five', 'three']);
    expect(byId(c, 'sq').status).toBe('reference');
    expect(byId(c, 'annual').status).toBe('dominated');
    // Every 5 years (28,020; 277.78) and every 3 years (28,440; 277.83) both cost less and achieve more.
    expect(byId(c, 'annual').dominatedBy).toEqual(['five', 'three']);
    expect(byId(c, 'annual').explain.label).toContain(
      'Annual is dominated by Every 5 years (and also by Every 3 years)',
    );
  });

  it('one-time vs status quo: 1,000 / (0.32 / 12) = 37,500 per QALY', () => {
    expect(icer(c, 'once').toFixed(6)).toBe('37500.000000');
    expectNear(icer(c, 'once'), new Exact(1000).times(12).div('0.32'));
  });

  it('every 5 years: 1,020 / (0.21 / 12) = 58,285.714... per QALY, 58,286 rounded', () => {
    const exact = new Exact(1020).times(12).div('0.21');
    expect(exact.toFixed(6)).toBe('58285.714286');
    expectNear(icer(c, 'five'), exact);
    expect(icer(c, 'five').toDecimalPlaces(0).toFixed()).toBe('58286');
    expect(incrementOf(c, 'five').summary).toBe('ICER 58,285.71 USD per QALY');
  });

  it('every 3 years: 420 / (0.05 / 12) = 100,800 per QALY', () => {
    expect(icer(c, 'three').toFixed(6)).toBe('100800.000000');
    expectNear(icer(c, 'three'), new Exact(420).times(12).div('0.05'));
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('dominance edge cases', () => {
  it('equal effects: the costlier one is dominated (dE = 0, no ICER), the cheaper one is cost-saving', () => {
    const c = compared(
      [
        { id: 'a', name: 'A', cost: '100', effect: '5' },
        { id: 'b', name: 'B', cost: '200', effect: '5' },
      ],
      { currency: 'EUR' },
    );
    expect(c.frontier).toEqual(['a']);
    expect(byId(c, 'b').dominatedBy).toEqual(['a']);
    expect(byId(c, 'b').explain.label).toBe(
      'B is dominated by A: A costs 100 EUR less and achieves the same effect, so A is dominant (cost-saving) over B',
    );
    const inc = incrementOf(c, 'b');
    expect(inc.verdict).toBe('dominated');
    expect(inc.icer.value).toBeNull();
    expect(inc.icer.explain.unavailable).toContain('dE = 0, so the ICER is undefined');
  });

  it('equal costs: the less effective one is dominated; the other is dominant, not cost-saving', () => {
    const c = compared([
      { id: 'a', name: 'A', cost: '100', effect: '5' },
      { id: 'b', name: 'B', cost: '100', effect: '6' },
    ]);
    expect(c.frontier).toEqual(['b']);
    expect(c.strategies.map((s) => s.id)).toEqual(['a', 'b']); // ties on cost sorted by effect
    expect(byId(c, 'a').dominatedBy).toEqual(['b']);
    expect(byId(c, 'a').explain.label).toBe(
      'A is dominated by B: B costs the same and achieves 1 more, so B is dominant over A',
    );
  });

  it('identical strategies: neither dominates the other; both on the frontier, ICER between them undefined', () => {
    const c = compared([
      { id: 'x', name: 'X', cost: '100', effect: '5' },
      { id: 'y', name: 'Y', cost: '100', effect: '5' },
    ]);
    expect(c.frontier).toEqual(['x', 'y']);
    expect(byId(c, 'x').status).toBe('reference');
    expect(byId(c, 'y').status).toBe('frontier');
    expect(byId(c, 'y').dominatedBy).toEqual([]);
    const inc = incrementOf(c, 'y');
    expect([inc.verdict, inc.icer.value, inc.dC.value.toFixed(), inc.dE.value.toFixed()]).toEqual([
      'identical',
      null,
      '0',
      '0',
    ]);
    expect(inc.icer.explain.unavailable).toBe(
      'n/a: dE = 0, so the ICER is undefined: Y and X have the same cost and the same effect',
    );
  });

  it('identical strategies inside a comparison share their status; the next one is compared with them', () => {
    // UC (0, 0); X = Y (100, 5): ICER 100 / 5 = 20; Z (300, 7): ICER 200 / 2 = 100.
    const c = compared([
      { id: 'uc', name: 'UC', cost: '0', effect: '0' },
      { id: 'x', name: 'X', cost: '100', effect: '5' },
      { id: 'y', name: 'Y', cost: '100', effect: '5' },
      { id: 'z', name: 'Z', cost: '300', effect: '7' },
    ]);
    expect(c.frontier).toEqual(['uc', 'x', 'y', 'z']);
    expect(icer(c, 'x').toFixed()).toBe('20');
    expect(incrementOf(c, 'y').verdict).toBe('identical');
    expect(icer(c, 'z').toFixed()).toBe('100');
  });

  it('two identical strategies can be extendedly dominated together', () => {
    // UC (0, 0) -> C (150, 1): 150; C -> D (200, 2): 50 < 150, so C and its twin C2 go; D vs UC: 100.
    const c = compared([
      { id: 'uc', name: 'UC', cost: '0', effect: '0' },
      { id: 'c', name: 'C', cost: '150', effect: '1' },
      { id: 'c2', name: 'C2', cost: '150', effect: '1' },
      { id: 'd', name: 'D', cost: '200', effect: '2' },
    ]);
    expect(c.frontier).toEqual(['uc', 'd']);
    expect(byId(c, 'c').status).toBe('extendedly-dominated');
    expect(byId(c, 'c2').status).toBe('extendedly-dominated');
    expect(byId(c, 'c2').extendedlyDominatedBy).toEqual(['uc', 'd']);
    expect(icer(c, 'd').toFixed()).toBe('100');
  });

  it('extended dominance is repeated until stable', () => {
    // P0 (0, 0), P1 (10, 1), P2 (40, 2), P3 (60, 3), P4 (75, 4): ICERs 10, 30, 20, 15.
    // P2 goes (30 > 20): P1 -> P3 = 50 / 2 = 25 > 15, so P3 goes too: P1 -> P4 = 65 / 3 = 21.67 > 10. Stable.
    const c = compared(
      [0, 10, 40, 60, 75].map((cost, i) => ({ id: `p${i}`, name: `P${i}`, cost: String(cost), effect: String(i) })),
    );
    expect(c.frontier).toEqual(['p0', 'p1', 'p4']);
    expect(byId(c, 'p2').status).toBe('extendedly-dominated');
    expect(byId(c, 'p3').status).toBe('extendedly-dominated');
    expect(byId(c, 'p2').extendedlyDominatedBy).toEqual(['p1', 'p4']);
    expect(byId(c, 'p3').extendedlyDominatedBy).toEqual(['p1', 'p4']);
    expect(icer(c, 'p4').toFixed(6)).toBe('21.666667');
    expect(c.steps.filter((s) => s.startsWith('Removed'))).toEqual([
      'Removed P2 (extended dominance): ICER P1 -> P2 30 is above ICER P2 -> P3 20 per unit of effect.',
      'Removed P3 (extended dominance): ICER P1 -> P3 25 is above ICER P3 -> P4 15 per unit of effect.',
    ]);
  });

  it('equal ICERs (strategies on one line) are all kept on the frontier, also with negative costs', () => {
    // Net costs may be negative: (-500, 1) -> (0, 2): 500; (0, 2) -> (1,000, 4): 500. Not above: kept.
    const c = compared([
      { id: 'a', name: 'A', cost: '-500', effect: '1' },
      { id: 'b', name: 'B', cost: '0', effect: '2' },
      { id: 'c', name: 'C', cost: '1000', effect: '4' },
    ]);
    expect(c.frontier).toEqual(['a', 'b', 'c']);
    expect(icer(c, 'b').toFixed()).toBe('500');
    expect(icer(c, 'c').toFixed()).toBe('500');
  });

  it('a cost-saving programme: "dominant (cost-saving)" in words, never a negative ICER', () => {
    const c = compared(
      [
        { id: 'none', name: 'No programme', cost: '10000', effect: '0' },
        { id: 'prog', name: 'Programme', cost: '8000', effect: '3' },
      ],
      { currency: 'EUR', effectUnit: 'deaths averted' },
    );
    expect(c.frontier).toEqual(['prog']);
    const none = byId(c, 'none');
    expect(none.status).toBe('dominated');
    expect(none.explain.label).toBe(
      'No programme is dominated by Programme: Programme costs 2,000 EUR less and achieves 3 deaths averted more, so Programme is dominant (cost-saving) over No programme',
    );
    for (const s of c.strategies) {
      const value = s.increment?.icer.value;
      if (value !== undefined && value !== null) expect(value.gt(0)).toBe(true);
    }
    // and directly, programme against no programme:
    const inc = two(['8000', '3'], ['10000', '0'], { currency: 'EUR', effectUnit: 'deaths averted' });
    expect(inc.summary).toBe('dominant (cost-saving)');
    expect(inc.icer.value).toBeNull();
    expect(inc.icer.explain.unavailable).toBe(
      'n/a: dominant (cost-saving): New costs 2,000 EUR less and achieves 3 deaths averted more than Old, so no ICER is shown',
    );
  });
});

describe('one strategy against one comparator: each quadrant of the cost-effectiveness plane', () => {
  const options: CompareOptions = { currency: 'EUR', effectUnit: 'QALYs' };
  const cases: Array<{
    quadrant: string;
    s: [string, string];
    c: [string, string];
    verdict: Increment['verdict'];
    costSaving: boolean;
    icer: string | null;
    summary: string;
  }> = [
    {
      quadrant: 'north-east (dC > 0, dE > 0): ICER',
      s: ['300', '3'],
      c: ['100', '1'],
      verdict: 'more-costly-more-effective',
      costSaving: false,
      icer: '100',
      summary: 'ICER 100 EUR per QALY',
    },
    {
      quadrant: 'south-east (dC < 0, dE > 0): dominant (cost-saving)',
      s: ['100', '3'],
      c: ['300', '1'],
      verdict: 'dominant',
      costSaving: true,
      icer: null,
      summary: 'dominant (cost-saving)',
    },
    {
      quadrant: 'north-west (dC > 0, dE < 0): dominated',
      s: ['300', '1'],
      c: ['100', '3'],
      verdict: 'dominated',
      costSaving: false,
      icer: null,
      summary: 'dominated',
    },
    {
      quadrant: 'south-west (dC < 0, dE < 0): a saving per QALY forgone, positive',
      s: ['100', '1'],
      c: ['300', '3'],
      verdict: 'less-costly-less-effective',
      costSaving: true,
      icer: '100',
      summary: 'saves 100 EUR per QALY forgone (less costly, less effective)',
    },
    {
      quadrant: 'on the dE axis, dC = 0 and dE > 0: dominant, not cost-saving',
      s: ['100', '3'],
      c: ['100', '1'],
      verdict: 'dominant',
      costSaving: false,
      icer: null,
      summary: 'dominant',
    },
    {
      quadrant: 'on the dC axis, dC < 0 and dE = 0: dominant (cost-saving), ICER undefined',
      s: ['100', '1'],
      c: ['300', '1'],
      verdict: 'dominant',
      costSaving: true,
      icer: null,
      summary: 'dominant (cost-saving)',
    },
    {
      quadrant: 'on the dC axis, dC > 0 and dE = 0: dominated, ICER undefined',
      s: ['300', '1'],
      c: ['100', '1'],
      verdict: 'dominated',
      costSaving: false,
      icer: null,
      summary: 'dominated',
    },
    {
      quadrant: 'on the dE axis, dC = 0 and dE < 0: dominated',
      s: ['100', '1'],
      c: ['100', '3'],
      verdict: 'dominated',
      costSaving: false,
      icer: null,
      summary: 'dominated',
    },
    {
      quadrant: 'the origin: identical, ICER undefined',
      s: ['100', '1'],
      c: ['100', '1'],
      verdict: 'identical',
      costSaving: false,
      icer: null,
      summary: 'identical: ICER undefined (dE = 0)',
    },
  ];

  it.each(cases)('$quadrant', ({ s, c, verdict, costSaving, icer: expected, summary }) => {
    const inc = two(s, c, options);
    expect(inc.verdict).toBe(verdict);
    expect(inc.costSaving).toBe(costSaving);
    expect(inc.summary).toBe(summary);
    expect(inc.dC.value.eq(new Dec(s[0]).minus(c[0]))).toBe(true);
    expect(inc.dE.value.eq(new Dec(s[1]).minus(c[1]))).toBe(true);
    if (expected === null) {
      expect(inc.icer.value).toBeNull();
      expect(inc.icer.explain.unavailable).toMatch(/^n\/a: /);
    } else {
      expect(inc.icer.value?.toFixed()).toBe(expected);
    }
    // never a negative number in the words: amounts are written as "less" or "more"
    expect(`${inc.summary} ${inc.icer.explain.unavailable ?? ''}`).not.toMatch(/-\d/);
    if (new Dec(s[1]).minus(c[1]).isZero()) expect(inc.icer.explain.unavailable).toContain('dE = 0');
  });

  it('the south-west ratio is labelled as a saving per unit of effect forgone', () => {
    expect(two(['100', '1'], ['300', '3'], options).icer.explain.label).toBe(
      'ICER: New vs Old (saving per unit of effect forgone)',
    );
  });

  it('each figure explains itself: dC and dE from the two costs and effects', () => {
    const inc = two(['300', '3'], ['100', '1'], options);
    expect(inc.dC.explain.formula).toBe('dC = C(strategy) - C(comparator)');
    expect(inc.dC.explain.inputs.map((i) => [i.name, String(i.value), i.unit])).toEqual([
      ['Cost of New', '300', 'EUR'],
      ['Cost of Old', '100', 'EUR'],
    ]);
    expect(inc.icer.explain.formula).toBe('ICER = dC / dE');
    expect(inc.icer.explain.inputs.slice(0, 2).map((i) => String(i.value))).toEqual(['200', '2']);
  });

  it('INMB = lambda x dE - dC: 150 x 2 - 200 = 100', () => {
    expect(two(['300', '3'], ['100', '1'], { willingnessToPay: '150' }).inmb?.value.toFixed()).toBe('100');
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('validation: an explanation naming the strategy and field, never a crash', () => {
  const ok = (id: string, cost = '100', effect = '1'): StrategyInput => ({ id, name: id.toUpperCase(), cost, effect });

  function refused(strategies: unknown, options?: CompareOptions) {
    const result = compareStrategies(strategies as StrategyInput[], options);
    if (result.ok) throw new Error('expected the strategies to be refused');
    return result;
  }

  it.each([
    [[], 'none is given'],
    [[ok('a')], 'only one is given'],
  ])('fewer than two strategies (%j)', (list, said) => {
    const r = refused(list);
    expect(r.problems).toEqual([
      {
        path: 'strategies',
        where: 'strategies',
        message: `need at least two strategies to compare (for example this programme and "no programme"); ${said}`,
      },
    ]);
    expect(r.explanation).toBe(`The strategies cannot be compared: strategies ${r.problems[0].message}`);
  });

  it('not a list', () => {
    expect(refused({ a: 1 }).problems.map((p) => p.message)).toEqual(['must be a list of strategies']);
  });

  it('duplicate ids name both strategies', () => {
    const r = refused([ok('a'), { ...ok('a'), name: 'Second' }, ok('b')]);
    expect(r.problems).toEqual([
      {
        path: 'strategies[1].id',
        where: 'strategy 2 "Second", id',
        message: 'repeats the id "a" of strategy 1 "A": each strategy needs its own id',
      },
    ]);
  });

  it.each([
    [
      '12,000',
      'must be a plain number such as "1500.25" (a point for decimals, no thousands separators), not "12,000"',
    ],
    ['abc', 'must be a plain number such as "1500.25" (a point for decimals, no thousands separators), not "abc"'],
    ['1e5', 'must be a plain number such as "1500.25" (a point for decimals, no thousands separators), not "1e5"'],
    [' 100', 'must be a plain number such as "1500.25" (a point for decimals, no thousands separators), not " 100"'],
    ['', 'is empty: it must be a plain number such as "1500.25" (a point for decimals, no thousands separators)'],
    [12.5, 'must be a decimal or a number written as text (e.g. "12.5"), not a float'],
    [undefined, 'is missing: it must be a number such as "1500.25"'],
    [new Dec(NaN), 'must be a finite number, not NaN'],
    [new Dec(Infinity), 'must be a finite number, not Infinity'],
  ])('cost %j', (cost, message) => {
    const r = refused([ok('a'), { id: 'b', name: 'Scale-up', cost, effect: '2' }]);
    expect(r.problems).toEqual([{ path: 'strategies[1].cost', where: 'strategy 2 "Scale-up", cost', message }]);
  });

  it('every problem at once: effect, name, id and the willingness to pay', () => {
    const r = refused(
      [
        { id: 'a', name: 'A', cost: '1', effect: 'lots' },
        { id: '', name: ' ', cost: '2', effect: '2' },
        { id: 'c', name: 'C', cost: '3', effect: '3' },
      ],
      { willingnessToPay: '-1' },
    );
    expect(r.problems.map((p) => [p.path, p.where])).toEqual([
      ['options.willingnessToPay', 'willingness to pay (lambda)'],
      ['strategies[0].effect', 'strategy 1 "A", effect'],
      ['strategies[1].id', 'strategy 2, id'],
      ['strategies[1].name', 'strategy 2, name'],
    ]);
    expect(r.problems[0].message).toBe('cannot be negative');
    expect(r.problems[2].message).toBe('is required: an identifier such as "status-quo"');
    expect(r.problems[3].message).toBe('is required: a name such as "No programme"');
  });

  it('a strategy that is not an object', () => {
    const r = refused([ok('a'), null]);
    expect(r.problems).toEqual([
      {
        path: 'strategies[1]',
        where: 'strategy 2',
        message: 'must be a strategy with an id, a name, a cost and an effect',
      },
    ]);
  });

  it('compareTwo names the strategy and the comparator', () => {
    const r = compareTwo(ok('a'), { id: 'b', name: 'B', cost: '1', effect: '1,5' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => [p.path, p.where])).toEqual([['comparator.effect', 'comparator "B", effect']]);
      expect(r.explanation).toContain('The two strategies cannot be compared: comparator "B", effect must be');
    }
  });

  it('decimals of any decimal.js clone and model strategies (with notes) are accepted', () => {
    const c = compared([
      { id: 'a', name: 'A', cost: new Decimal('100') as unknown as Dec, effect: '1' },
      { id: 'b', name: 'B', cost: '300', effect: '3', notes: 'a model Strategy' } as StrategyInput,
    ]);
    expect(icer(c, 'b').toFixed()).toBe('100');
  });
});
