/**
 * The one configured decimal.js clone used for every money figure and every figure of the official result.
 *
 * Why a clone: the global Decimal's settings could be changed by any library; a private clone fixes precision
 * and rounding for the whole engine in one place. Twenty-eight significant digits (as in .NET decimal) keep every intermediate of a
 * 200-outcome, 10-year model exact far beyond the cent; rounding happens only for display.
 */
import DecimalJs from 'decimal.js';

export const Dec = DecimalJs.clone({
  precision: 28,
  rounding: DecimalJs.ROUND_HALF_UP,
  // Never switch to exponent notation in toString(): canonical strings must stay plain ("0.0000001").
  toExpNeg: -1000,
  toExpPos: 1000,
});
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);

/** A plain decimal string: optional minus, digits, optional fraction. No exponent, no thousands separators. */
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/** Parse a canonical decimal string (already validated by the schema). */
export function dec(value: string | number | Dec): Dec {
  return new Dec(value);
}

/** Canonical text form of a decimal: no exponent, no trailing zeros, "-0" written as "0". */
export function canonical(value: Dec): string {
  if (value.isZero()) return '0';
  return value.toFixed();
}

export function sum(values: Iterable<Dec>): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
