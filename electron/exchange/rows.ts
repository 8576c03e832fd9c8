/**
 * Rows of a spreadsheet, whatever it came as: a CSV text (streamed through csv-parse, never held as an array of
 * rows) or a sheet of an .xlsx workbook. Each row carries the number the user sees: the line of the CSV file or
 * the row of the sheet. Empty rows are skipped but counted, as in the output-records CSV import.
 */
import { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { AppFailure } from '../../shared/ipc/result';
import { headerRowOf, numberText, sheetRows, textOf, type Plain } from './cells';

/** A cell as read: text (a CSV value, an .xlsx text cell) or a number the spreadsheet already stored as one. */
export type RawCell = { text: string } | { number: string };

export interface RawRow {
  line: number;
  cells: RawCell[];
}

export interface RowSource {
  /** "line" for CSV files, "row" for sheets: how problems name where they are. */
  unit: 'line' | 'row';
  rows: AsyncIterable<RawRow>;
}

/** ',' ';' or a tab: whichever the first non-blank line has most of outside quotes (',' when none). */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const body = text.replace(/^[\s\ufeff]+/, '');
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const ch of body) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

/** Line breaks inside the values of a row (a quoted value may span lines). */
function breaksInside(cells: string[]): number {
  let breaks = 0;
  for (const cell of cells) {
    if (cell.length > 0 && (cell.includes('\n') || cell.includes('\r')))
      breaks += cell.match(/\r\n|\r|\n/g)?.length ?? 0;
  }
  return breaks;
}

function csvErrorMessage(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quote (") is opened and never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return 'a quote (") stands inside a value; put the whole value in quotes and double the quote inside ("")';
    case 'CSV_MAX_RECORD_SIZE':
      return 'a line is too long to be one row; is this a CSV file with one row per line?';
    default:
      return error.message;
  }
}

/** Thrown by the CSV rows when the file cannot be parsed further; `line` is where the bad row starts. */
export class UnreadableRow extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/** The line where the row with a quote that is never closed starts (csv-parse only notices at the end). */
export function unclosedQuoteLine(text: string, delimiter: string): number {
  let line = 1;
  let rowStart = 1;
  let inQuotes = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const lineBreak = ch === '\n' || (ch === '\r' && text[i + 1] !== '\n');
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else inQuotes = false;
      } else if (lineBreak) line++;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else if (ch === delimiter) atFieldStart = true;
    else if (lineBreak) {
      line++;
      rowStart = line;
      atFieldStart = true;
    } else if (ch !== ' ' && ch !== '\t' && ch !== '\r') atFieldStart = false;
  }
  return inQuotes ? rowStart : line;
}

/** The text in slices, so that csv-parse reads it with back-pressure instead of all at once. */
function* slices(text: string, size = 64 * 1024): Generator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function* csvRows(text: string): AsyncGenerator<RawRow> {
  const delimiter = detectDelimiter(text);
  const parser = parse({
    bom: true,
    delimiter,
    record_delimiter: ['\r\n', '\n', '\r'],
    trim: true,
    skip_empty_lines: false,
    relax_column_count: true,
    max_record_size: 1024 * 1024,
  });
  const source = Readable.from(slices(text));
  source.pipe(parser);
  source.on('error', (error) => parser.destroy(error));
  let lines = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      const line = lines + 1;
      lines += 1 + breaksInside(record);
      if (record.every((cell) => cell === '')) continue;
      yield { line, cells: record.map((value) => ({ text: value })) };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      // Rows parsed before the error may not have reached this loop: take the line from the parser itself.
      const reported = (error as unknown as { lines?: unknown }).lines;
      const line =
        error.code === 'CSV_QUOTE_NOT_CLOSED'
          ? unclosedQuoteLine(text.replace(/^\ufeff/, ''), delimiter)
          : typeof reported === 'number' && reported > lines
            ? reported
            : lines + 1;
      throw new UnreadableRow(line, csvErrorMessage(error));
    }
    throw error;
  } finally {
    source.unpipe(parser);
    source.destroy();
    parser.destroy();
  }
}

function rawOf(cell: Plain): RawCell {
  if (cell.kind === 'number') return { number: numberText(cell.value) };
  return { text: textOf(cell) };
}

async function* xlsxRows(sheet: ExcelJS.Worksheet): AsyncGenerator<RawRow> {
  const header = headerRowOf(sheet);
  for (const row of sheetRows(sheet)) {
    if (header !== null && row.line < header) continue;
    yield { line: row.line, cells: row.cells.map(rawOf) };
  }
}

export function csvSource(text: string): RowSource {
  return { unit: 'line', rows: csvRows(text) };
}

export function sheetSource(sheet: ExcelJS.Worksheet): RowSource {
  return { unit: 'row', rows: xlsxRows(sheet) };
}

/** The sheet called `name`, or the first sheet with something in it when `name` is null. */
export function pickSheet(workbook: ExcelJS.Workbook, name: string | null): ExcelJS.Worksheet {
  if (name !== null) {
    const sheet = workbook.worksheets.find((s) => s.name === name);
    if (!sheet) {
      const names = workbook.worksheets.map((s) => `"${s.name}"`).join(', ');
      throw new AppFailure('VALIDATION', `The workbook has no sheet "${name}". Its sheets: ${names}.`, [
        { path: 'sheet', where: 'sheet', message: `there is no sheet "${name}"` },
      ]);
    }
    return sheet;
  }
  const sheet = workbook.worksheets.find((s) => s.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) {
    throw new AppFailure('VALIDATION', 'The workbook has no sheets.', [
      { path: 'file', where: 'file', message: 'has no sheets' },
    ]);
  }
  return sheet;
}

export function cellText(cell: RawCell | undefined): string {
  if (cell === undefined) return '';
  return 'text' in cell ? cell.text : cell.number;
}
