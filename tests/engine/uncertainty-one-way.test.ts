/**
 * One-way sensitivity (METHOD.md: low/base/high per assumption, a tornado sorted by the width of the swing).
 * Every case of every row is re-applied to the whole project here and recomputed by computeSroi; the row must
 * report the same PV, investment and ratio. Default ranges are checked against values worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { computeSroi } from '../../shared/engine';
import {
  oneWaySensitivity,
  type OneWayResult,
  type SensitivityAssumption,
  type TornadoRow,
} from '../../shared/engine/uncertainty';
import type { Dec } from '../../shared/money';
import type { Project } from '../../shared/model';
import { clone, loadW2, makeOutcome, makeProject } from './fixtures';

/** The project with one assumption set to a value, built here without the engine's helpers. */
function applied(project: Project, a: SensitivityAssumption, value: Dec | null): Project {
  const p = clone(project);
  switch (a.kind) {
    case 'outcomeRemoved':
      p.outcomes = p.outcomes.filter((o) => o.id !== a.outcomeId);
      return p;
    case 'discountRate':
      p.settings.discountRate = (value as Dec).toFixed();
      return p;
    case 'input': {
      const i = p.inputs.findIndex((x) => x.id === a.inputId);
      const input = p.inputs[i];
      if (input.kind === 'volunteer') input.hourlyRate = (value as Dec).div(input.hours).toFixed();
      else input.amount = (value as Dec).toFixed();
      return p;
    }
    case 'outcome': {
      const o = p.outcomes.find((x) => x.id === a.outcomeId);
      if (!o) throw new Error(`no outcome ${a.outcomeId}`);
      const v = value as Dec;
      if (a.field === 'proxy') o.proxy.value = v.toFixed();
      else if (a.field === 'duration') o.duration = v.toNumber();
      else o[a.field] = v.toFixed();
      return p;
    }
  }
}

function expectSame(a: Dec | null, b: Dec | null) {
  if (a === null || b === null) {
    expect(a).toBe(b);
    return;
  }
  expect(a.minus(b).abs().lte(b.abs().times('1e-24').plus('1e-24'))).toBe(true);
}

function checkRowsAgainstFullRecompute(project: Project, result: OneWayResult) {
  for (const row of result.rows) {
    const cases = row.assumption.kind === 'outcomeRemoved' ? [row.low] : [row.low, row.high];
    for (const c of cases) {
      const full = computeSroi(applied(project, row.assumption, c.value));
      expectSame(c.presentValue, full.presentValue.value);
      expectSame(c.investment, full.investment.total.value);
      expectSame(c.ratio, full.ratio.value);
      expectSame(c.netPresentValue, full.netPresentValue.value);
    }
  }
}

const byLabel = (result: OneWayResult, label: string): TornadoRow => {
  const row = result.rows.find((r) => r.label === label);
  if (!row) throw new Error(`no row "${label}"`);
  return row;
};

describe('W2 with the default ranges', () => {
  const w2 = loadW2();
  const result = oneWaySensitivity(w2);

  it('has a row per outcome assumption (6 x 4), per outcome removed (4), per non-cash input (2) and the discount rate', () => {
    expect(result.rows).toHaveLength(24 + 4 + 2 + 1);
    expect(result.measure).toBe('ratio');
    expect(result.base.ratio?.toFixed(6)).toBe('1.701057');
    expect(result.rows.some((r) => r.label === 'Input: Municipal grant')).toBe(false); // cash: no default range
  });

  it('every case equals a full recomputation of the changed project', () => {
    checkRowsAgainstFullRecompute(w2, result);
  });

  it('is sorted by the width of the swing, widest first: OAT removed (0.6465 to 1.7011) leads', () => {
    for (let i = 1; i < result.rows.length; i++) expect(result.rows[i - 1].swing.gte(result.rows[i].swing)).toBe(true);
    const first = result.rows[0];
    expect(first.label).toBe('Outcome removed: Retained in opioid agonist treatment');
    // (180,737.349240 - 112,043.097332) / 106,250 = 0.646534
    expect(first.low.ratio?.toFixed(6)).toBe('0.646534');
    expect(first.high.ratio?.toFixed(6)).toBe('1.701057');
    expect(first.swing.toFixed(6)).toBe('1.054523');
  });

  it('uses +-20 % on proxies and quantities, +-10 points on adjustments (clamped), 0 % and 6 % for the rate', () => {
    const proxy = byLabel(result, 'Proxy: Retained in opioid agonist treatment');
    expect([proxy.low.value?.toFixed(), proxy.base?.toFixed(), proxy.high.value?.toFixed()]).toEqual([
      '4800',
      '6000',
      '7200',
    ]);
    expect(proxy.unit).toBe('money');
    expect(proxy.currency).toBe('EUR');
    const quantity = byLabel(result, 'Quantity: Overdose deaths averted');
    expect([quantity.low.value?.toFixed(), quantity.high.value?.toFixed()]).toEqual(['2.4', '3.6']);
    const deadweight = byLabel(result, 'Deadweight: Retained in opioid agonist treatment');
    expect([deadweight.low.value?.toFixed(), deadweight.high.value?.toFixed()]).toEqual(['0.15', '0.35']);
    const clamped = byLabel(result, 'Displacement: Fewer discarded syringes near homes');
    expect([clamped.low.value?.toFixed(), clamped.base?.toFixed(), clamped.high.value?.toFixed()]).toEqual([
      '0',
      '0',
      '0.1',
    ]);
    const rate = byLabel(result, 'Discount rate');
    expect([rate.low.value?.toFixed(), rate.base?.toFixed(), rate.high.value?.toFixed()]).toEqual([
      '0',
      '0.035',
      '0.06',
    ]);
    // At 0 % the PV is the undiscounted 194,387.50: ratio 194,387.5 / 106,250 = 1.829529.
    expect(rate.low.ratio?.toFixed(6)).toBe('1.829529');
    const volunteers = byLabel(result, 'Input: Peer volunteer time');
    expect([volunteers.low.value?.toFixed(), volunteers.high.value?.toFixed()]).toEqual(['11400', '17100']);
    // 180,737.349240 / (106,250 - 2,850) = 1.747943
    expect(volunteers.low.ratio?.toFixed(6)).toBe('1.747943');
  });

  it('a drop-off row for a one-year outcome has no swing (drop-off never applies)', () => {
    expect(byLabel(result, 'Drop-off: Overdose deaths averted').swing.isZero()).toBe(true);
  });
});

describe('options', () => {
  const w2 = loadW2();

  it('null leaves a kind of assumption out; removal can be switched off', () => {
    const result = oneWaySensitivity(w2, {
      proxyChange: null,
      quantityChange: null,
      adjustmentChange: null,
      discountRates: null,
      nonCashInputChange: null,
      outcomeRemoval: false,
    });
    expect(result.rows).toEqual([]);
  });

  it('other default changes: +-50 % on proxies, +-5 points on adjustments, 1.5 % and 10 % for the rate', () => {
    const result = oneWaySensitivity(w2, {
      proxyChange: '0.5',
      adjustmentChange: '0.05',
      discountRates: { low: '0.015', high: '0.1' },
    });
    const proxy = byLabel(result, 'Proxy: Nuisance displaced to a nearby street');
    expect([proxy.low.value?.toFixed(), proxy.high.value?.toFixed()]).toEqual(['-100', '-300']);
    const attribution = byLabel(result, 'Attribution: Overdose deaths averted');
    expect([attribution.low.value?.toFixed(), attribution.high.value?.toFixed()]).toEqual(['0.25', '0.35']);
    expect(byLabel(result, 'Discount rate').high.value?.toFixed()).toBe('0.1');
    checkRowsAgainstFullRecompute(w2, result);
  });

  it('explicit ranges: a duration, a cash input, an adjustment, the discount rate', () => {
    const result = oneWaySensitivity(w2, {
      ranges: [
        { assumption: { kind: 'outcome', outcomeId: 'oat', field: 'duration' }, low: 1, high: 5 },
        { assumption: { kind: 'input', inputId: 'grant' }, low: '60000', high: '100000' },
        { assumption: { kind: 'outcome', outcomeId: 'overdose', field: 'attribution' }, low: '0', high: '0.9' },
        { assumption: { kind: 'discountRate' }, low: '0.01', high: '0.08' },
      ],
    });
    const duration = byLabel(result, 'Duration: Retained in opioid agonist treatment');
    expect([duration.low.value?.toFixed(), duration.base?.toFixed(), duration.high.value?.toFixed()]).toEqual([
      '1',
      '3',
      '5',
    ]);
    expect(duration.unit).toBe('years');
    expect(byLabel(result, 'Input: Municipal grant').low.investment.toFixed()).toBe('86250');
    expect(byLabel(result, 'Attribution: Overdose deaths averted').high.value?.toFixed()).toBe('0.9');
    expect(byLabel(result, 'Discount rate').low.value?.toFixed()).toBe('0.01');
    checkRowsAgainstFullRecompute(w2, result);
  });

  it("rejects explicit ranges outside the assumption's domain or naming nothing in the project", () => {
    const bad = (range: Parameters<typeof oneWaySensitivity>[1]) => () => oneWaySensitivity(w2, range);
    expect(
      bad({ ranges: [{ assumption: { kind: 'outcome', outcomeId: 'x', field: 'proxy' }, low: 1, high: 2 }] }),
    ).toThrow(/no outcome "x"/);
    expect(bad({ ranges: [{ assumption: { kind: 'input', inputId: 'x' }, low: 1, high: 2 }] })).toThrow(/no input "x"/);
    expect(
      bad({ ranges: [{ assumption: { kind: 'outcome', outcomeId: 'oat', field: 'deadweight' }, low: 0, high: 1.2 }] }),
    ).toThrow(/between 0 and 1/);
    expect(
      bad({ ranges: [{ assumption: { kind: 'outcome', outcomeId: 'oat', field: 'duration' }, low: 1.5, high: 3 }] }),
    ).toThrow(/whole number of years/);
    expect(bad({ ranges: [{ assumption: { kind: 'discountRate' }, low: -0.01, high: 0.05 }] })).toThrow(/negative/);
  });

  it('with no investment the swing is measured on NPV (the ratio is undefined)', () => {
    const p = makeProject({
      inputs: [],
      outcomes: [makeOutcome({ id: 'a', quantity: '10' }), makeOutcome({ id: 'b' })],
    });
    const result = oneWaySensitivity(p);
    expect(result.measure).toBe('netPresentValue');
    expect(result.base.ratio).toBeNull();
    expect(result.rows[0].low.ratio).toBeNull();
    // Outcome a is worth 1,000 / 1.035: removing it swings NPV by 966.18; +-20 % of its quantity by 386.47.
    expect(result.rows[0].label).toBe('Outcome removed: Outcome a');
    expect(result.rows[0].swing.toFixed(2)).toBe('966.18');
    expect(result.rows[1].swing.toFixed(2)).toBe('386.47');
    checkRowsAgainstFullRecompute(p, result);
  });
});
