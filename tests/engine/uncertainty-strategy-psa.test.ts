// The shared probabilistic comparison of strategies (shared/engine/uncertainty/strategy-psa.ts), which the app's
// Monte Carlo worker and `sroi simulate` both call, and the model fingerprint stored with a run: the draws read
// each strategy's own distributions; the summary is what the model's PsaSummary schema accepts; the scatter is
// thinned on request; the willingness-to-pay ceiling is round and covers a threshold; the fingerprint ignores
// key order and free text but not a figure or a distribution.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  cheapestStrategyId,
  defaultWtpMax,
  drawStrategies,
  modelFingerprint,
  roundCeiling,
  strategyPsa,
  strategyUncertaintyOf,
} from '../../shared/engine/uncertainty';
import { parseProjectFile, PsaSummary, type Project } from '../../shared/model';
import { repoRoot } from '../support/repo-root';

function loadW2(): Project {
  const raw: unknown = JSON.parse(readFileSync(join(repoRoot(), 'docs/examples/w2-street-outreach.sroi.json'), 'utf8'));
  const parsed = parseProjectFile(raw);
  if (!parsed.ok) throw new Error('W2 does not parse');
  return parsed.value.project;
}

const strategy = (id: string, name: string, cost: string, effect: string, uncertainty = {}) => ({
  id,
  name,
  cost,
  effect,
  notes: '',
  uncertainty,
});

function withStrategies(): Project {
  return {
    ...loadW2(),
    effectUnit: 'deaths averted',
    strategies: [
      strategy('none', 'No outreach', '0', '0'),
      strategy('outreach', 'Street outreach', '106250', '2.1', {
        cost: { type: 'gamma', mean: '106250', se: '10000' },
        effect: { type: 'normal', mean: '2.1', sd: '0.6' },
      }),
    ],
  };
}

describe('strategyPsa', () => {
  it("draws from each strategy's own distributions and gives a summary the model accepts", () => {
    const project = withStrategies();
    const draws = drawStrategies(project, 500, 9);
    expect(Array.from(draws[0].cost)).toEqual(new Array(500).fill(0));
    expect(new Set(Array.from(draws[1].cost)).size).toBe(500);
    const psa = strategyPsa(project, { comparatorId: 'none', wtpMax: 100_000, points: 21 }, 500, 9);
    expect(PsaSummary.safeParse(psa).success).toBe(true);
    expect(psa.plane[0].points).toHaveLength(500);
    expect(psa.plane[0].meanDeltaCost).toBeCloseTo(106_250, -3);
    expect(psa.plane[0].icer).toBeCloseTo(psa.plane[0].meanDeltaCost / psa.plane[0].meanDeltaEffect, 9);
    // The same seed gives the same numbers; the scatter can be left out without changing them.
    const lean = strategyPsa(project, { comparatorId: 'none', wtpMax: 100_000, points: 21, scatterPoints: 0 }, 500, 9);
    expect(lean.plane[0].points).toEqual([]);
    expect({ ...lean.plane[0], points: [] }).toEqual({ ...psa.plane[0], points: [] });
    expect(lean.ceac).toEqual(psa.ceac);
  });

  it('stores no ICER that is not a finite number', () => {
    // Costs of 10^400 are Infinity as floats: the mean increment is not a number, and no ICER is given.
    const project = {
      ...withStrategies(),
      strategies: [strategy('a', 'A', '0', '0'), strategy('b', 'B', `1${'0'.repeat(400)}`, '1')],
    };
    const psa = strategyPsa(project, { comparatorId: 'a', wtpMax: 10, points: 2 }, 10, 1);
    expect(psa.plane[0].icer).toBeNull();
  });

  it('refuses a comparator that is not a strategy', () => {
    expect(() => strategyPsa(withStrategies(), { comparatorId: 'van', wtpMax: 1, points: 2 }, 10, 1)).toThrow(
      'no strategy "van" to compare with',
    );
  });

  it('keeps the distributions of every strategy, by id, for the record of a run', () => {
    expect(strategyUncertaintyOf(withStrategies())).toEqual({
      none: {},
      outreach: {
        cost: { type: 'gamma', mean: '106250', se: '10000' },
        effect: { type: 'normal', mean: '2.1', sd: '0.6' },
      },
    });
  });
});

describe('the willingness-to-pay ceiling', () => {
  it('is a round number: 1, 2 or 5 times a power of ten', () => {
    expect([roundCeiling(81_944), roundCeiling(120_000), roundCeiling(3), roundCeiling(0.4)]).toEqual([
      100_000, 200_000, 5, 0.5,
    ]);
    expect(roundCeiling(0)).toBe(1);
  });

  it('is twice the largest ICER between neighbours, and at least twice a threshold to show', () => {
    const project = withStrategies();
    // 106,250 / 2.1 = 50,595 per death averted; twice that, rounded up: 200,000.
    expect(defaultWtpMax(project)).toBe(200_000);
    expect(defaultWtpMax(project, 150_000)).toBe(500_000);
    expect(defaultWtpMax({ strategies: [] })).toBe(1);
    expect(cheapestStrategyId(project)).toBe('none');
  });
});

describe('modelFingerprint', () => {
  const project = withStrategies();

  it('is the same whatever order the keys come in', () => {
    const reordered = JSON.parse(
      JSON.stringify(project, (_key, value: unknown) =>
        value !== null && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value as Record<string, unknown>).reverse())
          : value,
      ),
    ) as Project;
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(project)[0]);
    expect(modelFingerprint(reordered)).toBe(modelFingerprint(project));
    expect(modelFingerprint(project)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('ignores notes and sources, but not a figure, a setting or a distribution', () => {
    const base = modelFingerprint(project);
    const noted = {
      ...project,
      outcomes: project.outcomes.map((o) => ({ ...o, notes: 'checked', proxy: { ...o.proxy, source: 'elsewhere' } })),
    };
    expect(modelFingerprint(noted)).toBe(base);
    const [first, ...rest] = project.outcomes;
    expect(modelFingerprint({ ...project, outcomes: [{ ...first, quantity: '4' }, ...rest] })).not.toBe(base);
    expect(modelFingerprint({ ...project, settings: { ...project.settings, yearOneConvention: 'year0' } })).not.toBe(
      base,
    );
    const [none, outreach] = project.strategies;
    expect(
      modelFingerprint({
        ...project,
        strategies: [none, { ...outreach, uncertainty: { cost: outreach.uncertainty.cost } }],
      }),
    ).not.toBe(base);
    // Another project's name or the last run do not count: only what the run depends on.
    const renamed: Project = { ...project, name: 'Another name', lastSimulation: null };
    expect(modelFingerprint(renamed)).toBe(base);
  });
});
