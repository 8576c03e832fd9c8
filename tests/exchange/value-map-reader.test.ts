// An existing Value Map spreadsheet into a new project: SROI Studio's own workbook comes back with the same
// figures (W2 and the generated project, to the cent); a Value Map laid out as in Social Value International's
// template (group headings, question row, merged stakeholder cells, percentages written three ways, "1"/"2"
// starts, a discount rate label) is read as far as its columns allow, and what cannot be read is listed by row;
// a workbook that is not a Value Map is refused and nothing is created.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../electron/backend/dispatcher';
import { createHandlers } from '../../electron/backend/handlers';
import { readValueMap } from '../../electron/exchange/value-map-reader';
import { buildWorkbook } from '../../electron/exchange/value-map-writer';
import { computeSroi } from '../../shared/engine';
import type { ValueMapImportReport } from '../../shared/ipc/contract';
import type { Project } from '../../shared/model';
import { tempStore, type TempStore } from '../support/temp-store';
import { generatedProject, w2Project } from './fixtures';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

const cents = (x: { toNumber(): number }) => Math.round(x.toNumber() * 100);

/** A Value Map as people fill in SVI's template: names in one row, questions under them, figures below. */
async function sviStyleWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Guidance').getCell('A1').value = 'How to use this Value Map';
  const sheet = workbook.addWorksheet('Value Map');
  sheet.getCell('A1').value = 'Youth mentoring programme';
  sheet.getCell('A3').value = 'Discount rate (%)';
  sheet.getCell('C3').value = 3.5;
  sheet.getRow(5).values = [
    'Stage 1',
    '',
    '',
    'Stage 2',
    '',
    '',
    'The Outcomes (what changes)',
    '',
    '',
    '',
    '',
    '',
    'Financial Proxy',
    '',
    '',
    'Stage 3',
  ];
  sheet.mergeCells('G5:L5');
  sheet.mergeCells('M5:O5');
  sheet.getRow(6).values = [
    'Stakeholders',
    'No. in group',
    'Intended/unintended changes',
    'Inputs',
    'Value £',
    'Outputs',
    'Description',
    'Indicator',
    'Source',
    'Quantity',
    'Duration',
    'Outcomes start',
    'Financial proxy',
    'Value £',
    'Source',
    'Deadweight %',
    'Displacement %',
    'Attribution %',
    'Drop off %',
    'Impact',
    'Year 1',
    'Year 2',
    'Year 3',
  ];
  sheet.getRow(7).values = [
    'Who do we have an effect on? Who has an effect on us?',
    '',
    'What do you think will happen?',
    'What do they invest?',
    '',
    'Summary of activity in numbers',
    'How would the stakeholder describe the changes?',
    'How would you measure it?',
    'Where did you get the information from?',
    'How much change was there?',
    'How long does it last?',
    'Does it start in period of activity (1) or in period after (2)',
    'What proxy would you use to value the change?',
    'What is the value of the change?',
    'Where did you get the information from?',
    'What would have happened without the activity?',
    'What activity did you displace?',
    'Who else contributed to the change?',
    'Does the outcome drop off in future years?',
  ];
  const rows: unknown[][] = [
    [
      'Young people',
      60,
      'intended',
      'Time',
      0,
      '40 mentoring pairs',
      'More confident at school',
      'Teacher rating',
      'School survey',
      24,
      2,
      1,
      'Cost of a confidence course',
      350,
      'Local provider',
      0.2,
      0,
      0.25,
      0.5,
    ],
    [
      null,
      null,
      'intended',
      null,
      null,
      null,
      'Back into education',
      'Enrolments',
      'College records',
      'about 10',
      3,
      2,
      'Value of a year of further education',
      4200,
      'DfE',
      35,
      0,
      '30%',
      10,
    ],
    [
      'Volunteer mentors',
      40,
      'unintended',
      'Volunteer time',
      12000,
      null,
      'Less time with family',
      'Diary study',
      'Interviews',
      5,
      1,
      'later',
      'Value of an evening',
      -80,
      'Time-use study',
      'unknown',
      0,
      0,
      0,
    ],
    ['Funder', 1, null, 'Grant', 45000],
    ['Total', null, null, null, 57000],
    ['Present value of each year'],
  ];
  rows.forEach((values, i) => (sheet.getRow(8 + i).values = values as ExcelJS.CellValue[]));
  sheet.mergeCells('A8:A9');
  sheet.mergeCells('B8:B9');
  sheet.getCell('P8').numFmt = '0%';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('reading a Value Map workbook', () => {
  it('reads SROI Studio’s own workbook back with the same figures (W2)', async () => {
    const project = w2Project();
    const { buffer } = await buildWorkbook(project);
    const reading = readValueMap(await load(buffer), { fileName: 'w2.xlsx' });
    const before = computeSroi(project);
    const after = computeSroi(reading.project);
    expect(reading.unreadable).toEqual([]);
    expect(reading.read).toEqual({ stakeholders: 5, inputs: 3, outputs: 0, outcomes: 4 });
    expect(reading.project.name).toBe(project.name);
    expect(reading.project.settings).toEqual(project.settings);
    expect(cents(after.presentValue.value)).toBe(cents(before.presentValue.value));
    expect(cents(after.investment.total.value)).toBe(cents(before.investment.total.value));
    expect(after.ratio.value!.toFixed(6)).toBe('1.701057');
    expect(reading.project.outcomes.map((o) => [o.name, o.start, o.duration, o.intended])).toEqual(
      project.outcomes.map((o) => [o.name, o.start, o.duration, o.intended]),
    );
    expect(reading.project.inputs.map((i) => i.kind)).toEqual(['cash', 'in-kind', 'volunteer']);
    expect(
      reading.project.outcomes.map((o) => [o.indicator, o.evidenceSource, o.proxy.description, o.proxy.source]),
    ).toEqual(project.outcomes.map((o) => [o.indicator, o.evidenceSource, o.proxy.description, o.proxy.source]));
  });

  it('reads the generated project back (multi-year inputs, year0, a converted proxy folded into its value)', async () => {
    const project = generatedProject('year0');
    const { buffer } = await buildWorkbook(project);
    const reading = readValueMap(await load(buffer));
    const before = computeSroi(project);
    const after = computeSroi(reading.project);
    expect(cents(after.presentValue.value)).toBe(cents(before.presentValue.value));
    expect(cents(after.investment.total.value)).toBe(cents(before.investment.total.value));
    expect(after.ratio.value!.toFixed(6)).toBe(before.ratio.value!.toFixed(6));
    expect(reading.project.settings).toEqual({ discountRate: '0.04', yearOneConvention: 'year0' });
    expect(reading.project.inputs.map((i) => i.year)).toEqual([1, 2, 3, 2, 1, 3]);
    expect(reading.assumptions.join('\n')).toContain("Proxy values were taken in the model's prices");
  });

  it('reads a Value Map in the layout of SVI’s template, listing by row what it could not read', async () => {
    const reading = readValueMap(await load(await sviStyleWorkbook()), {
      fileName: 'mentoring.xlsx',
      now: new Date('2025-03-01'),
    });
    const p = reading.project;
    expect(p.name).toBe('Youth mentoring programme');
    expect(p.currency).toBe('GBP');
    expect(p.settings).toEqual({ discountRate: '0.035', yearOneConvention: 'guide' });
    expect(p.stakeholders.map((s) => [s.name, s.size])).toEqual([
      ['Young people', 60],
      ['Volunteer mentors', 40],
      ['Funder', 1],
    ]);
    expect(
      p.outcomes.map((o) => [
        o.name,
        o.quantity,
        o.duration,
        o.start,
        o.deadweight,
        o.attribution,
        o.dropOff,
        o.proxy.value,
        o.intended,
      ]),
    ).toEqual([
      ['More confident at school', '24', 2, 'during', '0.2', '0.25', '0.5', '350', true],
      ['Back into education', '0', 3, 'after', '0.35', '0.3', '0.1', '4200', true],
      ['Less time with family', '5', 1, 'during', '0', '0', '0', '-80', false],
    ]);
    // Both outcomes of the merged "Young people" cell belong to that group.
    expect(p.outcomes[1].stakeholderId).toBe(p.stakeholders[0].id);
    expect(p.outcomes[0]).toMatchObject({ indicator: 'Teacher rating', evidenceSource: 'School survey' });
    expect(p.outcomes[0].proxy).toMatchObject({
      description: 'Cost of a confidence course',
      source: 'Local provider',
      currency: 'GBP',
    });
    expect(p.inputs.map((i) => [i.description, i.kind, i.kind !== 'volunteer' && i.amount])).toEqual([
      ['Volunteer time', 'cash', '12000'],
      ['Grant', 'cash', '45000'],
    ]);
    expect(p.outputs.map((o) => o.name)).toEqual(['40 mentoring pairs']);
    expect(reading.unreadable).toEqual([
      'Row 9 ("Back into education"): the quantity "about 10" is not a number; set to 0.',
      'Row 10 ("Less time with family"): "outcomes start" is "later", neither 1 (during) nor 2 (after); taken as during.',
      'Row 10 ("Less time with family"): the deadweight "unknown" is not a number; set to 0 %.',
    ]);
    expect(reading.assumptions.join('\n')).toContain('Inputs were read as cash in year 1');
    expect(computeSroi(p).presentValue.value.gt(0)).toBe(true);
  });

  it('refuses a workbook that is not a Value Map', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Budget');
    sheet.addRow(['Description', 'Amount']);
    sheet.addRow(['Van', 1000]);
    expect(() => readValueMap(workbook)).toThrow(/No sheet of this workbook looks like a Value Map/);
  });
});

describe('the exchange/importValueMap channel', () => {
  let temp: TempStore;
  let dispatcher: Dispatcher;
  beforeAll(async () => {
    temp = await tempStore({ prefix: 'sroi-exchange-vm-', backupOnStart: false });
    dispatcher = new Dispatcher(createHandlers(temp.store));
  });
  afterAll(async () => temp?.cleanup());

  it('creates a new project and answers with what it read, what it could not, and what it assumed', async () => {
    const base64 = (await sviStyleWorkbook()).toString('base64');
    const result = await dispatcher.dispatch('exchange/importValueMap', { base64, fileName: 'mentoring.xlsx' });
    if (!result.ok) throw new Error(result.error.message);
    const report = result.value as ValueMapImportReport;
    expect(report.summary).toMatchObject({
      name: 'Youth mentoring programme',
      currency: 'GBP',
      stakeholderCount: 3,
      outcomeCount: 3,
    });
    expect(report.unreadable).toHaveLength(3);
    const got = await dispatcher.dispatch('projects/get', { id: report.summary.id });
    expect(got.ok && (got.value as Project).outcomes).toHaveLength(3);
  });

  it('creates nothing from a workbook that is not a Value Map, or from bytes that are not a workbook', async () => {
    const before = await dispatcher.dispatch('projects/list', {});
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').addRow(['Hello']);
    const base64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const notAMap = await dispatcher.dispatch('exchange/importValueMap', { base64, fileName: 'hello.xlsx' });
    expect(notAMap.ok).toBe(false);
    const notAWorkbook = await dispatcher.dispatch('exchange/importValueMap', {
      base64: Buffer.from('Stakeholders,Quantity\n').toString('base64'),
    });
    expect(!notAWorkbook.ok && notAWorkbook.error.message).toBe(
      'This file is text, not an Excel workbook (.xlsx). If it is a CSV file, choose CSV.',
    );
    expect(await dispatcher.dispatch('projects/list', {})).toEqual(before);
  });
});
