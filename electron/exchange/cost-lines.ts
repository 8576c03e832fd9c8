/**
 * Cost lines (the project's inputs) from a spreadsheet: CSV or a sheet of an .xlsx workbook, through a column
 * mapping. Every row is checked; the result is either every line, ready to save, or every problem with its line
 * (or row) number and column, and nothing to save. Saving is the service's job (one transaction).
 *
 * Numbers typed as text follow the mapping's number format ("1,234.56" or "1.234,56"); a currency sign or code
 * around them is allowed ("EUR 80.000,00"). Numbers a workbook stores as numbers are taken as they are. A year
 * may be the year of activity (1, 2, ...) or a calendar year (2025), counted from the project's first year.
 */
import { randomUUID } from 'node:crypto';
import type { InputsMapping } from '../../shared/ipc/contract';
import { AppFailure, type FieldProblem } from '../../shared/ipc/result';
import { Input, type Project, type StakeholderGroup } from '../../shared/model';
import { parseLocaleNumber } from '../../shared/format/locale';
import { canonical, dec } from '../../shared/money/decimal';
import { cellText, UnreadableRow, type RawCell, type RawRow, type RowSource } from './rows';

/** More cost lines than this in one file is not a budget: refuse it rather than fill the project. */
export const MAX_COST_LINES = 10_000;
/** Row problems listed; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 100;
const MAX_NUMBER_LENGTH = 28;

type Field = keyof InputsMapping['columns'];
type Kind = Input['kind'];

const FIELD_WORDS: Record<Field, string> = {
  description: 'the description',
  amount: 'the amount',
  stakeholder: 'the stakeholder group',
  kind: 'the kind (cash, in kind, volunteer time)',
  category: 'the category',
  funder: 'the funder',
  year: 'the year',
  hours: 'the hours',
  hourlyRate: 'the hourly rate',
  source: 'the source of the value',
  notes: 'the notes',
};

export interface CostLinesResult {
  rowsRead: number;
  inputs: Input[];
  /** Groups to add first (createStakeholders), in the order they were met. */
  newStakeholders: StakeholderGroup[];
}

const normal = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

const KIND_NAMES: Record<Kind, string[]> = {
  cash: ['cash', 'money', 'cash grant', 'grant', 'funding'],
  'in-kind': ['in kind', 'inkind', 'in kind donation', 'donated', 'donation in kind', 'kind', 'goods in kind'],
  volunteer: ['volunteer', 'volunteers', 'volunteer time', 'volunteer hours', 'volunteering'],
};

export function matchKind(text: string): Kind | null {
  const n = normal(text);
  for (const kind of Object.keys(KIND_NAMES) as Kind[]) {
    if (KIND_NAMES[kind].includes(n)) return kind;
  }
  return null;
}

class Problems {
  readonly listed: FieldProblem[] = [];
  rows = 0;
  unlisted = 0;
  private lastLine = -1;

  constructor(private readonly unit: 'line' | 'row') {}

  add(line: number, column: string | null, message: string): void {
    if (line !== this.lastLine) {
      this.rows++;
      this.lastLine = line;
    }
    if (this.listed.length >= MAX_LISTED_PROBLEMS) {
      this.unlisted++;
      return;
    }
    const at = `${this.unit} ${line}`;
    this.listed.push({ path: at, where: column === null ? at : `${at}, column "${column}"`, message });
  }

  failure(fatal?: { line: number; message: string }): AppFailure {
    const fields = [...this.listed];
    if (fatal) {
      const at = `${this.unit} ${fatal.line}`;
      fields.push({ path: at, where: at, message: `${fatal.message}; the file could not be read further` });
    }
    if (this.unlisted > 0) {
      fields.push({
        path: 'more',
        where: `and ${this.unlisted} more`,
        message: `${this.unlisted} more problem${this.unlisted === 1 ? ' is' : 's are'} not listed; fix the ones above and import again`,
      });
    }
    const unitPlural = `${this.unit}s`;
    const rows = `${this.rows} ${this.rows === 1 ? `${this.unit} has` : `${unitPlural} have`} problems`;
    const message = fatal
      ? `The file could not be read past ${this.unit} ${fatal.line} (${fatal.message})${this.rows > 0 ? ` and ${rows} before it` : ''}; nothing was imported.`
      : `${rows}; nothing was imported.`;
    return new AppFailure('VALIDATION', message, fields);
  }
}

function mappingFailure(message: string, field: Field): AppFailure {
  return new AppFailure('VALIDATION', message, [
    { path: `mapping.columns.${field}`, where: FIELD_WORDS[field], message },
  ]);
}

/** The mapping on its own: what is needed, nothing chosen twice. */
export function checkInputsMapping(mapping: InputsMapping, project: Project): void {
  const { columns, defaults } = mapping;
  if (columns.amount === null && (columns.hours === null || columns.hourlyRate === null)) {
    throw mappingFailure(
      'Choose the column with the amount (or, for volunteer time, the columns with the hours and the hourly rate).',
      'amount',
    );
  }
  const claimed = new Map<string, Field>();
  for (const field of Object.keys(columns) as Field[]) {
    const column = columns[field];
    if (column === null) continue;
    const earlier = claimed.get(column);
    if (earlier !== undefined) {
      throw mappingFailure(
        `The column "${column}" is chosen for ${FIELD_WORDS[earlier]} and for ${FIELD_WORDS[field]}; choose it once.`,
        field,
      );
    }
    claimed.set(column, field);
  }
  if (defaults.stakeholderId !== null && !project.stakeholders.some((s) => s.id === defaults.stakeholderId)) {
    throw new AppFailure('VALIDATION', 'The stakeholder group chosen for the lines is not in this project.', [
      { path: 'mapping.defaults.stakeholderId', where: 'stakeholder group', message: 'is not in this project' },
    ]);
  }
  if (columns.stakeholder === null && defaults.stakeholderId === null) {
    throw mappingFailure(
      project.stakeholders.length === 0
        ? 'The project has no stakeholder groups yet: choose the column that names each line’s group (and let the import add the groups), or add a group first.'
        : 'Choose the column that names each line’s stakeholder group, or one group for all the lines.',
      'stakeholder',
    );
  }
}

type Plan = Record<Field, number | null>;

function quoted(names: string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

function planFor(mapping: InputsMapping, header: string[]): Plan {
  const positions = new Map<string, number[]>();
  header.forEach((name, i) => positions.set(name, [...(positions.get(name) ?? []), i]));
  const found = header.filter((n) => n !== '');
  const foundText = found.length > 0 ? quoted(found) : 'none';
  const problems: FieldProblem[] = [];
  const missing: string[] = [];
  const plan = {} as Plan;
  for (const field of Object.keys(mapping.columns) as Field[]) {
    const column = mapping.columns[field];
    if (column === null) {
      plan[field] = null;
      continue;
    }
    const at = positions.get(column);
    if (at === undefined) {
      const near = found.find((n) => n.toLowerCase() === column.toLowerCase());
      missing.push(column);
      problems.push({
        path: `mapping.columns.${field}`,
        where: `column "${column}"`,
        message: `is not in the file${near ? ` (did you mean "${near}"?)` : ''}; columns found: ${foundText}`,
      });
      plan[field] = null;
    } else if (at.length > 1) {
      problems.push({
        path: `mapping.columns.${field}`,
        where: `column "${column}"`,
        message: `appears ${at.length} times in the header; rename all but one`,
      });
      plan[field] = null;
    } else plan[field] = at[0];
  }
  if (problems.length > 0) {
    const message =
      missing.length > 0
        ? `The file has no column${missing.length > 1 ? 's' : ''} ${quoted(missing)}. Columns found: ${foundText}. Check the header line or the column choices.`
        : problems.map((p) => `The ${p.where} ${p.message}.`).join(' ');
    throw new AppFailure('VALIDATION', message, problems);
  }
  return plan;
}

type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

/** A money or hours cell: a number the sheet stored, or text in the mapping's number format. */
function readNumber(
  cell: RawCell | undefined,
  format: InputsMapping['numberFormat'],
  currency: string,
): Checked<string> {
  if (cell !== undefined && 'number' in cell) {
    if (dec(cell.number).isNegative())
      return { ok: false, message: `${cell.number} is negative; a cost cannot be below 0` };
    return { ok: true, value: cell.number };
  }
  const raw = cellText(cell);
  const cleaned = raw
    .replace(new RegExp(`\\b(${currency}|EUR|GBP|USD|CHF)\\b`, 'gi'), '')
    .replace(/[€$£¥]/g, '')
    .trim();
  if (cleaned === '') return { ok: false, message: 'is empty; write the amount, or 0' };
  const negative = /^-|^\(.*\)$/.test(cleaned);
  const body = cleaned.replace(/^\((.*)\)$/, '$1').replace(/^-\s*/, '');
  const parsed = parseLocaleNumber(body, format === 'comma' ? 'pt' : 'en');
  if (!parsed.ok) {
    const example = format === 'comma' ? '1.234,50 or 1234,50' : '1,234.50 or 1234.50';
    return { ok: false, message: `"${raw}" is not a number; write it as ${example}` };
  }
  if (parsed.value.replace(/[-.]/g, '').length > MAX_NUMBER_LENGTH) {
    return { ok: false, message: `"${raw}" has too many digits` };
  }
  if (negative && !dec(parsed.value).isZero())
    return { ok: false, message: `"${raw}" is negative; a cost cannot be below 0 (income is not a negative input)` };
  return { ok: true, value: parsed.value };
}

function readYear(cell: RawCell | undefined, project: Project): Checked<number> | null {
  const raw = cellText(cell).trim();
  if (raw === '') return null;
  const text = raw.replace(/^year\s*/i, '');
  if (!/^\d+(\.0+)?$/.test(text)) {
    return {
      ok: false,
      message: `"${raw}" is not a year; write 1 for the first year of activity (or a calendar year such as ${project.period.start.slice(0, 4)})`,
    };
  }
  const n = Number(text);
  if (n >= 1900 && n <= 2200) {
    const first = Number(project.period.start.slice(0, 4));
    const year = n - first + 1;
    if (year < 1) {
      return {
        ok: false,
        message: `${n} is before the project's first year (${first}); the project's period starts on ${project.period.start}`,
      };
    }
    if (year > 100)
      return { ok: false, message: `${n} is more than 100 years after the project's first year (${first})` };
    return { ok: true, value: year };
  }
  if (n < 1 || n > 100)
    return {
      ok: false,
      message: `${raw} is not a year of activity; write 1 for the first year, 2 for the second, ...`,
    };
  return { ok: true, value: n };
}

function limited(text: string, max: number): Checked<string> {
  return text.length > max ? { ok: false, message: `is longer than ${max} characters` } : { ok: true, value: text };
}

/**
 * Reads every row of `source` through `mapping`. Returns the lines to save, or throws AppFailure('VALIDATION')
 * listing every problem by line (or row) and column.
 */
export async function readCostLines(
  source: RowSource,
  mapping: InputsMapping,
  project: Project,
  newId: () => string = randomUUID,
): Promise<CostLinesResult> {
  checkInputsMapping(mapping, project);
  const problems = new Problems(source.unit);
  const iterator = source.rows[Symbol.asyncIterator]();
  const inputs: Input[] = [];
  const newStakeholders: StakeholderGroup[] = [];
  const known = new Map<string, string>();
  for (const s of project.stakeholders) {
    known.set(s.id, s.id);
    known.set(normal(s.name), s.id);
  }
  const stakeholderNames = project.stakeholders.map((s) => `"${s.name}"`).join(', ') || 'none yet';
  let rowsRead = 0;

  try {
    const first = await iterator.next();
    if (first.done) {
      throw new AppFailure(
        'VALIDATION',
        'The file is empty. It needs a header line with the column names, then one row per cost line.',
        [{ path: 'file', where: 'file', message: 'is empty' }],
      );
    }
    const header = first.value.cells.map((c) =>
      cellText(c)
        .replace(/^\ufeff/, '')
        .trim(),
    );
    const plan = planFor(mapping, header);
    const column = (field: Field) => mapping.columns[field] as string;

    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      const row: RawRow = next.value;
      rowsRead++;
      if (rowsRead > MAX_COST_LINES) {
        throw new AppFailure(
          'VALIDATION',
          `The file has more than ${MAX_COST_LINES.toLocaleString('en')} rows below its header. A project's cost lines are counted in tens or hundreds: is this the right file? Nothing was imported.`,
          [{ path: 'file', where: 'file', message: `has more than ${MAX_COST_LINES} rows` }],
        );
      }
      const before = problems.rows;
      const { line, cells } = row;
      const at = (field: Field): RawCell | undefined => {
        const index = plan[field];
        return index === null ? undefined : cells[index];
      };
      const text = (field: Field) => cellText(at(field)).trim();
      const problem = (field: Field | null, message: string) =>
        problems.add(line, field === null ? null : column(field), message);

      if (cells.length > header.length && cells.slice(header.length).some((c) => cellText(c) !== '')) {
        problem(
          null,
          `has ${cells.length} values but the header has ${header.length} columns; is there a delimiter inside a value?`,
        );
        continue;
      }

      // Description
      const description = limited(text('description'), 300);
      if (!description.ok) problem('description', description.message);
      else if (description.value === '') problem('description', 'is empty; every cost line needs a description');

      // Stakeholder group
      let stakeholderId: string | null = mapping.defaults.stakeholderId;
      const stakeholderText = plan.stakeholder === null ? '' : text('stakeholder');
      if (stakeholderText !== '') {
        const match = known.get(stakeholderText) ?? known.get(normal(stakeholderText));
        if (match !== undefined) stakeholderId = match;
        else if (mapping.createStakeholders) {
          const name = limited(stakeholderText, 200);
          if (!name.ok) problem('stakeholder', name.message);
          else {
            const group: StakeholderGroup = {
              id: newId(),
              name: name.value,
              size: null,
              involvement: '',
              peopleConsulted: null,
            };
            newStakeholders.push(group);
            known.set(normal(group.name), group.id);
            stakeholderId = group.id;
          }
        } else {
          problem(
            'stakeholder',
            `"${stakeholderText}" is not a stakeholder group of this project (groups: ${stakeholderNames}); add the group, or let the import add it`,
          );
        }
      } else if (stakeholderId === null) {
        problem(
          'stakeholder',
          'is empty; name the line’s stakeholder group, or choose one group for lines without one',
        );
      }

      // Kind
      let kind: Kind = mapping.defaults.kind;
      const kindText = plan.kind === null ? '' : text('kind');
      if (kindText !== '') {
        const matched = matchKind(kindText);
        if (matched === null)
          problem('kind', `"${kindText}" is not a kind of input; write cash, in kind or volunteer time`);
        else kind = matched;
      }

      // Category, funder, year, source, notes
      const categoryText = plan.category === null ? '' : text('category');
      const category = limited(categoryText === '' ? mapping.defaults.category : categoryText, 100);
      if (!category.ok) problem('category', category.message);
      const funder = limited(plan.funder === null ? '' : text('funder'), 200);
      if (!funder.ok) problem('funder', funder.message);
      let year = mapping.defaults.year;
      const readYearCell = plan.year === null ? null : readYear(at('year'), project);
      if (readYearCell !== null) {
        if (readYearCell.ok) year = readYearCell.value;
        else problem('year', readYearCell.message);
      }
      const source = limited(plan.source === null ? '' : text('source'), 500);
      if (!source.ok) problem('source', source.message);
      const notesText = plan.notes === null ? '' : cellText(at('notes'));
      const notes = limited(
        kind === 'cash' && source.ok && source.value !== ''
          ? [notesText, `Source: ${source.value}`].filter((s) => s !== '').join('\n')
          : notesText,
        2000,
      );
      if (!notes.ok) problem('notes', notes.message);

      // Amount, or hours x rate
      let amount: string | null = null;
      let hours: string | null = null;
      let hourlyRate: string | null = null;
      const number = (field: Field) => readNumber(at(field), mapping.numberFormat, project.currency);
      if (kind === 'volunteer') {
        if (plan.hours === null || plan.hourlyRate === null) {
          problem(
            plan.kind === null ? null : 'kind',
            'is volunteer time, which needs the hours and the hourly rate: choose their columns',
          );
        } else {
          const h = number('hours');
          const r = number('hourlyRate');
          if (!h.ok) problem('hours', h.message);
          else hours = h.value;
          if (!r.ok) problem('hourlyRate', r.message);
          else hourlyRate = r.value;
          const amountText = plan.amount === null ? '' : text('amount');
          if (hours !== null && hourlyRate !== null && amountText !== '') {
            const given = number('amount');
            const value = dec(hours).times(hourlyRate);
            if (given.ok && !dec(given.value).eq(value)) {
              problem(
                'amount',
                `${given.value} is not hours x hourly rate (${hours} x ${hourlyRate} = ${canonical(value)}); leave it empty or correct it`,
              );
            }
          }
        }
      } else if (plan.amount === null) {
        problem(
          plan.kind === null ? null : 'kind',
          `is ${kind === 'cash' ? 'cash' : 'in kind'}, which needs an amount: choose the amount column`,
        );
      } else {
        const a = number('amount');
        if (!a.ok) problem('amount', a.message);
        else amount = a.value;
      }

      if (
        problems.rows !== before ||
        stakeholderId === null ||
        !description.ok ||
        !category.ok ||
        !funder.ok ||
        !notes.ok ||
        !source.ok
      )
        continue;

      const base = {
        id: newId(),
        stakeholderId,
        description: description.value,
        category: category.value,
        funder: funder.value,
        year,
        notes: notes.value,
      };
      const item: Input =
        kind === 'volunteer'
          ? { ...base, kind, hours: hours ?? '0', hourlyRate: hourlyRate ?? '0', rateSource: source.value }
          : kind === 'in-kind'
            ? { ...base, kind, amount: amount ?? '0', valuationSource: source.value }
            : { ...base, kind, amount: amount ?? '0' };
      const checked = Input.safeParse(item);
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          const key = String(issue.path[0] ?? '');
          const field: Field | null =
            key === 'rateSource' || key === 'valuationSource'
              ? 'source'
              : key in mapping.columns
                ? (key as Field)
                : null;
          problem(
            field !== null && plan[field] !== null ? field : null,
            `${field ? FIELD_WORDS[field] : key} ${issue.message}`,
          );
        }
        continue;
      }
      if (problems.rows === 0) inputs.push(checked.data);
    }
  } catch (error) {
    if (error instanceof UnreadableRow) throw problems.failure({ line: error.line, message: error.reason });
    throw error;
  } finally {
    await iterator.return?.();
  }

  if (problems.rows > 0) throw problems.failure();
  if (rowsRead === 0) {
    throw new AppFailure('VALIDATION', 'The file has a header line but no rows; nothing was imported.', [
      { path: 'file', where: 'file', message: 'has a header line but no rows' },
    ]);
  }
  return { rowsRead, inputs, newStakeholders };
}
