/**
 * Numbers for display, en-GB style: a comma between thousands, a point for decimals ("180,737.35").
 *
 * Pure functions over the engine's decimal.js clone, so what is shown is exactly the stored figure rounded
 * half-up at the last shown digit, the same on every machine. No Intl: its output depends on the ICU data
 * the runtime was built with. Rounding happens here and only here; figures stay full-precision everywhere
 * else (JSON output, the store, the engine).
 */
import { Dec, dec } from '../money/decimal';

export type DecimalLike = Dec | string | number;

function toDec(value: DecimalLike): Dec {
  return value instanceof Dec ? value : dec(value);
}

/** "1234567" -> "1,234,567" (digits only, no sign). */
export function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

/** Group a plain decimal string such as "-1932.3672" -> "-1,932.3672". */
function groupPlain(text: string): string {
  const negative = text.startsWith('-');
  const unsigned = negative ? text.slice(1) : text;
  const [whole, fraction] = unsigned.split('.');
  const grouped = groupThousands(whole) + (fraction === undefined ? '' : `.${fraction}`);
  return negative ? `-${grouped}` : grouped;
}

/** Exactly `places` decimals, half-up, grouped: (180737.34924, 2) -> "180,737.35". Never "-0.00". */
export function formatFixed(value: DecimalLike, places: number): string {
  const rounded = toDec(value).toDecimalPlaces(places, Dec.ROUND_HALF_UP);
  const text = rounded.isZero() ? rounded.abs().toFixed(places) : rounded.toFixed(places);
  return groupPlain(text);
}

/** At most `maxPlaces` decimals, trailing zeros dropped: (8.3797, 2) -> "8.38", (25, 2) -> "25". */
export function formatNumber(value: DecimalLike, maxPlaces = 2): string {
  const rounded = toDec(value).toDecimalPlaces(maxPlaces, Dec.ROUND_HALF_UP);
  return groupPlain(rounded.isZero() ? '0' : rounded.toFixed());
}

/** Money to the cent, optionally followed by the currency code: "106,250.00 EUR". */
export function formatMoney(value: DecimalLike, currency?: string): string {
  const amount = formatFixed(value, 2);
  return currency ? `${amount} ${currency}` : amount;
}

/**
 * A fraction shown as a percentage with a space before the sign, as in METHOD.md: 0.25 -> "25 %".
 * `fixed` keeps exactly `places` decimals (for aligned table columns: "62.0 %").
 */
export function formatPercent(fraction: DecimalLike, places = 1, fixed = false): string {
  const percent = toDec(fraction).times(100);
  return `${fixed ? formatFixed(percent, places) : formatNumber(percent, places)} %`;
}

/** An SROI ratio as reports write it: 1.701057 -> "1.70 : 1". */
export function formatRatio(value: DecimalLike, places = 2): string {
  return `${formatFixed(value, places)} : 1`;
}

/** A multiplier such as a switching value: 0.33519 -> "0.3352". */
export function formatMultiplier(value: DecimalLike, places = 4): string {
  return formatFixed(value, places);
}

/** A duration in months to two decimals: 18.695015 -> "18.70 months". */
export function formatMonths(value: DecimalLike): string {
  return `${formatFixed(value, 2)} months`;
}
