// The data behind the cost-effectiveness stage, checked against the engine: the thresholds file (every entry
// data with value, unit, currency, date and source, and only values cited in the evidence pack), whether a
// threshold fits a project, units in words, what funders' shares bought, and who pays and who benefits.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  bySector,
  funderShares,
  LIBRARY_THRESHOLDS,
  normalUnit,
  oneUnit,
  planeData,
  suggestSector,
  thresholdFit,
  whoPaysWhoBenefits,
} from '../../renderer/src/ce/ce-data';
import { compareStrategies, computeSroi } from '../../shared/engine';
import { Dec, ZERO } from '../../shared/money/decimal';
import { parseProjectFile, type Project } from '../../shared/model';

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
