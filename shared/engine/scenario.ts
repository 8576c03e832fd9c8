/**
 * Scenarios (issue "Cost-effectiveness, strategies and scenarios"): a scenario is a named set of overrides of
 * the base case's assumptions ("budget -20 %", "scale-up x2"), stored as data with the project, never a second
 * copy of it. This module applies a scenario to a project (a new Project; the original is not touched),
 * generates the overrides of the common scenarios (every input amount, or every outcome quantity, times a
 * factor) and computes the figures a side-by-side comparison shows: cost, outputs, outcomes net of
 * deadweight, PV, NPV, SROI ratio and cost per outcome, for the base case and every scenario.
 *
 * Override fields (ScenarioOverride in shared/model/schema.ts):
 *   outcome: quantity (Q, >= 0), proxyValue (the proxy's own value, in its own currency and price year, before
 *            the price-index and exchange-rate adjustments; any sign), duration (whole years 0..100),
 *            deadweight, displacement, attribution, dropOff (fractions 0..1);
 *   input:   amount (>= 0). For cash and in-kind inputs it is the amount; for volunteer time (hours x rate)
 *            the hours are set so that hours x rate = amount, keeping the recorded rate and its source
 *            (an amount other than 0 cannot be reached with a rate of 0: reported, not applied).
 * Two overrides of the same item and field: the later one is used. An override that cannot be applied (no
 * such item, a field the item does not have, a value out of range) is skipped and reported as a problem that
 * names the override; the others still apply.
 */
import { canonical, Dec, ZERO } from '../money/decimal';
import type { Input, Outcome, Project, Scenario } from '../model/schema';
import type { Problem } from '../model/validate';
import type { Message } from '../i18n/message';
import { ceProblem } from './ce/increment';
import { costPerOutcome, costPerOutput, type OutcomeCost } from './ce/indicators';
import { readDecimal } from './ce/read';
import { splitProblems, type CeProblem, type ProblemText } from './ce/types';
import type { Figure, OptionalFigure } from './figure';
import { inputAmount } from './investment';
import { computeSroi, type SroiResult } from './sroi';
import { english, message, phrase } from './text';

export type OverrideTarget = Scenario['overrides'][number]['target'];
export type OverrideField = Scenario['overrides'][number]['field'];
export type ScenarioOverride = Scenario['overrides'][number];

/** The fields each target can override, in the order a form lists them. */
export const OVERRIDE_FIELDS: Record<OverrideTarget, readonly OverrideField[]> = {
  outcome: ['quantity', 'proxyValue', 'duration', 'deadweight', 'displacement', 'attribution', 'dropOff'],
  input: ['amount'],
};

/** Fields stored as fractions 0..1 and shown as 0..100 %. */
export const FRACTION_FIELDS: readonly OverrideField[] = ['deadweight', 'displacement', 'attribution', 'dropOff'];

export interface AppliedOverride {
  /** Position of the override in the scenario's list. */
  index: number;
  target: OverrideTarget;
  id: string;
  field: OverrideField;
  /** The item's name (outcome name, input description). */
  itemName: string;
  /** The base case's value and the scenario's value. */
  before: Dec;
  after: Dec;
}

export interface ScenarioApplication {
  /** The base project with the overrides applied (a new object; strategies and scenarios are kept as they are). */
  project: Project;
  applied: AppliedOverride[];
  /** Overrides that were skipped, each with the reason. */
  problems: Problem[];
  /** The same problems as messages the interface translates, index by index. */
  problemsText: ProblemText[];
}

/** The base case's value of one field of one item, or null when there is no such item or field. */
export function baseValueOf(project: Project, target: OverrideTarget, id: string, field: OverrideField): Dec | null {
  if (!OVERRIDE_FIELDS[target].includes(field)) return null;
  if (target === 'input') {
    const item = project.inputs.find((i) => i.id === id);
    return item ? inputAmount(item, project.currency).value : null;
  }
  const outcome = project.outcomes.find((o) => o.id === id);
  if (!outcome) return null;
  switch (field) {
    case 'quantity':
      return new Dec(outcome.quantity);
    case 'proxyValue':
      return new Dec(outcome.proxy.value);
    case 'duration':
      return new Dec(outcome.duration);
    case 'deadweight':
    case 'displacement':
    case 'attribution':
    case 'dropOff':
      return new Dec(outcome[field]);
    default:
      return null;
  }
}

/** The item an override points at, by name: `outcome "Overdose deaths averted"`, `input "Municipal grant"`. */
export function itemNameOf(project: Project, target: OverrideTarget, id: string): string | null {
  if (target === 'input') return project.inputs.find((i) => i.id === id)?.description ?? null;
  return project.outcomes.find((o) => o.id === id)?.name ?? null;
}

type Checked = { ok: true; value: Dec } | { ok: false; text: Message };

const T = {
  durationRange: phrase('engine.scenario.durationRange'),
  zeroRate: phrase('engine.scenario.zeroRate'),
  baseCase: phrase('engine.scenario.baseCase'),
  target: { outcome: phrase('engine.scenario.target.outcome'), input: phrase('engine.scenario.target.input') },
} as const;

/** A field's name in a problem: as the override names it in English ("dropOff"), translated for the interface. */
const fieldText = (field: string): Message => message(`engine.scenario.field.${field}`);

function checkValue(field: OverrideField, raw: string): Checked {
  const rule = field === 'proxyValue' ? 'any' : FRACTION_FIELDS.includes(field) ? 'fraction' : 'non-negative';
  const read = readDecimal(raw, rule);
  if (!read.ok) return { ok: false, text: read.text };
  if (field === 'duration' && (!read.value.isInteger() || read.value.gt(100)))
    return { ok: false, text: T.durationRange };
  return read;
}

function withInputAmount(item: Input, amount: Dec): Input | Message {
  if (item.kind !== 'volunteer') return { ...item, amount: canonical(amount) };
  const rate = new Dec(item.hourlyRate);
  if (rate.isZero()) return amount.isZero() ? item : T.zeroRate;
  return { ...item, hours: canonical(amount.div(rate)) };
}

function withOutcomeField(outcome: Outcome, field: OverrideField, value: Dec): Outcome {
  const text = canonical(value);
  switch (field) {
    case 'proxyValue':
      return { ...outcome, proxy: { ...outcome.proxy, value: text } };
    case 'duration':
      return { ...outcome, duration: value.toNumber() };
    case 'quantity':
    case 'deadweight':
    case 'displacement':
    case 'attribution':
    case 'dropOff':
      return { ...outcome, [field]: text };
    default:
      return outcome;
  }
}

/** Apply a scenario's overrides to a project: a new Project, the base project unchanged. */
export function applyScenario(project: Project, scenario: Pick<Scenario, 'overrides'>): ScenarioApplication {
  const problems: CeProblem[] = [];
  const inputs = new Map(project.inputs.map((i) => [i.id, i]));
  const outcomes = new Map(project.outcomes.map((o) => [o.id, o]));
  const applied = new Map<string, AppliedOverride>();

  scenario.overrides.forEach((override, index) => {
    const { target, id, field } = override;
    const itemName = itemNameOf(project, target, id);
    const path = `overrides[${index}]`;
    const targetText = T.target[target] ?? target;
    const where = message('engine.scenario.where', {
      n: index + 1,
      target: targetText,
      name: itemName ?? id,
      field: OVERRIDE_FIELDS[target]?.includes(field) ? fieldText(field) : field,
    });
    if (itemName === null) {
      problems.push(ceProblem(`${path}.id`, where, message('engine.scenario.noItem', { target: targetText, id })));
      return;
    }
    if (!OVERRIDE_FIELDS[target].includes(field)) {
      const fields = OVERRIDE_FIELDS[target].join(', ');
      problems.push(ceProblem(`${path}.field`, where, message(`engine.scenario.noField.${target}`, { field, fields })));
      return;
    }
    const checked = checkValue(field, override.value);
    if (!checked.ok) {
      problems.push(ceProblem(`${path}.value`, where, checked.text));
      return;
    }
    const before = baseValueOf(project, target, id, field) ?? ZERO;
    if (target === 'input') {
      const current = inputs.get(id);
      if (!current) return;
      const next = withInputAmount(current, checked.value);
      if ('key' in next) {
        problems.push(ceProblem(`${path}.value`, where, next));
        return;
      }
      inputs.set(id, next);
    } else {
      const current = outcomes.get(id);
      if (!current) return;
      outcomes.set(id, withOutcomeField(current, field, checked.value));
    }
    const key = `${target}\u0000${id}\u0000${field}`;
    applied.delete(key); // the later override of the same field is the one used (and listed in its place)
    applied.set(key, { index, target, id, field, itemName, before, after: checked.value });
  });

  return {
    project: {
      ...project,
      inputs: project.inputs.map((i) => inputs.get(i.id) ?? i),
      outcomes: project.outcomes.map((o) => outcomes.get(o.id) ?? o),
    },
    applied: [...applied.values()].sort((a, b) => a.index - b.index),
    ...splitProblems(problems),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Generated overrides: the common scenarios stored as data

function readFactor(factor: Dec | string): Dec {
  const read = readDecimal(factor, 'non-negative');
  if (!read.ok) throw new RangeError(`The factor ${read.message}`);
  return read.value;
}

/**
 * "Budget -20 %" as data: one override per input, amount = base amount x factor (0.8 for -20 %). Volunteer
 * time is scaled through its amount (hours x rate), so its hours fall by the same share.
 */
export function inputScaleOverrides(project: Project, factor: Dec | string): ScenarioOverride[] {
  const k = readFactor(factor);
  return project.inputs.map((item) => ({
    target: 'input' as const,
    id: item.id,
    field: 'amount' as const,
    value: canonical(inputAmount(item, project.currency).value.times(k)),
  }));
}

/**
 * "Scale-up x2" for the outcomes: one override per outcome, quantity = base quantity x factor. Disbenefits
 * scale too (twice the activity, twice the nuisance), unless `benefitsOnly` is set.
 */
export function quantityScaleOverrides(
  project: Project,
  factor: Dec | string,
  options: { benefitsOnly?: boolean } = {},
): ScenarioOverride[] {
  const k = readFactor(factor);
  return project.outcomes
    .filter((o) => !options.benefitsOnly || !new Dec(o.proxy.value).isNeg())
    .map((o) => ({
      target: 'outcome' as const,
      id: o.id,
      field: 'quantity' as const,
      value: canonical(new Dec(o.quantity).times(k)),
    }));
}

/** A percentage change as a factor: -20 -> 0.8, 100 -> 2. Refuses a change below -100 %. */
export function factorFromPercent(percent: Dec | string): Dec {
  const read = readDecimal(percent, 'any');
  if (!read.ok) throw new RangeError(`The percentage ${read.message}`);
  const factor = read.value.div(100).plus(1);
  if (factor.isNeg()) throw new RangeError('The percentage cannot be below -100 %');
  return factor;
}

/** The overrides of `base` with `added` laid over them: an override of the same item and field is replaced. */
export function mergeOverrides(
  base: readonly ScenarioOverride[],
  added: readonly ScenarioOverride[],
): ScenarioOverride[] {
  const key = (o: ScenarioOverride) => `${o.target}\u0000${o.id}\u0000${o.field}`;
  const replaced = new Set(added.map(key));
  return [...base.filter((o) => !replaced.has(key(o))), ...added];
}

// ---------------------------------------------------------------------------------------------------------
// Side-by-side comparison

export interface ScenarioOutputFigures {
  outputId: string;
  name: string;
  unit: string;
  count: OptionalFigure;
  costPerOutput: OptionalFigure;
}

export interface ScenarioFigures {
  /** Null for the base case. */
  scenarioId: string | null;
  name: string;
  /** `name` as a message when it is the engine's "Base case" (no name was given). */
  nameText?: Message;
  project: Project;
  sroi: SroiResult;
  /** Investment: every input of every stakeholder, discounted as in the SROI ratio. */
  cost: Figure;
  presentValue: Figure;
  netPresentValue: Figure;
  ratio: OptionalFigure;
  outputs: ScenarioOutputFigures[];
  /** Per outcome: outcomes net of deadweight (Q x (1 - DW)) and the cost per outcome. */
  outcomes: OutcomeCost[];
  applied: AppliedOverride[];
  problems: Problem[];
  problemsText: ProblemText[];
}

function figuresOf(
  scenarioId: string | null,
  name: string | Message,
  project: Project,
  applied: AppliedOverride[],
  problems: Problem[],
  problemsText: ProblemText[],
): ScenarioFigures {
  const sroi = computeSroi(project);
  const cost = sroi.investment.total;
  const currency = project.currency;
  const outputs = costPerOutput(cost.value, project.outputs, currency).map((o) => ({
    outputId: o.outputId,
    name: o.name,
    unit: o.unit,
    count: o.count,
    costPerOutput: o.costPerOutput,
  }));
  return {
    scenarioId,
    ...(typeof name === 'string' ? { name } : { name: english(name), nameText: name }),
    project,
    sroi,
    cost,
    presentValue: sroi.presentValue,
    netPresentValue: sroi.netPresentValue,
    ratio: sroi.ratio,
    outputs,
    outcomes: project.outcomes.map((o) => costPerOutcome(cost.value, o, currency)),
    applied,
    problems,
    problemsText,
  };
}

export interface ScenarioComparison {
  base: ScenarioFigures;
  scenarios: ScenarioFigures[];
}

/** The base case and each scenario, computed by the same engine from the same cost base. */
export function compareScenarios(
  project: Project,
  scenarios: readonly Scenario[] = project.scenarios,
  baseName: string | Message = T.baseCase,
): ScenarioComparison {
  return {
    base: figuresOf(null, baseName, project, [], [], []),
    scenarios: scenarios.map((s) => {
      const { project: changed, applied, problems, problemsText } = applyScenario(project, s);
      return figuresOf(s.id, s.name, changed, applied, problems, problemsText);
    }),
  };
}

/** The change from the base case: the difference and, when the base is not zero, the relative change. */
export interface Change {
  absolute: Dec;
  /** (value - base) / |base|; null when the base is zero. */
  relative: Dec | null;
}

export function changeFrom(base: Dec | null, value: Dec | null): Change | null {
  if (base === null || value === null) return null;
  const absolute = value.minus(base);
  return { absolute, relative: base.isZero() ? null : absolute.div(base.abs()) };
}
