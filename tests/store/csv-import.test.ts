/**
 * CSV import of output records on real SQLite files in a temporary folder: the foundation's published 2012
 * figures (wide layout with a published total; a plain monthly count), long layout, ';' exports from Excel,
 * every kind of problem reported by line and column, all or nothing (a failed import leaves the records exactly
 * as they were), replace vs append, and ~50 MB files streamed in (valid, and with one bad line near the end).
 */
import { repoRoot } from '../support/repo-root';
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_LISTED_PROBLEMS } from '../../electron/backend/services/csv-import';
import { Store } from '../../electron/backend/store';
import type { CsvRecordMapping } from '../../shared/ipc/contract';
import { AppFailure } from '../../shared/ipc/result';

const DATA = join(repoRoot(), 'docs', 'examples', 'data');
const FIXTURES = fileURLToPath(new URL('../fixtures/csv', import.meta.url));
const METHADONE = join(DATA, 'street-unit-methadone-clients-2012.csv');
const EMERGENCY = join(DATA, 'emergency-unit-people-2012.csv');
const OUTPUT = 'methadone-clients';

let dir: string;
let store: Store;
let projectId: string;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sroi-csv-'));
  store = await Store.open({ file: join(dir, 'sroi.sqlite'), backupOnStart: false, actor: 'test' });
  projectId = store.projects.create({ name: 'Harm reduction, Rome 2012' }).id;
  store.lists.save('stakeholders', projectId, {
    id: 'clients',
    name: 'People who use drugs',
    size: null,
    involvement: '',
    peopleConsulted: null,
  });
  store.lists.save('outputs', projectId, {
    id: OUTPUT,
    name: 'Clients treated',
    unit: 'people',
    stakeholderId: 'clients',
    notes: '',
  });
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

const methadoneMapping = (changes: Partial<CsvRecordMapping> = {}): CsvRecordMapping => ({
  outputId: OUTPUT,
  periodColumn: 'month',
  countColumn: 'total',
  breakdownColumns: [
    { column: 'italian_men', categories: { nationality: 'Italian', gender: 'men' } },
    { column: 'italian_women', categories: { nationality: 'Italian', gender: 'women' } },
    { column: 'foreign_men', categories: { nationality: 'foreign', gender: 'men' } },
    { column: 'foreign_women', categories: { nationality: 'foreign', gender: 'women' } },
  ],
  categoryColumns: [],
  replaceExisting: false,
  ...changes,
});

const countMapping = (changes: Partial<CsvRecordMapping> = {}): CsvRecordMapping => ({
  outputId: OUTPUT,
  periodColumn: 'month',
  countColumn: 'people_treated',
  breakdownColumns: [],
  categoryColumns: [],
  replaceExisting: false,
  ...changes,
});

const longMapping = (changes: Partial<CsvRecordMapping> = {}): CsvRecordMapping => ({
  outputId: OUTPUT,
  periodColumn: 'month',
  countColumn: 'count',
  breakdownColumns: [],
  categoryColumns: [
    { column: 'site', dimension: 'site' },
    { column: 'gender', dimension: 'gender' },
  ],
  replaceExisting: false,
  ...changes,
});

const fixture = (name: string) => createReadStream(join(FIXTURES, name));
const records = () => store.outputRecords.list(projectId, OUTPUT);
const totalOf = () => records().reduce((sum, r) => sum + Number(r.count), 0);
const importCsv = (source: Parameters<Store['outputRecords']['importCsv']>[1], mapping: CsvRecordMapping) =>
  store.outputRecords.importCsv(projectId, source, mapping);

/** The AppFailure a promise rejects with (fails the test if it resolves or rejects with anything else). */
async function failureOf(promise: Promise<unknown>): Promise<AppFailure> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppFailure);
    return error as AppFailure;
  }
  throw new Error('expected the import to fail');
}

const lines = (failure: AppFailure) => (failure.fields ?? []).map((f) => `${f.where}: ${f.message}`);

/** The sum of one column of a small CSV, read independently of the importer. */
function columnSum(file: string, column: string): number {
  const [header, ...rows] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const at = header.split(',').indexOf(column);
  return rows.reduce((sum, row) => sum + Number(row.split(',')[at]), 0);
}

describe('the published 2012 figures', () => {
  it('imports the methadone clients (wide: nationality x gender), whose published totals equal their rows', async () => {
    const report = await importCsv(createReadStream(METHADONE), methadoneMapping());
    expect(report).toEqual({ rowsRead: 12, recordsImported: 12 });

    const imported = records();
    expect(imported).toHaveLength(12);
    expect(imported.map((r) => r.period)).toEqual(
      Array.from({ length: 12 }, (_, i) => `2012-${String(i + 1).padStart(2, '0')}`),
    );
    expect(totalOf()).toBe(columnSum(METHADONE, 'total'));
    expect(totalOf()).toBe(7994);
    expect(imported[0]).toEqual({
      period: '2012-01',
      count: '836',
      breakdown: [
        { categories: { nationality: 'Italian', gender: 'men' }, count: '538' },
        { categories: { nationality: 'Italian', gender: 'women' }, count: '124' },
        { categories: { nationality: 'foreign', gender: 'men' }, count: '159' },
        { categories: { nationality: 'foreign', gender: 'women' }, count: '15' },
      ],
    });
    for (const r of imported) expect(r.breakdown.reduce((s, b) => s + Number(b.count), 0)).toBe(Number(r.count));

    const [audit] = store.projects.history(projectId, 1);
    expect(audit).toMatchObject({
      entity: 'output_records',
      entityId: OUTPUT,
      action: 'import',
      newValue: '12 records from CSV',
    });
  });

  it('adds up the breakdown when no count column is chosen', async () => {
    await importCsv(readFileSync(METHADONE, 'utf8'), methadoneMapping({ countColumn: null }));
    expect(records()[1].count).toBe('664');
    expect(totalOf()).toBe(7994);
  });

  it('imports the emergency unit (month + count): 12 records, 1,068 people as published', async () => {
    const report = await importCsv(createReadStream(EMERGENCY), countMapping());
    expect(report).toEqual({ rowsRead: 12, recordsImported: 12 });
    expect(records()).toHaveLength(12);
    expect(records()[4]).toEqual({ period: '2012-05', count: '140', breakdown: [] });
    expect(totalOf()).toBe(1068);
  });
});

describe('layouts and formats', () => {
  it('imports a long layout (month, site, gender, count): one breakdown entry per row', async () => {
    const report = await importCsv(fixture('long-layout.csv'), longMapping());
    expect(report).toEqual({ rowsRead: 8, recordsImported: 8 });
    expect(records()[1]).toEqual({
      period: '2012-01',
      count: '12',
      breakdown: [{ categories: { site: 'Termini', gender: 'women' }, count: '12' }],
    });
    expect(totalOf()).toBe(175);
  });

  it('combines a long column with wide columns: each wide entry carries the row category', async () => {
    const csv = 'month,site,men,women\n2012-01,Termini,40,12\n2012-01,Tiburtina,30,9\n';
    await importCsv(csv, {
      outputId: OUTPUT,
      periodColumn: 'month',
      countColumn: null,
      breakdownColumns: [
        { column: 'men', categories: { gender: 'men' } },
        { column: 'women', categories: { gender: 'women' } },
      ],
      categoryColumns: [{ column: 'site', dimension: 'site' }],
      replaceExisting: false,
    });
    expect(records()[1]).toEqual({
      period: '2012-01',
      count: '39',
      breakdown: [
        { categories: { gender: 'men', site: 'Tiburtina' }, count: '30' },
        { categories: { gender: 'women', site: 'Tiburtina' }, count: '9' },
      ],
    });
  });

  it('reads an Excel export: BOM, ";" delimiter, CRLF, MM/YYYY and dates, trailing ";" rows', async () => {
    const report = await importCsv(fixture('semicolon-excel.csv'), countMapping());
    expect(report).toEqual({ rowsRead: 4, recordsImported: 4 });
    expect(records().map((r) => [r.period, r.count])).toEqual([
      ['2012-01', '97'],
      ['2012-02', '93'],
      ['2012-03', '98'],
      ['2012-04', '93'],
    ]);
  });

  it('finds the ";" delimiter after blank lines, and counts those lines', async () => {
    const failure = await failureOf(importCsv('\n\nmonth;people_treated\n2012-01;97\n\n2012-02;x\n', countMapping()));
    expect(lines(failure)).toEqual([
      'line 6, column "people_treated": "x" is not a number; use digits only, e.g. 1234',
    ]);
  });

  it('counts the lines of a quoted value that spans lines, and accepts mixed line endings', async () => {
    const csv =
      'month,site,gender,count\r\n2012-01,"Termini\r\n(night)",men,4\n2012-01,Termini,women,x\r2012-02,Termini,men,5\n';
    const failure = await failureOf(importCsv(csv, longMapping()));
    expect(lines(failure)).toEqual(['line 4, column "count": "x" is not a number; use digits only, e.g. 1234']);
  });

  it('keeps decimals exact', async () => {
    await importCsv('month,people_treated\n2012-01,0.1\n2012-02,12.50\n', countMapping());
    expect(records().map((r) => r.count)).toEqual(['0.1', '12.5']);
  });
});

describe('problems, reported by line and column', () => {
  it('names the missing columns and lists those found', async () => {
    const failure = await failureOf(importCsv(fixture('wrong-columns.csv'), countMapping()));
    expect(failure.code).toBe('VALIDATION');
    expect(failure.message).toContain('The file has no columns "month", "people_treated"');
    expect(failure.message).toContain('Columns found: "Month", "people"');
    expect(failure.fields?.[0]).toMatchObject({ path: 'mapping.periodColumn', where: 'column "month"' });
    expect(failure.fields?.[0].message).toContain('did you mean "Month"?');
  });

  it('names one missing breakdown column of the methadone file', async () => {
    const mapping = methadoneMapping();
    mapping.breakdownColumns[3] = { column: 'foreign_woman', categories: { nationality: 'foreign', gender: 'women' } };
    const failure = await failureOf(importCsv(createReadStream(METHADONE), mapping));
    expect(failure.message).toBe(
      'The file has no column "foreign_woman". Columns found: "month", "italian_men", "italian_women", "foreign_men", "foreign_women", "total". Check the header line or the column choices.',
    );
    expect(failure.fields?.[0].path).toBe('mapping.breakdownColumns.3.column');
  });

  it('refuses a mapping with nothing to count', async () => {
    const failure = await failureOf(importCsv(createReadStream(EMERGENCY), countMapping({ countColumn: null })));
    expect(failure.message).toContain('Choose the column that holds the count');
  });

  it('gives the line and column of text in a number', async () => {
    const failure = await failureOf(importCsv(fixture('text-in-number.csv'), methadoneMapping()));
    expect(failure.code).toBe('VALIDATION');
    expect(failure.message).toBe('1 row has problems; nothing was imported.');
    expect(failure.fields).toEqual([
      {
        path: 'line 14',
        where: 'line 14, column "total"',
        message: '"abc" is not a number; use digits only, e.g. 1234',
      },
    ]);
    expect(lines(failure)).toEqual(['line 14, column "total": "abc" is not a number; use digits only, e.g. 1234']);
    expect(records()).toEqual([]);
  });

  it('refuses thousands separators, negative, empty and decimal-comma counts', async () => {
    const failure = await failureOf(importCsv(fixture('thousands-separator.csv'), countMapping()));
    expect(failure.message).toBe('3 rows have problems; nothing was imported.');
    expect(lines(failure)).toEqual([
      'line 3, column "people_treated": "1,234" is not a number; use digits only, e.g. 1234 (no thousands separators; a point for decimals, e.g. 12.5)',
      'line 4, column "people_treated": "-5" is negative; a count cannot be below 0',
      'line 5, column "people_treated": is empty; write the count, or 0 if there were none',
    ]);
  });

  it('refuses a count that is not the sum of its breakdown', async () => {
    const failure = await failureOf(importCsv(fixture('total-mismatch.csv'), methadoneMapping()));
    expect(lines(failure)).toEqual([
      'line 3, column "total": the count 665 is not the sum of the breakdown columns (italian_men + italian_women + foreign_men + foreign_women = 664)',
    ]);
  });

  it('refuses periods that are not months', async () => {
    const failure = await failureOf(importCsv(fixture('bad-period.csv'), countMapping()));
    expect(failure.message).toBe('4 rows have problems; nothing was imported.');
    expect(lines(failure)).toEqual([
      'line 3, column "month": "Jan 2012" is not a month; write it as 2012-01 (also accepted: 2012-01-31 or 01/2012)',
      'line 4, column "month": "2012-13" has no month 13; months go from 01 to 12',
      'line 5, column "month": "2012-02-30" is not a date (day 30 of month 02)',
      'line 6, column "month": "2012" is not a month; write it as 2012-01 (also accepted: 2012-01-31 or 01/2012)',
    ]);
  });

  it('refuses rows with a missing or an extra value (a trailing empty one is fine)', async () => {
    const failure = await failureOf(importCsv(fixture('ragged-rows.csv'), countMapping()));
    expect(lines(failure)).toEqual([
      'line 3: has 1 values but the header has 2 columns; a value or a delimiter is missing',
      'line 4: has 3 values but the header has 2 columns; is there a delimiter inside a value?',
    ]);
  });

  it('reports an unclosed quote with its line', async () => {
    const failure = await failureOf(importCsv(fixture('unclosed-quote.csv'), countMapping()));
    expect(failure.code).toBe('VALIDATION');
    expect(failure.message).toBe(
      'The file could not be read past line 3 (a quote (") is opened and never closed); nothing was imported.',
    );
    expect(lines(failure)).toEqual([
      'line 3: a quote (") is opened and never closed; the file could not be read further',
    ]);
  });

  it('refuses an empty file and a header-only file', async () => {
    const empty = await failureOf(importCsv(fixture('empty.csv'), countMapping()));
    expect(empty.code).toBe('VALIDATION');
    expect(empty.message).toBe(
      'The file is empty. It needs a header line with the column names, then one row per month.',
    );
    const blank = await failureOf(importCsv('\n\n  \n', countMapping()));
    expect(blank.message).toBe(empty.message);

    const headerOnly = await failureOf(importCsv(fixture('header-only.csv'), countMapping()));
    expect(headerOnly.code).toBe('VALIDATION');
    expect(headerOnly.message).toBe('The file has a header line but no rows; nothing was imported.');
  });

  it(`lists the first ${MAX_LISTED_PROBLEMS} problems and counts the rest`, async () => {
    const rows = Array.from({ length: 250 }, (_, i) => (i % 2 === 0 ? `2012-01,x${i}` : '2012-02,5'));
    const failure = await failureOf(importCsv(['month,people_treated', ...rows].join('\n'), countMapping()));
    expect(failure.message).toBe('125 rows have problems; nothing was imported.');
    expect(failure.fields).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(failure.fields?.[0].where).toBe('line 2, column "people_treated"');
    expect(failure.fields?.[MAX_LISTED_PROBLEMS]).toMatchObject({ path: 'more', where: 'and 25 more' });
  });
});

describe('all or nothing', () => {
  it('appends by default and replaces when asked', async () => {
    await importCsv(createReadStream(EMERGENCY), countMapping());
    await importCsv(createReadStream(EMERGENCY), countMapping());
    expect(records()).toHaveLength(24);
    expect(totalOf()).toBe(2 * 1068);

    const report = await importCsv(createReadStream(EMERGENCY), countMapping({ replaceExisting: true }));
    expect(report.recordsImported).toBe(12);
    expect(records()).toHaveLength(12);
    expect(totalOf()).toBe(1068);
    expect(store.projects.history(projectId, 1)[0].newValue).toBe('12 records from CSV, replacing the earlier records');
  });

  it('leaves the records exactly as they were after a failed import (append or replace)', async () => {
    await importCsv(createReadStream(METHADONE), methadoneMapping());
    const before = records();
    const auditBefore = store.projects.history(projectId, 100).length;

    for (const replaceExisting of [false, true]) {
      await failureOf(importCsv(fixture('text-in-number.csv'), methadoneMapping({ replaceExisting })));
      expect(records()).toEqual(before);
    }
    await failureOf(importCsv(fixture('header-only.csv'), countMapping({ replaceExisting: true })));
    await failureOf(importCsv(fixture('unclosed-quote.csv'), countMapping({ replaceExisting: true })));
    expect(records()).toEqual(before);
    expect(store.projects.history(projectId, 100)).toHaveLength(auditBefore);
    expect(store.db.inTransaction).toBe(false);

    // A source that fails half-way (a disk or network error) rolls back too, and does not hang.
    async function* failing() {
      yield 'month,people_treated\n2012-01,97\n';
      yield '2012-02,93\n';
      throw new Error('disk read failed');
    }
    await expect(importCsv(Readable.from(failing()), countMapping({ replaceExisting: true }))).rejects.toThrow(
      'disk read failed',
    );
    await expect(importCsv(createReadStream(join(dir, 'missing.csv')), countMapping())).rejects.toThrow(/ENOENT/);
    expect(records()).toEqual(before);
    expect(store.db.inTransaction).toBe(false);

    // And the store still works afterwards.
    await importCsv(createReadStream(EMERGENCY), countMapping({ replaceExisting: true }));
    expect(totalOf()).toBe(1068);
  });
});

describe('large files (~50 MB, streamed)', () => {
  const SITES = Array.from(
    { length: 40 },
    (_, i) => `Street unit outreach point number ${String(i + 1).padStart(2, '0')}`,
  );
  const TARGET_BYTES = 50 * 1024 * 1024;

  /** Writes a valid long-layout file of about 50 MB; with `badLine`, that line's count is "12x". */
  function writeLarge(file: string, badLine?: number): { rows: number; total: number; lastLine: number } {
    const fd = openSync(file, 'w');
    let bytes = 0;
    let rows = 0;
    let total = 0;
    try {
      let chunk = 'month,site,gender,count\n';
      while (bytes + chunk.length < TARGET_BYTES) {
        const line = rows + 2;
        const month = `${2000 + (Math.floor(rows / 960) % 25)}-${String(1 + (Math.floor(rows / 80) % 12)).padStart(2, '0')}`;
        const count = (rows * 7919) % 1000;
        total += count;
        chunk += `${month},${SITES[rows % 40]},${rows % 2 === 0 ? 'women' : 'men'},${line === badLine ? '12x' : count}\n`;
        rows++;
        if (chunk.length > 1 << 20) {
          bytes += writeSync(fd, chunk);
          chunk = '';
        }
      }
      bytes += writeSync(fd, chunk);
    } finally {
      closeSync(fd);
    }
    return { rows, total, lastLine: rows + 1 };
  }

  it('imports a valid 50 MB file, then refuses the same file with one bad line near the end, importing nothing', async () => {
    const file = join(dir, 'large.csv');
    const { rows, total, lastLine } = writeLarge(file);
    expect(statSync(file).size).toBeGreaterThan(49 * 1024 * 1024);

    const report = await importCsv(createReadStream(file), longMapping());
    expect(report).toEqual({ rowsRead: rows, recordsImported: rows });
    const stats = () =>
      store.db
        .prepare(
          'SELECT count(*) AS n, sum(CAST(count AS INTEGER)) AS total FROM output_records WHERE project_id = ? AND output_id = ?',
        )
        .get(projectId, OUTPUT) as { n: number; total: number };
    expect(stats()).toEqual({ n: rows, total });

    const bad = join(dir, 'large-bad.csv');
    const badLine = lastLine - 10;
    writeLarge(bad, badLine);
    const failure = await failureOf(importCsv(createReadStream(bad), longMapping({ replaceExisting: true })));
    expect(failure.message).toBe('1 row has problems; nothing was imported.');
    expect(failure.fields).toEqual([
      {
        path: `line ${badLine}`,
        where: `line ${badLine}, column "count"`,
        message: '"12x" is not a number; use digits only, e.g. 1234',
      },
    ]);
    expect(stats()).toEqual({ n: rows, total });
  }, 180_000);
});
