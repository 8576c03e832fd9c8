/**
 * A figure is a number that can explain itself: its value, the formula that produced it and the inputs the
 * formula used (with their sources), so the interface can answer "how was this obtained?" for every number.
 *
 * Text in five languages. Every sentence the engine writes is in English in the plain fields (`label`,
 * `formula`, `unavailable`, an input's `name`, a warning's `message`, a switching value's `reason`, ...), which
 * the command line, the report and the tests read. Next to each one that has words in it, the engine puts a
 * Message (shared/i18n/message.ts): `{ key, params? }`, a key of the engine's catalogue
 * (shared/i18n/engine/<lang>.json, root key "engine") and the values of its {{placeholders}}. The English field
 * is always that message in English (shared/engine/text.ts fills en.json's template), so the two never say
 * different things; the interface shows the message in the user's language (renderer/src/i18n/engine-text.ts)
 * and falls back to the English field where a message is absent.
 *
 * Where the messages are:
 * - Explanation.labelText, .formulaText, .unavailableText; absent when the English is not engine text (an
 *   input's own description used as the label);
 * - ExplainedInput.nameText, .valueText (a value that is words: "during the activity"), .unitText ("years";
 *   never for "%", "h" or a currency code, which are the same in every language);
 * - EngineWarning.text (shared/engine/warnings.ts), SwitchingValue.reasonText (shared/engine/switching.ts),
 *   Share.labelText (shared/engine/investment.ts), ScenarioFigures.nameText and .problemsText
 *   (shared/engine/scenario.ts), and beside the cost-effectiveness summaries, steps and refusals
 *   (Increment.summaryText, CostEffectRatio.summaryText, StrategyComparison.stepsText, a refusal's
 *   explanationText and problemsText, in shared/engine/ce).
 * The rule is one name: the message of a field `x` is `xText` (a warning's is `text`, beside `message`).
 * Params are the project's own data (names, as given), whole numbers, nested messages, or decimals to be shown
 * in the reader's locale ({ number: "58285.71" }).
 */
import { Dec } from '../money/decimal';
import type { Message } from '../i18n/message';
import { english } from './text';

export type { Message, MessageParam, MessageParams, NumberParam } from '../i18n/message';

/** Engine text: English as it is, or a message (the English is made from it). */
export type Text = string | Message;

export interface ExplainedInput {
  name: string;
  /** A decimal (serialised as its canonical string) or plain text such as "guide". */
  value: Dec | string;
  /** Unit shown after the value: a currency, "%", "years", "months". */
  unit?: string;
  /** Where the input comes from: the evidence, a proxy's citation, a setting. */
  source?: string;
  /** `name` as a message, when it has words ("Quantity Q"); absent for symbols ("V(1)") and the project's data. */
  nameText?: Message;
  /** A text `value` as a message, when it is words of the engine ("during the activity"). */
  valueText?: Message;
  /** `unit` as a message, when it is a word ("years", "people"); absent for "%", "h" and currency codes. */
  unitText?: Message;
}

export interface Explanation {
  label: string;
  formula: string;
  inputs: ExplainedInput[];
  /** Why the figure is not available, when it is not ("n/a: investment is zero"). */
  unavailable?: string;
  /** The label as a message; absent when the label is the project's own text (an input's description). */
  labelText?: Message;
  /** The formula as a message (its words translate, its symbols stay). */
  formulaText?: Message;
  /** The reason the figure is not available, as a message. */
  unavailableText?: Message;
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

/** English of a Text: a string as it is, a message filled in from en.json. */
export function textOf(text: Text): string {
  return typeof text === 'string' ? text : english(text);
}

/** An explanation from texts: the English fields, and the messages beside them where there are any. */
export function explanation(label: Text, formula: Text, inputs: ExplainedInput[], reason?: Text): Explanation {
  const explain: Explanation = { label: textOf(label), formula: textOf(formula), inputs };
  if (typeof label !== 'string') explain.labelText = label;
  if (typeof formula !== 'string') explain.formulaText = formula;
  if (reason !== undefined) {
    explain.unavailable = textOf(reason);
    if (typeof reason !== 'string') explain.unavailableText = reason;
  }
  return explain;
}

export function figure(value: Dec, label: Text, formula: Text, inputs: ExplainedInput[]): Figure {
  return { value, explain: explanation(label, formula, inputs) };
}

export function unavailable(label: Text, formula: Text, inputs: ExplainedInput[], reason: Text): OptionalFigure {
  return { value: null, explain: explanation(label, formula, inputs, reason) };
}

/** Convenience for the inputs list: a decimal (or text) shown with an optional unit and source. */
export function input(name: Text, value: Dec | Text, unit?: Text, source?: string): ExplainedInput {
  // Decimals are kept as they are (not formatted here): formatting is the display's job, and an explanation
  // is built for every figure on every recomputation, so it must cost almost nothing.
  const entry: ExplainedInput =
    typeof name === 'string'
      ? { name, value: value as Dec | string }
      : { name: english(name), value: value as Dec | string, nameText: name };
  if (typeof value === 'object' && !Dec.isDecimal(value)) {
    entry.value = english(value);
    entry.valueText = value;
  }
  if (unit !== undefined) {
    if (typeof unit === 'string') entry.unit = unit;
    else {
      entry.unit = english(unit);
      entry.unitText = unit;
    }
  }
  if (source !== undefined && source !== '') entry.source = source;
  return entry;
}

/** A fraction shown as a percentage in explanations (0.25 -> "25"). */
export function percentInput(name: Text, fraction: Dec, source?: string): ExplainedInput {
  return input(name, fraction.times(100), '%', source);
}
