/**
 * Any table as a CSV file that Excel opens correctly: UTF-8 with a byte-order mark (without it Excel reads
 * accents as "Ã©"), every field that needs it quoted, CRLF line ends. In locales that write decimals with a
 * comma, Excel expects ";" between fields and a comma in numbers, so both follow the locale.
 *
 * Cells are text (written as given), numbers (JavaScript numbers, or decimal strings wrapped as { decimal })
 * written plainly with the locale's decimal mark and no grouping, or empty.
 */
import { numberStyle } from '../../../shared/format/locale';

export type CsvCell = string | number | { decimal: string } | null | undefined;

export interface CsvTable {
  columns: string[];
  rows: CsvCell[][];
}

export const CSV_BOM = '\ufeff';

export function csvDelimiter(locale: string): ',' | ';' {
  return numberStyle(locale).decimal === ',' ? ';' : ',';
}

function numberText(value: string, locale: string): string {
  return numberStyle(locale).decimal === ',' ? value.replace('.', ',') : value;
}

function cellText(cell: CsvCell, locale: string): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? numberText(String(cell), locale) : '';
  if (typeof cell === 'object') return numberText(cell.decimal, locale);
  return cell;
}

/** One field, quoted when it holds the delimiter, a quote, a line break or leading/trailing spaces. */
export function quoteField(text: string, delimiter: string): string {
  const needs = text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim();
  // A leading =, +, - or @ makes Excel run the text as a formula: keep such text as text.
  const guarded = /^[=+@]/.test(text) || (/^-/.test(text) && !/^-\d/.test(text)) ? `'${text}` : text;
  return needs || guarded !== text ? `"${guarded.replace(/"/g, '""')}"` : text;
}

/** The table as CSV text, with the BOM. */
export function tableToCsv(table: CsvTable, locale = 'en'): string {
  const delimiter = csvDelimiter(locale);
  const line = (cells: CsvCell[]) => cells.map((c) => quoteField(cellText(c, locale), delimiter)).join(delimiter);
  return CSV_BOM + [line(table.columns), ...table.rows.map(line)].join('\r\n') + '\r\n';
}
