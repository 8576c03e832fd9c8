/**
 * Importing one output's records from a CSV file, streamed: the file is parsed row by row (csv-parse), every row is
 * checked, and the records are written in batches inside ONE transaction. Any problem in any row rolls everything
 * back, so an import is all or nothing. Memory does not grow with the file: no array of all records is ever kept.
 *
 * Layouts (CsvRecordMapping):
 * - wide: a column per category ("italian_women" -> { nationality: "Italian", gender: "women" }); the record's count
 *   is the count column, or the sum of the breakdown columns when there is none (and must equal it when there is);
 * - long: columns whose values are categories ("site", "gender"); each row is one breakdown entry of the row's count;
 * - both: each wide entry also carries the row's long categories.
 */
import { pipeline, Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { CsvError, parse, type Parser } from 'csv-parse';
import type { CsvImportReport, CsvRecordMapping } from '../../../shared/ipc/contract';
import { AppFailure, type FieldProblem } from '../../../shared/ipc/result';
import type { OutputRecord } from '../../../shared/model';
import { canonical, dec, type Dec } from '../../../shared/money/decimal';
import type { Db } from '../db/connection';
import type { Repositories } from './repositories';

/** Records written per call to the repository (the transaction spans all batches). */
export const BATCH_SIZE = 5_000;
/** Row problems listed in the error; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 100;
/** How much of the file is read to find the header line (and its delimiter). */
const HEADER_PEEK_LIMIT = 64 * 1024;
/** Longest number accepted: decimal.js keeps 28 significant digits, so longer ones would be rounded. */
const MAX_NUMBER_LENGTH = 28;
/** Category names and values: as in the model's schema. */
const MAX_CATEGORY_LENGTH = 100;

type Delimiter = ',' | ';';
type Breakdown = OutputRecord['breakdown'];

interface WideColumn {
  index: number;
  name: string;
  categories: Record<string, string>;
}

interface LongColumn {
  index: number;
  name: string;
  dimension: string;
}

/** The mapping resolved against the header: column positions instead of names. */
interface Plan {
  headerLength: number;
  period: { index: number; name: string };
  count: { index: number; name: string } | null;
  wide: WideColumn[];
  long: LongColumn[];
}

// ---------------------------------------------------------------------------------------------------------------
// Values

const PLAIN_NUMBER = /^\d+(\.\d+)?$/;
/** Whole numbers this short add up exactly as JavaScript numbers (the fast path for the usual counts). */
const SMALL_WHOLE = /^\d{1,13}$/;

/** A count cell: the number as written, or a message for the row's problem. */
function checkNumber(raw: string): { value: string } | { problem: string } {
  if (raw === '') return { problem: 'is empty; write the count, or 0 if there were none' };
  if (PLAIN_NUMBER.test(raw)) {
    if (raw.length > MAX_NUMBER_LENGTH)
      return { problem: `"${raw}" has too many digits (at most ${MAX_NUMBER_LENGTH})` };
    return { value: raw };
  }
  if (/^-\s*\d/.test(raw)) return { problem: `"${raw}" is negative; a count cannot be below 0` };
  if (/^[\d.,\s']+$/.test(raw) && /\d/.test(raw)) {
    return {
      problem: `"${raw}" is not a number; use digits only, e.g. 1234 (no thousands separators; a point for decimals, e.g. 12.5)`,
    };
  }
  return { problem: `"${raw}" is not a number; use digits only, e.g. 1234` };
}

/** Adds checked numbers exactly: plain numbers for small whole numbers, decimal.js otherwise. */
function addUp(values: string[]): string {
  if (values.every((v) => SMALL_WHOLE.test(v))) {
    let total = 0;
    for (const v of values) total += Number(v);
    if (Number.isSafeInteger(total)) return String(total);
  }
  let total: Dec = dec(0);
  for (const v of values) total = total.plus(dec(v));
  return canonical(total);
}

function sameNumber(a: string, b: string): boolean {
  if (SMALL_WHOLE.test(a) && SMALL_WHOLE.test(b)) return Number(a) === Number(b);
  return dec(a).eq(dec(b));
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The month of a period cell: "2012-01", "2012-01-31" or "01/2012" (also "1/2012"). */
function checkPeriod(raw: string): { value: string } | { problem: string } {
  if (MONTH.test(raw)) return { value: raw };
  let year: string;
  let month: string;
  let day: string | null = null;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{2})$/.exec(raw))) [, year, month] = match;
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw))) [, year, month, day] = match;
  else if ((match = /^(\d{1,2})\/(\d{4})$/.exec(raw))) [, month, year] = match;
  else if (raw === '') return { problem: 'is empty; every row needs its month, e.g. 2012-01' };
  else return { problem: `"${raw}" is not a month; write it as 2012-01 (also accepted: 2012-01-31 or 01/2012)` };
  const m = Number(month);
  if (m < 1 || m > 12) return { problem: `"${raw}" has no month ${month}; months go from 01 to 12` };
  if (day !== null) {
    const d = Number(day);
    const y = Number(year);
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    const last = m === 2 && !leap ? 28 : DAYS_IN_MONTH[m - 1];
    if (d < 1 || d > last) return { problem: `"${raw}" is not a date (day ${day} of month ${month})` };
  }
  return { value: `${year}-${String(m).padStart(2, '0')}` };
}

function checkCategory(raw: string): { problem: string } | null {
  if (raw === '') return { problem: 'is empty; every row needs its category here' };
  if (raw.length > MAX_CATEGORY_LENGTH) return { problem: `is longer than ${MAX_CATEGORY_LENGTH} characters` };
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// The mapping and the header

function mappingFailure(message: string, path: string, where: string): AppFailure {
  return new AppFailure('VALIDATION', message, [{ path, where, message }]);
}

/** Checks the mapping on its own, before the file is read. */
function checkMapping(mapping: CsvRecordMapping): void {
  if (mapping.countColumn === null && mapping.breakdownColumns.length === 0) {
    throw mappingFailure(
      'Choose the column that holds the count, or the breakdown columns to add up.',
      'mapping.countColumn',
      'count column',
    );
  }
  const roles = new Map<string, string>();
  const claim = (column: string, role: string, path: string) => {
    const earlier = roles.get(column);
    if (earlier !== undefined) {
      throw mappingFailure(
        `The column "${column}" is chosen twice (as ${earlier} and as ${role}); choose it once.`,
        path,
        `column "${column}"`,
      );
    }
    roles.set(column, role);
  };
  claim(mapping.periodColumn, 'the month', 'mapping.periodColumn');
  if (mapping.countColumn !== null) claim(mapping.countColumn, 'the count', 'mapping.countColumn');
  mapping.breakdownColumns.forEach((b, i) =>
    claim(b.column, 'a breakdown column', `mapping.breakdownColumns.${i}.column`),
  );
  mapping.categoryColumns.forEach((c, i) =>
    claim(c.column, 'a category column', `mapping.categoryColumns.${i}.column`),
  );

  const longDimensions = new Set<string>();
  mapping.categoryColumns.forEach((c, i) => {
    const path = `mapping.categoryColumns.${i}.dimension`;
    if (longDimensions.has(c.dimension)) {
      throw mappingFailure(
        `Two columns give the category "${c.dimension}"; choose one of them.`,
        path,
        `column "${c.column}"`,
      );
    }
    if (c.dimension.length > MAX_CATEGORY_LENGTH) {
      throw mappingFailure(
        `The category name "${c.dimension}" is longer than ${MAX_CATEGORY_LENGTH} characters.`,
        path,
        `column "${c.column}"`,
      );
    }
    longDimensions.add(c.dimension);
  });
  mapping.breakdownColumns.forEach((b, i) => {
    const path = `mapping.breakdownColumns.${i}.categories`;
    for (const [dimension, value] of Object.entries(b.categories)) {
      if (longDimensions.has(dimension)) {
        throw mappingFailure(
          `The category "${dimension}" comes both from the column "${b.column}" and from a category column; keep one.`,
          path,
          `column "${b.column}"`,
        );
      }
      if (dimension.length > MAX_CATEGORY_LENGTH || value.length > MAX_CATEGORY_LENGTH) {
        throw mappingFailure(
          `The categories of the column "${b.column}" are longer than ${MAX_CATEGORY_LENGTH} characters.`,
          path,
          `column "${b.column}"`,
        );
      }
    }
  });
}

function quoted(names: string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

/** Resolves the mapped columns in the header; names every missing or ambiguous one. */
function planFor(mapping: CsvRecordMapping, header: string[]): Plan {
  const positions = new Map<string, number[]>();
  header.forEach((name, i) => positions.set(name, [...(positions.get(name) ?? []), i]));
  const found = header.filter((n) => n !== '');
  const foundText = found.length > 0 ? quoted(found) : 'none';

  const problems: FieldProblem[] = [];
  const missing: string[] = [];
  const locate = (column: string, path: string): number => {
    const at = positions.get(column);
    if (at === undefined) {
      const lower = column.toLowerCase();
      const near = found.find((n) => n.toLowerCase() === lower);
      missing.push(column);
      problems.push({
        path,
        where: `column "${column}"`,
        message: `is not in the file${near ? ` (did you mean "${near}"?)` : ''}; columns found: ${foundText}`,
      });
      return -1;
    }
    if (at.length > 1) {
      problems.push({
        path,
        where: `column "${column}"`,
        message: `appears ${at.length} times in the header; rename all but one`,
      });
      return -1;
    }
    return at[0];
  };

  const plan: Plan = {
    headerLength: header.length,
    period: { index: locate(mapping.periodColumn, 'mapping.periodColumn'), name: mapping.periodColumn },
    count:
      mapping.countColumn === null
        ? null
        : { index: locate(mapping.countColumn, 'mapping.countColumn'), name: mapping.countColumn },
    wide: mapping.breakdownColumns.map((b, i) => ({
      index: locate(b.column, `mapping.breakdownColumns.${i}.column`),
      name: b.column,
      categories: { ...b.categories },
    })),
    long: mapping.categoryColumns.map((c, i) => ({
      index: locate(c.column, `mapping.categoryColumns.${i}.column`),
      name: c.column,
      dimension: c.dimension,
    })),
  };
  if (problems.length > 0) {
    const message =
      missing.length > 0
        ? `The file has no column${missing.length > 1 ? 's' : ''} ${quoted(missing)}. Columns found: ${foundText}. Check the header line or the column choices.`
        : problems.map((p) => `The ${p.where} ${p.message}.`).join(' ');
    throw new AppFailure('VALIDATION', message, problems);
  }
  return plan;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the file

/**
 * Reads just enough of the stream to see the header line, picks ',' or ';' (whichever the header has more of,
 * outside quotes; ',' when neither), and returns a stream that replays what was read followed by the rest.
 */
async function peekDelimiter(input: Readable): Promise<{ delimiter: Delimiter; stream: Readable }> {
  const iterator: AsyncIterator<unknown> = input[Symbol.asyncIterator]();
  const seen: Array<string | Buffer> = [];
  const decoder = new StringDecoder('utf8');
  let text = '';
  let ended = false;
  // Until the first line with something on it (blank lines before the header are allowed) has ended.
  while (!/[^\s\ufeff][^\r\n]*[\r\n]/.test(text) && text.length < HEADER_PEEK_LIMIT) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = next.value;
    if (typeof chunk === 'string') {
      seen.push(chunk);
      text += chunk;
    } else if (Buffer.isBuffer(chunk) || chunk instanceof Uint8Array) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      seen.push(buffer);
      text += decoder.write(buffer);
    } else {
      throw new AppFailure('VALIDATION', 'The CSV source must give text, not objects.');
    }
  }

  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  for (const ch of text.replace(/^[\s\ufeff]+/, '')) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch === ',') commas++;
    else if (!inQuotes && ch === ';') semicolons++;
  }

  async function* replay(): AsyncGenerator<string | Buffer> {
    try {
      yield* seen;
      seen.length = 0;
      if (ended) return;
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value as string | Buffer;
      }
    } finally {
      // Stops (and destroys) the source when reading ends early.
      if (!ended) await iterator.return?.();
    }
  }
  return { delimiter: semicolons > commas ? ';' : ',', stream: Readable.from(replay(), { objectMode: false }) };
}

/** Where csv-parse stopped: `line` is where the row it could not finish starts. */
function describeCsvError(error: CsvError, line: number): { line: number; message: string } {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return { line, message: 'a quote (") is opened and never closed' };
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return {
        line,
        message: 'a quote (") stands inside a value; put the whole value in quotes and double the quote inside ("")',
      };
    case 'CSV_MAX_RECORD_SIZE':
      return { line, message: 'a line is too long to be one row; is this a CSV file with one row per line?' };
    default:
      return { line, message: error.message };
  }
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

/**
 * The parser's rows, each with the physical line it starts on (header = line 1 when the file starts with it).
 * Empty lines, and lines of empty values such as ";;;;" at the end of an Excel export, are counted and skipped.
 * Rows already parsed are taken synchronously (`take`); only an empty buffer costs an await (`more`), which is
 * markedly faster than a promise per row.
 */
class RowReader {
  /** Lines read so far. */
  private lines = 0;
  private ended = false;
  private closed = false;
  private failed: unknown = null;
  private wake: (() => void) | null = null;
  /** The line where the row last returned starts. */
  line = 0;

  constructor(private readonly parser: Parser) {
    const wake = () => {
      const resolve = this.wake;
      this.wake = null;
      resolve?.();
    };
    parser.on('readable', wake);
    parser.on('end', () => {
      this.ended = true;
      wake();
    });
    parser.on('error', (error: unknown) => {
      this.failed = error;
      wake();
    });
    parser.on('close', () => {
      this.closed = true;
      wake();
    });
  }

  /** The line after the last complete row: where a row csv-parse could not finish starts. */
  get nextLine(): number {
    return this.lines + 1;
  }

  /** The next row already parsed; null at the end of the file; undefined when more input is needed (see `more`). */
  take(): string[] | null | undefined {
    for (;;) {
      if (this.failed !== null) throw this.failed;
      const cells = this.parser.read() as string[] | null;
      if (cells === null) {
        if (this.ended) return null;
        if (this.closed) throw new Error('The CSV stream closed before its end.');
        return undefined;
      }
      this.line = this.lines + 1;
      this.lines += 1 + breaksInside(cells);
      if (!cells.every((cell) => cell === '')) return cells;
    }
  }

  /** Resolves when the parser has more rows, has ended or has failed. */
  more(): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  async next(): Promise<string[] | null> {
    for (;;) {
      const cells = this.take();
      if (cells !== undefined) return cells;
      await this.more();
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The import

class Problems {
  readonly listed: FieldProblem[] = [];
  rows = 0;
  unlisted = 0;
  private lastLine = -1;

  add(line: number, column: string | null, message: string): void {
    if (line !== this.lastLine) {
      this.rows++;
      this.lastLine = line;
    }
    if (this.listed.length >= MAX_LISTED_PROBLEMS) {
      this.unlisted++;
      return;
    }
    const where = column === null ? `line ${line}` : `line ${line}, column "${column}"`;
    this.listed.push({ path: `line ${line}`, where, message });
  }

  failure(fatal?: { line: number; message: string }): AppFailure {
    const fields = [...this.listed];
    if (fatal) {
      fields.push({
        path: `line ${fatal.line}`,
        where: `line ${fatal.line}`,
        message: `${fatal.message}; the file could not be read further`,
      });
    }
    if (this.unlisted > 0) {
      fields.push({
        path: 'more',
        where: `and ${this.unlisted} more`,
        message: `${this.unlisted} more problem${this.unlisted === 1 ? ' is' : 's are'} not listed; fix the ones above and import again`,
      });
    }
    const rows = `${this.rows} ${this.rows === 1 ? 'row has' : 'rows have'} problems`;
    const message = fatal
      ? `The file could not be read past line ${fatal.line} (${fatal.message})${this.rows > 0 ? ` and ${rows} before it` : ''}; nothing was imported.`
      : `${rows}; nothing was imported.`;
    return new AppFailure('VALIDATION', message, fields);
  }
}

/** Turns one row into a record, or records its problems and returns null. */
function recordOf(cells: string[], line: number, plan: Plan, problems: Problems): OutputRecord | null {
  const before = problems.rows;
  if (cells.length < plan.headerLength) {
    problems.add(
      line,
      null,
      `has ${cells.length} values but the header has ${plan.headerLength} columns; a value or a delimiter is missing`,
    );
    return null;
  }
  if (cells.length > plan.headerLength && cells.slice(plan.headerLength).some((c) => c !== '')) {
    problems.add(
      line,
      null,
      `has ${cells.length} values but the header has ${plan.headerLength} columns; is there a delimiter inside a value?`,
    );
    return null;
  }

  const period = checkPeriod(cells[plan.period.index]);
  if ('problem' in period) problems.add(line, plan.period.name, period.problem);

  let count: string | null = null;
  if (plan.count) {
    const checked = checkNumber(cells[plan.count.index]);
    if ('problem' in checked) problems.add(line, plan.count.name, checked.problem);
    else count = checked.value;
  }

  const wideValues: string[] = [];
  let wideOk = true;
  for (const column of plan.wide) {
    const checked = checkNumber(cells[column.index]);
    if ('problem' in checked) {
      problems.add(line, column.name, checked.problem);
      wideOk = false;
    } else wideValues.push(checked.value);
  }

  let longCategories: Record<string, string> | null = null;
  if (plan.long.length > 0) {
    longCategories = {};
    for (const column of plan.long) {
      const value = cells[column.index];
      const problem = checkCategory(value);
      if (problem) problems.add(line, column.name, problem.problem);
      else longCategories[column.dimension] = value;
    }
  }

  if (plan.wide.length > 0 && wideOk) {
    const total = addUp(wideValues);
    if (count === null && !plan.count) count = total;
    else if (count !== null && !sameNumber(count, total)) {
      problems.add(
        line,
        plan.count?.name ?? null,
        `the count ${count} is not the sum of the breakdown columns (${plan.wide.map((w) => w.name).join(' + ')} = ${total})`,
      );
    }
  }

  if (problems.rows !== before || count === null || !('value' in period)) return null;

  let breakdown: Breakdown;
  if (plan.wide.length > 0) {
    breakdown = plan.wide.map((column, i) => ({
      categories: longCategories ? { ...column.categories, ...longCategories } : column.categories,
      count: wideValues[i],
    }));
  } else if (longCategories) {
    breakdown = [{ categories: longCategories, count }];
  } else {
    breakdown = [];
  }
  return { period: period.value, count, breakdown };
}

/**
 * Streams a CSV into one output's records (the output must exist; the service checks it). All rows are checked;
 * if any has a problem nothing is written and AppFailure('VALIDATION') lists the problems by line.
 */
export async function importRecordsFromCsv(
  db: Db,
  repos: Repositories,
  projectId: string,
  source: Readable | string,
  mapping: CsvRecordMapping,
): Promise<CsvImportReport> {
  const input = typeof source === 'string' ? Readable.from([source]) : source;
  let peeked: Awaited<ReturnType<typeof peekDelimiter>>;
  try {
    checkMapping(mapping);
    peeked = await peekDelimiter(input);
  } catch (error) {
    input.destroy();
    throw error;
  }
  const { delimiter, stream } = peeked;

  const parser = parse({
    bom: true,
    delimiter,
    // Any line ending, even mixed in one file (csv-parse would otherwise keep the first one it sees).
    record_delimiter: ['\r\n', '\n', '\r'],
    trim: true,
    // Empty lines are kept (as one empty value) and skipped below, so that every line is counted: csv-parse's
    // own line numbers need a per-record info object, which costs more than the whole parse.
    skip_empty_lines: false,
    relax_column_count: true,
  });
  pipeline(stream, parser, () => {
    // Errors surface through the reader below; nothing to do here.
  });
  const reader = new RowReader(parser);
  const problems = new Problems();
  let began = false;

  try {
    const header = await reader.next();
    if (header === null) {
      throw new AppFailure(
        'VALIDATION',
        'The file is empty. It needs a header line with the column names, then one row per month.',
        [{ path: 'file', where: 'file', message: 'is empty' }],
      );
    }
    const plan = planFor(mapping, header);

    if (db.inTransaction)
      throw new AppFailure('CONFLICT', 'Another change is being saved; try the import again in a moment.');
    db.exec('BEGIN IMMEDIATE');
    began = true;
    const { outputId } = mapping;
    if (mapping.replaceExisting) repos.outputRecords.clear(projectId, outputId);
    let position = mapping.replaceExisting ? 0 : repos.outputRecords.nextPosition(projectId, outputId);

    let rowsRead = 0;
    let recordsImported = 0;
    let batch: OutputRecord[] = [];
    for (;;) {
      const cells = reader.take();
      if (cells === undefined) {
        await reader.more();
        continue;
      }
      if (cells === null) break;
      rowsRead++;
      const record = recordOf(cells, reader.line, plan, problems);
      // After the first problem nothing more is written (it will all be rolled back); the rows are still checked.
      if (record === null || problems.rows > 0) {
        batch.length = 0;
        continue;
      }
      batch.push(record);
      if (batch.length >= BATCH_SIZE) {
        position = repos.outputRecords.append(projectId, outputId, batch, position);
        recordsImported += batch.length;
        batch = [];
      }
    }
    if (problems.rows > 0) throw problems.failure();
    if (rowsRead === 0) {
      throw new AppFailure('VALIDATION', 'The file has a header line but no rows; nothing was imported.', [
        { path: 'file', where: 'file', message: 'has a header line but no rows' },
      ]);
    }
    if (batch.length > 0) {
      repos.outputRecords.append(projectId, outputId, batch, position);
      recordsImported += batch.length;
    }

    repos.audit.record({
      projectId,
      entity: 'output_records',
      entityId: outputId,
      action: 'import',
      field: 'records',
      newValue: `${recordsImported} records from CSV${mapping.replaceExisting ? ', replacing the earlier records' : ''}`,
    });
    repos.projects.touch(projectId);
    db.exec('COMMIT');
    return { rowsRead, recordsImported };
  } catch (error) {
    if (began && db.inTransaction) db.exec('ROLLBACK');
    if (error instanceof CsvError) throw problems.failure(describeCsvError(error, reader.nextLine));
    throw error;
  } finally {
    parser.destroy();
    stream.destroy();
  }
}
