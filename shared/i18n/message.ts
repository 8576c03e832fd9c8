/**
 * Text that can be shown in any of the interface's languages: a key of a catalogue and the values of its
 * {{placeholders}}. The engine returns one next to each English sentence it writes (see shared/engine/figure.ts),
 * so the interface translates it with i18next and the command line, the report and the tests keep the English.
 *
 * A value is one of:
 * - a string or a JavaScript number, shown as it is: the project's own data (an outcome's name), a code, a
 *   year, a whole count (`count` also chooses the plural form);
 * - a Message: text that is itself translated (a verdict inside a sentence), resolved first;
 * - a NumberParam: a decimal shown in the reader's locale as the engine writes numbers in sentences (two
 *   decimals at most from 1 upwards, four significant digits below 1): "58,285.71" in English, "58.285,71" in
 *   Portuguese; with `exact`, every decimal it has ("12.345").
 */
import { formatDecimal } from '../format/locale';
import { canonical, Dec } from '../money/decimal';
import type { Translate, TranslateValues } from './translate';

export interface Message {
  key: string;
  params?: MessageParams;
}

export interface NumberParam {
  /** The decimal, canonical ("58285.714285714..."): rounding is the display's job. */
  number: string;
  /** Every decimal kept ("12.345", a quantity as entered) instead of the sentence rounding. */
  exact?: boolean;
}

export type MessageParam = string | number | Message | NumberParam;
export type MessageParams = Record<string, MessageParam>;

export function message(key: string, params?: MessageParams): Message {
  return params === undefined ? { key } : { key, params };
}

export function numberParam(value: Dec, exact = false): NumberParam {
  return exact ? { number: canonical(value), exact } : { number: canonical(value) };
}

/**
 * A decimal as sentences show it, in `locale`: "15,000", "58,285.71", "0.02667" in English. Two decimals at
 * most from 1 upwards; four significant digits below 1, so a small effect (0.0267 QALYs) is not shown as 0.
 */
export function numberWords(value: Dec | string, locale: string): string {
  const d = typeof value === 'string' ? new Dec(value) : value;
  const shown =
    !d.isZero() && d.abs().lt(1)
      ? d.toSignificantDigits(4).toDecimalPlaces(20, Dec.ROUND_HALF_UP)
      : d.toDecimalPlaces(2, Dec.ROUND_HALF_UP);
  return formatDecimal(shown, shown.isZero() ? 0 : shown.decimalPlaces(), locale);
}

/** The values of a message's placeholders as text and numbers: nested messages through `render`. */
export function resolveParams(
  params: MessageParams,
  render: (nested: Message) => string,
  locale: string,
): TranslateValues {
  let resolved: TranslateValues | null = null;
  for (const name in params) {
    const value = params[name];
    if (typeof value !== 'object') continue;
    // Copied only when a value needs resolving: most messages carry plain names and numbers.
    resolved ??= { ...(params as TranslateValues) };
    resolved[name] =
      'key' in value
        ? render(value)
        : value.exact
          ? formatDecimal(value.number, new Dec(value.number).decimalPlaces(), locale)
          : numberWords(value.number, locale);
  }
  return resolved ?? (params as TranslateValues);
}

/** A message as text, with `translate` (i18next's t, or createTranslator over a catalogue) in `locale`. */
export function renderMessage(text: Message, translate: Translate, locale: string): string {
  if (text.params === undefined) return translate(text.key);
  return translate(
    text.key,
    resolveParams(text.params, (nested) => renderMessage(nested, translate, locale), locale),
  );
}
