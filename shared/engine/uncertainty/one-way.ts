/**
 * One-way sensitivity (METHOD.md "Sensitivity and switching values": "one-way ranges (low/base/high per
 * assumption) give a tornado chart, sorted by the width of the swing"). Decimal, through computeSroi.
 *
 * Default ranges (each can be changed, and any assumption can be given its own low and high in `ranges`):
 *   - proxies and quantities: -20 % / +20 % of the entered value (a proxy in its own currency and price year);
 *   - deadweight, displacement, attribution, drop-off: -10 / +10 percentage points, clamped to 0..100 %;
 *   - the discount rate: 0 % and 6 % around the entered rate (the Green Book's 3.5 % by default);
 *   - non-cash inputs (in kind, volunteer time): -20 % / +20 % of their value (the Guide asks for "the value of
 *     non-cash inputs"); a volunteer input moves through its hourly rate;
 *   - each outcome removed (low: removed, high: as entered).
 * Durations and cash inputs have no default range; give one in `ranges` to include them.
 *
 * Every row reports the values used and, for each case, PV, investment, NPV and ratio. The swing is measured on
 * the ratio (on NPV when the investment is zero and the ratio undefined) as the width of the bar a tornado chart
 * draws around the base line: max(low, base, high) - min(low, base, high). Rows are sorted by swing, widest
 * first; equal swings keep the order of the model.
 */
import { canonical, Dec, ONE, ZERO } from '../../money/decimal';
import type { Input, Outcome, Project } from '../../model/schema';
import { computeSroi } from '../sroi';
import {
  baseline,
  FIELD_LABELS,
  findOutcome,
  inputPresentValue,
  presentValueWith,
  withDiscountRate,
  withOutcomeValue,
  type Baseline,
  type OutcomeField,
} from './project-edit';

export type SensitivityAssumption =
  | { kind: 'outcome'; outcomeId: string; field: OutcomeField }
  | { kind: 'outcomeRemoved'; outcomeId: string }
  | { kind: 'input'; inputId: string }
  | { kind: 'discountRate' };

/** What a row's values are: a fraction (0..1), money, a count, whole years, a rate (fraction), or presence. */
export type SensitivityUnit = 'fraction' | 'money' | 'count' | 'years' | 'rate' | 'presence';

export interface SensitivityCase {
  /** The assumption's value in this case (null for "removed"). */
  value: Dec | null;
  presentValue: Dec;
  investment: Dec;
  netPresentValue: Dec;
  ratio: Dec | null;
}

export interface TornadoRow {
  assumption: SensitivityAssumption;
  label: string;
  unit: SensitivityUnit;
  /** The currency of a money value (a proxy's own currency, or the model's for an input). */
  currency?: string;
  /** The entered value (null for "outcome removed", whose base is "included"). */
  base: Dec | null;
  low: SensitivityCase;
  high: SensitivityCase;
  /** Width of the swing in the measure (ratio, or NPV when the ratio is undefined). */
  swing: Dec;
}

export interface OneWayResult {
  base: { presentValue: Dec; investment: Dec; netPresentValue: Dec; ratio: Dec | null };
  /** What `swing` measures. */
  measure: 'ratio' | 'netPresentValue';
  rows: TornadoRow[];
}

/** An explicit range for one assumption, in its own unit (fractions 0..1, money, whole years). */
export interface SensitivityRange {
  assumption: Exclude<SensitivityAssumption, { kind: 'outcomeRemoved' }>;
  low: Dec | string | number;
  high: Dec | string | number;
}

export interface OneWayOptions {
  /** Relative change of proxies (default 0.2, i.e. -20 % / +20 %); null leaves proxies out. */
  proxyChange?: Dec | string | null;
  /** Relative change of quantities (default 0.2); null leaves them out. */
  quantityChange?: Dec | string | null;
  /** Change of adjustments in fraction points (default 0.1 = 10 percentage points); null leaves them out. */
  adjustmentChange?: Dec | string | null;
  /** Low and high discount rates (default 0 and 0.06); null leaves the discount rate out. */
  discountRates?: { low: Dec | string; high: Dec | string } | null;
  /** Relative change of non-cash inputs (default 0.2); null leaves them out. */
  nonCashInputChange?: Dec | string | null;
  /** Add an "outcome removed" row per outcome (default true). */
  outcomeRemoval?: boolean;
  /** Explicit ranges; they replace the default range of the same assumption. */
  ranges?: SensitivityRange[];
}

const ADJUSTMENTS: OutcomeField[] = ['deadweight', 'displacement', 'attribution', 'dropOff'];

function keyOf(a: SensitivityAssumption): string {
  switch (a.kind) {
    case 'outcome':
      return `outcome:${a.outcomeId}:${a.field}`;
    case 'outcomeRemoved':
      return `removed:${a.outcomeId}`;
    case 'input':
      return `input:${a.inputId}`;
    case 'discountRate':
      return 'discountRate';
  }
}

function clampFraction(x: Dec): Dec {
  return Dec.min(ONE, Dec.max(ZERO, x));
}

function outcomeBase(outcome: Outcome, field: OutcomeField): Dec {
  switch (field) {
    case 'proxy':
      return new Dec(outcome.proxy.value);
    case 'duration':
      return new Dec(outcome.duration);
    default:
      return new Dec(outcome[field]);
  }
}

function unitOf(field: OutcomeField): SensitivityUnit {
  if (field === 'proxy') return 'money';
  if (field === 'quantity') return 'count';
  if (field === 'duration') return 'years';
  return 'fraction';
}

/** Check an explicit value against its unit (a proxy may be negative; counts, amounts and rates may not). */
function checkValue(value: Dec, unit: SensitivityUnit, what: string, nonNegative: boolean): Dec {
  if (!value.isFinite()) throw new RangeError(`${what}: ${value.toString()} is not a number`);
  if (unit === 'fraction' && (value.lt(0) || value.gt(1))) throw new RangeError(`${what} must be between 0 and 1`);
  if (unit === 'years' && (!value.isInteger() || value.lt(0) || value.gt(100))) {
    throw new RangeError(`${what} must be a whole number of years from 0 to 100`);
  }
  if (nonNegative && value.lt(0)) throw new RangeError(`${what} cannot be negative`);
  return value;
}

/** Explicit ranges by assumption, each checked to name an outcome or input of the project. */
function explicitRanges(project: Project, ranges: readonly SensitivityRange[]): Map<string, SensitivityRange> {
  const map = new Map<string, SensitivityRange>();
  for (const range of ranges) {
    const a = range.assumption;
    if (a.kind === 'outcome') findOutcome(project, a.outcomeId);
    if (a.kind === 'input' && !project.inputs.some((i) => i.id === a.inputId)) {
      throw new RangeError(`no input "${a.inputId}" in the project`);
    }
    map.set(keyOf(a), range);
  }
  return map;
}

interface Context {
  base: Baseline;
  baseNpv: Dec;
}

function caseOf(presentValue: Dec, investment: Dec, value: Dec | null): SensitivityCase {
  return {
    value,
    presentValue,
    investment,
    netPresentValue: presentValue.minus(investment),
    ratio: investment.gt(0) ? presentValue.div(investment) : null,
  };
}

function outcomeCase(ctx: Context, outcome: Outcome, field: OutcomeField, value: Dec): SensitivityCase {
  const pv = presentValueWith(ctx.base, withOutcomeValue(outcome, field, value));
  return caseOf(pv, ctx.base.investment, value);
}

/** An input with its amount changed (a volunteer input through its hourly rate, its hours kept). */
function inputWithAmount(input: Input, amount: Dec): Input {
  if (input.kind === 'volunteer') {
    const hours = new Dec(input.hours);
    return { ...input, hourlyRate: hours.isZero() ? input.hourlyRate : canonical(amount.div(hours)) };
  }
  return { ...input, amount: canonical(amount) };
}

function inputAmount(input: Input): Dec {
  return input.kind === 'volunteer' ? new Dec(input.hours).times(input.hourlyRate) : new Dec(input.amount);
}

function inputCase(ctx: Context, input: Input, amount: Dec): SensitivityCase {
  const project = ctx.base.project;
  const before = inputPresentValue(project, input);
  const after = inputPresentValue(project, inputWithAmount(input, amount));
  return caseOf(ctx.base.presentValue, ctx.base.investment.minus(before).plus(after), amount);
}

function rateCase(ctx: Context, rate: Dec): SensitivityCase {
  const result = computeSroi(withDiscountRate(ctx.base.project, rate));
  return caseOf(result.presentValue.value, result.investment.total.value, rate);
}

function swingOf(measure: OneWayResult['measure'], ctx: Context, low: SensitivityCase, high: SensitivityCase): Dec {
  const values =
    measure === 'ratio'
      ? [ctx.base.ratio, low.ratio, high.ratio].filter((v): v is Dec => v !== null)
      : [ctx.baseNpv, low.netPresentValue, high.netPresentValue];
  return Dec.max(...values).minus(Dec.min(...values));
}

const asDec = (v: Dec | string | number) => new Dec(v);

/** The tornado: one row per assumption with its low and high case, widest swing first. */
export function oneWaySensitivity(project: Project, options: OneWayOptions = {}): OneWayResult {
  const base = baseline(project);
  const ctx: Context = { base, baseNpv: base.presentValue.minus(base.investment) };
  const measure: OneWayResult['measure'] = base.ratio === null ? 'netPresentValue' : 'ratio';
  const proxyChange = options.proxyChange === undefined ? new Dec('0.2') : options.proxyChange;
  const quantityChange = options.quantityChange === undefined ? new Dec('0.2') : options.quantityChange;
  const adjustmentChange = options.adjustmentChange === undefined ? new Dec('0.1') : options.adjustmentChange;
  const rates = options.discountRates === undefined ? { low: '0', high: '0.06' } : options.discountRates;
  const nonCash = options.nonCashInputChange === undefined ? new Dec('0.2') : options.nonCashInputChange;

  const explicit = explicitRanges(project, options.ranges ?? []);

  const rows: TornadoRow[] = [];
  const push = (row: Omit<TornadoRow, 'swing'>) =>
    rows.push({ ...row, swing: swingOf(measure, ctx, row.low, row.high) });

  // Outcomes: quantity, proxy, the four adjustments, duration (explicit only), removal.
  for (const outcome of project.outcomes) {
    const fields: OutcomeField[] = ['quantity', 'proxy', ...ADJUSTMENTS, 'duration'];
    for (const field of fields) {
      const assumption: SensitivityAssumption = { kind: 'outcome', outcomeId: outcome.id, field };
      const current = outcomeBase(outcome, field);
      const unit = unitOf(field);
      const label = `${FIELD_LABELS[field]}: ${outcome.name}`;
      let low: Dec;
      let high: Dec;
      const range = explicit.get(keyOf(assumption));
      if (range !== undefined) {
        low = checkValue(asDec(range.low), unit, `${label}, low`, field !== 'proxy');
        high = checkValue(asDec(range.high), unit, `${label}, high`, field !== 'proxy');
      } else if (field === 'quantity' || field === 'proxy') {
        const change = field === 'quantity' ? quantityChange : proxyChange;
        if (change === null) continue;
        low = current.times(ONE.minus(change));
        high = current.times(ONE.plus(change));
      } else if (field === 'duration') {
        continue;
      } else {
        if (adjustmentChange === null) continue;
        low = clampFraction(current.minus(adjustmentChange));
        high = clampFraction(current.plus(adjustmentChange));
      }
      push({
        assumption,
        label,
        unit,
        ...(field === 'proxy' ? { currency: outcome.proxy.currency } : {}),
        base: current,
        low: outcomeCase(ctx, outcome, field, low),
        high: outcomeCase(ctx, outcome, field, high),
      });
    }
  }

  if (options.outcomeRemoval ?? true) {
    for (const outcome of project.outcomes) {
      const pvWithout = base.presentValue.minus(base.outcomePv.get(outcome.id) ?? ZERO);
      push({
        assumption: { kind: 'outcomeRemoved', outcomeId: outcome.id },
        label: `Outcome removed: ${outcome.name}`,
        unit: 'presence',
        base: null,
        low: caseOf(pvWithout, base.investment, null),
        high: caseOf(base.presentValue, base.investment, null),
      });
    }
  }

  for (const input of project.inputs) {
    const assumption: SensitivityAssumption = { kind: 'input', inputId: input.id };
    const label = `Input: ${input.description}`;
    const current = inputAmount(input);
    const range = explicit.get(keyOf(assumption));
    let low: Dec;
    let high: Dec;
    if (range !== undefined) {
      low = checkValue(asDec(range.low), 'money', `${label}, low`, true);
      high = checkValue(asDec(range.high), 'money', `${label}, high`, true);
    } else {
      if (input.kind === 'cash' || nonCash === null) continue;
      low = current.times(ONE.minus(nonCash));
      high = current.times(ONE.plus(nonCash));
    }
    push({
      assumption,
      label,
      unit: 'money',
      currency: project.currency,
      base: current,
      low: inputCase(ctx, input, low),
      high: inputCase(ctx, input, high),
    });
  }

  const rateRange = explicit.get('discountRate') ?? (rates === null ? undefined : { low: rates.low, high: rates.high });
  if (rateRange !== undefined) {
    const low = checkValue(asDec(rateRange.low), 'rate', 'discount rate, low', true);
    const high = checkValue(asDec(rateRange.high), 'rate', 'discount rate, high', true);
    push({
      assumption: { kind: 'discountRate' },
      label: 'Discount rate',
      unit: 'rate',
      base: new Dec(project.settings.discountRate),
      low: rateCase(ctx, low),
      high: rateCase(ctx, high),
    });
  }

  // Array.prototype.sort is stable: equal swings keep the model's order.
  rows.sort((a, b) => b.swing.cmp(a.swing));
  return {
    base: {
      presentValue: base.presentValue,
      investment: base.investment,
      netPresentValue: ctx.baseNpv,
      ratio: base.ratio,
    },
    measure,
    rows,
  };
}
