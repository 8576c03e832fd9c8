/**
 * The Excel workbook of a project (exceljs): the impact map in the column layout of Social Value International's
 * Value Map, with live formulas that reproduce the app's figures when Excel or LibreOffice recalculates, plus
 * the inputs by funder and the outputs by month.
 *
 * Sheets
 * - "Value Map": stakeholders, inputs, outputs, outcomes (indicator, source, quantity, duration, start), the
 *   financial proxy (original value, price and currency factor, value in model prices), deadweight,
 *   displacement, attribution, drop-off, impact, the value in each year, the present value; totals, the discount
 *   factor of each year, PV, investment, NPV, the ratios and the Guide payback.
 * - "Inputs by funder": every cost line with its value and present value, then totals by funder and by year.
 * - "Outputs by month": the counts of each output, month by month, then records of other periods.
 * - "About": what the formulas are, and where the file came from.
 *
 * The formulas are those of METHOD.md section 1:
 *   impact   = Q x P x (1 - DW) x (1 - DS) x (1 - AT)
 *   V(t)     = impact x (1 - DO)^(k - 1) for 1 <= k <= D, else 0; k = t, or t - 1 when the outcome starts after
 *   factor   = (1 + r)^t (guide) or (1 + r)^(t - 1) (year0), a formula of the discount-rate cell
 *   PV       = sum of V(t) / factor(t);   inputs: value / (1 + r)^(year - 1)
 *   NPV = PV - investment; ratio = PV / investment ("n/a" when the investment is 0)
 * Each formula cell also carries the engine's result, so a program that does not recalculate shows the same
 * figures; Excel is asked to recalculate on opening.
 */
import ExcelJS from 'exceljs';
import {
  computeSroi,
  DiscountFactors,
  effectiveProxyValue,
  inputAmount,
  lastYearOf,
  VALUE_MAP_YEARS,
  type SroiResult,
} from '../../shared/engine';
import type { Input, Project } from '../../shared/model';
import { Dec, ONE, ZERO } from '../../shared/money/decimal';

export const SHEETS = {
  valueMap: 'Value Map',
  inputs: 'Inputs by funder',
  outputs: 'Outputs by month',
  about: 'About',
} as const;

/** Where the headline figures are, for tests and for anyone who reads the workbook back. */
export interface WorkbookLayout {
  valueMap: {
    discountRate: string;
    convention: string;
    presentValue: string;
    investment: string;
    netPresentValue: string;
    ratio: string;
    netRatio: string;
    paybackGuideMonths: string;
    /** The present-value cell of each outcome, in the project's order. */
    outcomePresentValues: string[];
    headerRow: number;
    firstDataRow: number;
    lastDataRow: number;
    years: number;
  };
  inputs: { totalValue: string; totalPresentValue: string };
}

export interface WorkbookOptions {
  /** Write the engine's results as the formulas' cached values (default true). */
  cachedResults?: boolean;
  appVersion?: string;
  now?: Date;
}

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

export function columnLetter(n: number): string {
  let s = '';
  let x = n;
  while (x > 0) {
    const m = (x - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

const ref = (column: number, row: number) => `${columnLetter(column)}${row}`;
const abs = (column: number, row: number) => `$${columnLetter(column)}$${row}`;
const sheetRef = (sheet: string, address: string) => `'${sheet.replace(/'/g, "''")}'!${address}`;

const MONEY = '#,##0.00;[Red]-#,##0.00';
const NUMBER = '#,##0.##########';
const PERCENT = '0.0##%';
const FACTOR = '0.000000';
const RATIO = '0.00" : 1"';

const num = (value: Dec | string | number) => (value instanceof Dec ? value.toNumber() : Number(value));

type FormulaValue = { formula: string; result?: number | string };

/** A workbook file name from a project name: letters, digits and dashes. */
export function workbookFileName(projectName: string): string {
  const base =
    projectName
      .normalize('NFKD')
      .replace(/[^\w\s-]/g, '')
      .trim()
      .replace(/\s+/g, '-')
      .toLowerCase()
      .slice(0, 80) || 'project';
  return `${base}-value-map.xlsx`;
}

/** Names made unique (case-insensitively), so formulas that compare names never mix two groups. */
function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const key = name.trim().toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8ECF2' } };
const STAGE_FILLS = ['FFD9E7F5', 'FFE3F1DC', 'FFFCEBD2', 'FFF3DDE8', 'FFE6E0F3', 'FFDDF0EE'];
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFB8C0CC' } },
  bottom: { style: 'thin', color: { argb: 'FFB8C0CC' } },
  left: { style: 'thin', color: { argb: 'FFB8C0CC' } },
  right: { style: 'thin', color: { argb: 'FFB8C0CC' } },
};

/**
 * Row heights for wrapped text: spreadsheet programs do not always fit rows written by another program, so the
 * height is estimated from the longest text for the column's width (about one character per width unit).
 */
function fitRowHeights(sheet: ExcelJS.Worksheet, from: number, to: number, columns: number[]): void {
  for (let r = from; r <= to; r++) {
    const row = sheet.getRow(r);
    let lines = 1;
    for (const c of columns) {
      const value = row.getCell(c).value;
      if (typeof value !== 'string' || value === '') continue;
      const width = Math.max(4, (sheet.getColumn(c).width ?? 10) - 1);
      const wrapped = value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / width)), 0);
      lines = Math.max(lines, wrapped);
    }
    if (lines > 1) row.height = Math.min(400, lines * 12.75 + 3);
  }
}

/** Printed landscape, as wide as one page (the map is wide; it is read across). */
const LANDSCAPE: Partial<ExcelJS.PageSetup> = {
  orientation: 'landscape',
  paperSize: 9,
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};

function headerCell(cell: ExcelJS.Cell, text: string): void {
  cell.value = text;
  cell.font = { bold: true };
  cell.fill = HEADER_FILL;
  cell.border = THIN;
  cell.alignment = { wrapText: true, vertical: 'top' };
}

function title(sheet: ExcelJS.Worksheet, text: string, subtitle: string): void {
  sheet.getCell('A1').value = text;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value = subtitle;
  sheet.getCell('A2').font = { italic: true, color: { argb: 'FF4F5A6B' } };
}

// ---------------------------------------------------------------------------------------------------------------
// The workbook

interface Context {
  project: Project;
  result: SroiResult;
  discount: DiscountFactors;
  cached: boolean;
  stakeholderNames: Map<string, string>;
  /** Cell of the discount rate and of the convention, as absolute references from any sheet. */
  rateRef: string;
  conventionRef: string;
}

function valueOf(ctx: Context, formula: string, result: Dec | number | string | null): FormulaValue {
  if (!ctx.cached || result === null) return { formula };
  return { formula, result: result instanceof Dec ? result.toNumber() : result };
}

/** The "Inputs by funder" sheet; returns the ranges the Value Map refers to. */
function writeInputs(workbook: ExcelJS.Workbook, ctx: Context) {
  const { project, result } = ctx;
  const sheet = workbook.addWorksheet(SHEETS.inputs, { views: [{ state: 'frozen', ySplit: 4 }], pageSetup: LANDSCAPE });
  title(
    sheet,
    `Inputs by funder: ${project.name}`,
    `Value = the amount, or hours x hourly rate for volunteer time. Inputs are paid at the start of year t: present value = value / (1 + r)^(t - 1), with r on the "${SHEETS.valueMap}" sheet.`,
  );
  const headers = [
    'Stakeholder',
    'Description',
    'Category',
    'Funder',
    'Kind',
    'Year',
    `Amount (${project.currency})`,
    'Hours',
    `Hourly rate (${project.currency})`,
    `Value (${project.currency})`,
    'Discount factor',
    `Present value (${project.currency})`,
    'Source of the value',
    'Notes',
  ];
  const HEADER = 4;
  headers.forEach((h, i) => headerCell(sheet.getCell(HEADER, i + 1), h));
  sheet.getRow(HEADER).height = 30;
  const widths = [22, 34, 16, 20, 11, 7, 14, 10, 12, 14, 12, 16, 30, 30];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));

  const first = HEADER + 1;
  const lines = project.inputs;
  const last = first + lines.length - 1;
  lines.forEach((item: Input, i) => {
    const r = first + i;
    const amount = inputAmount(item, project.currency).value;
    const factor = ctx.discount.forInput(item.year);
    const row = sheet.getRow(r);
    row.getCell(1).value = ctx.stakeholderNames.get(item.stakeholderId) ?? item.stakeholderId;
    row.getCell(2).value = item.description;
    row.getCell(3).value = item.category;
    row.getCell(4).value = item.funder === '' ? null : item.funder;
    row.getCell(5).value = item.kind;
    row.getCell(6).value = item.year;
    if (item.kind === 'volunteer') {
      row.getCell(8).value = num(item.hours);
      row.getCell(9).value = num(item.hourlyRate);
    } else row.getCell(7).value = num(item.amount);
    row.getCell(10).value = valueOf(ctx, `IF(${ref(5, r)}="volunteer",${ref(8, r)}*${ref(9, r)},${ref(7, r)})`, amount);
    row.getCell(11).value = valueOf(ctx, `(1+${ctx.rateRef})^(${ref(6, r)}-1)`, factor);
    row.getCell(12).value = valueOf(ctx, `${ref(10, r)}/${ref(11, r)}`, result.investment.inputs[i].presentValue);
    row.getCell(13).value =
      item.kind === 'volunteer' ? item.rateSource : item.kind === 'in-kind' ? item.valuationSource : null;
    row.getCell(14).value = item.notes === '' ? null : item.notes;
    for (let c = 1; c <= headers.length; c++) {
      row.getCell(c).alignment = { wrapText: c === 2 || c === 13 || c === 14, vertical: 'top' };
    }
    for (const c of [7, 9, 10, 12]) row.getCell(c).numFmt = MONEY;
    row.getCell(8).numFmt = NUMBER;
    row.getCell(11).numFmt = FACTOR;
  });

  fitRowHeights(sheet, first, last, [2, 13, 14]);
  const total = Math.max(last, HEADER) + 1;
  sheet.getCell(total, 1).value = 'Total';
  sheet.getCell(total, 1).font = { bold: true };
  const sum = (column: number, value: Dec): FormulaValue | number =>
    lines.length === 0 ? 0 : valueOf(ctx, `SUM(${ref(column, first)}:${ref(column, last)})`, value);
  sheet.getCell(total, 10).value = sum(10, result.investment.nominalTotal);
  sheet.getCell(total, 12).value = sum(12, result.investment.total.value);
  for (const c of [10, 12]) {
    sheet.getCell(total, c).numFmt = MONEY;
    sheet.getCell(total, c).font = { bold: true };
  }

  // Totals by funder and by year: formulas over the lines, so an edited line changes them.
  const table = (
    start: number,
    heading: string,
    groups: Array<{ label: string | number; key: string | number; value: Dec; pv: Dec; format?: string }>,
    column: number,
  ): number => {
    headerCell(sheet.getCell(start, 1), heading);
    headerCell(sheet.getCell(start, 2), `Value (${project.currency})`);
    headerCell(sheet.getCell(start, 3), `Present value (${project.currency})`);
    sheet.getRow(start).height = 30;
    groups.forEach((g, i) => {
      const r = start + 1 + i;
      const label = sheet.getCell(r, 1);
      label.value = g.label;
      label.alignment = { horizontal: 'left' };
      if (g.format) label.numFmt = g.format;
      // Lines without a funder have an empty cell: compare with "" (the label says "(no funder named)").
      const criterion = g.key === '' ? '""' : ref(1, r);
      const match = (c: number) =>
        `SUMPRODUCT((${abs(column, first)}:${abs(column, last)}=${criterion})*${abs(c, first)}:${abs(c, last)})`;
      sheet.getCell(r, 2).value = lines.length === 0 ? 0 : valueOf(ctx, match(10), g.value);
      sheet.getCell(r, 3).value = lines.length === 0 ? 0 : valueOf(ctx, match(12), g.pv);
      sheet.getCell(r, 2).numFmt = MONEY;
      sheet.getCell(r, 3).numFmt = MONEY;
    });
    const end = start + groups.length + 1;
    sheet.getCell(end, 1).value = 'Total';
    sheet.getCell(end, 1).font = { bold: true };
    const sumOf = (c: number, value: Dec) =>
      groups.length === 0 ? 0 : valueOf(ctx, `SUM(${ref(c, start + 1)}:${ref(c, end - 1)})`, value);
    sheet.getCell(end, 2).value = sumOf(2, result.investment.nominalTotal);
    sheet.getCell(end, 3).value = sumOf(3, result.investment.total.value);
    for (const c of [2, 3]) {
      sheet.getCell(end, c).numFmt = MONEY;
      sheet.getCell(end, c).font = { bold: true };
    }
    return end;
  };
  const byFunder = result.investment.byFunder.map((f) => ({
    label: f.key === '' ? '(no funder named)' : f.key,
    key: f.key,
    value: f.amount,
    pv: f.presentValue,
  }));
  const afterFunders = table(total + 2, 'Funder', byFunder, 4);
  const byYear = result.investment.byYear.map((y) => ({
    label: Number(y.key),
    key: Number(y.key),
    value: y.amount,
    pv: y.presentValue,
    format: '"Year "0',
  }));
  table(afterFunders + 2, 'Year of activity', byYear, 6);

  return {
    totalValue: sheetRef(SHEETS.inputs, abs(10, total)),
    totalPresentValue: sheetRef(SHEETS.inputs, abs(12, total)),
    stakeholderRange: lines.length === 0 ? null : sheetRef(SHEETS.inputs, `${abs(1, first)}:${abs(1, last)}`),
    presentValueRange: lines.length === 0 ? null : sheetRef(SHEETS.inputs, `${abs(12, first)}:${abs(12, last)}`),
    layout: { totalValue: abs(10, total).replace(/\$/g, ''), totalPresentValue: abs(12, total).replace(/\$/g, '') },
  };
}

/** The "Value Map" sheet. */
function writeValueMap(
  sheet: ExcelJS.Worksheet,
  ctx: Context,
  inputs: ReturnType<typeof writeInputs>,
): WorkbookLayout['valueMap'] {
  const { project, result } = ctx;
  const currency = project.currency;
  const valueYears = Math.max(0, ...project.outcomes.map(lastYearOf));
  const years = Math.max(VALUE_MAP_YEARS, valueYears, result.horizon);

  title(
    sheet,
    `Value Map: ${project.name}`,
    [
      project.organisation,
      project.analysisType === 'forecast' ? 'forecast' : 'evaluative',
      `${project.period.start} to ${project.period.end}`,
      `${currency}, ${project.priceYear} prices`,
    ]
      .filter((s) => s !== '')
      .join(' · '),
  );

  // Parameters and headline figures.
  sheet.getCell('A4').value = 'Discount rate';
  sheet.getCell('B4').value = num(project.settings.discountRate);
  sheet.getCell('B4').numFmt = '0.00%';
  sheet.getCell('A5').value = 'Year-one convention';
  sheet.getCell('B5').value = project.settings.yearOneConvention;
  sheet.getCell('B5').dataValidation = { type: 'list', allowBlank: false, formulae: ['"guide,year0"'] };
  for (const a of ['B4', 'B5']) {
    sheet.getCell(a).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF6D5' } };
    sheet.getCell(a).border = THIN;
    sheet.getCell(a).font = { bold: true };
  }
  sheet.mergeCells('A6:C8');
  sheet.getCell('A6').value =
    'guide: year 1 is discounted one period (the SROI Guide). year0: year 1 is not discounted (Green Book tables). Change the rate or the convention and every figure follows.';
  sheet.getCell('A6').alignment = { wrapText: true, vertical: 'top' };
  sheet.getCell('A6').font = { italic: true, size: 9, color: { argb: 'FF4F5A6B' } };

  // Columns of the map.
  const C = {
    stakeholder: 1,
    size: 2,
    changes: 3,
    inputs: 4,
    inputsValue: 5,
    outputs: 6,
    outcome: 7,
    indicator: 8,
    source: 9,
    quantity: 10,
    duration: 11,
    start: 12,
    proxy: 13,
    proxyValue: 14,
    proxyCurrency: 15,
    factor: 16,
    proxyModel: 17,
    proxySource: 18,
    deadweight: 19,
    displacement: 20,
    attribution: 21,
    dropOff: 22,
    impact: 23,
    year1: 24,
  };
  const yearColumn = (t: number) => C.year1 + t - 1;
  const lastYear = yearColumn(years);
  const pvColumn = lastYear + 1;

  const GROUPS = 11;
  const HEADER = 12;
  const groups: Array<[number, number, string]> = [
    [C.stakeholder, C.changes, 'Stage 1: Stakeholders'],
    [C.inputs, C.inputsValue, 'Stage 2: Inputs'],
    [C.outputs, C.outputs, 'Outputs'],
    [C.outcome, C.start, 'The outcomes (what changes)'],
    [C.proxy, C.proxySource, 'Financial proxy'],
    [C.deadweight, C.impact, 'Stage 4: Establishing impact'],
    [C.year1, pvColumn, 'Stage 5: Calculating the social return'],
  ];
  groups.forEach(([from, to, text], i) => {
    if (to > from) sheet.mergeCells(GROUPS, from, GROUPS, to);
    const cell = sheet.getCell(GROUPS, from);
    cell.value = text;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STAGE_FILLS[i % STAGE_FILLS.length] } };
    cell.border = THIN;
  });
  const headers: Record<number, string> = {
    [C.stakeholder]: 'Stakeholders',
    [C.size]: 'No. in group',
    [C.changes]: 'Intended/unintended changes',
    [C.inputs]: 'Inputs: what do they invest?',
    [C.inputsValue]: `Value of inputs (${currency}, present value)`,
    [C.outputs]: 'Outputs: summary of activity in numbers',
    [C.outcome]: 'Outcome description',
    [C.indicator]: 'Indicator',
    [C.source]: 'Source',
    [C.quantity]: 'Quantity',
    [C.duration]: 'Duration (years)',
    [C.start]: 'Outcomes start (1 = during, 2 = after)',
    [C.proxy]: 'Financial proxy: description',
    [C.proxyValue]: 'Original value',
    [C.proxyCurrency]: 'Currency and price year',
    [C.factor]: 'Price and currency factor',
    [C.proxyModel]: `Value in ${currency}, ${project.priceYear} prices`,
    [C.proxySource]: 'Proxy source',
    [C.deadweight]: 'Deadweight %',
    [C.displacement]: 'Displacement %',
    [C.attribution]: 'Attribution %',
    [C.dropOff]: 'Drop-off %',
    [C.impact]: 'Impact (quantity x proxy, less deductions)',
    [pvColumn]: `Present value (${currency})`,
  };
  for (let t = 1; t <= years; t++) headers[yearColumn(t)] = `Year ${t}`;
  for (const [column, text] of Object.entries(headers)) headerCell(sheet.getCell(HEADER, Number(column)), text);
  sheet.getRow(HEADER).height = 66;

  const widths: Record<number, number> = {
    [C.stakeholder]: 22,
    [C.size]: 9,
    [C.changes]: 12,
    [C.inputs]: 40,
    [C.inputsValue]: 18,
    [C.outputs]: 30,
    [C.outcome]: 32,
    [C.indicator]: 26,
    [C.source]: 24,
    [C.quantity]: 10,
    [C.duration]: 9,
    [C.start]: 12,
    [C.proxy]: 28,
    [C.proxyValue]: 12,
    [C.proxyCurrency]: 11,
    [C.factor]: 10,
    [C.proxyModel]: 13,
    [C.proxySource]: 24,
    [C.deadweight]: 11,
    [C.displacement]: 11,
    [C.attribution]: 11,
    [C.dropOff]: 10,
    [C.impact]: 16,
    [pvColumn]: 16,
  };
  for (let t = 1; t <= years; t++) widths[yearColumn(t)] = 13;
  for (const [column, width] of Object.entries(widths)) sheet.getColumn(Number(column)).width = width;

  // Data rows: each stakeholder group with its inputs and outputs, then one row per outcome.
  const first = HEADER + 1;
  interface Line {
    stakeholderId: string;
    firstOfGroup: boolean;
    outcome: number | null;
  }
  const lines: Line[] = [];
  for (const s of project.stakeholders) {
    const outcomes = project.outcomes.map((o, i) => ({ o, i })).filter(({ o }) => o.stakeholderId === s.id);
    if (outcomes.length === 0) lines.push({ stakeholderId: s.id, firstOfGroup: true, outcome: null });
    outcomes.forEach(({ i }, n) => lines.push({ stakeholderId: s.id, firstOfGroup: n === 0, outcome: i }));
  }
  if (lines.length === 0) lines.push({ stakeholderId: '', firstOfGroup: false, outcome: null });
  const last = first + lines.length - 1;
  const totalRow = last + 1;
  const factorRow = last + 2;
  const pvRow = last + 3;
  const yearRange = (r: number) => `${ref(C.year1, r)}:${ref(lastYear, r)}`;
  const factorRange = `${abs(C.year1, factorRow)}:${abs(lastYear, factorRow)}`;
  const outcomePresentValues: string[] = new Array(project.outcomes.length).fill('');

  lines.forEach((line, n) => {
    const r = first + n;
    const row = sheet.getRow(r);
    const group = project.stakeholders.find((s) => s.id === line.stakeholderId);
    if (group) row.getCell(C.stakeholder).value = ctx.stakeholderNames.get(group.id) ?? group.name;
    if (group && line.firstOfGroup) {
      row.getCell(C.size).value = group.size;
      const own = project.inputs.filter((i) => i.stakeholderId === group.id);
      row.getCell(C.inputs).value = own.length === 0 ? null : own.map((i) => i.description).join('; ');
      const pv = result.investment.inputs
        .filter((i) => i.stakeholderId === group.id)
        .reduce((acc, i) => acc.plus(i.presentValue), ZERO);
      row.getCell(C.inputsValue).value =
        inputs.stakeholderRange === null
          ? 0
          : valueOf(
              ctx,
              `SUMPRODUCT((${inputs.stakeholderRange}=${ref(C.stakeholder, r)})*${inputs.presentValueRange})`,
              pv,
            );
      row.getCell(C.inputsValue).numFmt = MONEY;
      const outputs = project.outputs.filter((o) => o.stakeholderId === group.id);
      if (outputs.length > 0) {
        row.getCell(C.outputs).value = outputs
          .map((o) => {
            const count = o.records.reduce((acc, rec) => acc.plus(rec.count), ZERO);
            return `${o.name}: ${count.toFixed()}${o.unit ? ` ${o.unit}` : ''}`;
          })
          .join('; ');
      }
    }
    if (line.outcome === null) return;
    const outcome = project.outcomes[line.outcome];
    const computed = result.outcomes[line.outcome];
    const proxy = outcome.proxy;
    row.getCell(C.changes).value = outcome.intended ? 'intended' : 'unintended';
    row.getCell(C.outcome).value = outcome.name;
    row.getCell(C.indicator).value = outcome.indicator || null;
    row.getCell(C.source).value = outcome.evidenceSource || null;
    row.getCell(C.quantity).value = num(outcome.quantity);
    row.getCell(C.quantity).numFmt = NUMBER;
    row.getCell(C.duration).value = outcome.duration;
    row.getCell(C.start).value = outcome.start === 'after' ? 2 : 1;
    row.getCell(C.start).dataValidation = { type: 'list', allowBlank: false, formulae: ['"1,2"'] };
    row.getCell(C.proxy).value = proxy.description;
    row.getCell(C.proxyValue).value = num(proxy.value);
    row.getCell(C.proxyValue).numFmt = MONEY;
    row.getCell(C.proxyCurrency).value = `${proxy.currency} ${proxy.priceYear}`;
    if (proxy.priceIndex !== null || proxy.exchangeRate !== null) {
      const parts: string[] = [];
      let factor = ONE;
      if (proxy.priceIndex !== null) {
        parts.push(`${proxy.priceIndex.indexAtModelYear}/${proxy.priceIndex.indexAtPriceYear}`);
        factor = factor.times(proxy.priceIndex.indexAtModelYear).div(proxy.priceIndex.indexAtPriceYear);
      }
      if (proxy.exchangeRate !== null) {
        parts.push(proxy.exchangeRate.rate);
        factor = factor.times(proxy.exchangeRate.rate);
      }
      row.getCell(C.factor).value = valueOf(ctx, parts.join('*'), factor);
    } else row.getCell(C.factor).value = 1;
    row.getCell(C.factor).numFmt = FACTOR;
    row.getCell(C.proxyModel).value = valueOf(
      ctx,
      `${ref(C.proxyValue, r)}*${ref(C.factor, r)}`,
      effectiveProxyValue(proxy, project.currency, project.priceYear).value,
    );
    row.getCell(C.proxyModel).numFmt = MONEY;
    const sources = [proxy.source, proxy.sourceUrl].filter((s) => s !== '');
    row.getCell(C.proxySource).value = sources.length > 0 ? sources.join(' ') : null;
    const percents: Array<[number, string]> = [
      [C.deadweight, outcome.deadweight],
      [C.displacement, outcome.displacement],
      [C.attribution, outcome.attribution],
      [C.dropOff, outcome.dropOff],
    ];
    for (const [c, value] of percents) {
      row.getCell(c).value = num(value);
      row.getCell(c).numFmt = PERCENT;
    }
    row.getCell(C.impact).value = valueOf(
      ctx,
      `${ref(C.quantity, r)}*${ref(C.proxyModel, r)}*(1-${ref(C.deadweight, r)})*(1-${ref(C.displacement, r)})*(1-${ref(C.attribution, r)})`,
      computed.impact.value,
    );
    row.getCell(C.impact).numFmt = MONEY;
    const D = ref(C.duration, r);
    const W = ref(C.impact, r);
    const DO = ref(C.dropOff, r);
    for (let t = 1; t <= years; t++) {
      // k: the outcome's own year; an outcome that starts after the activity counts from the year after.
      const k = `(${t}-(${ref(C.start, r)}-1))`;
      const formula = `IF(OR(${k}<1,${k}>${D}),0,IF(${k}=1,${W},${W}*(1-${DO})^(${k}-1)))`;
      const cell = row.getCell(yearColumn(t));
      cell.value = valueOf(ctx, formula, computed.values[t - 1] ?? ZERO);
      cell.numFmt = MONEY;
    }
    const pvCell = row.getCell(pvColumn);
    pvCell.value = valueOf(ctx, `SUMPRODUCT(${yearRange(r)}/${factorRange})`, computed.presentValue.value);
    pvCell.numFmt = MONEY;
    pvCell.font = { bold: true };
    outcomePresentValues[line.outcome] = ref(pvColumn, r);
  });
  const wrapped = [
    C.stakeholder,
    C.changes,
    C.inputs,
    C.outputs,
    C.outcome,
    C.indicator,
    C.source,
    C.proxy,
    C.proxyCurrency,
    C.proxySource,
  ];
  for (let r = first; r <= last; r++) {
    for (let c = 1; c <= pvColumn; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = THIN;
      cell.alignment = { ...cell.alignment, vertical: 'top', wrapText: wrapped.includes(c) };
    }
  }
  fitRowHeights(sheet, first, last, wrapped);

  // Totals, discount factors and present values by year.
  const label = (r: number, text: string) => {
    const cell = sheet.getCell(r, C.stakeholder);
    cell.value = text;
    cell.font = { bold: true };
  };
  label(totalRow, 'Total');
  label(factorRow, 'Discount factor');
  label(pvRow, 'Present value of each year');
  const sumColumn = (c: number, value: Dec) => valueOf(ctx, `SUM(${ref(c, first)}:${ref(c, last)})`, value);
  sheet.getCell(totalRow, C.inputsValue).value = sumColumn(C.inputsValue, result.investment.total.value);
  sheet.getCell(totalRow, C.inputsValue).numFmt = MONEY;
  for (let t = 1; t <= years; t++) {
    const c = yearColumn(t);
    const byYear = result.byYear[t - 1];
    sheet.getCell(totalRow, c).value = sumColumn(c, byYear?.value ?? ZERO);
    sheet.getCell(totalRow, c).numFmt = MONEY;
    sheet.getCell(factorRow, c).value = valueOf(
      ctx,
      `(1+${ctx.rateRef})^(${t}-IF(${ctx.conventionRef}="year0",1,0))`,
      ctx.discount.forValue(t),
    );
    sheet.getCell(factorRow, c).numFmt = FACTOR;
    sheet.getCell(pvRow, c).value = valueOf(
      ctx,
      `${ref(c, totalRow)}/${ref(c, factorRow)}`,
      byYear?.presentValue ?? ZERO,
    );
    sheet.getCell(pvRow, c).numFmt = MONEY;
  }
  const pvTotal = sheet.getCell(totalRow, pvColumn);
  pvTotal.value = sumColumn(pvColumn, result.presentValue.value);
  pvTotal.numFmt = MONEY;
  const pvByYear = sheet.getCell(pvRow, pvColumn);
  pvByYear.value = valueOf(ctx, `SUM(${yearRange(pvRow)})`, result.presentValue.value);
  pvByYear.numFmt = MONEY;
  for (const r of [totalRow, factorRow, pvRow]) {
    for (let c = 1; c <= pvColumn; c++) {
      const cell = sheet.getCell(r, c);
      cell.border = THIN;
      cell.font = { ...cell.font, bold: true };
      cell.fill = HEADER_FILL;
    }
  }

  // The headline block beside the parameters.
  const headline: Array<[string, string, FormulaValue | number, string]> = [];
  const I = result.investment.total.value;
  const PV = result.presentValue.value;
  const pvAt = ref(pvColumn, totalRow);
  const yearOne = ref(C.year1, totalRow);
  headline.push(['Total present value (PV)', 'E4', valueOf(ctx, pvAt, PV), MONEY]);
  headline.push(['Investment (present value of all inputs)', 'E5', valueOf(ctx, inputs.totalPresentValue, I), MONEY]);
  headline.push([
    'Net present value (PV minus the investment)',
    'E6',
    valueOf(ctx, 'E4-E5', result.netPresentValue.value),
    MONEY,
  ]);
  headline.push([
    'Social return ratio (PV per amount invested)',
    'E7',
    valueOf(ctx, 'IF(E5>0,E4/E5,"n/a")', result.ratio.value ?? 'n/a'),
    RATIO,
  ]);
  headline.push([
    'Net social return ratio (NPV / investment)',
    'E8',
    valueOf(ctx, 'IF(E5>0,E6/E5,"n/a")', result.netRatio.value ?? 'n/a'),
    RATIO,
  ]);
  headline.push([
    'Payback, Guide formula (months)',
    'E9',
    valueOf(ctx, `IF(${yearOne}>0,E5/(${yearOne}/12),"n/a")`, result.paybackGuideMonths.value ?? 'n/a'),
    '0.0',
  ]);
  headline.forEach(([text, address, value, format]) => {
    const row = Number(address.slice(1));
    sheet.getCell(row, C.inputs).value = text;
    sheet.getCell(row, C.inputs).font = { bold: true };
    sheet.getCell(row, C.inputs).alignment = { horizontal: 'right' };
    const cell = sheet.getCell(address);
    cell.value = value;
    cell.numFmt = format;
    cell.font = { bold: true };
    cell.border = THIN;
    cell.alignment = { horizontal: 'right' };
  });

  if (valueYears > VALUE_MAP_YEARS) {
    const note = sheet.getCell(pvRow + 2, C.stakeholder);
    note.value = `Outcome values run for ${valueYears} years, past the ${VALUE_MAP_YEARS} years of the Value Map: the year columns are extended to year ${years}.`;
    note.font = { italic: true, color: { argb: 'FF8A4B00' } };
  }
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: HEADER }];
  sheet.pageSetup = LANDSCAPE;

  return {
    discountRate: 'B4',
    convention: 'B5',
    presentValue: 'E4',
    investment: 'E5',
    netPresentValue: 'E6',
    ratio: 'E7',
    netRatio: 'E8',
    paybackGuideMonths: 'E9',
    outcomePresentValues,
    headerRow: HEADER,
    firstDataRow: first,
    lastDataRow: last,
    years,
  };
}

/** Month by month (a column per output), then the records of other periods (years, date ranges). */
function writeOutputs(workbook: ExcelJS.Workbook, ctx: Context): void {
  const { project } = ctx;
  const sheet = workbook.addWorksheet(SHEETS.outputs, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 4 }],
    pageSetup: LANDSCAPE,
  });
  title(
    sheet,
    `Outputs by month: ${project.name}`,
    'Counts of activity. Outputs are not valued: they show what the service did, and feed cost per output.',
  );
  const HEADER = 4;
  headerCell(sheet.getCell(HEADER, 1), 'Month');
  sheet.getColumn(1).width = 12;
  const outputs = project.outputs;
  const monthly = new Map<string, Map<number, Dec>>();
  const other: Array<{ output: string; period: string; count: Dec }> = [];
  outputs.forEach((o, i) => {
    headerCell(sheet.getCell(HEADER, i + 2), o.unit ? `${o.name} (${o.unit})` : o.name);
    sheet.getColumn(i + 2).width = Math.min(40, Math.max(14, o.name.length * 0.9));
    for (const record of o.records) {
      if (/^\d{4}-\d{2}$/.test(record.period)) {
        const counts = monthly.get(record.period) ?? new Map<number, Dec>();
        counts.set(i, (counts.get(i) ?? ZERO).plus(record.count));
        monthly.set(record.period, counts);
      } else other.push({ output: o.name, period: record.period, count: new Dec(record.count) });
    }
  });
  if (outputs.length === 0) {
    sheet.getCell(HEADER + 1, 1).value = 'No outputs recorded in this project.';
    return;
  }
  const months = [...monthly.keys()].sort();
  months.forEach((month, m) => {
    const r = HEADER + 1 + m;
    sheet.getCell(r, 1).value = month;
    const counts = monthly.get(month) as Map<number, Dec>;
    outputs.forEach((_, i) => {
      const count = counts.get(i);
      if (count !== undefined) {
        sheet.getCell(r, i + 2).value = count.toNumber();
        sheet.getCell(r, i + 2).numFmt = NUMBER;
      }
    });
  });
  const total = HEADER + months.length + 1;
  sheet.getCell(total, 1).value = 'Total';
  sheet.getCell(total, 1).font = { bold: true };
  outputs.forEach((o, i) => {
    const c = i + 2;
    const sum = o.records.filter((r) => /^\d{4}-\d{2}$/.test(r.period)).reduce((acc, r) => acc.plus(r.count), ZERO);
    sheet.getCell(total, c).value =
      months.length === 0 ? 0 : valueOf(ctx, `SUM(${ref(c, HEADER + 1)}:${ref(c, total - 1)})`, sum);
    sheet.getCell(total, c).numFmt = NUMBER;
    sheet.getCell(total, c).font = { bold: true };
  });
  if (other.length > 0) {
    const start = total + 2;
    headerCell(sheet.getCell(start, 1), 'Other periods: output');
    headerCell(sheet.getCell(start, 2), 'Period');
    headerCell(sheet.getCell(start, 3), 'Count');
    other.forEach((o, i) => {
      sheet.getCell(start + 1 + i, 1).value = o.output;
      sheet.getCell(start + 1 + i, 2).value = o.period;
      sheet.getCell(start + 1 + i, 3).value = o.count.toNumber();
      sheet.getCell(start + 1 + i, 3).numFmt = NUMBER;
    });
  }
}

function writeAbout(workbook: ExcelJS.Workbook, ctx: Context, options: WorkbookOptions): void {
  const { project, result } = ctx;
  const sheet = workbook.addWorksheet(SHEETS.about);
  sheet.getColumn(1).width = 120;
  const lines: Array<[string, boolean?]> = [
    [`${project.name}: the SROI Value Map`, true],
    [
      `Written by SROI Studio${options.appVersion ? ` ${options.appVersion}` : ''} on ${(options.now ?? new Date()).toISOString().slice(0, 10)}.`,
    ],
    [''],
    ['How the figures are calculated (METHOD.md section 1)', true],
    ['Impact = quantity x proxy x (1 - deadweight) x (1 - displacement) x (1 - attribution). The deductions multiply.'],
    ["Value in year t = impact x (1 - drop-off)^(k - 1) for the outcome's own years k = 1 ... duration, else 0;"],
    ['  k = t for outcomes that start during the activity (1), k = t - 1 for outcomes that start after it (2).'],
    [
      'Present value = sum over the years of value(t) / discount factor(t); the factor is (1 + r)^t with the guide convention',
    ],
    ['  (year 1 discounted one period), (1 + r)^(t - 1) with year0 (year 1 undiscounted).'],
    [
      'Investment = sum of all inputs of all stakeholders, each paid at the start of its year: value / (1 + r)^(year - 1).',
    ],
    [
      'NPV = PV - investment. SROI ratio = PV / investment; net ratio = NPV / investment. With no investment the ratios are n/a.',
    ],
    [
      "Proxies are in the model's currency and prices: value as sourced x price-index ratio x exchange rate (the factor column).",
    ],
    [''],
    [
      'Every figure is a formula: change the discount rate, the convention, a quantity, a proxy or an adjustment and the',
    ],
    [
      'workbook recalculates as SROI Studio does. Rows added by hand are not part of the totals unless the formulas are extended.',
    ],
    [''],
    ['Figures in SROI Studio at the time of writing', true],
    [`Present value: ${result.presentValue.value.toFixed(2)} ${project.currency}`],
    [`Investment: ${result.investment.total.value.toFixed(2)} ${project.currency}`],
    [`SROI ratio: ${result.ratio.value === null ? 'n/a' : `${result.ratio.value.toFixed(2)} : 1`}`],
    ...result.warnings.map((w): [string] => [`Warning: ${w.message}`]),
  ];
  lines.forEach(([text, bold], i) => {
    const cell = sheet.getCell(i + 1, 1);
    cell.value = text;
    if (bold) cell.font = { bold: true, size: i === 0 ? 14 : 11 };
  });
}

/** The workbook of a (valid) project, with where its headline figures are. */
export async function buildWorkbook(
  project: Project,
  options: WorkbookOptions = {},
): Promise<{ buffer: Buffer; layout: WorkbookLayout }> {
  const result = computeSroi(project);
  const discount = new DiscountFactors(new Dec(project.settings.discountRate), project.settings.yearOneConvention);
  const names = uniqueNames(project.stakeholders.map((s) => s.name));
  const ctx: Context = {
    project,
    result,
    discount,
    cached: options.cachedResults !== false,
    stakeholderNames: new Map(project.stakeholders.map((s, i) => [s.id, names[i]])),
    rateRef: sheetRef(SHEETS.valueMap, '$B$4'),
    conventionRef: sheetRef(SHEETS.valueMap, '$B$5'),
  };

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'SROI Studio';
  workbook.title = `Value Map: ${project.name}`;
  const now = options.now ?? new Date();
  workbook.created = now;
  workbook.modified = now;
  // Excel recalculates every formula when it opens the file.
  workbook.calcProperties = { fullCalcOnLoad: true };

  const valueMapSheet = workbook.addWorksheet(SHEETS.valueMap);
  const inputs = writeInputs(workbook, ctx);
  const valueMap = writeValueMap(valueMapSheet, ctx, inputs);
  writeOutputs(workbook, ctx);
  writeAbout(workbook, ctx, options);

  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, layout: { valueMap, inputs: inputs.layout } };
}
