// The Excel workbook recalculated by LibreOffice headless gives the app's figures to the cent: W2 (METHOD.md) and
// a generated project with multi-year inputs, outcomes that start after the activity, drop-off and a negative
// proxy, under both year-one conventions. The workbook is written WITHOUT cached values and LibreOffice is set
// to recalculate on load, so every figure compared is LibreOffice's own. Then the formulas are shown to be live:
// the discount rate and the convention are changed in the sheet only, and the recalculated figures follow the
// engine run with the same settings. Skipped, saying why, where LibreOffice is not installed.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildWorkbook, SHEETS, type WorkbookLayout } from '../../electron/exchange/value-map-writer';
import { computeSroi } from '../../shared/engine';
import type { Project } from '../../shared/model';
import { generatedProject, w2Project, withSettings } from './fixtures';
import { libreOfficeUnavailable, recalculateInLibreOffice, storedValues } from './libreoffice';

const skip = libreOfficeUnavailable();

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** What LibreOffice stored for some cells of a sheet; every cell asked for must have a value. */
async function computedValues(xlsx: Buffer, sheet: string, addresses: string[]) {
  const values = await storedValues(xlsx, sheet, addresses);
  return (address: string): number | string => {
    const value = values.get(address);
    if (value === undefined) throw new Error(`${sheet}!${address} has no computed value`);
    return value;
  };
}

const cents = (x: number | string | { toNumber(): number }) =>
  Math.round((typeof x === 'object' ? x.toNumber() : Number(x)) * 100);

type Layout = WorkbookLayout['valueMap'];

function headlineCells(layout: Layout): string[] {
  return [
    layout.presentValue,
    layout.investment,
    layout.netPresentValue,
    layout.ratio,
    layout.netRatio,
    layout.paybackGuideMonths,
    ...layout.outcomePresentValues,
  ];
}

async function expectSameFigures(xlsx: Buffer, layout: Layout, project: Project): Promise<void> {
  const computed = await computedValues(xlsx, SHEETS.valueMap, headlineCells(layout));
  const result = computeSroi(project);
  expect(cents(computed(layout.presentValue)), 'PV').toBe(cents(result.presentValue.value));
  expect(cents(computed(layout.investment)), 'investment').toBe(cents(result.investment.total.value));
  expect(cents(computed(layout.netPresentValue)), 'NPV').toBe(cents(result.netPresentValue.value));
  const ratio = computed(layout.ratio);
  expect(result.ratio.value).not.toBeNull();
  // The ratio "to the cent": as shown (2 decimals), and far closer than that.
  expect(cents(ratio), 'ratio').toBe(cents(result.ratio.value!));
  expect(Math.abs(Number(ratio) - result.ratio.value!.toNumber())).toBeLessThan(1e-9);
  layout.outcomePresentValues.forEach((address, i) => {
    expect(cents(computed(address)), `PV of ${project.outcomes[i].name}`).toBe(
      cents(result.outcomes[i].presentValue.value),
    );
  });
  const payback = computed(layout.paybackGuideMonths);
  if (result.paybackGuideMonths.value === null) expect(payback).toBe('n/a');
  else expect(Number(payback)).toBeCloseTo(result.paybackGuideMonths.value.toNumber(), 6);
}

async function recalculated(project: Project) {
  const { buffer, layout } = await buildWorkbook(project, { cachedResults: false });
  return { xlsx: recalculateInLibreOffice(buffer), layout };
}

describe.skipIf(skip !== null)(`the workbook recalculated by LibreOffice${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('W2: PV 180,737.35 and ratio 1.70 : 1, as the app computes them', async () => {
    const project = w2Project();
    const { xlsx, layout } = await recalculated(project);
    await expectSameFigures(xlsx, layout.valueMap, project);
    const computed = await computedValues(xlsx, SHEETS.valueMap, headlineCells(layout.valueMap));
    expect(Number(computed(layout.valueMap.presentValue)).toFixed(6)).toBe('180737.349240');
    expect(Number(computed(layout.valueMap.ratio)).toFixed(6)).toBe('1.701057');
  });

  it('a generated project (multi-year inputs, "after" outcomes, drop-off, negative proxy), guide convention', async () => {
    const project = generatedProject('guide');
    const { xlsx, layout } = await recalculated(project);
    await expectSameFigures(xlsx, layout.valueMap, project);
    // The inputs sheet: the totals of the lines, nominal and discounted.
    const result = computeSroi(project);
    const inputs = await computedValues(xlsx, SHEETS.inputs, [
      layout.inputs.totalPresentValue,
      layout.inputs.totalValue,
    ]);
    expect(cents(inputs(layout.inputs.totalPresentValue))).toBe(cents(result.investment.total.value));
    expect(cents(inputs(layout.inputs.totalValue))).toBe(cents(result.investment.nominalTotal));
  });

  it('the generated project with the year0 convention', async () => {
    const project = generatedProject('year0');
    const { xlsx, layout } = await recalculated(project);
    await expectSameFigures(xlsx, layout.valueMap, project);
  });

  it('the formulas are live: changing the rate and the convention in the sheet gives the engine’s figures for them', async () => {
    const project = generatedProject('guide');
    const { buffer, layout } = await buildWorkbook(project, { cachedResults: false });
    const workbook = await load(buffer);
    const map = workbook.getWorksheet(SHEETS.valueMap)!;
    map.getCell(layout.valueMap.discountRate).value = 0.06;
    map.getCell(layout.valueMap.convention).value = 'year0';
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    await expectSameFigures(
      recalculateInLibreOffice(edited),
      layout.valueMap,
      withSettings(project, { discountRate: '0.06', yearOneConvention: 'year0' }),
    );
  });

  it('a rate of 0 % and no investment: PV undiscounted, ratios "n/a"', async () => {
    const project: Project = { ...withSettings(w2Project(), { discountRate: '0' }), inputs: [] };
    const { xlsx, layout } = await recalculated(project);
    const computed = await computedValues(xlsx, SHEETS.valueMap, headlineCells(layout.valueMap));
    const result = computeSroi(project);
    expect(cents(computed(layout.valueMap.presentValue))).toBe(cents(result.undiscountedValue.value));
    expect(computed(layout.valueMap.ratio)).toBe('n/a');
    expect(computed(layout.valueMap.netRatio)).toBe('n/a');
  });
});
