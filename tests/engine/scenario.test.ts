/**
 * Scenarios: a named set of overrides applied to a copy of the project ("budget -20 %", "scale-up x2"), the
 * overrides the common scenarios generate (stored as data, so they travel with the project file), and the
 * side-by-side figures. Expected numbers are worked out by hand from METHOD.md's W2 in the comments.
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeSroi } from '../../shared/engine';
import {
  applyScenario,
  baseValueOf,
  changeFrom,
  compareScenarios,
  factorFromPercent,
  inputScaleOverrides,
  mergeOverrides,
  quantityScaleOverrides,
  type ScenarioOverride,
} from '../../shared/engine/scenario';
import { parseProjectFile, type Project, type Scenario } from '../../shared/model';
import { Dec } from '../../shared/money';
import { projectArb } from '../support/arbitraries';
import { cashInput, clone, loadW2, makeProject, toFile, volunteerInput } from './fixtures';

const Exact = Decimal.clone({ precision: 60 });
/** Equal to `places` decimals (METHOD.md prints 6): within half a unit of the last one; by default 1e-9. */
const close = (actual: Dec | null, expected: string, places = 9) => {
  expect(actual).not.toBeNull();
  const tolerance = new Exact(10).pow(-places).div(2);
  expect(new Exact((actual as Dec).toFixed()).minus(expected).abs().lte(tolerance)).toBe(true);
};

function scenario(overrides: ScenarioOverride[], name = 'Scenario'): Scenario {
  return { id: 'sc1', name, description: '', overrides };
}

describe('applyScenario', () => {
  it('returns a new project with the overrides applied and leaves the base project untouched', () => {
    const w2 = loadW2();
    const before = clone(w2);
    const { project, applied, problems } = applyScenario(
      w2,
      scenario([
        { target: 'outcome', id: 'overdose', field: 'deadweight', value: '0.5' },
        { target: 'input', id: 'grant', field: 'amount', value: '60000' },
      ]),
    );
    expect(problems).toEqual([]);
    expect(w2).toEqual(before);
    expect(project).not.toBe(w2);
    expect(project.outcomes[0].deadweight).toBe('0.5');
    expect(project.inputs[0]).toMatchObject({ kind: 'cash', amount: '60000' });
    expect(applied.map((a) => [a.itemName, a.field, a.before.toFixed(), a.after.toFixed()])).toEqual([
      ['Overdose deaths averted', 'deadweight', '0.2', '0.5'],
      ['Municipal grant', 'amount', '80000', '60000'],
    ]);
    // Overdose impact 3 x 40,000 x 0.5 x 0.7 = 42,000; PV 42,000 / 1.035 = 40,579.710144...
    const sroi = computeSroi(project);
    close(sroi.outcomes[0].presentValue.value, '40579.71014492753623188405797');
    // Investment 60,000 + 12,000 + 14,250 = 86,250.
    close(sroi.investment.total.value, '86250');
  });

  it('sets every outcome field: quantity, proxy value, duration and the four fractions', () => {
    const w2 = loadW2();
    const { project, problems } = applyScenario(
      w2,
      scenario([
        { target: 'outcome', id: 'oat', field: 'quantity', value: '30' },
        { target: 'outcome', id: 'oat', field: 'proxyValue', value: '5000' },
        { target: 'outcome', id: 'oat', field: 'duration', value: '2' },
        { target: 'outcome', id: 'oat', field: 'deadweight', value: '0.1' },
        { target: 'outcome', id: 'oat', field: 'displacement', value: '0.05' },
        { target: 'outcome', id: 'oat', field: 'attribution', value: '0.4' },
        { target: 'outcome', id: 'oat', field: 'dropOff', value: '0' },
        { target: 'outcome', id: 'nuisance', field: 'proxyValue', value: '-500' },
      ]),
    );
    expect(problems).toEqual([]);
    const oat = project.outcomes.find((o) => o.id === 'oat');
    expect(oat).toMatchObject({
      quantity: '30',
      duration: 2,
      deadweight: '0.1',
      displacement: '0.05',
      attribution: '0.4',
      dropOff: '0',
    });
    expect(oat?.proxy.value).toBe('5000');
    expect(project.outcomes.find((o) => o.id === 'nuisance')?.proxy.value).toBe('-500');
    // OAT impact 30 x 5,000 x 0.9 x 0.95 x 0.6 = 76,950, starts after: years 2 and 3.
    const sroi = computeSroi(project);
    close(sroi.outcomes[1].impact.value, '76950');
    expect(sroi.outcomes[1].values.map((v) => v.toFixed())).toEqual(['0', '76950', '76950']);
  });

  it('sets a volunteer input through its hours, keeping the recorded rate and its source', () => {
    const w2 = loadW2();
    const { project, problems } = applyScenario(
      w2,
      scenario([{ target: 'input', id: 'volunteers', field: 'amount', value: '11400' }]),
    );
    expect(problems).toEqual([]);
    expect(project.inputs[2]).toMatchObject({ kind: 'volunteer', hours: '1200', hourlyRate: '9.50' });
    close(computeSroi(project).investment.total.value, '103400');
  });

  it('uses the later of two overrides of the same field', () => {
    const { project, applied } = applyScenario(
      loadW2(),
      scenario([
        { target: 'input', id: 'grant', field: 'amount', value: '1' },
        { target: 'input', id: 'van', field: 'amount', value: '0' },
        { target: 'input', id: 'grant', field: 'amount', value: '2' },
      ]),
    );
    expect(project.inputs[0]).toMatchObject({ amount: '2' });
    expect(applied.map((a) => [a.id, a.index, a.after.toFixed()])).toEqual([
      ['van', 1, '0'],
      ['grant', 2, '2'],
    ]);
  });

  it('skips an override it cannot apply and says why, naming the override; the others still apply', () => {
    const w2 = loadW2();
    const zeroRate = makeProject({ inputs: [volunteerInput('100', '0', { id: 'v', description: 'Helpers' })] });
    const { problems, project } = applyScenario(
      w2,
      scenario([
        { target: 'outcome', id: 'ghost', field: 'quantity', value: '1' },
        { target: 'outcome', id: 'overdose', field: 'amount', value: '1' },
        { target: 'input', id: 'grant', field: 'quantity', value: '1' },
        { target: 'outcome', id: 'overdose', field: 'deadweight', value: '1.5' },
        { target: 'outcome', id: 'overdose', field: 'duration', value: '2.5' },
        { target: 'outcome', id: 'overdose', field: 'quantity', value: '-1' },
        { target: 'input', id: 'grant', field: 'amount', value: '1e5' },
        { target: 'outcome', id: 'overdose', field: 'quantity', value: '4' },
      ]),
    );
    expect(problems.map((p) => p.path)).toEqual([
      'overrides[0].id',
      'overrides[1].field',
      'overrides[2].field',
      'overrides[3].value',
      'overrides[4].value',
      'overrides[5].value',
      'overrides[6].value',
    ]);
    expect(problems[0]).toMatchObject({
      where: 'override 1 (outcome "ghost", quantity)',
      message: 'refers to outcome "ghost", which does not exist',
    });
    expect(problems[1].message).toContain('an outcome has no field "amount"');
    expect(problems[3]).toMatchObject({ where: 'override 4 (outcome "Overdose deaths averted", deadweight)' });
    expect(problems[3].message).toContain('between 0 % and 100 %');
    expect(problems[4].message).toBe('must be a whole number of years from 0 to 100');
    expect(problems[5].message).toBe('cannot be negative');
    expect(project.outcomes[0]).toMatchObject({ quantity: '4', deadweight: '0.2', duration: 1 });
    expect(project.inputs[0]).toMatchObject({ amount: '80000' });

    const refused = applyScenario(zeroRate, scenario([{ target: 'input', id: 'v', field: 'amount', value: '50' }]));
    expect(refused.problems[0].message).toContain('hourly rate of 0');
    expect(
      applyScenario(zeroRate, scenario([{ target: 'input', id: 'v', field: 'amount', value: '0' }])).problems,
    ).toEqual([]);
  });

  it('reads base values for every field and none for an unknown item or a field the target lacks', () => {
    const w2 = loadW2();
    expect(baseValueOf(w2, 'input', 'volunteers', 'amount')?.toFixed()).toBe('14250');
    expect(baseValueOf(w2, 'outcome', 'oat', 'proxyValue')?.toFixed()).toBe('6000');
    expect(baseValueOf(w2, 'outcome', 'oat', 'duration')?.toFixed()).toBe('3');
    expect(baseValueOf(w2, 'outcome', 'oat', 'dropOff')?.toFixed()).toBe('0.3');
    expect(baseValueOf(w2, 'outcome', 'oat', 'amount')).toBeNull();
    expect(baseValueOf(w2, 'input', 'ghost', 'amount')).toBeNull();
  });
});

describe('generated overrides', () => {
  it('"budget -20 %": every input amount x 0.8, stored as overrides; W2 costs 85,000 and PV is unchanged', () => {
    const w2 = loadW2();
    const factor = factorFromPercent('-20');
    expect(factor.toFixed()).toBe('0.8');
    const overrides = inputScaleOverrides(w2, factor);
    expect(overrides).toEqual([
      { target: 'input', id: 'grant', field: 'amount', value: '64000' },
      { target: 'input', id: 'van', field: 'amount', value: '9600' },
      { target: 'input', id: 'volunteers', field: 'amount', value: '11400' },
    ]);
    const sroi = computeSroi(applyScenario(w2, scenario(overrides)).project);
    close(sroi.investment.total.value, '85000');
    close(sroi.presentValue.value, '180737.349240', 6);
    // 180,737.349240 / 85,000 = 2.126321755...
    expect(sroi.ratio.value?.toFixed(6)).toBe('2.126322');
  });

  it('"scale-up x2": inputs and quantities doubled; cost and PV double, the ratio stays 1.701057 : 1', () => {
    const w2 = loadW2();
    const overrides = [...inputScaleOverrides(w2, '2'), ...quantityScaleOverrides(w2, factorFromPercent('100'))];
    expect(overrides.filter((o) => o.target === 'outcome').map((o) => o.value)).toEqual(['6', '50', '80', '20']);
    const sroi = computeSroi(applyScenario(w2, scenario(overrides)).project);
    close(sroi.investment.total.value, '212500');
    close(sroi.presentValue.value, '361474.698480', 6);
    expect(sroi.ratio.value?.toFixed(6)).toBe('1.701057');
    expect(quantityScaleOverrides(w2, '2', { benefitsOnly: true }).map((o) => o.id)).toEqual([
      'overdose',
      'oat',
      'syringes',
    ]);
  });

  it('refuses a factor below zero and a change below -100 %', () => {
    expect(() => inputScaleOverrides(loadW2(), '-1')).toThrow('cannot be negative');
    expect(() => factorFromPercent('-150')).toThrow('below -100 %');
    expect(factorFromPercent('-100').toFixed()).toBe('0');
  });

  it('merges overrides: a later one of the same item and field replaces the earlier one', () => {
    const base: ScenarioOverride[] = [
      { target: 'input', id: 'grant', field: 'amount', value: '1' },
      { target: 'outcome', id: 'oat', field: 'quantity', value: '2' },
    ];
    expect(mergeOverrides(base, [{ target: 'input', id: 'grant', field: 'amount', value: '3' }])).toEqual([
      { target: 'outcome', id: 'oat', field: 'quantity', value: '2' },
      { target: 'input', id: 'grant', field: 'amount', value: '3' },
    ]);
  });

  it('is stored and exported with the project: the project file with the scenario parses and keeps it', () => {
    const w2 = loadW2();
    const withScenario: Project = {
      ...w2,
      scenarios: [
        { id: 'budget-cut', name: 'Budget -20 %', description: '', overrides: inputScaleOverrides(w2, '0.8') },
      ],
    };
    const parsed = parseProjectFile(JSON.parse(JSON.stringify(toFile(withScenario))));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.project.scenarios).toEqual(withScenario.scenarios);
  });
});

describe('compareScenarios', () => {
  it('computes cost, PV, ratio and cost per outcome for the base case and each scenario', () => {
    const w2 = loadW2();
    const project: Project = {
      ...w2,
      scenarios: [
        { id: 'cut', name: 'Budget -20 %', description: '', overrides: inputScaleOverrides(w2, '0.8') },
        {
          id: 'broken',
          name: 'Broken',
          description: '',
          overrides: [{ target: 'input', id: 'x', field: 'amount', value: '1' }],
        },
      ],
    };
    const { base, scenarios } = compareScenarios(project);
    expect(base.name).toBe('Base case');
    expect(base.scenarioId).toBeNull();
    close(base.cost.value, '106250');
    close(base.presentValue.value, '180737.349240', 6);
    close(base.netPresentValue.value, '74487.349240', 6);
    // Overdose deaths net of deadweight: 3 x 0.8 = 2.4; 106,250 / 2.4 = 44,270.8333...
    close(base.outcomes[0].netQuantity.value, '2.4');
    close(base.outcomes[0].costPerOutcome.value, new Exact(106250).div('2.4').toFixed(20));
    const [cut, broken] = scenarios;
    close(cut.cost.value, '85000');
    close(cut.outcomes[0].costPerOutcome.value, new Exact(85000).div('2.4').toFixed(20));
    expect(cut.applied).toHaveLength(3);
    const change = changeFrom(base.cost.value, cut.cost.value);
    expect(change?.absolute.toFixed()).toBe('-21250');
    expect(change?.relative?.toFixed()).toBe('-0.2');
    expect(broken.problems).toHaveLength(1);
    close(broken.cost.value, '106250');
  });

  it('gives cost per output for each output type, and none where nothing was counted', () => {
    const project = makeProject({
      inputs: [cashInput('1000')],
      outputs: [
        {
          id: 'kits',
          name: 'Naloxone kits',
          unit: 'kit',
          stakeholderId: null,
          records: [{ period: '2025', count: '40', breakdown: [] }],
          notes: '',
        },
      ],
    });
    const { base } = compareScenarios(project, [scenario(inputScaleOverrides(project, '0.5'))]);
    close(base.outputs[0].costPerOutput.value, '25');
    const { scenarios } = compareScenarios(project, [scenario(inputScaleOverrides(project, '0.5'))]);
    close(scenarios[0].outputs[0].costPerOutput.value, '12.5');
  });

  it('changeFrom: no relative change from zero', () => {
    expect(changeFrom(new Dec(0), new Dec(5))).toEqual({ absolute: new Dec(5), relative: null });
    expect(changeFrom(null, new Dec(5))).toBeNull();
  });
});

describe('properties', () => {
  it('never throws on any valid project and scenario; every override is applied or reported', () => {
    fc.assert(
      fc.property(projectArb({ maxExtra: 1 }), (project) => {
        for (const s of project.scenarios) {
          const result = applyScenario(project, s);
          expect(result.applied.length + result.problems.length).toBeLessThanOrEqual(s.overrides.length);
          expect(
            result.problems.length + new Set(s.overrides.map((o) => `${o.target}/${o.id}/${o.field}`)).size,
          ).toBeGreaterThanOrEqual(result.applied.length);
          computeSroi(result.project);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('scaling inputs by k scales the investment by k exactly and leaves PV unchanged', () => {
    fc.assert(
      fc.property(projectArb({ maxExtra: 1 }), fc.integer({ min: 0, max: 400 }), (project, percent) => {
        const k = new Dec(percent).div(100);
        const before = computeSroi(project);
        const after = computeSroi(applyScenario(project, scenario(inputScaleOverrides(project, k))).project);
        const expected = before.investment.total.value.times(k);
        const tolerance = expected.abs().times('1e-20').plus('1e-20');
        expect(after.investment.total.value.minus(expected).abs().lte(tolerance)).toBe(true);
        expect(after.presentValue.value.eq(before.presentValue.value)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
