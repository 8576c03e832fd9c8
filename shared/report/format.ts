/**
 * Numbers as a report prints them, in the reader's locale ("1.234,56" in Portugal): money to the cent,
 * percentages without needless zeros, ratios as "1.70 : 1". Decimals stay decimal until they are written.
 */
import { formatDecimal } from '../format/locale';
import { Dec } from '../money/decimal';
import type { Translate } from './types';

export interface ReportFormatter {
  t: Translate;
  locale: string;
  currency: string;
  /** 180,737.35 (no currency: for table cells under a column that names it). */
  amount(value: Dec | string): string;
  /** 180,737.35 EUR */
  money(value: Dec | string): string;
  /** 25 %, 12.5 %, 0.35 % (a fraction 0..1 in; up to two decimals out, trailing zeros dropped). */
  percent(fraction: Dec | string, maxPlaces?: number): string;
  /** A share of a whole, always one decimal: 62.0 %. */
  share(fraction: Dec | string): string;
  /** 1.70 : 1 */
  ratio(value: Dec | string): string;
  /** A count: 1,500 or 2.5 (up to two decimals, trailing zeros dropped). */
  count(value: Dec | string): string;
  /** A float from the Monte Carlo engine, to `places` decimals. */
  float(value: number, places?: number): string;
  fixed(value: Dec | string, places: number): string;
  /** 2025-03-01 as "1 March 2025" in the reader's language (falls back to the ISO text). */
  date(iso: string): string;
  /** "n/a" */
  na: string;
}

const toDec = (v: Dec | string) => (v instanceof Dec ? v : new Dec(v));

function trimmedPlaces(value: Dec, maxPlaces: number): number {
  const rounded = value.toDecimalPlaces(maxPlaces, Dec.ROUND_HALF_UP);
  return Math.min(maxPlaces, rounded.decimalPlaces());
}

export function reportFormatter(t: Translate, locale: string, currency: string, language = locale): ReportFormatter {
  const fixed = (value: Dec | string, places: number) => formatDecimal(toDec(value), places, locale);
  const count = (value: Dec | string) => {
    const d = toDec(value);
    return formatDecimal(d, trimmedPlaces(d, 2), locale);
  };
  return {
    t,
    locale,
    currency,
    amount: (value) => fixed(value, 2),
    money: (value) => `${fixed(value, 2)} ${currency}`,
    percent: (fraction, maxPlaces = 2) => {
      const p = toDec(fraction).times(100);
      return `${formatDecimal(p, trimmedPlaces(p, maxPlaces), locale)} %`;
    },
    share: (fraction) => `${fixed(toDec(fraction).times(100), 1)} %`,
    ratio: (value) => `${fixed(value, 2)} : 1`,
    count,
    float: (value, places = 2) => (Number.isFinite(value) ? formatDecimal(new Dec(value), places, locale) : 'n/a'),
    fixed,
    date: (iso) => {
      const date = new Date(`${iso}T00:00:00Z`);
      if (Number.isNaN(date.getTime())) return iso;
      try {
        return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
      } catch {
        return iso;
      }
    },
    na: t('na'),
  };
}
