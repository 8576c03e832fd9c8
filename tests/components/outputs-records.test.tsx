// @vitest-environment jsdom
// The month-by-month table of an output's records and its totals (decimal arithmetic, the Rome methadone
// figures: 7,994 in 2012), the grid editor (every row checked before anything is saved, numbers typed in the
// user's locale) and the CSV import (problems listed by line, nothing imported), with a fake backend.
import { repoRoot } from '../support/repo-root';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18n from '../../renderer/src/i18n';
import { setTransport } from '../../renderer/src/api/client';
import type { ProjectState } from '../../renderer/src/hooks/useProject';
import { OutputRecords } from '../../renderer/src/outputs/OutputRecords';
import { RecordTable } from '../../renderer/src/outputs/RecordTable';
import { breakdownColumnsOf, fromDraft, headerRows, toDraft, totalsOf } from '../../renderer/src/outputs/record-table';
import type { Output, OutputRecord } from '../../shared/model';

const METHADONE_CSV = readFileSync(
  join(repoRoot(), 'docs', 'examples', 'data', 'street-unit-methadone-clients-2012.csv'),
  'utf8',
);

vi.mock('../../renderer/src/exchange/spreadsheet-file', () => ({
  openSpreadsheetAsCsv: vi.fn(async () => ({ name: 'methadone.csv', content: METHADONE_CSV })),
}));

/** The published 2012 figures as records (what the import makes of the file). */
function methadoneRecords(): OutputRecord[] {
  const [, ...lines] = METHADONE_CSV.trim().split('\n');
  return lines.map((line) => {
    const [month, im, iw, fm, fw, total] = line.split(',');
    const entry = (nationality: string, gender: string, count: string) => ({
      categories: { nationality, gender },
      count,
    });
    return {
      period: month,
      count: total,
      breakdown: [
        entry('Italian', 'men', im),
        entry('Italian', 'women', iw),
        entry('Foreign', 'men', fm),
        entry('Foreign', 'women', fw),
      ],
    };
  });
}

function output(records: OutputRecord[]): Output {
  return { id: 'o1', name: 'Clients on methadone', unit: 'people', stakeholderId: null, notes: '', records };
}

function fakeState(): ProjectState {
  const ok = async () => ({ ok: true as const });
  return {
    project: null,
    loadError: null,
    reload: vi.fn(async () => undefined),
    saveItem: vi.fn(ok),
    patchItem: vi.fn(ok),
    deleteItem: vi.fn(ok),
    updateScope: vi.fn(ok),
    saveSimulation: vi.fn(ok),
    canUndo: false,
    canRedo: false,
    undo: vi.fn(ok),
    redo: vi.fn(ok),
  };
}

type Call = { channel: string; input: Record<string, unknown> };
let calls: Call[];
let answers: Record<string, (input: Record<string, unknown>) => unknown>;

beforeEach(() => {
  calls = [];
  answers = {};
  setTransport(async (channel, input) => {
    calls.push({ channel, input: input as Record<string, unknown> });
    const answer = answers[channel];
    return answer ? (answer(input as Record<string, unknown>) as never) : { ok: true, value: [] };
  });
});
afterEach(async () => {
  cleanup();
  setTransport(null);
  await i18n.changeLanguage('en');
});

describe('record table totals', () => {
  it('adds up the columns, the categories and the year in decimals', () => {
    const records = methadoneRecords();
    const columns = breakdownColumnsOf(records);
    const totals = totalsOf(records, columns);
    expect(totals.grand.toFixed()).toBe('7994');
    expect(columns.map((c) => totals.byColumn.get(c.key)!.toFixed())).toEqual(['4707', '1190', '1911', '186']);
    expect(totals.byYear.map((y) => [y.year, y.count.toFixed()])).toEqual([['2012', '7994']]);
    expect(totals.byCategory.map((c) => `${c.dimension}=${c.value}:${c.total.toFixed()}`)).toEqual([
      'nationality=Italian:5897',
      'gender=men:6618',
      'gender=women:1376',
      'nationality=Foreign:2097',
    ]);
    // Decimal, not float: 0.1 + 0.2 is 0.3.
    const tenths = totalsOf(
      [
        { period: '2012-01', count: '0.1', breakdown: [] },
        { period: '2012-02', count: '0.2', breakdown: [] },
      ],
      [],
    );
    expect(tenths.grand.toFixed()).toBe('0.3');
  });

  it('groups the header: nationality over gender', () => {
    expect(headerRows(breakdownColumnsOf(methadoneRecords()))).toEqual([
      [
        { label: 'Italian', span: 2 },
        { label: 'Foreign', span: 2 },
      ],
      [
        { label: 'men', span: 1 },
        { label: 'women', span: 1 },
        { label: 'men', span: 1 },
        { label: 'women', span: 1 },
      ],
    ]);
  });

  it('shows 12 months, the column totals, the grand total and the yearly total', () => {
    render(<RecordTable records={methadoneRecords()} name="Clients on methadone" unit="people" />);
    const table = screen.getByRole('table', { name: 'Counts by month: Clients on methadone' });
    const body = table.querySelector('tbody')!;
    expect(body.querySelectorAll('tr')).toHaveLength(12);
    expect(within(table).getByText('Jan 2012')).toBeTruthy();
    expect(within(table).getByText('836')).toBeTruthy();
    expect(screen.getByTestId('records-grand-total').textContent).toBe('7,994');
    expect(screen.getByTestId('column-total-Italian · men').textContent).toBe('4,707');
    expect(screen.getByTestId('column-total-Foreign · women').textContent).toBe('186');
    expect(screen.getByTestId('year-total-2012').textContent).toBe('7,994');
    expect(screen.getByTestId('category-total-gender-women').textContent).toBe('women: 1,376');
    expect(within(table).getByRole('columnheader', { name: 'Italian' }).getAttribute('colspan')).toBe('2');
  });

  it('marks a row whose categories do not add up to its total', () => {
    render(
      <RecordTable
        records={[{ period: '2012-01', count: '10', breakdown: [{ categories: { gender: 'women' }, count: '4' }] }]}
        name="x"
        unit=""
      />,
    );
    expect(screen.getByText('The categories add up to 4, not to this total.')).toBeTruthy();
  });
});

describe('editing the records', () => {
  it('reads numbers in the user locale and adds up an empty total', () => {
    const records = methadoneRecords().slice(0, 1);
    const columns = breakdownColumnsOf(records);
    const draft = toDraft(records, columns, 'it');
    draft[0].count = '';
    draft[0].cells[columns[0].key] = '1.538';
    expect(fromDraft(draft, columns, 'it')).toMatchObject({
      ok: true,
      records: [{ period: '2012-01', count: '1836', breakdown: [{ count: '1538' }, {}, {}, {}] }],
    });
    draft[0].cells[columns[1].key] = '12,5';
    expect(fromDraft(draft, columns, 'it')).toMatchObject({ ok: true, records: [{ count: '1724.5' }] });
  });

  it('checks every row and saves nothing while one is wrong', async () => {
    const state = fakeState();
    answers['outputRecords/replace'] = (input) => ({
      ok: true,
      value: { count: (input.records as unknown[]).length },
    });
    answers['outputRecords/list'] = () => ({ ok: true, value: methadoneRecords().slice(0, 2) });
    render(<OutputRecords state={state} projectId="p1" output={output(methadoneRecords().slice(0, 2))} />);
    fireEvent.click(screen.getByRole('button', { name: 'Edit the counts' }));

    fireEvent.change(screen.getByLabelText('Row 1, Italian · men'), { target: { value: 'abc' } });
    fireEvent.change(screen.getByLabelText('Row 2, Month'), { target: { value: '2012-13' } });
    fireEvent.change(screen.getByLabelText('Row 2, Total'), { target: { value: '1,000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the counts' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('3 problems to fix; nothing was saved');
    expect(alert.textContent).toContain('Row 1 (2012-01), Italian · men: "abc" is not a number');
    expect(alert.textContent).toContain('Row 2 (2012-13), Month: "2012-13" is not a month');
    expect(alert.textContent).toContain('the total 1,000 is not the sum of the categories (664)');
    expect(calls.some((c) => c.channel === 'outputRecords/replace')).toBe(false);

    fireEvent.change(screen.getByLabelText('Row 1, Italian · men'), { target: { value: '538' } });
    fireEvent.change(screen.getByLabelText('Row 2, Month'), { target: { value: '2012-02' } });
    fireEvent.change(screen.getByLabelText('Row 2, Total'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a month' }));
    expect((screen.getByLabelText('Row 3, Month') as HTMLInputElement).value).toBe('2012-03');
    fireEvent.change(screen.getByLabelText('Row 3, Italian · women'), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the counts' }));
    await screen.findByText('Saved 3 records.');
    const replace = calls.find((c) => c.channel === 'outputRecords/replace')!;
    expect(replace.input.records).toEqual([
      methadoneRecords()[0],
      { ...methadoneRecords()[1], count: '664' },
      {
        period: '2012-03',
        count: '7',
        breakdown: [{ categories: { nationality: 'Italian', gender: 'women' }, count: '7' }],
      },
    ]);
    expect(state.reload).toHaveBeenCalled();
  });

  it('fills the grid from a block pasted from a spreadsheet', () => {
    render(<OutputRecords state={fakeState()} projectId="p1" output={output([])} />);
    fireEvent.click(screen.getByRole('button', { name: 'Type the counts' }));
    fireEvent.paste(screen.getByLabelText('Row 1, Month'), {
      clipboardData: { getData: () => '2012-01\t97\n2012-02\t93\n2012-03\t98\n' },
    });
    expect((screen.getByLabelText('Row 3, Month') as HTMLInputElement).value).toBe('2012-03');
    expect((screen.getByLabelText('Row 3, Count') as HTMLInputElement).value).toBe('98');
    const table = screen.getByRole('table', { name: 'Edit the counts of Clients on methadone' });
    expect(table.querySelector('tfoot')!.textContent).toContain('288');
  });
});

describe('importing a CSV file', () => {
  it('shows the columns, guesses the mapping and lists every row problem when nothing is imported', async () => {
    answers['outputRecords/importCsv'] = () => ({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: '1 row has problems; nothing was imported.',
        fields: [
          {
            path: 'line 14',
            where: 'line 14, column "total"',
            message: '"abc" is not a number; use digits only, e.g. 1234',
          },
        ],
      },
    });
    render(<OutputRecords state={fakeState()} projectId="p1" output={output([])} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Import from CSV…' })));

    const panel = await screen.findByRole('region', { name: 'Import methadone.csv into "Clients on methadone"' });
    expect(within(panel).getByText('12 rows after the header line, 6 columns, separated by commas.')).toBeTruthy();
    expect((within(panel).getByLabelText('Column with the month') as HTMLSelectElement).value).toBe('month');
    expect((within(panel).getByLabelText('Column with the count') as HTMLSelectElement).value).toBe('total');
    expect((within(panel).getByLabelText('Categories of the column foreign_women') as HTMLInputElement).value).toBe(
      'nationality=Foreign, gender=women',
    );

    fireEvent.click(within(panel).getByRole('button', { name: 'Import' }));
    const alert = await within(panel).findByRole('alert');
    expect(alert.textContent).toContain('line 14, column "total": "abc" is not a number');
    expect(alert.textContent).toContain('nothing was imported');
    expect(alert.textContent).toContain('The counts of this output are as they were');
    const sent = calls.find((c) => c.channel === 'outputRecords/importCsv')!.input;
    expect(sent.mapping).toMatchObject({
      outputId: 'o1',
      periodColumn: 'month',
      countColumn: 'total',
      replaceExisting: true,
    });
  });

  it('says that nothing was imported when the backend refuses the choices themselves', async () => {
    answers['outputRecords/importCsv'] = () => ({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'The file has no column "total". Columns found: "month", "people". Check the header line.',
        fields: [{ path: 'mapping.countColumn', where: 'column "total"', message: 'is not in the file' }],
      },
    });
    render(<OutputRecords state={fakeState()} projectId="p1" output={output([])} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Import from CSV…' })));
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('column "total": is not in the file');
    expect(alert.textContent).toContain('Nothing was imported. The counts of this output are as they were');
  });

  it('reports the count and reloads the records after an import', async () => {
    const state = fakeState();
    answers['outputRecords/importCsv'] = () => ({ ok: true, value: { rowsRead: 12, recordsImported: 12 } });
    answers['outputRecords/list'] = () => ({ ok: true, value: methadoneRecords() });
    render(<OutputRecords state={state} projectId="p1" output={output([])} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Import from CSV…' })));
    fireEvent.click(await screen.findByRole('button', { name: 'Import' }));
    await screen.findByText('Imported 12 records from methadone.csv (12 rows read).');
    await waitFor(() => expect(screen.getByTestId('records-grand-total').textContent).toBe('7,994'));
    expect(state.reload).toHaveBeenCalled();
  });

  it('checks the choices before calling the backend', async () => {
    render(<OutputRecords state={fakeState()} projectId="p1" output={output([])} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Import from CSV…' })));
    const panel = await screen.findByRole('region', { name: /Import methadone.csv/ });
    fireEvent.change(within(panel).getByLabelText('Categories of the column italian_men'), {
      target: { value: 'Italian men' },
    });
    fireEvent.click(within(panel).getByRole('button', { name: 'Import' }));
    expect((await within(panel).findByRole('alert')).textContent).toContain(
      '"Italian men" is not a name=value pair (column "italian_men")',
    );
    expect(calls.some((c) => c.channel === 'outputRecords/importCsv')).toBe(false);
  });
});
