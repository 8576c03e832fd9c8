/**
 * A figure is a number that can explain itself: its value, the formula that produced it and the inputs the
 * formula used (with their sources), so the interface can answer "how was this obtained?" for every number.
 */
import type { Dec } from '../money/decimal';

export interface ExplainedInput {
  name: string;
  /** A decimal (serialised as its canonical string) or plain text such as "guide". */
  value: Dec | string;
  /** Unit shown after the value: a currency, "%", "years", "months". */
  unit?: string;
  /** Where the input comes from: the evidence, a proxy's citation, a setting. */
  source?: string;
}

export interface Explanation {
  label: string;
  formula: string;
  inputs: ExplainedInput[];
  /** Why the figure is not available, when it is not ("n/a: investment is zero"). */
  unavailable?: string;
}

export interface Figure {
  value: Dec;
  explain: Explanation;
}

/** A figure that is undefined in some cases (a ratio with zero investment, a payback never reached). */
export interface OptionalFigure {
  value: Dec | null;
  explain: Explanation;
}

export function figure(value: Dec, label: string, formula: string, inputs: ExplainedInput[]): Figure {
  return { value, explain: { label, formula, inputs } };
}

export function unavailable(label: string, formula: string, inputs: ExplainedInput[], reason: string): OptionalFigure {
  return { value: null, explain: { label, formula, inputs, unavailable: reason } };
}

/** Convenience for the inputs list: a decimal shown with an optional unit and source. */
export function input(name: string, value: Dec | string, unit?: string, source?: string): ExplainedInput {
  // Decimals are kept as they are (not formatted here): formatting is the display's job, and an explanation
  // is built for every figure on every recomputation, so it must cost almost nothing.
  const entry: ExplainedInput = { name, value };
  if (unit !== undefined) entry.unit = unit;
  if (source !== undefined && source !== '') entry.source = source;
  return entry;
}

/** A fraction shown as a percentage in explanations (0.25 -> "25"). */
export function percentInput(name: string, fraction: Dec, source?: string): ExplainedInput {
  return input(name, fraction.times(100), '%', source);
}
