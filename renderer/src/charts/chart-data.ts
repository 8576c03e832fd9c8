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
import type { GroupValue, SroiResult } from '../../../shared/engine';
import type { Share } from '../../../shared/engine/investment';
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
  /** The same share as an exact fraction (0..1), for CSV files. */
  shareOfTotal: DecType | null;
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
  /** The share as an exact fraction (0..1), for CSV files. */
  shareOfTotal: DecType | null;
}

export const money = (value: DecType, locale: string): string => formatDecimal(value, 2, locale);

function fractionOf(part: DecType, total: DecType): DecType | null {
  return total.gt(0) ? part.div(total) : null;
}

function percentOf(part: DecType, total: DecType, locale: string): string | null {
  const fraction = fractionOf(part, total);
  return fraction === null ? null : formatDecimal(fraction.times(100), 1, locale);
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
      shareOfTotal: fractionOf(g.value, total),
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
      shareOfTotal: fractionOf(s.presentValue, total),
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

// The waterfall's steps are computed by the engine (shared/engine/waterfall.ts); this file draws them.
export { grossValue, waterfallSteps, type WaterfallKey, type WaterfallStep } from '../../../shared/engine/waterfall';
import type { WaterfallKey, WaterfallStep } from '../../../shared/engine/waterfall';

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
