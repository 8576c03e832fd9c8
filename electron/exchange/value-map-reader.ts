/**
 * An existing Value Map spreadsheet (Social Value International's template, one made by hand in its layout, or
 * a workbook written by SROI Studio) read into a new project, as far as its columns allow. Columns are found by
 * their headings ("Deadweight %", "Quantity", "Financial proxy" ... "Value"), not by position, because every
 * copy of the template differs a little. What is in the file but cannot be read is listed with its row; what
 * the file does not say is set to a stated default and listed too, so the user knows what to check.
 *
 * Read: stakeholders (and the number in each group), inputs (description and value, as cash in year 1; or
 * every cost line from SROI Studio's "Inputs by funder" sheet), outputs (as named outputs without counts),
 * outcomes with indicator, source, quantity, duration, start, proxy (description, value, source) and the four
 * adjustments, the discount rate and the year-one convention. Not read: computed columns (impact, years,
 * present values), which the app recalculates.
 */
import { randomUUID } from 'node:crypto';
import type ExcelJS from 'exceljs';
import { AppFailure } from '../../shared/ipc/result';
import {
  CURRENT_SCHEMA_VERSION,
  EMPTY_COST_EFFECTIVENESS,
  parseProjectFile,
  type Input,
  type Outcome,
  type Output,
  type Project,
  type StakeholderGroup,
} from '../../shared/model';
import { canonical, Dec } from '../../shared/money/decimal';
import { numberText, plainOf, textOf, type Plain } from './cells';
import { matchKind } from './cost-lines';

export interface ValueMapReading {
  project: Project;
  unreadable: string[];
  assumptions: string[];
  read: { stakeholders: number; inputs: number; outputs: number; outcomes: number };
}

export interface ReadOptions {
  fileName?: string;
  now?: Date;
  newId?: () => string;
}

type Role =
  | 'stakeholder'
  | 'size'
  | 'changes'
  | 'inputs'
  | 'inputsValue'
  | 'outputs'
  | 'outcome'
  | 'indicator'
  | 'source'
  | 'quantity'
  | 'duration'
  | 'start'
  | 'proxy'
  | 'proxyValue'
  | 'proxyModelValue'
  | 'proxySource'
  | 'deadweight'
  | 'displacement'
  | 'attribution'
  | 'dropOff';

type Section = 'stakeholder' | 'input' | 'output' | 'outcome' | 'proxy' | 'impact' | 'return' | null;

const ROLE_WORDS: Record<Role, string> = {
  stakeholder: 'stakeholders',
  size: 'number in each group',
  changes: 'intended/unintended changes',
  inputs: 'inputs',
  inputsValue: 'value of the inputs',
  outputs: 'outputs',
  outcome: 'outcome description',
  indicator: 'indicator',
  source: 'source of the evidence',
  quantity: 'quantity',
  duration: 'duration',
  start: 'outcomes start',
  proxy: 'financial proxy',
  proxyValue: 'value of the proxy',
  proxyModelValue: 'value of the proxy in model prices',
  proxySource: 'source of the proxy',
  deadweight: 'deadweight',
  displacement: 'displacement',
  attribution: 'attribution',
  dropOff: 'drop-off',
};

const HEADER_WORDS = [
  'stakeholder',
  'deadweight',
  'displacement',
  'attribution',
  'drop',
  'quantity',
  'proxy',
  'indicator',
  'duration',
  'impact',
  'outcome',
];
const SCAN_ROWS = 60;
const SCAN_COLUMNS = 120;
const MAX_DATA_ROWS = 2000;

const lower = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

function cellAt(sheet: ExcelJS.Worksheet, row: number, column: number): Plain {
  if (row < 1 || column < 1) return { kind: 'empty' };
  // findCell, not getCell: reading must not create cells across the whole scanned area.
  const cell = sheet.findCell(row, column);
  return cell === undefined ? { kind: 'empty' } : plainOf(cell);
}

function textAt(sheet: ExcelJS.Worksheet, row: number, column: number): string {
  const plain = cellAt(sheet, row, column);
  return plain.kind === 'text' ? plain.value.trim() : plain.kind === 'empty' ? '' : textOf(plain);
}

/** The row that names the columns: the one with most of the Value Map's words. */
function findHeaderRow(sheet: ExcelJS.Worksheet): { row: number; score: number } | null {
  let best: { row: number; score: number } | null = null;
  const rows = Math.min(sheet.rowCount, SCAN_ROWS);
  const columns = Math.min(sheet.columnCount, SCAN_COLUMNS);
  for (let r = 1; r <= rows; r++) {
    const found = new Set<string>();
    for (let c = 1; c <= columns; c++) {
      const text = lower(textAt(sheet, r, c));
      if (text === '') continue;
      for (const word of HEADER_WORDS) if (text.includes(word)) found.add(word);
    }
    if (found.size >= 3 && (best === null || found.size > best.score)) best = { row: r, score: found.size };
  }
  return best;
}

function sectionOf(text: string): Section {
  if (text === '') return null;
  if (/proxy/.test(text)) return 'proxy';
  if (/deadweight|displacement|attribution|drop.?off|establishing impact/.test(text)) return 'impact';
  if (/social return|calculating|present value|^year \d/.test(text)) return 'return';
  if (/outcome|what changes|indicator/.test(text)) return 'outcome';
  if (/output|summary of activity/.test(text)) return 'output';
  if (/input|invest/.test(text)) return 'input';
  if (/stakeholder/.test(text)) return 'stakeholder';
  return null;
}

/** Which column holds what, from the heading row and the group headings above it. */
function classifyColumns(sheet: ExcelJS.Worksheet, headerRow: number): Map<Role, number> {
  const roles = new Map<Role, number>();
  const columns = Math.min(sheet.columnCount, SCAN_COLUMNS);
  let section: Section = null;
  const take = (role: Role, column: number) => {
    if (!roles.has(role)) roles.set(role, column);
  };
  for (let c = 1; c <= columns; c++) {
    const own = lower(textAt(sheet, headerRow, c));
    const above = [headerRow - 1, headerRow - 2]
      .filter((r) => r >= 1)
      .map((r) => lower(textAt(sheet, r, c)))
      .join(' ')
      .trim();
    section = sectionOf(above) ?? sectionOf(own) ?? section;
    if (own === '') continue;
    const inSection = (s: Section) => section === s;
    if (/deadweight/.test(own)) take('deadweight', c);
    else if (/displacement/.test(own)) take('displacement', c);
    else if (/attribution/.test(own)) take('attribution', c);
    else if (/drop.?off|dropoff/.test(own)) take('dropOff', c);
    else if (/^impact\b/.test(own) || /^year\s*\d+$/.test(own) || /present value|discount/.test(own)) continue;
    else if (/duration|how long/.test(own)) take('duration', c);
    else if (/outcomes? start|^start|does it start/.test(own)) take('start', c);
    else if (/sample/.test(own)) continue;
    else if (/no\.? in group|number in group|in group|group size|^size\b|how many/.test(own)) take('size', c);
    else if (/quantity|amount of change|how much/.test(own))
      take(inSection('stakeholder') && !roles.has('size') ? 'size' : 'quantity', c);
    else if (/indicator|how would you measure/.test(own)) take('indicator', c);
    else if (/factor|currency and price year/.test(own)) continue;
    else if (/value in .*prices?/.test(own)) take('proxyModelValue', c);
    else if (/source|where did you get/.test(own)) {
      if (inSection('proxy') || /proxy/.test(own)) take('proxySource', c);
      else if (!inSection('input')) take('source', c);
    } else if (/value/.test(own)) {
      if (inSection('input') || /input/.test(own)) take('inputsValue', c);
      else if (inSection('proxy') || /proxy/.test(own)) take('proxyValue', c);
      else if (roles.has('inputs') && !roles.has('inputsValue') && !roles.has('outcome')) take('inputsValue', c);
      else take('proxyValue', c);
    } else if (/intended|unintended|changes/.test(own) && !/describe/.test(own)) take('changes', c);
    else if (/stakeholder/.test(own) && !/describe/.test(own)) take('stakeholder', c);
    else if (/output|summary of activity/.test(own)) take('outputs', c);
    else if (/input|what do they invest/.test(own)) take('inputs', c);
    else if (/proxy/.test(own) || (/description|what proxy/.test(own) && inSection('proxy'))) take('proxy', c);
    else if (/outcome|description|describe/.test(own)) take('outcome', c);
  }
  return roles;
}

/** A number from a cell, or why it is not one. */
function numberOf(plain: Plain): { value: Dec; percent: boolean } | { problem: string } | null {
  if (plain.kind === 'empty') return null;
  if (plain.kind === 'number') return { value: new Dec(numberText(plain.value)), percent: plain.percent };
  const raw = textOf(plain);
  const cleaned = raw.replace(/[€$£\s]/g, '').replace(/^(EUR|GBP|USD)/i, '');
  const percent = cleaned.endsWith('%');
  const body = percent ? cleaned.slice(0, -1) : cleaned;
  if (/^-?\d+(\.\d+)?$/.test(body)) return { value: new Dec(body), percent };
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) return { value: new Dec(body.replace(/,/g, '')), percent };
  if (/^-?\d+,\d+$/.test(body)) return { value: new Dec(body.replace(',', '.')), percent };
  return { problem: `"${raw.slice(0, 60)}" is not a number` };
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

interface Found {
  discountRate: string | null;
  convention: 'guide' | 'year0' | null;
}

/** The discount rate and the convention, wherever their labels are on the sheet. */
function findSettings(sheet: ExcelJS.Worksheet, notes: string[]): Found {
  const found: Found = { discountRate: null, convention: null };
  const rows = Math.min(sheet.rowCount, 2000);
  const columns = Math.min(sheet.columnCount, SCAN_COLUMNS);
  for (let r = 1; r <= rows; r++) {
    for (let c = 1; c <= columns; c++) {
      const text = lower(textAt(sheet, r, c));
      if (text === '' || cellAt(sheet, r, c).kind !== 'text') continue;
      if (found.discountRate === null && /discount rate/.test(text)) {
        const candidates = [...[1, 2, 3, 4].map((d) => cellAt(sheet, r, c + d)), cellAt(sheet, r + 1, c)];
        for (const candidate of candidates) {
          const n = numberOf(candidate);
          if (n === null) continue;
          if ('problem' in n) continue;
          let rate = n.value;
          if (n.percent && candidate.kind === 'text') rate = rate.div(100);
          else if (!n.percent && rate.gt(1)) rate = rate.div(100);
          if (rate.lt(0) || rate.gt(1)) {
            notes.push(`The discount rate on row ${r} (${n.value.toString()}) is not a rate between 0 % and 100 %.`);
            break;
          }
          found.discountRate = canonical(rate);
          break;
        }
      }
      if (found.convention === null && /year.?one convention/.test(text)) {
        for (let d = 1; d <= 3; d++) {
          const value = lower(textAt(sheet, r, c + d));
          if (value === 'guide' || value === 'year0') {
            found.convention = value;
            break;
          }
        }
      }
    }
  }
  return found;
}

const CURRENCY_SYMBOLS: Record<string, string> = { '€': 'EUR', '£': 'GBP', $: 'USD' };
const COMMON_CURRENCIES = [
  'EUR',
  'GBP',
  'USD',
  'CHF',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'CZK',
  'CAD',
  'AUD',
  'NZD',
  'ZAR',
  'BRL',
];

function currencyOf(headings: string[]): string | null {
  for (const h of headings) {
    const code = COMMON_CURRENCIES.find((c) => new RegExp(`\\b${c}\\b`).test(h));
    if (code) return code;
    for (const [symbol, c] of Object.entries(CURRENCY_SYMBOLS)) if (h.includes(symbol)) return c;
  }
  return null;
}

/** Cost lines from SROI Studio's own "Inputs by funder" sheet, when the workbook has one. */
function readInputsSheet(
  workbook: ExcelJS.Workbook,
  stakeholderId: (name: string) => string,
  newId: () => string,
  unreadable: string[],
): Input[] | null {
  for (const sheet of workbook.worksheets) {
    for (let r = 1; r <= Math.min(sheet.rowCount, 20); r++) {
      const headings = new Map<string, number>();
      for (let c = 1; c <= Math.min(sheet.columnCount, 30); c++) {
        const text = lower(textAt(sheet, r, c));
        if (text !== '') headings.set(text.replace(/\s*\(.*\)$/, ''), c);
      }
      if (!(
        headings.has('stakeholder') &&
        headings.has('description') &&
        headings.has('kind') &&
        headings.has('hours')
      ))
        continue;
      const col = (name: string) => headings.get(name);
      const inputs: Input[] = [];
      for (let row = r + 1; row <= sheet.rowCount; row++) {
        const stakeholder = textAt(sheet, row, col('stakeholder') as number);
        const description = textAt(sheet, row, col('description') as number);
        if (/^total$/i.test(stakeholder) || (stakeholder === '' && description === '')) break;
        const where = `"${sheet.name}" row ${row}`;
        const kind = matchKind(textAt(sheet, row, col('kind') as number));
        const number = (name: string) => {
          const at = col(name);
          const n = at === undefined ? null : numberOf(cellAt(sheet, row, at));
          return n === null || 'problem' in n || n.value.isNegative() ? null : canonical(n.value);
        };
        const yearNumber = number('year');
        const year = yearNumber === null ? null : Number(yearNumber);
        if (kind === null || description === '' || year === null || !Number.isInteger(year) || year < 1 || year > 100) {
          unreadable.push(
            `${where}: the cost line "${clip(description, 60)}" could not be read (kind, description or year)`,
          );
          continue;
        }
        const base = {
          id: newId(),
          stakeholderId: stakeholderId(stakeholder || 'Unnamed stakeholder'),
          description: clip(description, 300),
          category: clip(textAt(sheet, row, col('category') ?? 0) || 'Imported', 100),
          funder: clip(textAt(sheet, row, col('funder') ?? 0), 200),
          year,
          notes: clip(textAt(sheet, row, col('notes') ?? 0), 2000),
        };
        const source = clip(textAt(sheet, row, col('source of the value') ?? 0), 500);
        if (kind === 'volunteer') {
          const hours = number('hours');
          const rate = number('hourly rate');
          if (hours === null || rate === null) {
            unreadable.push(`${where}: the hours or the hourly rate of "${clip(description, 60)}" is not a number`);
            continue;
          }
          inputs.push({ ...base, kind, hours, hourlyRate: rate, rateSource: source });
        } else {
          const amount = number('amount');
          if (amount === null) {
            unreadable.push(`${where}: the amount of "${clip(description, 60)}" is not a number`);
            continue;
          }
          inputs.push(kind === 'cash' ? { ...base, kind, amount } : { ...base, kind, amount, valuationSource: source });
        }
      }
      return inputs;
    }
  }
  return null;
}

/** Reads a loaded workbook into a new project. Throws VALIDATION when no sheet looks like a Value Map. */
export function readValueMap(workbook: ExcelJS.Workbook, options: ReadOptions = {}): ValueMapReading {
  const newId = options.newId ?? randomUUID;
  const now = options.now ?? new Date();
  const unreadable: string[] = [];
  const assumptions: string[] = [];

  let sheet: ExcelJS.Worksheet | null = null;
  let header: { row: number; score: number } | null = null;
  for (const candidate of workbook.worksheets) {
    const found = findHeaderRow(candidate);
    if (found && (header === null || found.score > header.score)) {
      sheet = candidate;
      header = found;
    }
  }
  if (sheet === null || header === null) {
    const message =
      'No sheet of this workbook looks like a Value Map: none has a heading row with columns such as "Stakeholders", "Quantity", "Financial proxy", "Deadweight", "Attribution" or "Drop off". Nothing was imported.';
    throw new AppFailure('VALIDATION', message, [{ path: 'file', where: 'file', message: 'has no Value Map sheet' }]);
  }
  const roles = classifyColumns(sheet, header.row);
  const headingTexts: string[] = [];
  for (let c = 1; c <= Math.min(sheet.columnCount, SCAN_COLUMNS); c++) headingTexts.push(textAt(sheet, header.row, c));

  for (const role of [
    'stakeholder',
    'quantity',
    'deadweight',
    'displacement',
    'attribution',
    'dropOff',
    'duration',
  ] as Role[]) {
    if (!roles.has(role)) {
      const fallback =
        role === 'stakeholder'
          ? 'every outcome was given to one group, "Stakeholders"'
          : role === 'quantity'
            ? 'quantities were set to 0'
            : role === 'duration'
              ? 'durations were set to 1 year'
              : `${ROLE_WORDS[role]} was set to 0 %`;
      assumptions.push(`The sheet "${sheet.name}" has no column for the ${ROLE_WORDS[role]}: ${fallback}.`);
    }
  }
  if (!roles.has('proxyValue') && !roles.has('proxyModelValue')) {
    assumptions.push(
      `The sheet "${sheet.name}" has no column for the value of the financial proxies: proxies were set to 0.`,
    );
  }

  const settings = findSettings(sheet, unreadable);
  const currency = currencyOf(headingTexts) ?? 'EUR';
  if (currencyOf(headingTexts) === null) assumptions.push('The sheet does not name its currency: EUR was assumed.');
  const priceYearMatch = headingTexts.map((h) => /\b(19\d\d|2[01]\d\d) prices\b/.exec(h)).find((m) => m !== null);
  const priceYear = priceYearMatch ? Number(priceYearMatch[1]) : now.getUTCFullYear();
  if (!priceYearMatch)
    assumptions.push(`The price year was set to ${priceYear}, and the proxies taken as in ${priceYear} prices.`);
  if (settings.discountRate === null)
    assumptions.push('No discount rate was found: 3.5 % (the Green Book rate) was used.');
  if (roles.has('proxyModelValue') && roles.has('proxyValue')) {
    assumptions.push(
      "Proxy values were taken in the model's prices (the price-index and exchange-rate factors are folded into each value).",
    );
  }

  const stakeholders: StakeholderGroup[] = [];
  const byName = new Map<string, StakeholderGroup>();
  const groupOf = (name: string): StakeholderGroup => {
    const key = lower(name);
    let group = byName.get(key);
    if (!group) {
      group = { id: newId(), name: clip(name, 200), size: null, involvement: '', peopleConsulted: null };
      byName.set(key, group);
      stakeholders.push(group);
    }
    return group;
  };

  const col = (role: Role) => roles.get(role);
  const plainOfRole = (row: number, role: Role): Plain => {
    const c = col(role);
    return c === undefined ? { kind: 'empty' } : cellAt(sheet as ExcelJS.Worksheet, row, c);
  };
  const textOfRole = (row: number, role: Role): string => {
    const c = col(role);
    return c === undefined ? '' : textAt(sheet as ExcelJS.Worksheet, row, c);
  };
  const numericRoles: Role[] = [
    'quantity',
    'proxyValue',
    'proxyModelValue',
    'deadweight',
    'displacement',
    'attribution',
    'dropOff',
    'duration',
    'inputsValue',
    'size',
  ];

  const valueMapInputs: Input[] = [];
  const outputs: Output[] = [];
  const outcomes: Outcome[] = [];
  let current: StakeholderGroup | null = null;
  let started = false;
  const lastRow = Math.min(sheet.rowCount, header.row + MAX_DATA_ROWS);

  for (let r = header.row + 1; r <= lastRow; r++) {
    const hasNumber = numericRoles.some((role) => plainOfRole(r, role).kind === 'number');
    if (!started) {
      if (!hasNumber) continue;
      started = true;
    }
    const rowTexts: string[] = [];
    for (let c = 1; c <= Math.min(sheet.columnCount, SCAN_COLUMNS); c++) rowTexts.push(lower(textAt(sheet, r, c)));
    if (rowTexts.every((t) => t === '')) continue;
    // The totals under the map end it.
    const marker = rowTexts.some((t) => /^(total|present value|discount factor|net present|social return)/.test(t));
    if (marker && plainOfRole(r, 'quantity').kind !== 'number' && textOfRole(r, 'outcome') === '') break;
    const where = `Row ${r}`;

    const stakeholderText = textOfRole(r, 'stakeholder');
    if (stakeholderText !== '') current = groupOf(stakeholderText);
    const sizeCell = numberOf(plainOfRole(r, 'size'));
    if (sizeCell !== null && current !== null) {
      if ('problem' in sizeCell) unreadable.push(`${where}: the number in the group ${sizeCell.problem}.`);
      else if (sizeCell.value.isNegative()) unreadable.push(`${where}: the number in the group is negative.`);
      else {
        current.size = sizeCell.value.round().toNumber();
        if (!sizeCell.value.isInteger())
          assumptions.push(`${where}: the number in the group was rounded to ${current.size}.`);
      }
    }

    // Inputs on this row.
    const inputText = textOfRole(r, 'inputs');
    const inputValue = numberOf(plainOfRole(r, 'inputsValue'));
    if (inputValue !== null) {
      if ('problem' in inputValue) unreadable.push(`${where}: the value of the inputs ${inputValue.problem}.`);
      else if (inputValue.value.isNegative()) unreadable.push(`${where}: the value of the inputs is negative.`);
      else if (inputValue.value.gt(0)) {
        const group = current ?? groupOf('Stakeholders');
        valueMapInputs.push({
          id: newId(),
          kind: 'cash',
          stakeholderId: group.id,
          description: clip(inputText || `Inputs of ${group.name}`, 300),
          category: 'Imported from the Value Map',
          funder: '',
          year: 1,
          notes: '',
          amount: canonical(inputValue.value),
        });
      }
    }
    // Outputs on this row.
    const outputText = textOfRole(r, 'outputs');
    if (outputText !== '') {
      outputs.push({
        id: newId(),
        name: clip(outputText, 200),
        unit: '',
        stakeholderId: current?.id ?? null,
        records: [],
        notes: 'Imported from a Value Map: add the counts by month.',
      });
    }

    // The outcome on this row, if any.
    const description = textOfRole(r, 'outcome');
    const changes = textOfRole(r, 'changes');
    const hasOutcome =
      description !== '' ||
      (changes !== '' && !/^(un)?intended$/i.test(changes)) ||
      plainOfRole(r, 'quantity').kind !== 'empty' ||
      plainOfRole(r, 'proxyValue').kind !== 'empty' ||
      plainOfRole(r, 'proxyModelValue').kind !== 'empty';
    if (!hasOutcome) continue;
    const group = current ?? groupOf('Stakeholders');
    let name = description || (/^(un)?intended$/i.test(changes) ? '' : changes);
    if (name === '') {
      name = `Outcome on row ${r}`;
      assumptions.push(`${where}: the outcome has no description; it was named "${name}".`);
    }
    const label = `${where} ("${clip(name, 50)}")`;
    const amount = (role: Role, fallback: string, what: string, allowNegative = false): string => {
      const n = numberOf(plainOfRole(r, role));
      if (n === null) return fallback;
      if ('problem' in n) {
        unreadable.push(`${label}: the ${what} ${n.problem}; set to ${fallback}.`);
        return fallback;
      }
      if (!allowNegative && n.value.isNegative()) {
        unreadable.push(`${label}: the ${what} is negative; set to ${fallback}.`);
        return fallback;
      }
      return canonical(n.value);
    };
    const fraction = (role: Role): string => {
      const plain = plainOfRole(r, role);
      const n = numberOf(plain);
      if (n === null) return '0';
      if ('problem' in n) {
        unreadable.push(`${label}: the ${ROLE_WORDS[role]} ${n.problem}; set to 0 %.`);
        return '0';
      }
      let value = n.value;
      if (n.percent && plain.kind === 'text') value = value.div(100);
      else if (!n.percent && value.gt(1)) value = value.div(100);
      if (value.lt(0) || value.gt(1)) {
        unreadable.push(
          `${label}: the ${ROLE_WORDS[role]} (${n.value.toString()}) is not between 0 % and 100 %; set to 0 %.`,
        );
        return '0';
      }
      return canonical(value);
    };

    const quantity = amount('quantity', '0', 'quantity');
    let duration = 1;
    const durationCell = numberOf(plainOfRole(r, 'duration'));
    if (durationCell === null) {
      if (roles.has('duration')) assumptions.push(`${label}: no duration; set to 1 year.`);
    } else if ('problem' in durationCell)
      unreadable.push(`${label}: the duration ${durationCell.problem}; set to 1 year.`);
    else if (durationCell.value.isNegative() || durationCell.value.gt(100))
      unreadable.push(
        `${label}: the duration ${durationCell.value.toString()} is not between 0 and 100 years; set to 1 year.`,
      );
    else {
      duration = durationCell.value.round().toNumber();
      if (!durationCell.value.isInteger()) assumptions.push(`${label}: the duration was rounded to ${duration} years.`);
    }
    let start: Outcome['start'] = 'during';
    const startPlain = plainOfRole(r, 'start');
    if (startPlain.kind !== 'empty') {
      const text = lower(textOf(startPlain));
      if (text === '2' || /after/.test(text)) start = 'after';
      else if (!(text === '1' || /during|period of activity/.test(text))) {
        unreadable.push(
          `${label}: "outcomes start" is "${clip(text, 30)}", neither 1 (during) nor 2 (after); taken as during.`,
        );
      }
    }
    const proxyValue = roles.has('proxyModelValue')
      ? amount('proxyModelValue', '0', 'value of the proxy', true)
      : amount('proxyValue', '0', 'value of the proxy', true);
    const proxyDescription = textOfRole(r, 'proxy') || `Value of "${clip(name, 200)}"`;

    outcomes.push({
      id: newId(),
      stakeholderId: group.id,
      name: clip(name, 300),
      indicator: clip(textOfRole(r, 'indicator'), 500),
      evidenceSource: clip(textOfRole(r, 'source'), 1000),
      quantity,
      proxy: {
        description: clip(proxyDescription, 300),
        value: proxyValue,
        currency,
        priceYear,
        source: clip(textOfRole(r, 'proxySource'), 1000),
        sourceUrl: '',
        libraryId: null,
        priceIndex: null,
        exchangeRate: null,
      },
      duration,
      start,
      deadweight: fraction('deadweight'),
      displacement: fraction('displacement'),
      attribution: fraction('attribution'),
      dropOff: fraction('dropOff'),
      attributionShares: [],
      intended: !/unintended/i.test(changes),
      notes: 'Imported from a Value Map spreadsheet.',
      uncertainty: {},
    });
  }
  if (!started) {
    const message = `The sheet "${sheet.name}" has the Value Map's headings but no rows with figures below them. Nothing was imported.`;
    throw new AppFailure('VALIDATION', message, [
      { path: 'file', where: `sheet "${sheet.name}"`, message: 'has no rows with figures' },
    ]);
  }

  const fromSheet = readInputsSheet(workbook, (name) => groupOf(name).id, newId, unreadable);
  let inputs = valueMapInputs;
  if (fromSheet !== null) inputs = fromSheet;
  else if (valueMapInputs.length > 0) {
    assumptions.push(
      'Inputs were read as cash in year 1, one line per stakeholder (a Value Map does not say cash, in kind or volunteer time, nor the year): check them on the Inputs screen.',
    );
  }
  if (outputs.length > 0)
    assumptions.push('Outputs were read as named outputs without counts: add their counts by month.');

  const title = textAt(sheet, 1, 1)
    .replace(/^value map:\s*/i, '')
    .trim();
  const fromFile = (options.fileName ?? '').replace(/\.[^.]+$/, '').trim();
  const name = clip(title && !/value map/i.test(title) ? title : fromFile || title || 'Imported Value Map', 200);
  const year = now.getUTCFullYear();

  const project: Project = {
    id: newId(),
    name,
    organisation: '',
    programme: '',
    analysisType: 'forecast',
    period: { start: `${year}-01-01`, end: `${year}-12-31` },
    priceYear,
    currency,
    settings: {
      discountRate: settings.discountRate ?? '0.035',
      yearOneConvention: settings.convention ?? 'guide',
    },
    stakeholders,
    inputs,
    outputs,
    outcomes,
    evidence: [],
    stories: [],
    strategies: [],
    effectUnit: '',
    scenarios: [],
    costEffectiveness: EMPTY_COST_EFFECTIVENESS,
    lastSimulation: null,
  };
  assumptions.push(
    `The analysis was taken as a forecast over ${year}: set the type and the period on the Scope screen.`,
  );

  const parsed = parseProjectFile({ schemaVersion: CURRENT_SCHEMA_VERSION, project });
  if (!parsed.ok) {
    throw new AppFailure(
      'VALIDATION',
      `The Value Map was read but makes an invalid project (${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}); nothing was imported.`,
      parsed.problems,
    );
  }
  return {
    project: parsed.value.project,
    unreadable,
    assumptions,
    read: {
      stakeholders: stakeholders.length,
      inputs: inputs.length,
      outputs: outputs.length,
      outcomes: outcomes.length,
    },
  };
}
