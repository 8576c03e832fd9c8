// The files of docs/examples/data/ through the exchange paths, on a real store: the two monthly files as Excel
// workbooks (month as text and as a date cell) import through exchange/readSpreadsheet + outputRecords/importCsv
// with exactly the records of the CSV files; a problem in a workbook is reported at the sheet's row; the
// activity-totals file is not a file of cost lines, and says so without importing anything.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../electron/backend/dispatcher';
import { createHandlers } from '../../electron/backend/handlers';
import type { CsvRecordMapping, InputsMapping } from '../../shared/ipc/contract';
import type { OutputRecord, Project } from '../../shared/model';
import { tempStore, type TempStore } from '../support/temp-store';
import { DATA_DIR, w2Project } from './fixtures';

const METHADONE = join(DATA_DIR, 'street-unit-methadone-clients-2012.csv');
const EMERGENCY = join(DATA_DIR, 'emergency-unit-people-2012.csv');
const TOTALS = join(DATA_DIR, 'street-unit-totals-1992-2012.csv');

let temp: TempStore;
let dispatcher: Dispatcher;
let projectId: string;

beforeAll(async () => {
  temp = await tempStore({ prefix: 'sroi-exchange-examples-', backupOnStart: false });
  dispatcher = new Dispatcher(createHandlers(temp.store));
});
afterAll(async () => temp?.cleanup());

beforeEach(async () => {
  const imported = await dispatcher.dispatch('projects/import', {
    file: { schemaVersion: 1, project: w2Project() },
    asCopy: true,
  });
  if (!imported.ok) throw new Error(imported.error.message);
  projectId = (imported.value as { id: string }).id;
  for (const id of ['csv', 'xlsx']) {
    const saved = await dispatcher.dispatch('outputs/save', {
      projectId,
      item: { id, name: `Imported from ${id}`, unit: 'people', stakeholderId: 'pwud', notes: '' },
    });
    if (!saved.ok) throw new Error(saved.error.message);
  }
});

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = await dispatcher.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message} ${JSON.stringify(result.error.fields ?? [])}`);
  return result.value as T;
}

/** A workbook with the CSV's rows as cells: numbers as numbers, the month as text or as a date. */
async function workbookOf(csvFile: string, monthAsDate: boolean, title?: string): Promise<string> {
  const [header, ...rows] = readFileSync(csvFile, 'utf8')
    .trim()
    .split(/\r?\n/)
    .map((l) => l.split(','));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('2012');
  if (title) {
    sheet.addRow([title]);
    sheet.addRow([]);
  }
  sheet.addRow(header);
  for (const row of rows) {
    sheet.addRow(
      row.map((cell, i) => {
        if (i === 0) return monthAsDate ? new Date(`${cell}-01T00:00:00Z`) : cell;
        return Number(cell);
      }),
    );
  }
  if (monthAsDate) sheet.getColumn(1).numFmt = 'yyyy-mm';
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const records = (outputId: string) => call<OutputRecord[]>('outputRecords/list', { projectId, outputId });

const methadone = (outputId: string): CsvRecordMapping => ({
  outputId,
  periodColumn: 'month',
  countColumn: 'total',
  breakdownColumns: [
    { column: 'italian_men', categories: { nationality: 'Italian', gender: 'men' } },
    { column: 'italian_women', categories: { nationality: 'Italian', gender: 'women' } },
    { column: 'foreign_men', categories: { nationality: 'foreign', gender: 'men' } },
    { column: 'foreign_women', categories: { nationality: 'foreign', gender: 'women' } },
  ],
  categoryColumns: [],
  replaceExisting: true,
});

const emergency = (outputId: string): CsvRecordMapping => ({
  outputId,
  periodColumn: 'month',
  countColumn: 'people_treated',
  breakdownColumns: [],
  categoryColumns: [],
  replaceExisting: true,
});

describe('monthly outputs from Excel workbooks (docs/examples/data)', () => {
  it.each([
    ['the methadone clients by nationality and gender', METHADONE, methadone, false],
    ['the methadone clients, months as date cells', METHADONE, methadone, true],
    ['the emergency unit', EMERGENCY, emergency, false],
    ['the emergency unit, months as date cells', EMERGENCY, emergency, true],
  ] as const)('%s: the same records as the CSV file', async (_label, file, mappingFor, monthAsDate) => {
    await call('outputRecords/importCsv', { projectId, csv: readFileSync(file, 'utf8'), mapping: mappingFor('csv') });
    const sheet = await call<{ sheets: string[]; sheet: string; csv: string; rows: number }>(
      'exchange/readSpreadsheet',
      {
        base64: await workbookOf(file, monthAsDate),
      },
    );
    expect(sheet.sheets).toEqual(['2012']);
    expect(sheet.rows).toBe(13);
    const report = await call('outputRecords/importCsv', { projectId, csv: sheet.csv, mapping: mappingFor('xlsx') });
    expect(report).toEqual({ rowsRead: 12, recordsImported: 12 });
    expect(await records('xlsx')).toEqual(await records('csv'));
  });

  it('the published total of the emergency unit (1,068 people) survives the workbook', async () => {
    const sheet = await call<{ csv: string }>('exchange/readSpreadsheet', {
      base64: await workbookOf(EMERGENCY, true),
    });
    await call('outputRecords/importCsv', { projectId, csv: sheet.csv, mapping: emergency('xlsx') });
    expect((await records('xlsx')).reduce((sum, r) => sum + Number(r.count), 0)).toBe(1068);
  });

  it('reports a problem at the row the user sees in the sheet (a title above the table shifts it)', async () => {
    const base64 = await workbookOf(EMERGENCY, false, 'Emergency unit, people treated in 2012');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
    workbook.getWorksheet('2012')!.getCell('B9').value = 'n/a';
    const edited = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
    const sheet = await call<{ csv: string }>('exchange/readSpreadsheet', { base64: edited });
    const result = await dispatcher.dispatch('outputRecords/importCsv', {
      projectId,
      csv: sheet.csv,
      mapping: emergency('xlsx'),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fields?.[0]).toMatchObject({ where: 'line 9, column "people_treated"' });
    expect(await records('xlsx')).toEqual([]);
  });
});

describe('workbooks too large or empty for the monthly import', () => {
  it('refuses a 50 MB workbook with a clear message, and turns an empty sheet into an empty file', async () => {
    const big = await dispatcher.dispatch('exchange/readSpreadsheet', {
      base64: Buffer.alloc(50 * 1024 * 1024, 7).toString('base64'),
    });
    expect(!big.ok && big.error.message).toContain('the workbook is larger than 20 MB');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Empty');
    const empty = await call<{ csv: string; rows: number }>('exchange/readSpreadsheet', {
      base64: Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64'),
    });
    expect(empty).toMatchObject({ csv: '', rows: 0 });
    const result = await dispatcher.dispatch('outputRecords/importCsv', {
      projectId,
      csv: empty.csv,
      mapping: emergency('xlsx'),
    });
    expect(!result.ok && result.error.message).toMatch(/^The file is empty/);
    expect(await records('xlsx')).toEqual([]);
  });
});

describe('files that are not cost lines', () => {
  it('the activity totals (activity, count, unit) are refused as cost lines, naming the columns found', async () => {
    const before = await call<Project>('projects/get', { id: projectId });
    const mapping: InputsMapping = {
      columns: {
        description: 'Description',
        amount: 'Amount',
        stakeholder: null,
        kind: null,
        category: null,
        funder: null,
        year: null,
        hours: null,
        hourlyRate: null,
        source: null,
        notes: null,
      },
      defaults: { stakeholderId: 'municipality', kind: 'cash', category: 'General', year: 1 },
      numberFormat: 'point',
      createStakeholders: false,
      replaceExisting: true,
    };
    const result = await dispatcher.dispatch('exchange/importInputs', {
      projectId,
      source: { kind: 'csv', text: readFileSync(TOTALS, 'utf8') },
      mapping,
    });
    expect(!result.ok && result.error.message).toBe(
      'The file has no columns "Description", "Amount". Columns found: "activity", "count", "unit". Check the header line or the column choices.',
    );
    // Mapped onto its own columns it imports (counts read as amounts), which shows the refusal was the columns'.
    const mapped = await dispatcher.dispatch('exchange/importInputs', {
      projectId,
      source: { kind: 'csv', text: readFileSync(TOTALS, 'utf8') },
      mapping: {
        ...mapping,
        replaceExisting: false,
        columns: { ...mapping.columns, description: 'activity', amount: 'count' },
      },
    });
    expect(mapped.ok && mapped.value).toMatchObject({ rowsRead: 14, inputsImported: 14 });
    const after = await call<Project>('projects/get', { id: projectId });
    expect(after.inputs.slice(0, before.inputs.length)).toEqual(before.inputs);
  });
});
