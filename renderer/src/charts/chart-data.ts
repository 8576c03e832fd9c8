/**
 * Chart data: the SROI result turned into plain rows for recharts. Pure (no React, no DOM), so every figure a
 * chart shows is unit-tested against the engine.
 *
 * Money stays decimal (decimal.js) until the last step. Each row carries three forms of its figure:
 *   - `value`: the exact decimal, from the engine;
 *   - `plot`:  `value.toNumber()`, only for recharts to draw the bar;
 *   - `text`:  the figure formatted in the user's locale to the cent, for the label on the bar and the tooltip.
 * The text is never derived from the plotted number, so a label always says exactly what the tables say.
 */
import type { Dec as DecType } from '../../../shared/money/decimal';
import { Dec, ZERO } from '../../../shared/money/decimal';
import type { GroupValue, SroiResult } from '../../../shared/engine';
import type { Share } from '../../../shared/engine/investment';
import type { Project } from '../../../shared/model';
import { formatDecimal } from '../../../shared/format/locale';

export interface ChartFormat {
  locale: string;
  currency: string;
}

/** One bar: a group (stakeholder, outcome, cost category, funder) and its amount. */
export interface BarRow {
  key: string;
  label: string;
  value: DecType;
  plot: number;
  text: string;
  /** Share of the chart's total (0..100, formatted), or null when the total is not positive. */
  share: string | null;
}

export interface YearRow {
  key: string;
  year: number;
  /** Undiscounted value V(t), summed over outcomes. */
  value: DecType;
  valuePlot: number;
  valueText: string;
  /** Discounted value V(t) / discount factor. */
  presentValue: DecType;
  presentValuePlot: number;
  presentValueText: string;
}

export interface CostRow {
  key: string;
  label: string;
  /** Nominal amount: what was paid or given, in the year it was. */
  amount: DecType;
  amountPlot: number;
  amountText: string;
  /** The amount discounted to the start of year 1: what enters the SROI ratio's denominator. */
  presentValue: DecType;
  presentValuePlot: number;
  presentValueText: string;
  share: string | null;
}

export const money = (value: DecType, locale: string): string => formatDecimal(value, 2, locale);

function percentOf(part: DecType, total: DecType, locale: string): string | null {
  return total.gt(0) ? formatDecimal(part.div(total).times(100), 1, locale) : null;
}

/** Largest first; equal amounts keep the order the user entered them in (Array.prototype.sort is stable). */
const byValueDescending =
  <T>(valueOf: (row: T) => DecType) =>
  (a: T, b: T) =>
    valueOf(b).cmp(valueOf(a));

function barRows(groups: Array<{ key: string; label: string; value: DecType }>, total: DecType, locale: string) {
  return groups
    .map((g): BarRow => ({
      key: g.key,
      label: g.label,
      value: g.value,
      plot: g.value.toNumber(),
      text: money(g.value, locale),
      share: percentOf(g.value, total, locale),
    }))
    .sort(byValueDescending((r) => r.value));
}

const groupValues = (groups: GroupValue[]) =>
  groups.map((g) => ({ key: g.key, label: g.label, value: g.presentValue }));

/** Present value by stakeholder group, largest first. Groups without outcomes are left out (nothing to draw). */
export function valueByStakeholder(result: SroiResult, format: ChartFormat): BarRow[] {
  return barRows(groupValues(result.byStakeholder), result.presentValue.value, format.locale);
}

/** Present value by outcome, largest first; disbenefits (negative) come last. */
export function valueByOutcome(result: SroiResult, format: ChartFormat): BarRow[] {
  return barRows(groupValues(result.byOutcome), result.presentValue.value, format.locale);
}

/** Value and present value in each year of the horizon (year 1 first). */
export function valueByYear(result: SroiResult, format: ChartFormat): YearRow[] {
  return result.byYear.map((y) => ({
    key: String(y.year),
    year: y.year,
    value: y.value,
    valuePlot: y.value.toNumber(),
    valueText: money(y.value, format.locale),
    presentValue: y.presentValue,
    presentValuePlot: y.presentValue.toNumber(),
    presentValueText: money(y.presentValue, format.locale),
  }));
}

function costRows(shares: Share[], total: DecType, locale: string, labelOf: (s: Share) => string): CostRow[] {
  return shares
    .map((s): CostRow => ({
      key: s.key,
      label: labelOf(s),
      amount: s.amount,
      amountPlot: s.amount.toNumber(),
      amountText: money(s.amount, locale),
      presentValue: s.presentValue,
      presentValuePlot: s.presentValue.toNumber(),
      presentValueText: money(s.presentValue, locale),
      share: percentOf(s.presentValue, total, locale),
    }))
    .sort(byValueDescending((r) => r.presentValue));
}

/** Inputs by cost category (cash, in-kind and volunteer time alike), largest first. */
export function costsByCategory(result: SroiResult, format: ChartFormat): CostRow[] {
  return costRows(result.investment.byCategory, result.investment.total.value, format.locale, (s) => s.label);
}

/**
 * Inputs by funder, largest first. Inputs without a funder (typically volunteer time) are grouped under
 * `noFunderLabel`, in the interface language.
 */
export function costsByFunder(result: SroiResult, format: ChartFormat, noFunderLabel: string): CostRow[] {
  return costRows(result.investment.byFunder, result.investment.total.value, format.locale, (s) =>
    s.key === '' ? noFunderLabel : s.label,
  );
}

/** True when any input is paid after year 1, so nominal amounts and present values differ. */
export function costsAreDiscounted(rows: CostRow[]): boolean {
  return rows.some((r) => !r.amount.eq(r.presentValue));
}

// ---------------------------------------------------------------------------------------------------------
// The value waterfall

/**
 * The waterfall's arithmetic runs in a private decimal clone with a precision so large that sums and
 * differences of the engine's figures are never rounded (decimal.js stores only the digits a number needs,
 * so this costs nothing for everyday figures). There is no division here, so nothing is ever inexact, and
 * the steps add up to the engine's present value exactly, not to within a cent.
 */
const Exact = Dec.clone({ precision: 1_000_000 });
type Exact = InstanceType<typeof Exact>;
const exact = (value: DecType | string | number): Exact => new Exact(value);

export type WaterfallKey =
  | 'grossBenefits'
  | 'disbenefits'
  | 'deadweight'
  | 'displacement'
  | 'attribution'
  | 'dropOff'
  | 'discounting'
  | 'presentValue';

export interface WaterfallStep {
  key: WaterfallKey;
  /** A total is drawn from zero (gross benefits, present value); a change floats from the previous level. */
  kind: 'total' | 'change';
  /** For a total, its level; for a change, the signed amount it adds (negative: value taken away). */
  amount: DecType;
  /** The running level before and after the step (for a total, 0 and the total). */
  start: DecType;
  end: DecType;
}

/**
 * The value waterfall for the whole project, from gross value to present value (PV).
 *
 * Definitions, summed over all outcomes i (Q quantity, P the proxy in the model's currency and price year,
 * D the duration in years, DW/DS/AT/DO the deductions, impact = Q x P x (1 - DW) x (1 - DS) x (1 - AT)):
 *
 *   gross value   G  = sum Q x P x D                          the value if every unit counted in full, every
 *                                                               year of its duration, undiscounted
 *   deadweight        = sum Q x P x DW x D                     would have happened anyway
 *   displacement      = sum Q x P x (1 - DW) x DS x D          moved, not created
 *   attribution       = sum Q x P x (1 - DW) x (1 - DS) x D  - sum impact x D
 *                     (= sum Q x P x (1 - DW) x (1 - DS) x AT x D, up to the engine's 28-digit rounding of
 *                      the impact, which this step absorbs so the next levels are the engine's own)
 *   drop-off          = sum impact x D - undiscounted value    value lost as the outcome fades (the engine's
 *                                                               undiscounted total, sum over t of V(t))
 *   discounting       = undiscounted value - PV                the engine's totals
 *   present value PV  = G - deadweight - displacement - attribution - drop-off - discounting
 *
 * Every step is the difference between two consecutive levels computed exactly, so the sum telescopes: the
 * bars end at the engine's PV to the last digit (tests/charts prove it on generated projects).
 *
 * Disbenefits (outcomes with a negative proxy, such as nuisance displaced to a nearby street) are not netted
 * into the first bar, so a reader sees both what was gained and what was harmed: the chart starts with the
 * gross value of the benefits (outcomes with Q x P x D > 0) and takes the gross disbenefits (Q x P x D < 0)
 * away in a second step, shown only when there are any. The deductions that follow are net over all
 * outcomes: deadweight on a disbenefit means part of the harm would have happened anyway, so it is not the
 * programme's and gives value back. A deduction step therefore usually takes value away, but can add value
 * when disbenefits dominate it; the chart draws it in the direction of its sign, and the label carries the
 * sign, so colour is never the only cue.
 */
export function waterfallSteps(project: Project, result: SroiResult): WaterfallStep[] {
  let grossBenefits = exact(0);
  let disbenefits = exact(0);
  let afterDeadweight = exact(0);
  let afterDisplacement = exact(0);
  let afterAttribution = exact(0);

  result.outcomes.forEach((o, i) => {
    const source = project.outcomes[i];
    if (source === undefined || source.id !== o.id) {
      throw new Error(`The result does not match the project: outcome ${i + 1} is "${o.id}"`);
    }
    const years = exact(source.duration);
    const gross = exact(source.quantity).times(exact(o.proxy.value)).times(years);
    if (gross.isNeg()) disbenefits = disbenefits.plus(gross);
    else grossBenefits = grossBenefits.plus(gross);
    const keepDw = exact(1).minus(exact(source.deadweight));
    const keepDs = exact(1).minus(exact(source.displacement));
    afterDeadweight = afterDeadweight.plus(gross.times(keepDw));
    afterDisplacement = afterDisplacement.plus(gross.times(keepDw).times(keepDs));
    afterAttribution = afterAttribution.plus(exact(o.impact.value).times(years));
  });

  const undiscounted = exact(result.undiscountedValue.value);
  const presentValue = exact(result.presentValue.value);
  const gross = grossBenefits.plus(disbenefits);

  const steps: WaterfallStep[] = [
    { key: 'grossBenefits', kind: 'total', amount: grossBenefits, start: exact(0), end: grossBenefits },
  ];
  const change = (key: WaterfallKey, from: Exact, to: Exact) =>
    steps.push({ key, kind: 'change', amount: to.minus(from), start: from, end: to });
  if (!disbenefits.isZero()) change('disbenefits', grossBenefits, gross);
  change('deadweight', gross, afterDeadweight);
  change('displacement', afterDeadweight, afterDisplacement);
  change('attribution', afterDisplacement, afterAttribution);
  change('dropOff', afterAttribution, undiscounted);
  change('discounting', undiscounted, presentValue);
  steps.push({ key: 'presentValue', kind: 'total', amount: presentValue, start: exact(0), end: presentValue });
  return steps;
}

/** Gross value G = sum of Q x P x D over all outcomes (benefits plus disbenefits). */
export function grossValue(steps: WaterfallStep[]): DecType {
  const benefits = steps.find((s) => s.key === 'grossBenefits')?.amount ?? ZERO;
  const harms = steps.find((s) => s.key === 'disbenefits')?.amount ?? ZERO;
  return exact(benefits).plus(exact(harms));
}

export interface WaterfallRow {
  key: WaterfallKey;
  kind: WaterfallStep['kind'];
  /** 'total', 'down' (value taken away), 'up' (value given back) or 'none' (a zero step). */
  direction: 'total' | 'down' | 'up' | 'none';
  amount: DecType;
  /** The bar's span for recharts' range bars: [low, high]. */
  range: [number, number];
  /** The running level after the step, for the connector to the next bar. */
  endPlot: number;
  /** The amount in the user's locale with its sign ("-35,000.00", "+1,400.00"); totals unsigned. */
  text: string;
}

export function waterfallRows(steps: WaterfallStep[], format: ChartFormat): WaterfallRow[] {
  return steps.map((s) => {
    const start = s.start.toNumber();
    const end = s.end.toNumber();
    const formatted = money(s.amount, format.locale);
    const direction =
      s.kind === 'total' ? 'total' : s.amount.isZero() ? 'none' : s.amount.isNeg() ? 'down' : ('up' as const);
    return {
      key: s.key,
      kind: s.kind,
      direction,
      amount: s.amount,
      range: [Math.min(start, end), Math.max(start, end)],
      endPlot: end,
      text: direction === 'up' ? `+${formatted}` : formatted,
    };
  });
}
