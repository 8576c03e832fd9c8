/**
 * METHOD.md section 4, W1 and W2: every published figure, reproduced by computeSroi.
 * Expected values are the strings printed in METHOD.md (W2 to 6 decimals), never recomputed by the engine.
 */
import { describe, expect, it } from 'vitest';
import { computeSroi, type OutcomeResult, type SroiResult, type SwitchingValue } from '../../shared/engine';
import { Dec } from '../../shared/money';
import type { Project } from '../../shared/model';
import { clone, loadW2, makeOutcome, makeProject } from './fixtures';

function fixed(value: Dec | null, places: number): string {
  if (value === null) throw new Error('expected a value, got null');
  return value.toFixed(places);
}

function reachableValue(s: SwitchingValue): Dec {
  if (!s.reachable) throw new Error(`expected a reachable switching value, got: ${s.reason}`);
  return s.value;
}

describe('W1: drop-off (the Guide illustration)', () => {
  const project = makeProject({
    outcomes: [makeOutcome({ quantity: '1', proxy: { value: '100' }, duration: 3, dropOff: '0.1' })],
  });
  const result = computeSroi(project);
  const outcome = result.outcomes[0];

  it('values are 100, 90, 81 (sum 271)', () => {
    expect(outcome.values.map((v) => v.toFixed(6))).toEqual(['100.000000', '90.000000', '81.000000']);
    expect(outcome.undiscountedTotal.toFixed(6)).toBe('271.000000');
    expect(result.undiscountedValue.value.toFixed(6)).toBe('271.000000');
  });

  it('discounted at 3.5 % from year 1: 96.618 + 84.016 + 73.057', () => {
    expect(outcome.discountedValues.map((v) => v.toFixed(3))).toEqual(['96.618', '84.016', '73.057']);
  });

  it('PV is 253.69 to the cent', () => {
    expect(outcome.presentValue.value.toFixed(2)).toBe('253.69');
    expect(result.presentValue.value.toFixed(2)).toBe('253.69');
  });

  it('the same stream when the impact comes from Q, P and deductions (4 x 50 x (1 - 50 %) = 100)', () => {
    const viaDeductions = computeSroi(
      makeProject({
        outcomes: [
          makeOutcome({ quantity: '4', proxy: { value: '50' }, deadweight: '0.5', duration: 3, dropOff: '0.1' }),
        ],
      }),
    );
    expect(viaDeductions.outcomes[0].values.map((v) => v.toFixed(6))).toEqual(['100.000000', '90.000000', '81.000000']);
    expect(viaDeductions.presentValue.value.toFixed(2)).toBe('253.69');
  });
});

describe('W2: street outreach and naloxone', () => {
  const w2 = loadW2();
  const result = computeSroi(w2);
  const byId = (id: string): OutcomeResult => {
    const found = result.outcomes.find((o) => o.id === id);
    if (!found) throw new Error(`no outcome ${id}`);
    return found;
  };

  it('has the four outcomes in the order of the table', () => {
    expect(result.outcomes.map((o) => o.id)).toEqual(['overdose', 'oat', 'syringes', 'nuisance']);
  });

  it('investment = 80,000 + 12,000 + 1,500 h x 9.50 = 106,250', () => {
    expect(result.investment.total.value.toFixed(6)).toBe('106250.000000');
    expect(result.investment.inputs.map((i) => i.amount.value.toFixed(6))).toEqual([
      '80000.000000',
      '12000.000000',
      '14250.000000',
    ]);
    expect(result.investment.nominalTotal.toFixed(6)).toBe('106250.000000');
  });

  const table: Array<{ id: string; impact: string; values: string[]; pv: string }> = [
    {
      id: 'overdose',
      impact: '67200.000000',
      values: ['67200.000000', '0.000000', '0.000000', '0.000000'],
      pv: '64927.536232',
    },
    {
      id: 'oat',
      impact: '56250.000000',
      values: ['0.000000', '56250.000000', '39375.000000', '27562.500000'],
      pv: '112043.097332',
    },
    {
      id: 'syringes',
      impact: '3000.000000',
      values: ['3000.000000', '3000.000000', '0.000000', '0.000000'],
      pv: '5699.082826',
    },
    {
      id: 'nuisance',
      impact: '-2000.000000',
      values: ['-2000.000000', '0.000000', '0.000000', '0.000000'],
      pv: '-1932.367150',
    },
  ];

  it('horizon is 4 years (OAT starts after the activity and lasts 3)', () => {
    expect(result.horizon).toBe(4);
  });

  it.each(table)('$id: impact $impact, values by year, PV $pv', ({ id, impact, values, pv }) => {
    const o = byId(id);
    expect(o.impact.value.toFixed(6)).toBe(impact);
    expect(o.values.map((v) => v.toFixed(6))).toEqual(values);
    expect(o.presentValue.value.toFixed(6)).toBe(pv);
  });

  it('PV 180,737.349240; NPV 74,487.349240', () => {
    expect(result.presentValue.value.toFixed(6)).toBe('180737.349240');
    expect(result.netPresentValue.value.toFixed(6)).toBe('74487.349240');
  });

  it('SROI ratio 1.701057 : 1; net 0.701057', () => {
    expect(fixed(result.ratio.value, 6)).toBe('1.701057');
    expect(fixed(result.netRatio.value, 6)).toBe('0.701057');
  });

  it('undiscounted value 194,387.50', () => {
    expect(result.undiscountedValue.value.toFixed(6)).toBe('194387.500000');
    expect(result.undiscountedValue.value.toFixed(2)).toBe('194387.50');
  });

  it('payback (Guide) 18.695015 months; payback (discounted) 20.755576 months', () => {
    expect(fixed(result.paybackGuideMonths.value, 6)).toBe('18.695015');
    expect(fixed(result.paybackDiscountedMonths.value, 6)).toBe('20.755576');
  });

  it('values by year of the whole model: 68,200; 59,250; 39,375; 27,562.5', () => {
    expect(result.byYear.map((y) => y.year)).toEqual([1, 2, 3, 4]);
    expect(result.byYear.map((y) => y.value.toFixed(6))).toEqual([
      '68200.000000',
      '59250.000000',
      '39375.000000',
      '27562.500000',
    ]);
    expect(result.byYear.map((y) => y.investment.toFixed(6))).toEqual([
      '106250.000000',
      '0.000000',
      '0.000000',
      '0.000000',
    ]);
  });

  it('year0 convention: PV 187,063.156463, ratio 1.760594', () => {
    const p: Project = clone(w2);
    p.settings.yearOneConvention = 'year0';
    const r = computeSroi(p);
    expect(r.presentValue.value.toFixed(6)).toBe('187063.156463');
    expect(fixed(r.ratio.value, 6)).toBe('1.760594');
    // Inputs are paid at the start of year 1 in both conventions.
    expect(r.investment.total.value.toFixed(6)).toBe('106250.000000');
  });

  describe('switching values', () => {
    const expected: Array<{ id: string; raw: string; reachable: boolean }> = [
      { id: 'overdose', raw: '-0.147238', reachable: false },
      { id: 'oat', raw: '0.335190', reachable: true },
      { id: 'syringes', raw: '-12.070059', reachable: false },
      { id: 'nuisance', raw: '39.547203', reachable: true },
    ];

    it.each(expected)('$id: multiplier $raw (reachable: $reachable)', ({ id, raw, reachable }) => {
      const s = byId(id).switching;
      expect(fixed(s.rawMultiplier, 6)).toBe(raw);
      expect(s.multiplier.reachable).toBe(reachable);
      if (s.multiplier.reachable) expect(s.multiplier.value.toFixed(6)).toBe(raw);
    });

    it.each(['overdose', 'syringes'])('%s: "cannot reach 1 : 1 through this outcome", never a negative proxy', (id) => {
      const s = byId(id).switching;
      for (const v of [s.multiplier, s.proxyValue, s.quantity]) {
        expect(v.reachable).toBe(false);
        if (!v.reachable) expect(v.reason).toContain('cannot reach 1 : 1');
      }
    });

    it('OAT: the proxy could fall to 2,011.14 and the ratio stay at 1 : 1', () => {
      expect(reachableValue(byId('oat').switching.proxyValue).toFixed(2)).toBe('2011.14');
    });

    it('nuisance: the disbenefit would have to be 39.5 times larger (proxy -200 x 39.547203)', () => {
      expect(reachableValue(byId('nuisance').switching.proxyValue).toFixed(2)).toBe(
        new Dec('-200').times('39.547203').toFixed(2),
      );
    });

    function withProxyScaled(project: Project, outcomeId: string, k: Dec): SroiResult {
      const p = clone(project);
      const o = p.outcomes.find((x) => x.id === outcomeId);
      if (!o) throw new Error(outcomeId);
      o.proxy.value = new Dec(o.proxy.value).times(k).toFixed();
      return computeSroi(p);
    }

    it.each(['oat', 'nuisance'])('%s: multiplying its proxy by k gives ratio 1 to 9 decimals', (id) => {
      const k = reachableValue(byId(id).switching.multiplier);
      const r = withProxyScaled(w2, id, k);
      expect(fixed(r.ratio.value, 9)).toBe('1.000000000');
      // and the switched proxy value the engine reports is the one that does it
      const p = clone(w2);
      const o = p.outcomes.find((x) => x.id === id);
      if (!o) throw new Error(id);
      o.proxy.value = reachableValue(byId(id).switching.proxyValue).toFixed();
      expect(fixed(computeSroi(p).ratio.value, 9)).toBe('1.000000000');
    });

    it('OAT: the switching deadweight 1 - k (1 - 25 %) gives ratio 1; nuisance has none within 0..100 %', () => {
      const k = new Dec('0.335190');
      const dw = reachableValue(byId('oat').switching.deadweight);
      expect(dw.toFixed(4)).toBe(new Dec(1).minus(k.times('0.75')).toFixed(4));
      const p = clone(w2);
      p.outcomes[1].deadweight = dw.toFixed();
      expect(fixed(computeSroi(p).ratio.value, 9)).toBe('1.000000000');
      expect(byId('nuisance').switching.deadweight.reachable).toBe(false);
    });

    it('one scale on all proxies: k = I / PV brings the ratio to 1', () => {
      const k = reachableValue(result.allProxiesSwitch);
      expect(k.toFixed(6)).toBe(new Dec('106250').div('180737.349240').toFixed(6));
      const p = clone(w2);
      for (const o of p.outcomes) o.proxy.value = new Dec(o.proxy.value).times(k).toFixed();
      expect(fixed(computeSroi(p).ratio.value, 9)).toBe('1.000000000');
    });

    it('investment at which the ratio is 1 : 1 is the PV', () => {
      expect(result.investmentSwitch.toFixed(6)).toBe('180737.349240');
    });
  });

  it('guard-rails: only the materiality check fires (OAT is 62 % of all value)', () => {
    expect(result.warnings.map((w) => [w.code, w.path])).toEqual([['MATERIAL_OUTCOME', 'outcomes[1]']]);
    expect(result.warnings[0].message).toContain('62 %');
  });
});
