/**
 * Numbers of the Sensitivity screen in the user's locale. Decimals from the engine go through formatDecimal
 * as they are; floats from the Monte Carlo are read into a decimal first (exactly: every double is a finite
 * decimal), so both kinds round the same way, half-up.
 */
import { Dec } from '../../../shared/money/decimal';
import { formatDecimal } from '../../../shared/format/locale';

export type Num = Dec | number;

function asDec(value: Num): Dec | null {
  if (value instanceof Dec) return value;
  return Number.isFinite(value) ? new Dec(value) : null;
}

/** A number with `places` decimals ("—" for a float that is not finite). */
export function num(value: Num, places: number, locale: string): string {
  const d = asDec(value);
  return d === null ? '—' : formatDecimal(d, places, locale);
}

export function money(value: Num, currency: string, locale: string): string {
  return `${num(value, 2, locale)} ${currency}`;
}

/** A fraction (0.25) as a percentage ("25.0 %"). */
export function percent(fraction: Num, locale: string, places = 1): string {
  const d = asDec(fraction);
  return d === null ? '—' : `${formatDecimal(d.times(100), places, locale)} %`;
}

/** A ratio as "1.70 : 1". */
export function ratio(value: Num, locale: string, places = 2): string {
  return `${num(value, places, locale)} : 1`;
}

/** A number with up to `maxPlaces` decimals, trailing zeros dropped ("8.38", "25", "0.3352"). */
export function plain(value: Num, locale: string, maxPlaces = 2): string {
  const d = asDec(value);
  if (d === null) return '—';
  const rounded = d.toDecimalPlaces(maxPlaces, Dec.ROUND_HALF_UP);
  return formatDecimal(rounded, rounded.decimalPlaces(), locale);
}

/** A whole number with group separators ("10,000"). */
export function count(value: number, locale: string): string {
  return formatDecimal(new Dec(Math.round(value)), 0, locale);
}
