/**
 * The month-by-month table of one output's records, as data: its breakdown columns (one per combination of
 * categories, e.g. nationality=Italian + gender=women), the header rows that group them, the totals (per
 * column, per category, per year and overall, all in decimal arithmetic), and the editable draft with the
 * checks that turn it back into records: every row is checked before anything is saved.
 */
import type { OutputRecord } from '../../../shared/model';
import { OutputPeriod } from '../../../shared/model';
import { canonical, Dec, dec, ZERO } from '../../../shared/money/decimal';
import { formatDecimal, formatForEditing, parseLocaleNumber } from '../../../shared/format/locale';
import type { CsvTable } from '../exchange/table-csv';

export type Categories = Record<string, string>;

export interface BreakdownColumn {
  /** Stable identity of the combination of categories (order of the dimensions does not matter). */
  key: string;
  categories: Categories;
}

export function categoryKey(categories: Categories): string {
  return JSON.stringify(Object.entries(categories).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Every combination of categories used by the records, in the order it first appears. */
export function breakdownColumnsOf(records: readonly OutputRecord[]): BreakdownColumn[] {
  const columns = new Map<string, BreakdownColumn>();
  for (const record of records) {
    for (const entry of record.breakdown) {
      const key = categoryKey(entry.categories);
      if (!columns.has(key)) columns.set(key, { key, categories: { ...entry.categories } });
    }
  }
  return [...columns.values()];
}

/** The dimensions, in the order of the first column, when every column has the same ones; else null. */
export function sharedDimensions(columns: readonly BreakdownColumn[]): string[] | null {
  if (columns.length === 0) return null;
  const first = Object.keys(columns[0].categories);
  const same = columns.every((c) => {
    const keys = Object.keys(c.categories);
    return keys.length === first.length && first.every((d) => d in c.categories);
  });
  return same ? first : null;
}

export interface HeaderCell {
  label: string;
  span: number;
}

/**
 * Header rows for the breakdown columns: one row per dimension when all columns share them, adjacent equal
 * values merged (Italian over "men, women"); otherwise one row with each column's categories.
 */
export function headerRows(columns: readonly BreakdownColumn[]): HeaderCell[][] {
  const dimensions = sharedDimensions(columns);
  if (!dimensions) return [columns.map((c) => ({ label: columnLabel(c), span: 1 }))];
  return dimensions.map((_, level) => {
    const cells: HeaderCell[] = [];
    columns.forEach((column, i) => {
      const previous = columns[i - 1];
      // Merge with the cell on the left only if every dimension up to this one matches (a true group).
      const sameGroup =
        previous !== undefined &&
        level < dimensions.length - 1 &&
        dimensions.slice(0, level + 1).every((d) => previous.categories[d] === column.categories[d]);
      if (sameGroup) cells[cells.length - 1].span++;
      else cells.push({ label: column.categories[dimensions[level]], span: 1 });
    });
    return cells;
  });
}

/** "Italian · women" (values only), for labels and messages. */
export function columnLabel(column: Pick<BreakdownColumn, 'categories'>): string {
  return Object.values(column.categories).join(' · ');
}

// ---------------------------------------------------------------------------------------------------------------
// Totals

export interface CategoryTotal {
  dimension: string;
  value: string;
  total: Dec;
}

export interface YearTotal {
  year: string;
  count: Dec;
  byColumn: Map<string, Dec>;
}

export interface RecordTotals {
  /** Sum of the counts: the grand total. */
  grand: Dec;
  /** Per breakdown column (by key). */
  byColumn: Map<string, Dec>;
  /** Per record: the sum of its breakdown (null when it has none). */
  rowBreakdown: Array<Dec | null>;
  /** Per dimension and value, e.g. gender=women over all columns and months. */
  byCategory: CategoryTotal[];
  /** Per calendar year (ranges of dates are grouped under their own label). */
  byYear: YearTotal[];
}

/** The year of a period ("2012-01" and "2012" -> "2012"; a range of dates -> "1992-2012"). */
export function yearOf(period: string): string {
  const range = /^(\d{4})-\d{2}-\d{2}\/(\d{4})-\d{2}-\d{2}$/.exec(period);
  if (range) return range[1] === range[2] ? range[1] : `${range[1]}–${range[2]}`;
  return period.slice(0, 4);
}

export function totalsOf(records: readonly OutputRecord[], columns: readonly BreakdownColumn[]): RecordTotals {
  let grand = ZERO;
  const byColumn = new Map<string, Dec>(columns.map((c) => [c.key, ZERO]));
  const byCategory = new Map<string, CategoryTotal>();
  const byYear = new Map<string, YearTotal>();
  const rowBreakdown: Array<Dec | null> = [];

  for (const record of records) {
    const count = dec(record.count);
    grand = grand.plus(count);
    const year = yearOf(record.period);
    let yearTotal = byYear.get(year);
    if (!yearTotal) {
      yearTotal = { year, count: ZERO, byColumn: new Map(columns.map((c) => [c.key, ZERO])) };
      byYear.set(year, yearTotal);
    }
    yearTotal.count = yearTotal.count.plus(count);

    let rowSum: Dec | null = null;
    for (const entry of record.breakdown) {
      const value = dec(entry.count);
      const key = categoryKey(entry.categories);
      rowSum = (rowSum ?? ZERO).plus(value);
      byColumn.set(key, (byColumn.get(key) ?? ZERO).plus(value));
      yearTotal.byColumn.set(key, (yearTotal.byColumn.get(key) ?? ZERO).plus(value));
      for (const [dimension, category] of Object.entries(entry.categories)) {
        const id = JSON.stringify([dimension, category]);
        const current = byCategory.get(id) ?? { dimension, value: category, total: ZERO };
        current.total = current.total.plus(value);
        byCategory.set(id, current);
      }
    }
    rowBreakdown.push(rowSum);
  }
  const years = [...byYear.values()].sort((a, b) => (a.year < b.year ? -1 : a.year > b.year ? 1 : 0));
  return { grand, byColumn, rowBreakdown, byCategory: [...byCategory.values()], byYear: years };
}

// ---------------------------------------------------------------------------------------------------------------
// Showing numbers and periods

/** A count in the user's locale, grouped, with as many decimals as it has ("7,994", "12.5"). */
export function formatCount(value: Dec | string, locale: string): string {
  const d = value instanceof Dec ? value : dec(value);
  return formatDecimal(d, Math.min(d.decimalPlaces(), 10), locale);
}

/** "2012-01" -> "Jan 2012" in the user's language; a year or a range of dates as written. */
export function formatPeriod(period: string, locale: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
    return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  const range = /^(\d{4}-\d{2}-\d{2})\/(\d{4}-\d{2}-\d{2})$/.exec(period);
  if (range) {
    const f = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    return `${f.format(new Date(`${range[1]}T00:00:00Z`))} – ${f.format(new Date(`${range[2]}T00:00:00Z`))}`;
  }
  return period;
}

/** The month after a "YYYY-MM" period (for a new row), or '' when the period is not a month. */
export function nextMonth(period: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(period);
  if (!match) return '';
  const year = Number(match[1]);
  const month = Number(match[2]);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Editing

export interface DraftRow {
  /** Stable key for React while rows are added and removed. */
  id: string;
  period: string;
  /** As typed, in the user's locale; '' = add up the breakdown. */
  count: string;
  /** Breakdown cells by column key, as typed; '' = none for this category. */
  cells: Record<string, string>;
}

let draftIds = 0;
export function newDraftId(): string {
  draftIds += 1;
  return `row-${draftIds}`;
}

export function toDraft(
  records: readonly OutputRecord[],
  columns: readonly BreakdownColumn[],
  locale: string,
): DraftRow[] {
  return records.map((record) => {
    const cells: Record<string, string> = Object.fromEntries(columns.map((c) => [c.key, '']));
    for (const entry of record.breakdown) cells[categoryKey(entry.categories)] = formatForEditing(entry.count, locale);
    return { id: newDraftId(), period: record.period, count: formatForEditing(record.count, locale), cells };
  });
}

/** A problem in one row of the draft: row number from 1, the column ('period', 'count' or a column key). */
export interface RowProblem {
  row: number;
  column: string;
  key: string;
  params?: Record<string, string>;
}

function parseCount(
  text: string,
  locale: string,
): { ok: true; value: string } | { ok: false; key: string; params?: Record<string, string> } {
  const parsed = parseLocaleNumber(text, locale);
  if (!parsed.ok) return { ok: false, key: 'notNumber', params: { value: text.trim(), reason: parsed.message } };
  if (dec(parsed.value).lt(0)) return { ok: false, key: 'negative', params: { value: text.trim() } };
  return { ok: true, value: parsed.value };
}

/**
 * Records from the draft, or every problem in it (nothing is saved until there are none). Rows left wholly
 * empty are dropped. A row's count may be left empty when it has a breakdown (the breakdown is added up);
 * when both are given they must agree. Numbers are read in the user's locale.
 */
export function fromDraft(
  rows: readonly DraftRow[],
  columns: readonly BreakdownColumn[],
  locale: string,
): { ok: true; records: OutputRecord[] } | { ok: false; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const records: OutputRecord[] = [];
  rows.forEach((row, index) => {
    const n = index + 1;
    const blank =
      row.period.trim() === '' &&
      row.count.trim() === '' &&
      columns.every((c) => (row.cells[c.key] ?? '').trim() === '');
    if (blank) return;
    const before = problems.length;
    const period = row.period.trim();
    if (period === '') problems.push({ row: n, column: 'period', key: 'periodEmpty' });
    else if (!OutputPeriod.safeParse(period).success)
      problems.push({ row: n, column: 'period', key: 'periodFormat', params: { value: period } });

    const numbersFrom = problems.length;
    const breakdown: OutputRecord['breakdown'] = [];
    let sum: Dec | null = null;
    for (const column of columns) {
      const text = (row.cells[column.key] ?? '').trim();
      if (text === '') continue;
      const parsed = parseCount(text, locale);
      if (!parsed.ok) {
        problems.push({ row: n, column: column.key, key: parsed.key, params: parsed.params });
        continue;
      }
      breakdown.push({ categories: { ...column.categories }, count: parsed.value });
      sum = (sum ?? ZERO).plus(dec(parsed.value));
    }

    let count: string | null = null;
    if (row.count.trim() === '') {
      if (sum === null) problems.push({ row: n, column: 'count', key: 'countEmpty' });
      else count = canonical(sum);
    } else {
      const parsed = parseCount(row.count, locale);
      if (!parsed.ok) problems.push({ row: n, column: 'count', key: parsed.key, params: parsed.params });
      else count = parsed.value;
    }
    if (count !== null && sum !== null && problems.length === numbersFrom && !dec(count).eq(sum)) {
      problems.push({
        row: n,
        column: 'count',
        key: 'countNotSum',
        params: { count: formatCount(count, locale), sum: formatCount(sum, locale) },
      });
    }
    if (problems.length === before && count !== null) records.push({ period, count, breakdown });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, records };
}

/** Cells of a block pasted from a spreadsheet (tab-separated lines); a trailing empty line is dropped. */
export function parsePastedBlock(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split('\t').map((cell) => cell.trim()));
}

// ---------------------------------------------------------------------------------------------------------------
// As CSV: the same columns as on screen, every record (not only the rows shown), periods as stored
// ("2012-01") and counts as exact decimals.

export interface RecordCsvLabels {
  period: string;
  /** The last column's heading, as the table shows it ("Total (people)"). */
  count: string;
  year: string;
  total: string;
}

export function recordsCsv(
  records: readonly OutputRecord[],
  columns: readonly BreakdownColumn[],
  labels: RecordCsvLabels,
): CsvTable {
  return {
    columns: [labels.period, ...columns.map(columnLabel), labels.count],
    rows: records.map((record) => {
      const byKey = new Map(record.breakdown.map((b) => [categoryKey(b.categories), b.count]));
      return [
        record.period,
        ...columns.map((column) => {
          const value = byKey.get(column.key);
          return value === undefined ? null : { decimal: canonical(dec(value)) };
        }),
        { decimal: canonical(dec(record.count)) },
      ];
    }),
  };
}

export function yearTotalsCsv(
  totals: RecordTotals,
  columns: readonly BreakdownColumn[],
  labels: RecordCsvLabels,
): CsvTable {
  const exact = (value: Dec) => ({ decimal: canonical(value) });
  return {
    columns: [labels.year, ...columns.map(columnLabel), labels.total],
    rows: totals.byYear.map((year) => [
      year.year,
      ...columns.map((column) => exact(year.byColumn.get(column.key) ?? ZERO)),
      exact(year.count),
    ]),
  };
}
