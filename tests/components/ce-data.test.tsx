// The data behind the cost-effectiveness stage, checked against the engine: the thresholds file (every entry
// data with value, unit, currency, date and source, and only values cited in the evidence pack, in the model's
// Threshold shape), whether a threshold fits a project, units in words, what funders' shares bought, who pays and
// who benefits, health effects and the break-even from the saved inputs, and the changes the stage saves with
// the project (each result a valid Project.costEffectiveness).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  breakEvenFrom,
  bySector,
  funderShares,
  healthFigures,
  LIBRARY_THRESHOLDS,
  normalUnit,
  oneUnit,
  planeData,
  SECTORS,
  suggestSector,
  thresholdFit,
  whoPaysWhoBenefits,
} from '../../renderer/src/ce/ce-data';
import {
  DEATH_ROWS,
  DISABILITY_ROWS,
  emptyDraft,
  isEmptyDraft,
  missingFields,
  QALY_ROWS,
  withBreakEven,
  withHealthRow,
  withSector,
} from '../../renderer/src/ce/inputs';
import { compareStrategies, computeSroi } from '../../shared/engine';
import { Dec, ZERO } from '../../shared/money/decimal';
import {
  CostEffectivenessInputs,
  EMPTY_COST_EFFECTIVENESS,
  parseProjectFile,
  Sector,
  Threshold,
  type Project,
} from '../../shared/model';

function loadW2(): Project {
  const raw: unknown = JSON.parse(
    readFileSync(resolve(__dirname, '../../docs/examples/w2-street-outreach.sroi.json'), 'utf8'),
  );
  const parsed = parseProjectFile(raw);
  if (!parsed.ok) throw new Error('W2 does not parse');
  return parsed.value.project;
}

describe('thresholds', () => {
  it('ships only cited values, each with value, unit, currency, date and source', () => {
    expect(LIBRARY_THRESHOLDS.map((t) => [t.value, t.currency, t.unit])).toEqual([
      ['20000', 'GBP', 'QALY'],
      ['30000', 'GBP', 'QALY'],
      ['998', 'USD', 'DALY averted'],
      ['6522', 'USD', 'DALY averted'],
      ['23782', 'USD', 'DALY averted'],
      ['69499', 'USD', 'DALY averted'],
    ]);
    for (const t of LIBRARY_THRESHOLDS) {
      expect(t.value).toMatch(/^\d+$/);
      expect(t.date).not.toBe('');
      expect(t.source).not.toBe('');
      expect(t.sourceUrl).toMatch(/^https:\/\//);
      // The shape the project saves for the user's own thresholds, so both lists are one type.
      expect(Threshold.safeParse(t).success).toBe(true);
    }
    // The evidence pack (harm-reduction-evidence.md, Table A, confidence A) prints them as "CE threshold | NICE |
    // 20,000–30,000 per QALY | GBP" and "998 / 6,522 / 23,782 / 69,499" USD per DALY averted by HDI group.
  });

  it('fits a project only in its currency and unit of effect', () => {
    const nice = LIBRARY_THRESHOLDS[0];
    expect(thresholdFit(nice, { currency: 'GBP', effectUnit: 'QALYs' })).toEqual({ ok: true });
    expect(thresholdFit(nice, { currency: 'GBP', effectUnit: 'QALYs gained' })).toEqual({ ok: true });
    expect(thresholdFit(nice, { currency: 'EUR', effectUnit: 'QALYs' })).toEqual({ ok: false, reason: 'currency' });
    expect(thresholdFit(nice, { currency: 'GBP', effectUnit: 'deaths averted' })).toEqual({
      ok: false,
      reason: 'unit',
    });
    expect(thresholdFit(LIBRARY_THRESHOLDS[2], { currency: 'USD', effectUnit: 'DALYs averted' })).toEqual({ ok: true });
    expect(normalUnit('QALYs gained')).toBe('qaly');
    expect(normalUnit('per DALY averted')).toBe('daly averted');
  });

  it('writes one unit of effect in words', () => {
    expect(oneUnit('QALYs')).toBe('QALY');
    expect(oneUnit('deaths averted')).toBe('death averted');
    expect(oneUnit('overdose deaths averted')).toBe('overdose death averted');
    expect(oneUnit('')).toBe('unit of effect');
  });
});

describe('funders and parties', () => {
  it("credits each funder with the project's outputs, outcomes and value in proportion to their share", () => {
    const w2 = loadW2();
    const result = computeSroi(w2);
    const shares = funderShares(w2, result, '(no funder named)');
    expect(shares.map((s) => s.label)).toEqual(['Municipality', 'Peer volunteers (no funder named)', 'Local business']);
    const total = shares.reduce((acc, s) => acc.plus(s.share ?? ZERO), ZERO);
    expect(total.minus(1).abs().lt('1e-25')).toBe(true);
    const value = shares.reduce((acc, s) => acc.plus(s.value ?? ZERO), ZERO);
    expect(value.minus(result.presentValue.value).abs().lt('1e-20')).toBe(true);
    // 80,000 / 106,250 of 2.4 deaths averted = 1.807...
    expect(shares[0].outcomes[0].bought?.toDecimalPlaces(4).toFixed()).toBe('1.8071');
  });

  it('says who pays and who benefits; the sums are the Investment and the PV', () => {
    const w2 = loadW2();
    const result = computeSroi(w2);
    const rows = whoPaysWhoBenefits(w2, result);
    expect(rows.map((r) => [r.label, r.pays.toFixed(), r.benefits.toDecimalPlaces(2).toFixed()])).toEqual([
      ['Municipality', '80000', '0'],
      ['Local business', '12000', '0'],
      ['Peer volunteers', '14250', '0'],
      ['People who use drugs', '0', '176970.63'],
      ['Local residents', '0', '3766.72'],
    ]);
    const pays = rows.reduce((a, r) => a.plus(r.pays), ZERO);
    expect(pays.eq(result.investment.total.value)).toBe(true);
    const sectors = bySector(rows, (r) => suggestSector(r.label));
    expect(sectors.map((s) => [s.sector, s.parties])).toEqual([
      ['people-and-families', ['People who use drugs']],
      ['wider-community', ['Local residents']],
      ['unassigned', ['Municipality', 'Local business', 'Peer volunteers']],
    ]);
  });

  it('keeps a funder that is not a stakeholder group as its own party', () => {
    const w2 = loadW2();
    const project: Project = {
      ...w2,
      inputs: w2.inputs.map((i) => (i.id === 'grant' ? { ...i, funder: 'Regional health authority' } : i)),
    };
    const rows = whoPaysWhoBenefits(project, computeSroi(project));
    expect(rows[rows.length - 1]).toMatchObject({ label: 'Regional health authority', stakeholderId: null });
    expect(suggestSector('Regional health authority')).toBe('health-system');
    expect(suggestSector('Police')).toBe('justice');
    expect(suggestSector('Ambulance service')).toBe('emergency-services');
  });
});

describe('plane', () => {
  it('puts the frontier in order and the others apart, with texts from the decimals', () => {
    const comparison = compareStrategies(
      [
        { id: 'uc', name: 'UC', cost: '5000', effect: '1' },
        { id: 'a', name: 'A', cost: '12000', effect: '1.5' },
        { id: 'b', name: 'B', cost: '10000', effect: '2' },
      ],
      { currency: 'EUR', effectUnit: 'QALYs' },
    );
    if (!comparison.ok) throw new Error(comparison.explanation);
    const plane = planeData(comparison.value, 'en');
    expect(plane.frontier.map((p) => p.id)).toEqual(['uc', 'b']);
    expect(plane.others.map((p) => [p.id, p.status, p.costText, p.effectText])).toEqual([
      ['a', 'dominated', '12,000.00', '1.5'],
    ]);
    expect(new Dec(plane.points[0].cost).toFixed()).toBe('5000');
  });
});

describe('saved inputs', () => {
  const valid = (inputs: unknown) => CostEffectivenessInputs.safeParse(inputs).success;

  it('takes the sectors from the model', () => {
    expect(SECTORS).toEqual(Sector.options);
  });

  it('keeps a break-even while anything is set in it, and forgets it when emptied', () => {
    const chosen = withBreakEven({ outcomeId: 'overdose' })(EMPTY_COST_EFFECTIVENESS);
    expect(chosen.breakEven).toEqual({
      outcomes: '',
      valueName: '',
      valueOfOneOutcome: null,
      source: '',
      outcomeId: 'overdose',
      annualBudget: null,
    });
    expect(valid(chosen)).toBe(true);
    const own = withBreakEven({ outcomeId: null, valueOfOneOutcome: '250000' })(chosen);
    expect(own.breakEven).toMatchObject({ outcomeId: null, valueOfOneOutcome: '250000' });
    expect(withBreakEven({ valueOfOneOutcome: null })(own).breakEven).toBeNull();
    expect(withBreakEven({ outcomes: '  ' })(EMPTY_COST_EFFECTIVENESS).breakEven).toBeNull();
  });

  it('saves only a chosen sector, by party key', () => {
    const chosen = withSector('stakeholder:municipality', 'other')(EMPTY_COST_EFFECTIVENESS);
    expect(chosen.sectors).toEqual({ 'stakeholder:municipality': 'other' });
    expect(valid(chosen)).toBe(true);
    expect(withSector('stakeholder:municipality', null)(chosen).sectors).toEqual({});
    expect(EMPTY_COST_EFFECTIVENESS.sectors).toEqual({});
  });

  it('adds, replaces and removes health entries; an entry is complete only with its required fields', () => {
    const draft = { ...emptyDraft(QALY_ROWS), utilityGain: '0.192' };
    expect(emptyDraft(QALY_ROWS)).toEqual({ label: '', utilityGain: '', persons: '', years: '1', source: '' });
    expect(isEmptyDraft(QALY_ROWS, emptyDraft(QALY_ROWS))).toBe(true);
    expect(isEmptyDraft(QALY_ROWS, draft)).toBe(false);
    expect(missingFields(QALY_ROWS, draft)).toEqual(['persons']);
    expect(missingFields(DEATH_ROWS, emptyDraft(DEATH_ROWS))).toEqual(['deaths', 'yearsOfLifeLost']);
    expect(missingFields(DISABILITY_ROWS, { ...emptyDraft(DISABILITY_ROWS), label: 'Hepatitis C' })).toEqual([
      'persons',
      'disabilityWeight',
      'durationYears',
    ]);

    const one = withHealthRow(
      QALY_ROWS,
      'new',
      QALY_ROWS.fromDraft({ ...draft, persons: '25', label: ' OAT ' }),
    )(EMPTY_COST_EFFECTIVENESS);
    expect(one.health.qalys).toEqual([{ label: 'OAT', utilityGain: '0.192', persons: '25', years: 1, source: '' }]);
    expect(valid(one)).toBe(true);
    const two = withHealthRow(QALY_ROWS, 'new', { label: '', utilityGain: '0.1', persons: '10', years: 3, source: '' })(
      one,
    );
    const changed = withHealthRow(QALY_ROWS, 0, { ...two.health.qalys[0], years: 2 })(two);
    expect(changed.health.qalys.map((q) => q.years)).toEqual([2, 3]);
    expect(withHealthRow(QALY_ROWS, 0, null)(changed).health.qalys.map((q) => q.utilityGain)).toEqual(['0.1']);
    expect(QALY_ROWS.toDraft(changed.health.qalys[1])).toMatchObject({ years: '3', persons: '10' });
    const deaths = withHealthRow(
      DEATH_ROWS,
      'new',
      DEATH_ROWS.fromDraft({ label: '', deaths: '2.4', yearsOfLifeLost: '30', source: '' }),
    )(changed);
    expect(deaths.health.qalys).toBe(changed.health.qalys);
    expect(valid(deaths)).toBe(true);
  });

  it("computes QALYs over each entry's years and DALYs from deaths and disability, against the comparator", () => {
    const w2 = loadW2();
    const cost = computeSroi(w2).investment.total.value;
    const figures = healthFigures(
      {
        comparatorCost: '6250',
        qalys: [{ label: '', utilityGain: '0.192', persons: '25', years: 2, source: '' }],
        deaths: [{ label: '', deaths: '2.4', yearsOfLifeLost: '30', source: '' }],
        disability: [{ label: 'HCV', persons: '10', disabilityWeight: '0.2', durationYears: '5', source: '' }],
      },
      cost,
      w2.settings,
      'EUR',
      { deaths: 'Deaths averted', condition: 'Condition averted' },
    );
    expect(figures.dC.toFixed()).toBe('100000');
    // 4.8 / 1.035 + 4.8 / 1.035^2 = 9.1185.
    expect(figures.qaly?.qalys.value?.toDecimalPlaces(4).toFixed()).toBe('9.1185');
    // 2.4 x 30 + 10 x 0.2 x 5 = 82 DALYs; 100,000 / 82 = 1,219.51.
    expect(figures.daly?.dalys.value?.toFixed()).toBe('82');
    expect(figures.perDaly?.value?.toDecimalPlaces(2).toFixed()).toBe('1219.51');
    expect(figures.perQaly?.value?.toDecimalPlaces(2).toFixed()).toBe('10966.68');
    const none = healthFigures(EMPTY_COST_EFFECTIVENESS.health, cost, w2.settings, 'EUR', {
      deaths: 'Deaths averted',
      condition: 'Condition averted',
    });
    expect([none.qaly, none.daly, none.perQaly, none.perDaly]).toEqual([null, null, null, null]);
  });

  it("takes the break-even value from an outcome's proxy or the own value, and the budget by default from the inputs", () => {
    const w2 = loadW2();
    const result = computeSroi(w2);
    const words = { proxyOf: (name: string) => `proxy of ${name}`, outcomesDefault: 'outcomes' };
    expect(breakEvenFrom(null, w2, result, words)).toBeNull();
    const fromProxy = breakEvenFrom(
      withBreakEven({ outcomeId: 'overdose' })(EMPTY_COST_EFFECTIVENESS).breakEven,
      w2,
      result,
      words,
    );
    // 106,250 a year / 40,000.
    expect(fromProxy?.outcomes).toBe('Overdose deaths averted');
    expect(fromProxy?.figure.value?.toDecimalPlaces(4).toFixed()).toBe('2.6563');
    const own = breakEvenFrom(
      withBreakEven({ valueOfOneOutcome: '250000', annualBudget: '50000' })(EMPTY_COST_EFFECTIVENESS).breakEven,
      w2,
      result,
      words,
    );
    expect(own?.outcomes).toBe('outcomes');
    expect(own?.figure.value?.toFixed()).toBe('0.2');
    expect(
      breakEvenFrom(
        withBreakEven({ outcomes: 'HIV infections' })(EMPTY_COST_EFFECTIVENESS).breakEven,
        w2,
        result,
        words,
      ),
    ).toBeNull();
  });
});
