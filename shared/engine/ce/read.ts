/**
 * Reading the numbers the cost-effectiveness functions are given, and writing numbers into their sentences.
 *
 * Every number arrives as a decimal or as a plain decimal string (the model's canonical form). Anything else
 * (a JavaScript number, "12,000", "1e5", "") is refused with a message that says what is allowed, so a caller
 * never gets a crash or a silent float. Messages start lower-case and read after the field's name:
 * `strategy 2 "A", cost` + ` must be a plain number ...`.
 */
import { formatNumber } from '../../format/number';
import { DECIMAL_PATTERN, Dec } from '../../money/decimal';

export type Read = { ok: true; value: Dec } | { ok: false; message: string };

export type Rule = 'any' | 'non-negative' | 'positive' | 'fraction';

const PLAIN = 'must be a plain number such as "1500.25" (a point for decimals, no thousands separators)';

function quote(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}...` : text;
  return `"${shown}"`;
}

function check(value: Dec, rule: Rule): Read {
  if (rule === 'non-negative' && value.lt(0)) return { ok: false, message: 'cannot be negative' };
  if (rule === 'positive' && value.lte(0)) return { ok: false, message: 'must be above 0' };
  if (rule === 'fraction' && (value.lt(0) || value.gt(1))) {
    return { ok: false, message: 'must be between 0 % and 100 % (a fraction from 0 to 1, e.g. "0.25" for 25 %)' };
  }
  return { ok: true, value };
}

/** A decimal (any clone of decimal.js) or a plain decimal string; never a JavaScript number. */
export function readDecimal(raw: unknown, rule: Rule = 'any'): Read {
  if (Dec.isDecimal(raw)) {
    const value = new Dec(raw);
    if (!value.isFinite()) return { ok: false, message: `must be a finite number, not ${value.toString()}` };
    return check(value, rule);
  }
  if (typeof raw === 'string') {
    if (raw.trim() === '') return { ok: false, message: `is empty: it ${PLAIN}` };
    if (!DECIMAL_PATTERN.test(raw)) return { ok: false, message: `${PLAIN}, not ${quote(raw)}` };
    return check(new Dec(raw), rule);
  }
  if (typeof raw === 'number') {
    return { ok: false, message: `must be a decimal or a number written as text (e.g. "${String(raw)}"), not a float` };
  }
  if (raw === undefined || raw === null)
    return { ok: false, message: 'is missing: it must be a number such as "1500.25"' };
  return { ok: false, message: 'must be a number written as text, e.g. "1500.25"' };
}

/** A count (clients, persons): a decimal, a plain decimal string or a whole JavaScript number (counts are exact). */
export function readCount(raw: unknown): Read {
  if (typeof raw === 'number') {
    if (!Number.isSafeInteger(raw)) return { ok: false, message: `must be a whole number, not ${String(raw)}` };
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

/** One unit of effect: "QALY", "death averted", "unit of effect". */
export function oneUnitOf(effectUnit: string | null): string {
  return effectUnit && effectUnit.trim() !== '' ? singular(effectUnit.trim()) : 'unit of effect';
}

/** Unit of an ICER: "EUR per QALY", "per unit of effect". */
export function perEffectUnit(currency: string | null, effectUnit: string | null): string {
  const per = oneUnitOf(effectUnit);
  return currency ? `${currency} per ${per}` : `per ${per}`;
}

/** "QALYs" -> "QALY", "deaths averted" -> "death averted"; leaves anything else as it is. */
export function singular(unit: string): string {
  const [first, ...rest] = unit.split(' ');
  if (/^[A-Z]+s$/.test(first)) return [first.slice(0, -1), ...rest].join(' ');
  if (/^[a-z-]{3,}s$/.test(first) && !/(ss|us|is)$/.test(first)) return [first.slice(0, -1), ...rest].join(' ');
  return unit;
}

/** A number read for a figure: the value, or the reason ("n/a: the total cost cannot be negative") it is unusable. */
export type Need = { ok: true; value: Dec } | { ok: false; reason: string };

export function need(raw: unknown, rule: Rule, what: string): Need {
  const read = readDecimal(raw, rule);
  return read.ok ? read : { ok: false, reason: `n/a: ${what} ${read.message}` };
}

export function needCount(raw: unknown, what: string): Need {
  const read = readCount(raw);
  return read.ok ? read : { ok: false, reason: `n/a: ${what} ${read.message}` };
}

/** An input as given, for an explanation: a decimal stays a decimal, anything else is shown as text. */
export function shown(raw: unknown): Dec | string {
  if (Dec.isDecimal(raw)) return new Dec(raw);
  return typeof raw === 'string' ? raw : String(raw);
}
