/**
 * The interface side of "Import from CSV": a quick look at the file (its header and first rows, for the preview),
 * a first guess of how its columns map onto an output ("italian_women" -> nationality=Italian, gender=women), and
 * the checks that turn the user's choices into the contract's CsvRecordMapping. The backend parses and checks
 * every row again (shared rules, all or nothing); this module only prepares the question.
 *
 * Pure functions, no DOM: tested on their own (tests/components/outputs-csv-mapping.test.ts).
 */
import type { CsvRecordMapping } from '../../../shared/ipc/contract';

// ---------------------------------------------------------------------------------------------------------------
// A look at the file

export interface CsvPreview {
  delimiter: ',' | ';';
  header: string[];
  /** The first data rows (cells trimmed), for the preview table and the guess. */
  rows: string[][];
  /** How many data rows the file has (lines with only empty values are not counted, as in the import). */
  rowCount: number;
}

/** ',' or ';' (whichever the first line has more of outside quotes), as the backend's import decides. */
function delimiterOf(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let inQuotes = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch === ',') commas++;
    else if (!inQuotes && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Reads the header and the first `keep` rows of a CSV text, and counts the rest. Quotes ("a, b" and "" inside)
 * and any line ending are understood; it never throws (an unclosed quote just ends the last value).
 */
export function previewCsv(text: string, keep = 5): CsvPreview {
  const body = text.replace(/^[\s\ufeff]+/, '');
  const delimiter = delimiterOf(body);
  const records: string[][] = [];
  let rowCount = -1; // the header is not a data row
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;

  const endRow = () => {
    cells.push(cell.trim());
    cell = '';
    if (!cells.every((c) => c === '')) {
      rowCount++;
      if (records.length < keep + 1) records.push(cells);
    }
    cells = [];
  };

  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (inQuotes) {
      if (ch === '"') {
        if (body[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else cell += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endRow();
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) endRow();

  const [header = [], ...rows] = records;
  return { delimiter, header, rows, rowCount: Math.max(rowCount, 0) };
}

// ---------------------------------------------------------------------------------------------------------------
// Guessing categories from a column name

const GENDER_WORDS = new Set([
  'men',
  'man',
  'male',
  'males',
  'women',
  'woman',
  'female',
  'females',
  'boys',
  'girls',
  'nonbinary',
  'non-binary',
  'transgender',
  // The same in the languages of the interface's catalogues (kept as written).
  'uomini',
  'donne',
  'maschi',
  'femmine',
  'homens',
  'mulheres',
  'hombres',
  'mujeres',
  'hommes',
  'femmes',
]);

/** Nationality words and how they are written as a category ("foreigners" -> "Foreign"). */
const NATIONALITY_WORDS: Record<string, string> = {
  foreign: 'Foreign',
  foreigner: 'Foreign',
  foreigners: 'Foreign',
  national: 'National',
  nationals: 'National',
  native: 'Native',
  local: 'Local',
  migrant: 'Migrant',
  migrants: 'Migrant',
  immigrant: 'Immigrant',
  immigrants: 'Immigrant',
  eu: 'EU',
  'non-eu': 'Non-EU',
  noneu: 'Non-EU',
};
for (const name of [
  'italian',
  'portuguese',
  'spanish',
  'french',
  'british',
  'english',
  'scottish',
  'welsh',
  'irish',
  'german',
  'dutch',
  'belgian',
  'swiss',
  'austrian',
  'greek',
  'polish',
  'romanian',
  'bulgarian',
  'albanian',
  'ukrainian',
  'russian',
  'moroccan',
  'tunisian',
  'algerian',
  'egyptian',
  'nigerian',
  'senegalese',
  'eritrean',
  'somali',
  'afghan',
  'syrian',
  'pakistani',
  'bangladeshi',
  'indian',
  'chinese',
  'filipino',
  'brazilian',
  'peruvian',
  'ecuadorian',
  'colombian',
  'cape-verdean',
  'angolan',
]) {
  NATIONALITY_WORDS[name] = name
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

/** Words that name a measure, never a category: such columns are counts, not breakdowns. */
const COUNT_WORDS = new Set(['total', 'totals', 'totale', 'tot', 'count', 'counts', 'sum', 'number', 'n', 'all']);

/** "italian_women", "Italian Women", "italianWomen", "foreign-men" -> ["italian", "women"]. */
function tokensOf(column: string): string[] {
  const words = column
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_.\-/]+/)
    .filter((w) => w !== '');
  // "non_binary", "non_eu", "cape_verdean" were split: join them back.
  const joined: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const pair = `${words[i]}-${words[i + 1]}`;
    if (i + 1 < words.length && (GENDER_WORDS.has(pair) || pair in NATIONALITY_WORDS)) {
      joined.push(pair);
      i++;
    } else joined.push(words[i]);
  }
  return joined;
}

/** An age group in the tokens: "18_24" -> "18-24", "under_25" / "u25" -> "under 25", "over_50" / "50plus" -> "50+". */
function ageOf(tokens: string[]): { value: string; used: Set<number> } | null {
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i];
    const next = tokens[i + 1];
    let match: RegExpExecArray | null;
    if ((word === 'under' || word === 'below') && next !== undefined && /^\d{1,3}$/.test(next))
      return { value: `under ${next}`, used: new Set([i, i + 1]) };
    if ((word === 'over' || word === 'above') && next !== undefined && /^\d{1,3}$/.test(next))
      return { value: `over ${next}`, used: new Set([i, i + 1]) };
    if (/^\d{1,3}$/.test(word) && next !== undefined && /^\d{1,3}$/.test(next) && Number(next) > Number(word))
      return { value: `${word}-${next}`, used: new Set([i, i + 1]) };
    if (/^\d{1,3}$/.test(word) && (next === 'plus' || next === 'and' || next === 'more'))
      return { value: `${word}+`, used: new Set([i, i + 1]) };
    if ((match = /^(\d{1,3})(?:plus|\+)$/.exec(word))) return { value: `${match[1]}+`, used: new Set([i]) };
    if ((match = /^(?:u|under)(\d{1,3})$/.exec(word))) return { value: `under ${match[1]}`, used: new Set([i]) };
    if ((match = /^(?:o|over)(\d{1,3})$/.exec(word))) return { value: `over ${match[1]}`, used: new Set([i]) };
    if ((match = /^(\d{1,3})to(\d{1,3})$/.exec(word))) return { value: `${match[1]}-${match[2]}`, used: new Set([i]) };
  }
  return null;
}

/**
 * The categories a column name suggests, or null when it suggests none: "italian_women" -> { nationality:
 * "Italian", gender: "women" }; "women_18_24" -> { gender: "women", age: "18-24" }. Words it does not know are
 * kept together as a "group" when it recognised something else ("italian_women_new" -> group "new"), so nothing
 * in the name is lost; the user can correct every guess before importing.
 */
export function guessCategories(column: string): Record<string, string> | null {
  const tokens = tokensOf(column);
  if (tokens.length === 0 || tokens.every((t) => COUNT_WORDS.has(t))) return null;
  const categories: Record<string, string> = {};
  const used = new Set<number>();
  tokens.forEach((token, i) => {
    if (token in NATIONALITY_WORDS && !('nationality' in categories)) {
      categories.nationality = NATIONALITY_WORDS[token];
      used.add(i);
    } else if (GENDER_WORDS.has(token) && !('gender' in categories)) {
      categories.gender = token;
      used.add(i);
    }
  });
  const age = ageOf(tokens);
  if (age && ![...age.used].some((i) => used.has(i))) {
    categories.age = age.value;
    age.used.forEach((i) => used.add(i));
  }
  if (Object.keys(categories).length === 0) return null;
  const rest = tokens.filter((t, i) => !used.has(i) && t !== 'age' && !COUNT_WORDS.has(t));
  if (rest.length > 0) categories.group = rest.join(' ');
  return categories;
}

// ---------------------------------------------------------------------------------------------------------------
// Categories typed as "dimension=value" pairs

/** { nationality: "Italian", gender: "women" } -> "nationality=Italian, gender=women". */
export function formatCategories(categories: Record<string, string>): string {
  return Object.entries(categories)
    .map(([dimension, value]) => `${dimension}=${value}`)
    .join(', ');
}

/** A problem with the user's choices: a catalogue key (outputs.import.problems.KEY) and its values. */
export interface MappingProblem {
  key: string;
  column?: string;
  params?: Record<string, string>;
}

/** Category names and values: at most this long (as in the model's schema). */
const MAX_CATEGORY_LENGTH = 100;

/** "nationality=Italian, gender=women" (commas or semicolons between pairs) -> the categories. */
export function parseCategories(
  text: string,
): { ok: true; categories: Record<string, string> } | { ok: false; problem: MappingProblem } {
  const pairs = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (pairs.length === 0) return { ok: false, problem: { key: 'categoriesEmpty' } };
  const categories: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const dimension = at < 0 ? '' : pair.slice(0, at).trim();
    const value = at < 0 ? '' : pair.slice(at + 1).trim();
    if (dimension === '' || value === '' || value.includes('=')) {
      return { ok: false, problem: { key: 'categoriesFormat', params: { pair } } };
    }
    if (dimension.length > MAX_CATEGORY_LENGTH || value.length > MAX_CATEGORY_LENGTH) {
      return { ok: false, problem: { key: 'categoriesTooLong', params: { max: String(MAX_CATEGORY_LENGTH) } } };
    }
    if (dimension in categories) return { ok: false, problem: { key: 'categoriesTwice', params: { dimension } } };
    categories[dimension] = value;
  }
  return { ok: true, categories };
}

// ---------------------------------------------------------------------------------------------------------------
// The mapping: a guess, then the user's choices, then the contract's mapping

/** What one column is used for (the month and the count columns are chosen separately). */
export type ColumnChoice =
  | { use: 'ignore' }
  /** Wide layout: the column holds the count of one category; `categories` as typed ("gender=women"). */
  | { use: 'breakdown'; categories: string }
  /** Long layout: the column's values name a category of `dimension` on each row. */
  | { use: 'category'; dimension: string };

export interface MappingDraft {
  periodColumn: string;
  /** null: no count column, add up the breakdown columns. */
  countColumn: string | null;
  /** A choice for every column of the header (those used as the month or the count are skipped). */
  columns: Record<string, ColumnChoice>;
}

const PERIOD_NAMES = /^(month|months|period|date|mese|mes|mois|periodo|période|data|year[_ -]?month|yyyy[_ -]?mm)$/i;
const PERIOD_PARTS = /(month|period|date|mese)/i;
const COUNT_NAMES = /^(total|totals|totale|tot|count|counts|sum|number|n|value|total[_ -]?count)$/i;
const COUNT_PARTS = /(total|count)/i;
const MONTH_VALUE = /^(\d{4}-\d{2}(-\d{2})?|\d{1,2}\/\d{4})$/;
const NUMBER_VALUE = /^-?\d+([.,]\d+)?$/;

function valuesOf(preview: Pick<CsvPreview, 'header' | 'rows'>, column: number): string[] {
  return preview.rows.map((row) => row[column] ?? '').filter((v) => v !== '');
}

/** A dimension name from a column name: "Site_Name" -> "site name". */
function dimensionName(column: string): string {
  return column.replace(/[_]+/g, ' ').trim().toLowerCase() || column;
}

/**
 * A first guess of the mapping from the header and the first rows: the month column by its name (or its values),
 * the count column by its name ("total", "count") or as the only number left, each other column a breakdown when
 * its name suggests categories, a category column when its values are words, otherwise ignored.
 */
export function guessMapping(preview: Pick<CsvPreview, 'header' | 'rows'>): MappingDraft {
  const { header } = preview;
  const named = (test: (name: string, index: number) => boolean) => header.findIndex((n, i) => test(n, i));

  let period = named((n) => PERIOD_NAMES.test(n.trim()));
  if (period < 0) period = named((n) => PERIOD_PARTS.test(n));
  if (period < 0) {
    period = named((_, i) => {
      const values = valuesOf(preview, i);
      return values.length > 0 && values.every((v) => MONTH_VALUE.test(v));
    });
  }
  if (period < 0) period = 0;
  const periodColumn = header[period] ?? '';

  const columns: Record<string, ColumnChoice> = {};
  const numeric = (i: number) => {
    const values = valuesOf(preview, i);
    return values.length === 0 || values.every((v) => NUMBER_VALUE.test(v));
  };
  header.forEach((name, i) => {
    if (i === period) return (columns[name] = { use: 'ignore' });
    const categories = guessCategories(name);
    if (categories && numeric(i)) columns[name] = { use: 'breakdown', categories: formatCategories(categories) };
    else if (!numeric(i)) columns[name] = { use: 'category', dimension: dimensionName(name) };
    else columns[name] = { use: 'ignore' };
  });

  const others = header.map((n, i) => ({ n, i })).filter(({ i }) => i !== period);
  let count =
    others.find(({ n }) => COUNT_NAMES.test(n.trim())) ??
    others.find(({ n, i }) => COUNT_PARTS.test(n) && columns[n].use !== 'breakdown' && numeric(i));
  const breakdowns = others.filter(({ n }) => columns[n].use === 'breakdown');
  if (!count && breakdowns.length === 0) count = others.find(({ n, i }) => columns[n].use === 'ignore' && numeric(i));
  if (count) columns[count.n] = { use: 'ignore' };

  return { periodColumn, countColumn: count ? count.n : null, columns };
}

/** Sorted dimension names of a set of categories, as one comparable text. */
function dimensionsKey(categories: Record<string, string>): string {
  return Object.keys(categories).sort().join('\u0000');
}

function categoriesKey(categories: Record<string, string>): string {
  return JSON.stringify(Object.entries(categories).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * The contract's mapping from the user's choices, or every problem with them (so all can be shown at once):
 * a month column; a count column or at least one breakdown column to add up; categories typed as
 * "dimension=value" pairs, the same dimensions on every breakdown column and no two columns for the same
 * categories; each category column with a name that no other column gives.
 */
export function buildMapping(
  draft: MappingDraft,
  header: string[],
  outputId: string,
  replaceExisting: boolean,
): { ok: true; mapping: CsvRecordMapping } | { ok: false; problems: MappingProblem[] } {
  const problems: MappingProblem[] = [];
  const inHeader = new Set(header);
  if (!inHeader.has(draft.periodColumn)) problems.push({ key: 'periodMissing' });
  const countColumn = draft.countColumn !== null && inHeader.has(draft.countColumn) ? draft.countColumn : null;
  if (countColumn !== null && countColumn === draft.periodColumn) {
    problems.push({ key: 'countIsPeriod', column: countColumn, params: { column: countColumn } });
  }

  const breakdownColumns: CsvRecordMapping['breakdownColumns'] = [];
  const categoryColumns: CsvRecordMapping['categoryColumns'] = [];
  for (const column of header) {
    if (column === draft.periodColumn || column === countColumn) continue;
    const choice = draft.columns[column] ?? { use: 'ignore' };
    if (choice.use === 'breakdown') {
      const parsed = parseCategories(choice.categories);
      if (parsed.ok) breakdownColumns.push({ column, categories: parsed.categories });
      else problems.push({ ...parsed.problem, column, params: { ...parsed.problem.params, column } });
    } else if (choice.use === 'category') {
      const dimension = choice.dimension.trim();
      if (dimension === '') problems.push({ key: 'dimensionEmpty', column, params: { column } });
      else if (dimension.length > MAX_CATEGORY_LENGTH)
        problems.push({ key: 'categoriesTooLong', column, params: { column, max: String(MAX_CATEGORY_LENGTH) } });
      else categoryColumns.push({ column, dimension });
    }
  }

  if (countColumn === null && breakdownColumns.length === 0) problems.push({ key: 'needCount' });

  if (breakdownColumns.length > 1) {
    const first = dimensionsKey(breakdownColumns[0].categories);
    const odd = breakdownColumns.find((b) => dimensionsKey(b.categories) !== first);
    if (odd) {
      problems.push({
        key: 'mixedDimensions',
        column: odd.column,
        params: {
          column: odd.column,
          first: breakdownColumns[0].column,
          dimensions: Object.keys(breakdownColumns[0].categories).join(', '),
        },
      });
    }
    const seen = new Map<string, string>();
    for (const b of breakdownColumns) {
      const key = categoriesKey(b.categories);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        problems.push({ key: 'sameCategories', column: b.column, params: { column: b.column, other: earlier } });
      } else seen.set(key, b.column);
    }
  }

  const wideDimensions = new Set(breakdownColumns.flatMap((b) => Object.keys(b.categories)));
  const longDimensions = new Map<string, string>();
  for (const c of categoryColumns) {
    const other = longDimensions.get(c.dimension);
    if (other !== undefined || wideDimensions.has(c.dimension)) {
      problems.push({
        key: 'dimensionTwice',
        column: c.column,
        params: { column: c.column, dimension: c.dimension },
      });
    }
    longDimensions.set(c.dimension, c.column);
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    mapping: {
      outputId,
      periodColumn: draft.periodColumn,
      countColumn,
      breakdownColumns,
      categoryColumns,
      replaceExisting,
    },
  };
}
