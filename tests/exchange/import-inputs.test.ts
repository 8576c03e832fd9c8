// Cost lines from CSV and .xlsx into a project's inputs, through the dispatcher on a real SQLite store: good files
// (comma and semicolon CSV, decimal commas, currency signs, calendar years, volunteer time, new stakeholder
// groups, a workbook with numbers stored as numbers), and malformed ones (wrong columns, text in numbers, an empty
// file, a header only, an unclosed quote, a 50 MB CSV, a 50 MB and a 20.5 MB workbook, a renamed CSV, an old
// .xls, a workbook that expands too much): each gets a clear error with line (or row) numbers, and nothing is
// half-imported, even when the lines were to replace the project's.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../electron/backend/dispatcher';
import { createHandlers } from '../../electron/backend/handlers';
import { MAX_COST_LINES } from '../../electron/exchange/cost-lines';
import { computeSroi } from '../../shared/engine';
import type { InputsImportReport, InputsMapping } from '../../shared/ipc/contract';
import type { Result } from '../../shared/ipc/result';
import type { Project } from '../../shared/model';
import { tempStore, type TempStore } from '../support/temp-store';
import { w2Project } from './fixtures';

let temp: TempStore;
let dispatcher: Dispatcher;
let projectId: string;

beforeAll(async () => {
  temp = await tempStore({ prefix: 'sroi-exchange-inputs-', backupOnStart: false });
  dispatcher = new Dispatcher(createHandlers(temp.store));
});
afterAll(async () => {
  await temp?.cleanup();
});

beforeEach(async () => {
  const imported = await dispatcher.dispatch('projects/import', {
    file: { schemaVersion: 1, project: w2Project() },
    asCopy: true,
  });
  if (!imported.ok) throw new Error(imported.error.message);
  projectId = (imported.value as { id: string }).id;
});

async function project(): Promise<Project> {
  const got = await dispatcher.dispatch('projects/get', { id: projectId });
  if (!got.ok) throw new Error(got.error.message);
  return got.value as Project;
}

const mapping = (
  changes: Partial<Omit<InputsMapping, 'columns'>> & { columns?: Partial<InputsMapping['columns']> } = {},
): InputsMapping => ({
  numberFormat: 'point',
  createStakeholders: false,
  replaceExisting: false,
  ...changes,
  columns: {
    description: 'Description',
    amount: 'Amount',
    stakeholder: 'Stakeholder',
    kind: 'Kind',
    category: 'Category',
    funder: 'Funder',
    year: 'Year',
    hours: null,
    hourlyRate: null,
    source: null,
    notes: null,
    ...changes.columns,
  },
  defaults: { stakeholderId: 'municipality', kind: 'cash', category: 'General', year: 1, ...changes.defaults },
});

function importCsv(text: string, m: InputsMapping = mapping()) {
  return dispatcher.dispatch('exchange/importInputs', { projectId, source: { kind: 'csv', text }, mapping: m });
}

async function xlsxOf(rows: unknown[][], sheetName = 'Budget'): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

function importXlsx(base64: string, m: InputsMapping = mapping(), sheet: string | null = null) {
  return dispatcher.dispatch('exchange/importInputs', {
    projectId,
    source: { kind: 'xlsx', base64, sheet },
    mapping: m,
  });
}

function failure(result: Result<unknown>) {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result.value)}`);
  return result.error;
}

async function expectUnchanged(before: Project): Promise<void> {
  const after = await project();
  expect(after.inputs).toEqual(before.inputs);
  expect(after.stakeholders).toEqual(before.stakeholders);
}

describe('importing cost lines from CSV', () => {
  it('imports every line, in order, and the investment includes them', async () => {
    const csv = [
      'Description,Amount,Stakeholder,Kind,Category,Funder,Year',
      'Outreach worker salary,"42,000.00",Municipality,cash,Staff,Municipality,1',
      'Second van,€ 9500,Local business,in kind,Vehicles,,1',
      'Rent of the drop-in,12000.50,municipality,Cash,Premises,Municipality,2025',
      'Training,1500,,cash,,,2',
      '',
    ].join('\r\n');
    const result = await importCsv(csv);
    expect(result).toEqual({
      ok: true,
      value: { rowsRead: 4, inputsImported: 4, inputsReplaced: 0, stakeholdersCreated: [] },
    });
    const p = await project();
    const added = p.inputs.slice(3);
    expect(added.map((i) => [i.description, i.kind, i.stakeholderId, i.category, i.funder, i.year])).toEqual([
      ['Outreach worker salary', 'cash', 'municipality', 'Staff', 'Municipality', 1],
      ['Second van', 'in-kind', 'donor', 'Vehicles', '', 1],
      // A calendar year is counted from the project's first year (2025 = year 1).
      ['Rent of the drop-in', 'cash', 'municipality', 'Premises', 'Municipality', 1],
      // Empty cells take the defaults.
      ['Training', 'cash', 'municipality', 'General', '', 2],
    ]);
    expect(added.map((i) => (i.kind === 'volunteer' ? null : i.amount))).toEqual(['42000', '9500', '12000.5', '1500']);
    const investment = computeSroi(p).investment.total.value.toFixed(2);
    expect(investment).toBe((106250 + 42000 + 9500 + 12000.5 + 1500 / 1.035).toFixed(2));
  });

  it('reads semicolon files with decimal commas, volunteer hours x rate, and adds the stakeholder groups it names', async () => {
    const csv = [
      'Voce;Importo;Gruppo;Tipo;Ore;Tariffa oraria;Fonte',
      'Volontari di strada;;Volontari;volunteer time;1.200;9,50;Salario minimo',
      'Affitto;8.400,00;Fondazione;in-kind;;;Prezzo di mercato',
    ].join('\n');
    const m = mapping({
      numberFormat: 'comma',
      createStakeholders: true,
      columns: {
        description: 'Voce',
        amount: 'Importo',
        stakeholder: 'Gruppo',
        kind: 'Tipo',
        category: null,
        funder: null,
        year: null,
        hours: 'Ore',
        hourlyRate: 'Tariffa oraria',
        source: 'Fonte',
      },
    });
    const result = await importCsv(csv, m);
    expect(result.ok && (result.value as InputsImportReport).stakeholdersCreated).toEqual(['Volontari', 'Fondazione']);
    const p = await project();
    const [volunteers, rent] = p.inputs.slice(3);
    expect(volunteers).toMatchObject({
      kind: 'volunteer',
      hours: '1200',
      hourlyRate: '9.5',
      rateSource: 'Salario minimo',
    });
    expect(rent).toMatchObject({ kind: 'in-kind', amount: '8400', valuationSource: 'Prezzo di mercato' });
    expect(p.stakeholders.map((s) => s.name)).toEqual(expect.arrayContaining(['Volontari', 'Fondazione']));
  });

  it('replaces the project’s lines when asked, in the same transaction', async () => {
    const result = await importCsv(
      'Description,Amount\nNew budget,1000\n',
      mapping({
        replaceExisting: true,
        columns: { stakeholder: null, kind: null, category: null, funder: null, year: null },
      }),
    );
    expect(result.ok && result.value).toMatchObject({ inputsImported: 1, inputsReplaced: 3 });
    expect((await project()).inputs.map((i) => i.description)).toEqual(['New budget']);
  });

  it('refuses a file without the chosen columns, naming them and the columns it has', async () => {
    const before = await project();
    const error = failure(await importCsv('What,Cost\nVan,100\n'));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe(
      'The file has no columns "Description", "Amount", "Stakeholder", "Kind", "Category", "Funder", "Year". Columns found: "What", "Cost". Check the header line or the column choices.',
    );
    await expectUnchanged(before);
  });

  it('lists every row with text in a number, by line and column, and imports nothing (not even the good rows)', async () => {
    const before = await project();
    const csv = [
      'Description,Amount,Stakeholder,Kind,Category,Funder,Year',
      'Good line,100,Municipality,cash,Staff,,1',
      'Salary,about 2000,Municipality,cash,Staff,,1',
      '',
      'Rent,"1.234,56",Municipality,cash,Premises,,1',
      'Van,-300,Municipality,cash,Vehicles,,1',
      'Fuel,200,Nobody,petrol,Vehicles,,0',
    ].join('\n');
    const error = failure(await importCsv(csv, mapping({ replaceExisting: true })));
    expect(error.message).toBe('4 lines have problems; nothing was imported.');
    expect(error.fields?.map((f) => `${f.where}: ${f.message}`)).toEqual([
      'line 3, column "Amount": "about 2000" is not a number; write it as 1,234.50 or 1234.50',
      'line 5, column "Amount": "1.234,56" is not a number; write it as 1,234.50 or 1234.50',
      'line 6, column "Amount": "-300" is negative; a cost cannot be below 0 (income is not a negative input)',
      'line 7, column "Stakeholder": "Nobody" is not a stakeholder group of this project (groups: "Municipality", "Local business", "Peer volunteers", "People who use drugs", "Local residents"); add the group, or let the import add it',
      'line 7, column "Kind": "petrol" is not a kind of input; write cash, in kind or volunteer time',
      'line 7, column "Year": 0 is not a year of activity; write 1 for the first year, 2 for the second, ...',
    ]);
    await expectUnchanged(before);
  });

  it('says when volunteer time has an amount that is not hours x rate', async () => {
    const csv = 'Description,Amount,Kind,Hours,Rate\nPeers,1000,volunteer,100,9.5\n';
    const error = failure(
      await importCsv(
        csv,
        mapping({
          columns: { stakeholder: null, category: null, funder: null, year: null, hours: 'Hours', hourlyRate: 'Rate' },
        }),
      ),
    );
    expect(error.fields?.[0]).toMatchObject({
      where: 'line 2, column "Amount"',
      message: '1000 is not hours x hourly rate (100 x 9.5 = 950); leave it empty or correct it',
    });
  });

  it('says that an empty file is empty, and that a header alone has no rows', async () => {
    const before = await project();
    expect(failure(await importCsv('')).message).toBe(
      'The file is empty. It needs a header line with the column names, then one row per cost line.',
    );
    expect(failure(await importCsv('\n\n  \n')).message).toMatch(/^The file is empty/);
    expect(failure(await importCsv('Description,Amount,Stakeholder,Kind,Category,Funder,Year\n')).message).toBe(
      'The file has a header line but no rows; nothing was imported.',
    );
    await expectUnchanged(before);
  });

  it('stops at an unclosed quote and says where', async () => {
    const csv =
      'Description,Amount,Stakeholder,Kind,Category,Funder,Year\nA,1,Municipality,cash,X,,1\n"Broken,2,Municipality,cash,X,,1\nC,3,Municipality,cash,X,,1\n';
    const error = failure(await importCsv(csv));
    expect(error.message).toBe(
      'The file could not be read past line 3 (a quote (") is opened and never closed); nothing was imported.',
    );
  });

  it('refuses a 50 MB file of a million rows quickly, saying why, and imports nothing', async () => {
    const before = await project();
    const line = 'Outreach worker salary for the month,1234.56,Municipality,cash,Staff,Municipality,1\n';
    const text =
      'Description,Amount,Stakeholder,Kind,Category,Funder,Year\n' +
      line.repeat(Math.ceil((50 * 1024 * 1024) / line.length));
    expect(text.length).toBeGreaterThan(50 * 1024 * 1024);
    const started = performance.now();
    const error = failure(await importCsv(text));
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(error.message).toBe(
      `The file has more than ${MAX_COST_LINES.toLocaleString('en')} rows below its header. A project's cost lines are counted in tens or hundreds: is this the right file? Nothing was imported.`,
    );
    await expectUnchanged(before);
  });

  it('lists at most 100 problems and counts the rest', async () => {
    const rows = Array.from({ length: 150 }, (_, i) => `Line ${i},x,Municipality,cash,Staff,,1`);
    const error = failure(
      await importCsv(['Description,Amount,Stakeholder,Kind,Category,Funder,Year', ...rows].join('\n')),
    );
    expect(error.message).toBe('150 lines have problems; nothing was imported.');
    expect(error.fields).toHaveLength(101);
    expect(error.fields?.[100].message).toBe('50 more problems are not listed; fix the ones above and import again');
  });

  it('refuses a mapping that uses one column twice or lacks the amount', async () => {
    expect(failure(await importCsv('a\n', mapping({ columns: { amount: 'Description' } }))).message).toBe(
      'The column "Description" is chosen for the description and for the amount; choose it once.',
    );
    expect(failure(await importCsv('a\n', mapping({ columns: { amount: null } }))).message).toMatch(
      /^Choose the column with the amount/,
    );
  });

  it('leaves everything as it was when replacing would delete a line a scenario uses', async () => {
    const p = await project();
    await dispatcher.dispatch('scenarios/save', {
      projectId,
      item: {
        id: 'cut',
        name: 'Budget cut',
        description: '',
        overrides: [{ target: 'input', id: 'grant', field: 'amount', value: '60000' }],
      },
    });
    const before = await project();
    const result = await importCsv(
      'Description,Amount\nNew,1\n',
      mapping({
        replaceExisting: true,
        columns: { stakeholder: null, kind: null, category: null, funder: null, year: null },
      }),
    );
    expect(result.ok).toBe(false);
    await expectUnchanged(before);
    expect(p.inputs).toHaveLength(3);
  });
});

describe('importing cost lines from an Excel workbook', () => {
  it('reads numbers stored as numbers, text cells, and the chosen sheet; problems name the sheet’s rows', async () => {
    const base64 = await xlsxOf([
      ['Description', 'Amount', 'Stakeholder', 'Kind', 'Category', 'Funder', 'Year'],
      ['Outreach salary', 42000, 'Municipality', 'cash', 'Staff', 'Municipality', 1],
      [],
      ['Van repairs', 1234.5, 'Local business', 'in kind', 'Vehicles', null, 2026],
    ]);
    const result = await importXlsx(base64);
    expect(result).toEqual({
      ok: true,
      value: { rowsRead: 2, inputsImported: 2, inputsReplaced: 0, stakeholdersCreated: [] },
    });
    const added = (await project()).inputs.slice(3);
    expect(added.map((i) => [i.description, i.kind !== 'volunteer' && i.amount, i.year])).toEqual([
      ['Outreach salary', '42000', 1],
      ['Van repairs', '1234.5', 2],
    ]);
  });

  it('lists row numbers of the sheet for text in numbers, and imports nothing', async () => {
    const before = await project();
    const base64 = await xlsxOf([
      ['Budget 2025'],
      [],
      ['Description', 'Amount', 'Stakeholder', 'Kind', 'Category', 'Funder', 'Year'],
      ['Salary', 1000, 'Municipality', 'cash', 'Staff', '', 1],
      ['Rent', 'twelve hundred', 'Municipality', 'cash', 'Premises', '', 1],
    ]);
    // The title above the table is not its header; the problem is at row 5, as the user sees it in the sheet.
    const error = failure(await importXlsx(base64));
    expect(error.message).toBe('1 row has problems; nothing was imported.');
    expect(error.fields?.[0]).toEqual({
      path: 'row 5',
      where: 'row 5, column "Amount"',
      message: '"twelve hundred" is not a number; write it as 1,234.50 or 1234.50',
    });
    await expectUnchanged(before);
  });

  it('says when the sheet asked for is not there, and when the workbook is empty', async () => {
    const base64 = await xlsxOf([['Description', 'Amount']], 'Costs');
    expect(failure(await importXlsx(base64, mapping(), 'Budget')).message).toBe(
      'The workbook has no sheet "Budget". Its sheets: "Costs".',
    );
    expect(failure(await importXlsx(await xlsxOf([]))).message).toMatch(/^The file is empty/);
  });

  it('refuses a 50 MB workbook before reading it (the contract’s limit), and a 20.5 MB one by its size', async () => {
    const before = await project();
    const big = Buffer.alloc(50 * 1024 * 1024, 1).toString('base64');
    const error = failure(await importXlsx(big));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain(
      'the workbook is larger than 20 MB; save only the sheet you need, or save it as CSV and import that',
    );
    const almost = Buffer.alloc(Math.round(20.5 * 1024 * 1024), 1).toString('base64');
    expect(failure(await importXlsx(almost)).message).toBe(
      'The workbook is 20.5 MB, larger than the 20 MB this import reads. Save only the sheet you need, or save it as CSV and import that.',
    );
    await expectUnchanged(before);
  });

  it('recognises a CSV sent as a workbook, an old .xls, an .ods and a damaged zip', async () => {
    const csv = Buffer.from('Description,Amount\nVan,100\n').toString('base64');
    expect(failure(await importXlsx(csv)).message).toBe(
      'This file is text, not an Excel workbook (.xlsx). If it is a CSV file, choose CSV.',
    );
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    expect(failure(await importXlsx(xls.toString('base64'))).message).toMatch(/^This is an old Excel file \(\.xls\)/);
    const ods = new JSZip();
    ods.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    ods.file('content.xml', '<office:document-content/>');
    const odsBytes = await ods.generateAsync({ type: 'nodebuffer' });
    expect(failure(await importXlsx(odsBytes.toString('base64'))).message).toMatch(
      /^This is an OpenDocument spreadsheet/,
    );
    const good = Buffer.from(await xlsxOf([['Description', 'Amount']]), 'base64');
    const damaged = Buffer.concat([good.subarray(0, good.length - 200), Buffer.alloc(200)]);
    expect(failure(await importXlsx(damaged.toString('base64'))).message).toMatch(
      /not an Excel workbook|could not be read/,
    );
  });

  it('refuses a workbook that would expand to more than 200 MB (a zip bomb), before opening it', async () => {
    const bytes = Buffer.from(await xlsxOf([['Description', 'Amount']]), 'base64');
    // Declare a huge uncompressed size for the first entry of the central directory.
    const central = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    bytes.writeUInt32LE(300 * 1024 * 1024, central + 24);
    expect(failure(await importXlsx(bytes.toString('base64'))).message).toMatch(
      /^The workbook expands to \d+ MB when opened, more than the 200 MB this import reads/,
    );
  });
});
