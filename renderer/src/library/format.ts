/** How library values read on screen: in the user's number style, with as many decimals as published. */
import type { LibraryEntry } from '../../../shared/library';
import { dec } from '../../../shared/money/decimal';
import { formatDecimal } from '../../../shared/format/locale';

export function formatPublished(value: string, locale: string): string {
  return formatDecimal(value, dec(value).decimalPlaces(), locale);
}

/** "420,285", "23 to 71", "0 / 25 / 50 / 75 / 100". */
export function entryValueText(entry: LibraryEntry, locale: string, to: string): string {
  if (entry.value !== null) return formatPublished(entry.value, locale);
  if (entry.valueLow !== null && entry.valueHigh !== null) {
    return `${formatPublished(entry.valueLow, locale)} ${to} ${formatPublished(entry.valueHigh, locale)}`;
  }
  return entry.valueOptions.map((v) => formatPublished(v, locale)).join(' / ');
}
