/**
 * The interface side of "Import cost lines": a quick look at the file (header and first rows, for the preview),
 * a first guess of which column holds what (by the columns' names, in the interface's languages), and the
 * checks that turn the user's choices into the contract's InputsMapping. The backend reads and checks every
 * row again and imports all or nothing; this module only prepares the question.
 *
 * Pure functions, no DOM (tests/exchange/inputs-mapping.test.ts).
 */
import type { InputsMapping } from '../../../shared/ipc/contract';
import type { Project } from '../../../shared/model';

export const INPUT_COLUMNS = [
  'description',
  'amount',
  'stakeholder',
  'kind',
  'category',
  'funder',
  'year',
  'hours',
  'hourlyRate',
  'source',
  'notes',
] as const;
export type InputColumn = (typeof INPUT_COLUMNS)[number];

export interface TablePreview {
  header: string[];
  /** The first data rows, cells trimmed, each with its line number in the file (or row in the sheet). */
  rows: Array<{ line: number; cells: string[] }>;
  /** Data rows in the file (rows with only empty values are not counted, as in the import). */
  rowCount: number;
}

function delimiterOf(text: string): string {
  const counts: Record<string, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch in counts) counts[ch]++;
  }
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return counts[';'] > counts[','] ? ';' : ',';
}

/**
 * The header and the first `keep` rows of CSV text (',' ';' or tab, quotes understood, any line ending), and
 * how many rows there are. Never throws.
 */
export function previewTable(text: string, keep = 5): TablePreview {
  const body = text.replace(/^\ufeff/, '');
  const delimiter = delimiterOf(body.replace(/^\s+/, ''));
  const kept: Array<{ line: number; cells: string[] }> = [];
  let rowCount = -1;
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    cells.push(cell.trim());
    cell = '';
    if (!cells.every((c) => c === '')) {
      rowCount++;
      if (kept.length < keep + 1) kept.push({ line: rowLine, cells });
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
      } else {
        if (ch === '\n' || (ch === '\r' && body[i + 1] !== '\n')) line++;
        cell += ch;
      }
    } else if (ch === '"') inQuotes = true;
    else if (ch === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) endRow();
  const [header, ...rows] = kept;
  return { header: header?.cells ?? [], rows, rowCount: Math.max(rowCount, 0) };
}

/** Column names that suggest each field (English and the interface's other languages), tried in order. */
const NAMES: Array<[InputColumn, RegExp]> = [
  ['hourlyRate', /(hourly|per hour|rate|tariff|tarifa|taux|€ ?\/ ?h|costo orario|valor hora)/i],
  ['hours', /^(hours?|hrs?|ore|horas|heures|number of hours|volunteer hours)$/i],
  ['funder', /(funder|funded by|funding|source of funds|financ|donor|paid by|payer|sponsor)/i],
  ['stakeholder', /(stakeholder|contributed by|contributor|partner|\bgroup\b|^who\b)/i],
  ['kind', /^(kind|type|cash ?\/ ?in.?kind|nature|tipo|tipologia)$/i],
  ['category', /(categor|cost type|type of cost|budget line|budget heading|heading|voce|rubrique)/i],
  ['year', /^(year|yr|anno|año|ano|année|budget year|year of activity)$/i],
  ['source', /(source|valuation|basis|how valued|fonte)/i],
  ['notes', /(notes?|comments?|remarks?|observa|osserva)/i],
  ['amount', /(amount|cost|value|total|budget|sum|eur|gbp|usd|€|£|importo|valor|montant|spesa)/i],
  ['description', /(descri|item|cost line|line|expense|expenditure|what|name|voce di spesa|concepto|libellé)/i],
];

const NUMBER_LIKE = /^[-(]?[€$£]?\s?\d[\d.,\s']*\)?\s?(€|EUR|GBP|USD)?$/i;

export interface InputsDraft {
  columns: Record<InputColumn, string | null>;
  defaults: InputsMapping['defaults'];
  numberFormat: InputsMapping['numberFormat'];
  createStakeholders: boolean;
  replaceExisting: boolean;
}

/** "1.234,56" or "1234,5": a comma for decimals. "1,234.56" or "1234.5": a point. Null when nothing says. */
export function guessNumberFormat(values: string[]): InputsMapping['numberFormat'] | null {
  for (const v of values) {
    const s = v.replace(/[^\d.,]/g, '');
    if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) || /^\d+,\d{1,2}$/.test(s)) return 'comma';
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) || /^\d+\.\d{1,2}$/.test(s)) return 'point';
  }
  return null;
}

/**
 * A first guess from the header and the first rows. Each column is given to at most one field; the
 * description falls back to the first column of words, the amount to the first column of numbers.
 */
export function guessInputsMapping(
  preview: Pick<TablePreview, 'header' | 'rows'>,
  project: Pick<Project, 'stakeholders'>,
  options: { defaultCategory: string; localeDecimal: '.' | ',' },
): InputsDraft {
  const columns = Object.fromEntries(INPUT_COLUMNS.map((c) => [c, null])) as Record<InputColumn, string | null>;
  const used = new Set<string>();
  const valuesOf = (name: string) => {
    const index = preview.header.indexOf(name);
    return preview.rows.map((r) => r.cells[index] ?? '').filter((v) => v !== '');
  };
  const numeric = (name: string) => {
    const values = valuesOf(name);
    return values.length > 0 && values.every((v) => NUMBER_LIKE.test(v));
  };
  for (const [field, pattern] of NAMES) {
    const match = preview.header.find((name) => name !== '' && !used.has(name) && pattern.test(name.trim()));
    if (match === undefined) continue;
    // A numeric field's column must hold some numbers ("Amount" may have a typo in a row; "Amount in words" none).
    const numbers = valuesOf(match);
    if (
      (field === 'amount' || field === 'hours' || field === 'hourlyRate') &&
      numbers.length > 0 &&
      !numbers.some((v) => NUMBER_LIKE.test(v))
    )
      continue;
    columns[field] = match;
    used.add(match);
  }
  if (columns.description === null) {
    columns.description = preview.header.find((n) => n !== '' && !used.has(n) && !numeric(n)) ?? null;
    if (columns.description) used.add(columns.description);
  }
  if (columns.amount === null) {
    columns.amount = preview.header.find((n) => n !== '' && !used.has(n) && numeric(n)) ?? null;
  }
  const sample = columns.amount ? valuesOf(columns.amount) : [];
  return {
    columns,
    defaults: {
      stakeholderId: project.stakeholders[0]?.id ?? null,
      kind: 'cash',
      category: options.defaultCategory,
      year: 1,
    },
    numberFormat: guessNumberFormat(sample) ?? (options.localeDecimal === ',' ? 'comma' : 'point'),
    createStakeholders: project.stakeholders.length === 0,
    replaceExisting: false,
  };
}

export type DraftProblem = 'needDescription' | 'needAmount' | 'needStakeholder';

/** The contract's mapping, or what is still missing (shown before anything is sent). */
export function buildInputsMapping(
  draft: InputsDraft,
  header: string[],
): { ok: true; mapping: InputsMapping } | { ok: false; problems: DraftProblem[] } {
  const inHeader = (c: string | null) => (c !== null && header.includes(c) ? c : null);
  const columns = Object.fromEntries(INPUT_COLUMNS.map((c) => [c, inHeader(draft.columns[c])])) as Record<
    InputColumn,
    string | null
  >;
  const problems: DraftProblem[] = [];
  if (columns.description === null) problems.push('needDescription');
  if (columns.amount === null && (columns.hours === null || columns.hourlyRate === null)) problems.push('needAmount');
  if (columns.stakeholder === null && draft.defaults.stakeholderId === null) problems.push('needStakeholder');
  if (problems.length > 0 || columns.description === null) return { ok: false, problems };
  return {
    ok: true,
    mapping: {
      columns: { ...columns, description: columns.description },
      defaults: { ...draft.defaults, category: draft.defaults.category.trim() || 'General' },
      numberFormat: draft.numberFormat,
      createStakeholders: draft.createStakeholders,
      replaceExisting: draft.replaceExisting,
    },
  };
}
