// The Excel workbook's shape, without LibreOffice: the sheets, the Value Map's columns in SVI's order, formulas
// (not numbers) where the app computes, the deductions multiplied (never 1 - DW - DS - AT), every discount
// factor a formula of the rate cell, and cached values equal to the engine's for programs that do not
// recalculate. The recalculation itself is tests/exchange/libreoffice-recalc.test.ts.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildWorkbook, columnLetter, SHEETS, workbookFileName } from '../../electron/exchange/value-map-writer';
import { computeSroi } from '../../shared/engine';
import { generatedProject, w2Project } from './fixtures';

async function open(project = w2Project()) {
  const { buffer, layout } = await buildWorkbook(project, { now: new Date('2025-05-01T00:00:00Z') });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return { workbook, layout, buffer, map: workbook.getWorksheet(SHEETS.valueMap)! };
}

function formulaOf(cell: ExcelJS.Cell): string {
  const value = cell.value as { formula?: string; sharedFormula?: string } | null;
  const formula = value?.formula ?? cell.formula;
  if (!formula) throw new Error(`${cell.address} holds no formula: ${JSON.stringify(cell.value)}`);
  return formula;
}

/** The cached value of a formula cell. exceljs reads a cached 0 back as no result (it writes it as <v>0</v>). */
function resultOf(cell: ExcelJS.Cell): unknown {
  formulaOf(cell);
  return (cell.value as { result?: unknown }).result ?? 0;
}

describe('the Excel workbook of a project', () => {
  it('has the Value Map first, then the inputs by funder, the outputs by month and a note on the method', async () => {
    const { workbook } = await open();
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      SHEETS.valueMap,
      SHEETS.inputs,
      SHEETS.outputs,
      SHEETS.about,
    ]);
    expect(workbookFileName('Street outreach & naloxone (W2)')).toBe('street-outreach-naloxone-w2-value-map.xlsx');
  });

  it("lays the map out in the Value Map's order: stakeholders, inputs, outputs, outcomes, proxy, adjustments, impact, years, PV", async () => {
    const { map, layout } = await open();
    const headings = (map.getRow(layout.valueMap.headerRow).values as unknown[]).filter((v) => typeof v === 'string');
    const order = [
      'Stakeholders',
      'No. in group',
      'Intended/unintended changes',
      'Inputs',
      'Value of inputs',
      'Outputs',
      'Outcome description',
      'Indicator',
      'Source',
      'Quantity',
      'Duration',
      'Outcomes start',
      'Financial proxy',
      'Original value',
      'Deadweight',
      'Displacement',
      'Attribution',
      'Drop-off',
      'Impact',
      'Year 1',
      'Year 5',
      'Present value',
    ];
    let at = -1;
    for (const heading of order) {
      const index = headings.findIndex((h, i) => i > at && (h as string).startsWith(heading));
      expect(index, `"${heading}" after column ${at}`).toBeGreaterThan(at);
      at = index;
    }
    expect(layout.valueMap.years).toBe(5);
  });

  it('writes formulas: impact multiplies the deductions; years apply drop-off and the "after" shift; PV divides by factors of the rate cell', async () => {
    const project = w2Project();
    const { map, layout } = await open(project);
    const result = computeSroi(project);
    // W2's second outcome (OAT retention) starts after the activity, with drop-off 30 %.
    const pvAddress = layout.valueMap.outcomePresentValues[1];
    const row = map.getCell(pvAddress).row as unknown as number;
    const rowOf = map.getRow(row);
    const impact = rowOf.getCell(23);
    expect(formulaOf(impact)).toBe(`J${row}*Q${row}*(1-S${row})*(1-T${row})*(1-U${row})`);
    expect(resultOf(impact)).toBe(56250);
    const year2 = rowOf.getCell(25);
    expect(formulaOf(year2)).toContain(`L${row}-1`);
    expect(formulaOf(year2)).toContain(`(1-V${row})^`);
    expect(resultOf(year2)).toBe(56250);
    expect(resultOf(rowOf.getCell(24))).toBe(0);
    expect(resultOf(rowOf.getCell(26))).toBe(39375);
    expect(formulaOf(map.getCell(pvAddress))).toMatch(/^SUMPRODUCT\(X\d+:AB\d+\/\$X\$\d+:\$AB\$\d+\)$/);
    // The discount factors: formulas of the rate and convention cells.
    const factorRow = layout.valueMap.lastDataRow + 2;
    for (let t = 1; t <= 5; t++) {
      const cell = map.getCell(factorRow, 23 + t);
      expect(formulaOf(cell)).toBe(`(1+'Value Map'!$B$4)^(${t}-IF('Value Map'!$B$5="year0",1,0))`);
      expect(resultOf(cell)).toBeCloseTo(1.035 ** t, 12);
    }
    expect(map.getCell(layout.valueMap.discountRate).value).toBe(0.035);
    expect(map.getCell(layout.valueMap.convention).value).toBe('guide');
    // Headline: formulas with the engine's values cached.
    expect(formulaOf(map.getCell(layout.valueMap.ratio))).toBe('IF(E5>0,E4/E5,"n/a")');
    expect(resultOf(map.getCell(layout.valueMap.presentValue))).toBeCloseTo(result.presentValue.value.toNumber(), 6);
    expect(resultOf(map.getCell(layout.valueMap.ratio))).toBeCloseTo(1.701057, 6);
    expect(resultOf(map.getCell(layout.valueMap.investment))).toBe(106250);
  });

  it('never subtracts the deductions from each other (the known spreadsheet error)', async () => {
    const { buffer } = await open(generatedProject());
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(buffer)).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).not.toMatch(/1-S\d+-T\d+/);
    expect(xml).not.toMatch(/1-\w+\d+-\w+\d+-\w+\d+/);
  });

  it('extends the years past five when an outcome lasts longer, and caches the engine’s values', async () => {
    const project = generatedProject();
    const { map, layout, workbook } = await open(project);
    const result = computeSroi(project);
    expect(layout.valueMap.years).toBe(8);
    expect(map.getCell(layout.valueMap.headerRow, 24 + 7).value).toBe('Year 8');
    project.outcomes.forEach((o, i) => {
      const cell = map.getCell(layout.valueMap.outcomePresentValues[i]);
      expect(resultOf(cell), o.name).toBeCloseTo(result.outcomes[i].presentValue.value.toNumber(), 6);
    });
    // The proxy in another currency and price year: value as sourced x a factor formula, in model prices.
    const o3 = map.getCell(layout.valueMap.outcomePresentValues[2]).row as unknown as number;
    expect(formulaOf(map.getCell(o3, 16))).toBe('112.7/104.2*1.17');
    expect(formulaOf(map.getCell(o3, 17))).toBe(`N${o3}*P${o3}`);
    expect(map.getCell(o3, 15).value).toBe('GBP 2021');
    // The disbenefit is negative and unintended.
    const o4 = map.getCell(layout.valueMap.outcomePresentValues[3]).row as unknown as number;
    expect(map.getCell(o4, 14).value).toBe(-340);
    expect(map.getCell(o4, 3).value).toBe('unintended');
    // Inputs: each line's value and present value are formulas; volunteer time is hours x rate.
    const inputs = workbook.getWorksheet(SHEETS.inputs)!;
    const volunteer = inputs.getRow(5 + project.inputs.findIndex((i) => i.id === 'i5'));
    expect(formulaOf(volunteer.getCell(10))).toMatch(/^IF\(E\d+="volunteer",H\d+\*I\d+,G\d+\)$/);
    expect(resultOf(volunteer.getCell(10))).toBeCloseTo(9880, 8);
    expect(formulaOf(volunteer.getCell(11))).toMatch(/^\(1\+'Value Map'!\$B\$4\)\^\(F\d+-1\)$/);
    const total = inputs.getCell(layout.inputs.totalPresentValue);
    expect(resultOf(total)).toBeCloseTo(result.investment.total.value.toNumber(), 6);
    // Totals by funder: the lines without a funder are grouped and labelled.
    const labels = inputs.getColumn(1).values.filter((v) => typeof v === 'string');
    expect(labels).toEqual(expect.arrayContaining(['City council', 'Foundation X', '(no funder named)']));
  });

  it('lays the outputs out by month, with the records of other periods below', async () => {
    const project = generatedProject();
    const { workbook } = await open(project);
    const sheet = workbook.getWorksheet(SHEETS.outputs)!;
    expect(sheet.getCell('B4').value).toBe('Contacts (contacts)');
    expect(sheet.getCell('C4').value).toBe('Naloxone kits (kits)');
    expect([sheet.getCell('A5').value, sheet.getCell('A6').value, sheet.getCell('A7').value]).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
    ]);
    expect(sheet.getCell('B7').value).toBe(128.5);
    expect(sheet.getCell('C6').value).toBe(40);
    expect(formulaOf(sheet.getCell('B8'))).toBe('SUM(B5:B7)');
    expect(resultOf(sheet.getCell('B8'))).toBe(383.5);
    const other = sheet.getColumn(2).values;
    expect(other).toContain('2025');
  });

  it('writes "n/a" for the ratios when there is no investment', async () => {
    const project = { ...w2Project(), inputs: [] };
    const { map, layout } = await open(project);
    expect(resultOf(map.getCell(layout.valueMap.ratio))).toBe('n/a');
    expect(map.getCell(layout.inputs.totalPresentValue.replace(/\d+/, '') + '1').value).toBeNull();
  });

  it('names columns past Z correctly', () => {
    expect([columnLetter(1), columnLetter(26), columnLetter(27), columnLetter(52), columnLetter(703)]).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'AAA',
    ]);
  });
});
