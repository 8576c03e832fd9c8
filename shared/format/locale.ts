/**
 * Numbers in the user's locale: "4,70" in Portugal, "4.70" in the UK, "1 234,56" in France. Typed numbers
 * are parsed back to canonical decimal strings (what the store keeps). The separators are a fixed table,
 * not Intl, so the same text is produced and accepted on every machine.
 */
import { Dec, dec, DECIMAL_PATTERN, canonical } from '../money/decimal';

export interface NumberStyle {
  decimal: string;
  group: string;
}

export const NUMBER_STYLES: Record<string, NumberStyle> = {
  en: { decimal: '.', group: ',' },
  pt: { decimal: ',', group: '.' },
  es: { decimal: ',', group: '.' },
  it: { decimal: ',', group: '.' },
  // French groups with a narrow no-break space; a plain space is accepted when typing.
  fr: { decimal: ',', group: '\u202f' },
};

export function numberStyle(locale: string): NumberStyle {
  return NUMBER_STYLES[locale.slice(0, 2).toLowerCase()] ?? NUMBER_STYLES.en;
}

/** Exactly `places` decimals, half-up, grouped in the locale's style; never "-0,00". */
export function formatDecimal(value: Dec | string, places: number, locale: string): string {
  const style = numberStyle(locale);
  const rounded = (value instanceof Dec ? value : dec(value)).toDecimalPlaces(places, Dec.ROUND_HALF_UP);
  const text = rounded.isZero() ? rounded.abs().toFixed(places) : rounded.toFixed(places);
  const negative = text.startsWith('-');
  const [whole, fraction] = (negative ? text.slice(1) : text).split('.');
  let grouped = '';
  for (let i = 0; i < whole.length; i++) {
    if (i > 0 && (whole.length - i) % 3 === 0) grouped += style.group;
    grouped += whole[i];
  }
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : style.decimal + fraction}`;
}

/** Up to `maxPlaces` decimals with trailing zeros dropped, for editing ("0,25" not "0,2500"). */
export function formatForEditing(value: string, locale: string, maxPlaces = 10): string {
  if (!DECIMAL_PATTERN.test(value)) return value;
  const d = dec(value).toDecimalPlaces(maxPlaces, Dec.ROUND_HALF_UP);
  const text = canonical(d);
  const style = numberStyle(locale);
  return style.decimal === '.' ? text : text.replace('.', style.decimal);
}

export type ParsedNumber = { ok: true; value: string } | { ok: false; message: string };

/**
 * Parse what a user typed, in their locale, into a canonical decimal string. Group separators are accepted
 * only where they belong ("1.234,5" in Portugal), so "1.5" typed in Portugal is not silently read as 15.
 */
export function parseLocaleNumber(text: string, locale: string): ParsedNumber {
  const style = numberStyle(locale);
  const trimmed = text.trim().replace(/\s/g, (space) => (style.group === '\u202f' ? '\u202f' : space));
  if (trimmed === '') return { ok: false, message: 'enter a number' };
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const g = escape(style.group);
  const d = escape(style.decimal);
  const groups = style.group === '\u202f' ? `[\\u202f ]` : g;
  const pattern = new RegExp(`^(-?)(\\d{1,3}(?:${groups}\\d{3})+|\\d+)(?:${d}(\\d+))?$`);
  const match = pattern.exec(trimmed);
  if (!match) {
    const example = formatDecimal('1234.5', 1, locale);
    return { ok: false, message: `is not a number; type digits with "${style.decimal}" for decimals, e.g. ${example}` };
  }
  const [, sign, whole, fraction] = match;
  const plain = `${sign}${whole.replace(new RegExp(groups, 'g'), '')}${fraction ? `.${fraction}` : ''}`;
  return { ok: true, value: canonical(dec(plain)) };
}
