/**
 * What a spreadsheet cell holds, in plain terms: empty, a number (and whether it is shown as a percentage),
 * text, a date, or an error. Formulas count as their last computed result (a workbook saved by Excel or
 * LibreOffice carries it). Also: a sheet as rows with their row numbers, and a sheet as CSV text whose line N is
 * the sheet's row N, so that the CSV importers' line numbers are the row numbers the user sees in Excel.
 */
import type ExcelJS from 'exceljs';
import { canonical, Dec } from '../../shared/money/decimal';

export type Plain =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; percent: boolean }
  | { kind: 'text'; value: string }
  | { kind: 'date'; value: Date }
  | { kind: 'error'; value: string };

const EMPTY: Plain = { kind: 'empty' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof Date);
}

function plainOfValue(value: unknown, numFmt: string | undefined): Plain {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { kind: 'error', value: String(value) };
    return { kind: 'number', value, percent: typeof numFmt === 'string' && numFmt.includes('%') };
  }
  if (typeof value === 'string') return value.trim() === '' ? EMPTY : { kind: 'text', value };
  if (typeof value === 'boolean') return { kind: 'text', value: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? EMPTY : { kind: 'date', value };
  if (isRecord(value)) {
    if (Array.isArray(value.richText)) {
      const text = (value.richText as Array<{ text?: unknown }>).map((r) => String(r.text ?? '')).join('');
      return text.trim() === '' ? EMPTY : { kind: 'text', value: text };
    }
    if ('formula' in value || 'sharedFormula' in value) {
      return 'result' in value ? plainOfValue(value.result, numFmt) : EMPTY;
    }
    if ('error' in value) return { kind: 'error', value: String(value.error) };
    if ('text' in value) return plainOfValue(value.text, numFmt);
  }
  return { kind: 'text', value: String(value) };
}

export function plainOf(cell: ExcelJS.Cell): Plain {
  return plainOfValue(cell.value, cell.numFmt);
}

/** A spreadsheet number as a plain decimal string, without the float noise of a formula (0.1 + 0.2). */
export function numberText(value: number): string {
  return canonical(new Dec(value.toPrecision(15)));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** A date cell as text: "2012-01-31", with the time only when it has one. */
export function dateText(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const seconds = date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds();
  return seconds === 0 ? day : `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** The text a cell shows for import purposes (numbers plain, dates ISO, errors as written, e.g. "#DIV/0!"). */
export function textOf(plain: Plain): string {
  switch (plain.kind) {
    case 'empty':
      return '';
    case 'number':
      return numberText(plain.value);
    case 'text':
      return plain.value.trim();
    case 'date':
      return dateText(plain.value);
    case 'error':
      return plain.value;
  }
}

export interface SheetRow {
  /** The row number in the sheet (1 = the first row). */
  line: number;
  cells: Plain[];
}

/** Every row of a sheet that has something in it, with its row number; cells indexed from 0 (column A). */
export function* sheetRows(sheet: ExcelJS.Worksheet): Generator<SheetRow> {
  const last = sheet.rowCount;
  for (let r = 1; r <= last; r++) {
    const row = sheet.getRow(r);
    if (!row.hasValues) continue;
    const cells: Plain[] = [];
    const count = row.cellCount;
    for (let c = 1; c <= count; c++) cells.push(plainOf(row.getCell(c)));
    while (cells.length > 0 && cells[cells.length - 1].kind === 'empty') cells.pop();
    if (cells.length > 0) yield { line: r, cells };
  }
}

/**
 * The row that holds the column names: rows above a table (a title, a note, a date) are not its header. It is
 * the first of the sheet's first rows with at least half as many filled cells as the widest of them (and at
 * least two), all of them text. A sheet whose rows all have one cell starts at its first row.
 */
export function headerRowOf(sheet: ExcelJS.Worksheet): number | null {
  const first: SheetRow[] = [];
  for (const row of sheetRows(sheet)) {
    first.push(row);
    if (first.length >= 30) break;
  }
  if (first.length === 0) return null;
  const filled = (row: SheetRow) => row.cells.filter((c) => c.kind !== 'empty').length;
  const widest = Math.max(...first.map(filled));
  const needed = Math.max(2, Math.ceil(widest / 2));
  const header = first.find(
    (row) => filled(row) >= needed && row.cells.every((c) => c.kind === 'text' || c.kind === 'empty'),
  );
  return (header ?? first[0]).line;
}

function csvField(text: string): string {
  // One row is one line: a line break inside a cell would shift every later line number.
  const flat = text.replace(/\r\n|\r|\n/g, ' ');
  return /[",;\t]/.test(flat) || flat !== flat.trim() ? `"${flat.replace(/"/g, '""')}"` : flat;
}

/**
 * The sheet as CSV (comma-separated, quoted where needed), one line per sheet row from row 1 to the last row
 * with values, so line N of the CSV is row N of the sheet. Empty rows, and the rows above the header, are empty
 * lines.
 */
export function sheetToCsv(sheet: ExcelJS.Worksheet): { csv: string; rows: number; headerRow: number | null } {
  const lines: string[] = [];
  let rows = 0;
  let next = 1;
  const headerRow = headerRowOf(sheet);
  for (const row of sheetRows(sheet)) {
    // Rows above the header (a title) become empty lines: the importers skip them, and line N stays row N.
    if (headerRow !== null && row.line < headerRow) continue;
    while (next < row.line) {
      lines.push('');
      next++;
    }
    lines.push(row.cells.map((cell) => csvField(textOf(cell))).join(','));
    next++;
    rows++;
  }
  return { csv: lines.length > 0 ? `${lines.join('\n')}\n` : '', rows, headerRow };
}
