/**
 * The cells of a cost line (an Input): how each is shown and edited in the user's locale, how typed or
 * pasted text becomes a value (numbers through parseLocaleNumber, stakeholders matched by name, kinds by
 * name), and how a pasted block is checked as a whole before anything is saved.
 *
 * No money is added up here: values come from the engine (inputAmount, and the investment result).
 */
import { inputAmount } from '../../../shared/engine/investment';
import { formatDecimal, formatForEditing, parseLocaleNumber, numberStyle } from '../../../shared/format/locale';
import type { Input, Project } from '../../../shared/model';
import type * as SchemaModule from '../../../shared/model/schema';
import { dec } from '../../../shared/money/decimal';
import { parseClipboardTable } from './clipboard';

export const INPUT_FIELDS = [
  'description',
  'stakeholder',
  'kind',
  'category',
  'funder',
  'year',
  'amount',
  'hours',
  'hourlyRate',
  'notes',
] as const;
export type InputField = (typeof INPUT_FIELDS)[number];
export type Kind = Input['kind'];
export const KINDS: readonly Kind[] = ['cash', 'in-kind', 'volunteer'];

export type Translate = (key: string, options?: Record<string, unknown>) => string;

export interface CellContext {
  project: Project;
  locale: string;
  t: Translate;
}

export type CellOutcome = { ok: true; input: Input } | { ok: false; message: string };

const KIND_KEY: Record<Kind, string> = { cash: 'cash', 'in-kind': 'inKind', volunteer: 'volunteer' };

export const fieldLabel = (field: InputField, t: Translate) => t(`inputsGrid.columns.${field}`);
export const kindLabel = (kind: Kind, t: Translate) => t(`inputsGrid.kinds.${KIND_KEY[kind]}`);

/** Switching an input's kind keeps what can be kept: the amount, or hours x rate. */
export function withKind(input: Input, kind: Kind): Input {
  if (input.kind === kind) return input;
  const base = {
    id: input.id,
    stakeholderId: input.stakeholderId,
    description: input.description,
    category: input.category,
    funder: input.funder,
    year: input.year,
    notes: input.notes,
  };
  const amount = input.kind === 'volunteer' ? '0' : input.amount;
  if (kind === 'volunteer') return { ...base, kind, hours: '0', hourlyRate: '0', rateSource: '' };
  if (kind === 'in-kind') return { ...base, kind, amount, valuationSource: '' };
  return { ...base, kind, amount };
}

/** A new cash line from the first stakeholder group, in year 1, with no description yet. */
export function blankInput(ctx: CellContext, id: string): Input | null {
  const first = ctx.project.stakeholders[0];
  if (!first) return null;
  return {
    id,
    kind: 'cash',
    stakeholderId: first.id,
    description: '',
    category: ctx.t('inputsGrid.defaultCategory'),
    funder: '',
    year: 1,
    notes: '',
    amount: '0',
  };
}

const normal = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** "cash", "In kind", "in-kind", "Volunteer time", "volunteers"... */
export function matchKind(text: string, t: Translate): Kind | null {
  const n = normal(text);
  const extra: Record<Kind, string[]> = {
    cash: [],
    'in-kind': ['inkind', 'in kind donation', 'donated'],
    volunteer: ['volunteers', 'volunteer hours', 'volunteering', 'volunteer time'],
  };
  for (const kind of KINDS) {
    const names = [kind, kindLabel(kind, t), ...extra[kind]].map(normal);
    if (names.includes(n)) return kind;
  }
  return null;
}

/** A stakeholder group by id, or by name (any case and spacing). */
export function matchStakeholder(text: string, project: Project): string | null {
  const byId = project.stakeholders.find((s) => s.id === text);
  if (byId) return byId.id;
  const n = normal(text);
  return project.stakeholders.find((s) => normal(s.name) === n)?.id ?? null;
}

/** Decimal places to show a number such as hours with (what it has, at most 4). */
function placesOf(value: string): number {
  const fraction = value.split('.')[1] ?? '';
  return Math.min(fraction.length, 4);
}

/** Read a number as the user types it; a currency code or sign around it is allowed ("80.000,00 €"). */
function readNumber(text: string, ctx: CellContext): { ok: true; value: string } | { ok: false; message: string } {
  const currency = ctx.project.currency.replace(/[^A-Za-z]/g, '');
  const cleaned = text
    .replace(new RegExp(`\\b${currency}\\b`, 'gi'), '')
    .replace(/[€$£]/g, '')
    .trim();
  if (cleaned === '') return { ok: true, value: '0' };
  const parsed = parseLocaleNumber(cleaned, ctx.locale);
  if (!parsed.ok) {
    return {
      ok: false,
      message: ctx.t('inputsGrid.problems.notANumber', {
        decimal: numberStyle(ctx.locale).decimal,
        example: formatDecimal('1234.5', 2, ctx.locale),
      }),
    };
  }
  if (dec(parsed.value).isNegative()) return { ok: false, message: ctx.t('inputsGrid.problems.negative') };
  return parsed;
}

/**
 * Put the text typed or pasted into one cell of a line. Checks the cell only; `checkLine` checks the line.
 * An empty number is 0; an empty description or category is refused.
 */
export function applyField(input: Input, field: InputField, text: string, ctx: CellContext): CellOutcome {
  const { t } = ctx;
  const label = fieldLabel(field, t);
  const trimmed = text.trim();
  switch (field) {
    case 'description':
    case 'category':
      if (trimmed === '') return { ok: false, message: t(`inputsGrid.problems.${field}Required`) };
      return { ok: true, input: { ...input, [field]: trimmed } };
    case 'funder':
      return { ok: true, input: { ...input, funder: trimmed } };
    case 'notes':
      return { ok: true, input: { ...input, notes: text } };
    case 'stakeholder': {
      if (trimmed === '') return { ok: false, message: t('inputsGrid.problems.stakeholderRequired') };
      const id = matchStakeholder(trimmed, ctx.project);
      if (!id) {
        return {
          ok: false,
          message: t('inputsGrid.problems.unknownStakeholder', {
            name: trimmed,
            names: ctx.project.stakeholders.map((s) => `“${s.name}”`).join(', '),
          }),
        };
      }
      return { ok: true, input: { ...input, stakeholderId: id } };
    }
    case 'kind': {
      const kind = matchKind(trimmed, t);
      if (!kind) return { ok: false, message: t('inputsGrid.problems.unknownKind', { text: trimmed }) };
      return { ok: true, input: withKind(input, kind) };
    }
    case 'year': {
      const number = trimmed === '' ? null : readNumber(trimmed, ctx);
      if (
        !number ||
        !number.ok ||
        !dec(number.value).isInteger() ||
        dec(number.value).lt(1) ||
        dec(number.value).gt(100)
      ) {
        return { ok: false, message: t('inputsGrid.problems.year') };
      }
      return { ok: true, input: { ...input, year: dec(number.value).toNumber() } };
    }
    case 'amount': {
      if (input.kind === 'volunteer') return { ok: false, message: t('inputsGrid.readOnly.volunteerAmount') };
      const number = readNumber(text, ctx);
      return number.ok ? { ok: true, input: { ...input, amount: number.value } } : number;
    }
    case 'hours':
    case 'hourlyRate': {
      if (input.kind !== 'volunteer') return { ok: false, message: t('inputsGrid.readOnly.onlyVolunteer', { label }) };
      const number = readNumber(text, ctx);
      return number.ok ? { ok: true, input: { ...input, [field]: number.value } } : number;
    }
  }
}

/** The model's schema, loaded when first needed, so the grid does not add zod to the JavaScript the app starts with. */
let schemaModule: Promise<typeof SchemaModule> | null = null;
const loadSchema = () => (schemaModule ??= import('../../../shared/model/schema'));

/** The model's own rules for a whole line (lengths, ranges), with the column they concern. */
export async function checkLine(
  input: Input,
  ctx: CellContext,
): Promise<{ field: InputField | null; message: string } | null> {
  const { Input: schema } = await loadSchema();
  const parsed = schema.safeParse(input);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const path = String(issue.path[0] ?? '');
  const field: InputField | null =
    path === 'stakeholderId'
      ? 'stakeholder'
      : (INPUT_FIELDS as readonly string[]).includes(path)
        ? (path as InputField)
        : path === 'rateSource' || path === 'valuationSource'
          ? 'notes'
          : null;
  const label = field ? fieldLabel(field, ctx.t) : path;
  return { field, message: `${label} ${issue.message}` };
}

/** Put one typed cell into a line and check the whole line (a line without a description is a draft). */
export async function applyCell(input: Input, field: InputField, text: string, ctx: CellContext): Promise<CellOutcome> {
  const outcome = applyField(input, field, text, ctx);
  if (!outcome.ok) return outcome;
  const draft = outcome.input.description.trim() === '';
  const problem = await checkLine(draft ? { ...outcome.input, description: '-' } : outcome.input, ctx);
  return problem ? { ok: false, message: problem.message } : outcome;
}

/** The value of a line: the engine's amount (hours x rate for volunteer time). */
export function lineValue(input: Input, ctx: CellContext): string {
  return inputAmount(input, ctx.project.currency).value.toFixed();
}

/** The text a cell is edited and copied as. */
export function cellText(input: Input, field: InputField, ctx: CellContext): string {
  const number = (v: string) => formatForEditing(v, ctx.locale);
  switch (field) {
    case 'description':
    case 'category':
    case 'funder':
    case 'notes':
      return input[field];
    case 'stakeholder':
      return input.stakeholderId;
    case 'kind':
      return input.kind;
    case 'year':
      return String(input.year);
    case 'amount':
      return input.kind === 'volunteer' ? number(lineValue(input, ctx)) : number(input.amount);
    case 'hours':
      return input.kind === 'volunteer' ? number(input.hours) : '';
    case 'hourlyRate':
      return input.kind === 'volunteer' ? number(input.hourlyRate) : '';
  }
}

/** What a cell shows (numbers grouped, money with two decimals). */
export function cellDisplay(input: Input, field: InputField, ctx: CellContext): string {
  const { locale } = ctx;
  switch (field) {
    case 'stakeholder':
      return ctx.project.stakeholders.find((s) => s.id === input.stakeholderId)?.name ?? '';
    case 'kind':
      return kindLabel(input.kind, ctx.t);
    case 'amount':
      return formatDecimal(input.kind === 'volunteer' ? lineValue(input, ctx) : input.amount, 2, locale);
    case 'hours':
      return input.kind === 'volunteer' ? formatDecimal(input.hours, placesOf(input.hours), locale) : '';
    case 'hourlyRate':
      return input.kind === 'volunteer' ? formatDecimal(input.hourlyRate, 2, locale) : '';
    default:
      return cellText(input, field, ctx);
  }
}

/** Why a cell of this line cannot be typed into, or null. */
export function readOnlyReason(input: Input, field: InputField, ctx: CellContext): string | null {
  if (field === 'amount' && input.kind === 'volunteer') return ctx.t('inputsGrid.readOnly.volunteerAmount');
  if ((field === 'hours' || field === 'hourlyRate') && input.kind !== 'volunteer') {
    return ctx.t('inputsGrid.readOnly.onlyVolunteer', { label: fieldLabel(field, ctx.t) });
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// Paste

export interface PasteProblem {
  /** Line number in the grid (1 = first line); for a new line, the number it would have had. */
  line: number;
  isNew: boolean;
  /** The line's id when it exists (to mark its cell), else null. */
  rowId: string | null;
  field: InputField | null;
  text: string;
  message: string;
}

export interface PasteWrite {
  line: number;
  item: Input;
  /** What the line was before (null for a new line). */
  before: Input | null;
}

export interface PastePlan {
  problems: PasteProblem[];
  writes: PasteWrite[];
}

/**
 * Check a pasted block as a whole. It starts at the given line and column; lines past the last one are new
 * lines. Either every line is good (and `writes` says what to save) or `problems` lists every problem found;
 * nothing is to be saved then. A first row made of column names (a copied header row) is skipped.
 */
export async function planPaste(
  clipboard: string,
  at: { line: number; field: InputField },
  lines: readonly Input[],
  draft: Input | null,
  ctx: CellContext,
  newId: () => string,
): Promise<PastePlan> {
  const { t } = ctx;
  let cells = parseClipboardTable(clipboard);
  const fields = INPUT_FIELDS.slice(INPUT_FIELDS.indexOf(at.field));
  const problems: PasteProblem[] = [];
  const writes: PasteWrite[] = [];
  if (cells.length === 0) return { problems, writes };

  const headers = new Set(INPUT_FIELDS.map((f) => normal(fieldLabel(f, t))));
  const first = cells[0].filter((c) => c.trim() !== '');
  if (first.length >= 2 && first.every((c) => headers.has(normal(c.replace(/\(.*\)$/, ''))))) cells = cells.slice(1);

  const planRow = async (rowCells: string[], offset: number): Promise<void> => {
    const index = at.line - 1 + offset;
    const existing = lines[index] ?? null;
    const line = index + 1;
    const problem = (field: InputField | null, text: string, message: string): void => {
      problems.push({ line, isNew: !existing, rowId: existing?.id ?? null, field, text, message });
    };

    if (rowCells.every((c) => c.trim() === '')) return; // an empty row in the block: nothing to do
    const extra = rowCells.slice(fields.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      problem(null, extra.join(' | '), t('inputsGrid.problems.tooManyColumns', { count: fields.length }));
    }
    const base = existing ?? (index === lines.length && draft ? draft : blankInput(ctx, newId()));
    if (!base) return problem(null, '', t('inputsGrid.needStakeholder'));
    const given = new Map<InputField, string>();
    fields.forEach((field, i) => {
      if (i < rowCells.length) given.set(field, rowCells[i]);
    });

    let item: Input = base;
    const before = problems.length;
    const put = (field: InputField, text: string) => {
      const outcome = applyField(item, field, text, ctx);
      if (outcome.ok) item = outcome.input;
      else problem(field, text, outcome.message);
    };
    // The kind first: it decides whether the line has an amount or hours and a rate.
    const kindText = given.get('kind');
    if (kindText !== undefined && kindText.trim() !== '') put('kind', kindText);
    for (const [field, text] of given) {
      if (field === 'kind' || field === 'amount') continue;
      const blank = text.trim() === '';
      // An empty cell leaves a new line's default (first group, General, year 1) as it is.
      if (blank && !existing && (field === 'stakeholder' || field === 'category' || field === 'year')) continue;
      if (blank && existing && (field === 'stakeholder' || field === 'year')) continue;
      if ((field === 'hours' || field === 'hourlyRate') && item.kind !== 'volunteer') {
        const number = readNumber(text, ctx);
        if (blank || (number.ok && dec(number.value).isZero())) continue;
      }
      put(field, text);
    }
    const amountText = given.get('amount');
    if (amountText !== undefined) {
      if (item.kind !== 'volunteer') put('amount', amountText);
      else if (amountText.trim() !== '') {
        // A copied volunteer line has its value in Amount: accept it when it is hours x rate.
        const number = readNumber(amountText, ctx);
        if (!number.ok) problem('amount', amountText, number.message);
        else if (!dec(number.value).eq(dec(lineValue(item, ctx)))) {
          problem('amount', amountText, t('inputsGrid.problems.volunteerAmount'));
        }
      }
    }
    if (problems.length > before) return;
    if (item.description.trim() === '') return problem('description', '', t('inputsGrid.problems.descriptionRequired'));
    const broken = await checkLine(item, ctx);
    if (broken) return problem(broken.field, broken.field ? (given.get(broken.field) ?? '') : '', broken.message);
    if (existing && JSON.stringify(existing) === JSON.stringify(item)) return;
    writes.push({ line, item, before: existing });
  };
  for (const [offset, rowCells] of cells.entries()) await planRow(rowCells, offset);
  return { problems, writes: problems.length > 0 ? [] : writes };
}
