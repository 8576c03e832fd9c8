/**
 * Reading the numbers the cost-effectiveness functions are given, and writing numbers into their sentences.
 *
 * Every number arrives as a decimal or as a plain decimal string (the model's canonical form). Anything else
 * (a JavaScript number, "12,000", "1e5", "") is refused with a message that says what is allowed, so a caller
 * never gets a crash or a silent float. Messages start lower-case and read after the field's name:
 * `strategy 2 "A", cost` + ` must be a plain number ...`.
 */
import { formatNumber } from '../../format/number';
import type { Message, MessageParam } from '../../i18n/message';
import { DECIMAL_PATTERN, Dec } from '../../money/decimal';
import { english, message, phrase } from '../text';

/** A number read, or why not: `message` in English, `text` the same as a message (key `engine.read.<...>`). */
export type Read = { ok: true; value: Dec } | { ok: false; message: string; text: Message };

export type Rule = 'any' | 'non-negative' | 'positive' | 'fraction';

const T = {
  plain: phrase('engine.read.plain'),
  negative: phrase('engine.read.negative'),
  notPositive: phrase('engine.read.notPositive'),
  notFraction: phrase('engine.read.notFraction'),
  missing: phrase('engine.read.missing'),
  notText: phrase('engine.read.notText'),
} as const;

function refuse(text: Message): Read {
  return { ok: false, message: english(text), text };
}

function shownText(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}...` : text;
}

function check(value: Dec, rule: Rule): Read {
  if (rule === 'non-negative' && value.lt(0)) return refuse(T.negative);
  if (rule === 'positive' && value.lte(0)) return refuse(T.notPositive);
  if (rule === 'fraction' && (value.lt(0) || value.gt(1))) return refuse(T.notFraction);
  return { ok: true, value };
}

/** A decimal (any clone of decimal.js) or a plain decimal string; never a JavaScript number. */
export function readDecimal(raw: unknown, rule: Rule = 'any'): Read {
  if (Dec.isDecimal(raw)) {
    const value = new Dec(raw);
    if (!value.isFinite()) return refuse(message('engine.read.notFinite', { value: value.toString() }));
    return check(value, rule);
  }
  if (typeof raw === 'string') {
    if (raw.trim() === '') return refuse(message('engine.read.empty', { rule: T.plain }));
    if (!DECIMAL_PATTERN.test(raw))
      return refuse(message('engine.read.notPlain', { rule: T.plain, given: shownText(raw) }));
    return check(new Dec(raw), rule);
  }
  if (typeof raw === 'number') return refuse(message('engine.read.float', { example: String(raw) }));
  if (raw === undefined || raw === null) return refuse(T.missing);
  return refuse(T.notText);
}

/** A count (clients, persons): a decimal, a plain decimal string or a whole JavaScript number (counts are exact). */
export function readCount(raw: unknown): Read {
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw)) return refuse(message('engine.read.notWhole', { value: String(raw) }));
    return check(new Dec(raw), 'non-negative');
  }
  return readDecimal(raw, 'non-negative');
}

/**
 * A number inside a sentence: "15,000", "58,285.71", "0.02667". Two decimals at most from 1 upwards; four
 * significant digits below 1, so small effects (0.0267 QALYs) are not shown as 0. Only for words: every figure
 * keeps its exact value.
 */
export function words(value: Dec): string {
  if (!value.isZero() && value.abs().lt(1)) return formatNumber(value.toSignificantDigits(4), 20);
  return formatNumber(value, 2);
}

/** "15,000 EUR", or "15,000" when no currency is known. */
export function money(value: Dec, currency: string | null): string {
  return currency ? `${words(value)} ${currency}` : words(value);
}

const UNIT_OF_EFFECT = phrase('engine.ce.unitOfEffect');

/**
 * One unit of effect: "QALY", "death averted" (the project's own unit, made singular), or "unit of effect"
 * as a message when the project names none.
 */
export function oneUnitText(effectUnit: string | null): MessageParam {
  return effectUnit && effectUnit.trim() !== '' ? singular(effectUnit.trim()) : UNIT_OF_EFFECT;
}

/** One unit of effect in English: "QALY", "death averted", "unit of effect". */
export function oneUnitOf(effectUnit: string | null): string {
  const unit = oneUnitText(effectUnit);
  return typeof unit === 'string' ? unit : english(UNIT_OF_EFFECT);
}

/** Unit of an ICER as a message: "EUR per QALY", "per unit of effect". */
export function perEffectUnitText(currency: string | null, effectUnit: string | null): Message {
  const per = oneUnitText(effectUnit);
  return currency ? message('engine.units.per', { unit: currency, per }) : message('engine.units.perAlone', { per });
}

/** Unit of an ICER in English: "EUR per QALY", "per unit of effect". */
export function perEffectUnit(currency: string | null, effectUnit: string | null): string {
  return english(perEffectUnitText(currency, effectUnit));
}

/** "QALYs" -> "QALY", "deaths averted" -> "death averted"; leaves anything else as it is. */
export function singular(unit: string): string {
  const [first, ...rest] = unit.split(' ');
  if (/^[A-Z]+s$/.test(first)) return [first.slice(0, -1), ...rest].join(' ');
  if (/^[a-z-]{3,}s$/.test(first) && !/(ss|us|is)$/.test(first)) return [first.slice(0, -1), ...rest].join(' ');
  return unit;
}

/**
 * A number read for a figure: the value, or the reason it is unusable as a message ("n/a: the total cost
 * cannot be negative"), to give to `unavailable`.
 */
export type Need = { ok: true; value: Dec } | { ok: false; reason: Message };

function notAvailable(what: MessageParam, read: Read): Need {
  return read.ok ? read : { ok: false, reason: message('engine.read.na', { what, problem: read.text }) };
}

/** `what` names the number in the reason, as a message: "the total cost", "the count of 2024-Q1 (records[0].count)". */
export function need(raw: unknown, rule: Rule, what: MessageParam): Need {
  return notAvailable(what, readDecimal(raw, rule));
}

export function needCount(raw: unknown, what: MessageParam): Need {
  return notAvailable(what, readCount(raw));
}

/** An input as given, for an explanation: a decimal stays a decimal, anything else is shown as text. */
export function shown(raw: unknown): Dec | string {
  if (Dec.isDecimal(raw)) return new Dec(raw);
  return typeof raw === 'string' ? raw : String(raw);
}
