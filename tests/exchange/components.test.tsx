// @vitest-environment jsdom
// The exchange components over a fake backend: the cost-lines import (a CSV and a workbook: preview with line
// numbers, guessed mapping, what is sent, the backend's problems by line, nothing imported), "Download Excel",
// "Download CSV" for any table, and the Value Map import with what could not be read.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../../renderer/src/i18n';
import { DownloadExcelButton } from '../../renderer/src/exchange/DownloadExcelButton';
import { setExchangeTransport } from '../../renderer/src/exchange/exchange-api';
import { InputsImportDialog } from '../../renderer/src/exchange/InputsImport';
import { TableCsvButton } from '../../renderer/src/exchange/TableCsvButton';
import { ValueMapImportButton } from '../../renderer/src/exchange/ValueMapImport';
import type * as FilesModule from '../../renderer/src/api/files';
import type * as SpreadsheetFileModule from '../../renderer/src/exchange/spreadsheet-file';
import type { Result } from '../../shared/ipc/result';
import { w2Project } from './fixtures';

const picked = vi.hoisted(() => ({ file: null as File | null }));
const saved = vi.hoisted(() => ({ binary: [] as unknown[][], text: [] as unknown[][] }));

vi.mock('../../renderer/src/exchange/spreadsheet-file', async (original) => ({
  ...(await original<typeof SpreadsheetFileModule>()),
  pickFile: async () => picked.file,
}));
vi.mock('../../renderer/src/api/binary-files', () => ({
  saveBinaryFile: async (...args: unknown[]) => {
    saved.binary.push(args);
    return true;
  },
}));
vi.mock('../../renderer/src/api/files', async (original) => ({
  ...(await original<typeof FilesModule>()),
  saveTextFile: async (...args: unknown[]) => {
    saved.text.push(args);
    return true;
  },
}));

type Handler = (input: Record<string, unknown>) => Result<unknown>;
let calls: Array<{ channel: string; input: Record<string, unknown> }> = [];

function backend(handlers: Record<string, Handler>) {
  setExchangeTransport(async (channel, input) => {
    calls.push({ channel, input: input as Record<string, unknown> });
    const handler = handlers[channel];
    return handler
      ? handler(input as Record<string, unknown>)
      : { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: channel } };
  });
}

beforeEach(() => {
  calls = [];
  saved.binary = [];
  saved.text = [];
  picked.file = null;
});
afterEach(() => {
  cleanup();
  setExchangeTransport(null);
});

const BUDGET = [
  'Description,Amount,Contributed by,Kind,Category,Funder,Year',
  'Outreach salary,42000,Municipality,cash,Staff,Municipality,1',
  'Rent,about 900,Municipality,cash,Premises,,1',
].join('\n');

describe('the cost-lines import dialog', () => {
  it('previews a CSV file, guesses the mapping, sends it, and hands back the report', async () => {
    backend({
      'exchange/importInputs': () => ({
        ok: true,
        value: { rowsRead: 2, inputsImported: 2, inputsReplaced: 0, stakeholdersCreated: [] },
      }),
    });
    picked.file = new File([BUDGET], 'budget.csv', { type: 'text/csv' });
    const onImported = vi.fn();
    render(<InputsImportDialog project={w2Project()} onClose={() => {}} onImported={onImported} />);
    fireEvent.click(screen.getByRole('button', { name: 'Choose a CSV or Excel file…' }));
    const preview = await screen.findByRole('table', { name: 'The first rows of the file' });
    expect(within(preview).getAllByRole('row')).toHaveLength(3);
    expect(within(preview).getByRole('rowheader', { name: '3' })).toBeTruthy();
    expect(screen.getByText('2 rows below the header, 7 columns.')).toBeTruthy();
    expect((screen.getByLabelText(/^Description/) as HTMLSelectElement).value).toBe('Description');
    expect((screen.getByLabelText(/^Contributed by \(stakeholder group\)/) as HTMLSelectElement).value).toBe(
      'Contributed by',
    );
    expect((screen.getByLabelText(/^Hours/) as HTMLSelectElement).value).toBe('\u0000none');

    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(onImported).toHaveBeenCalledTimes(1));
    const sent = calls.find((c) => c.channel === 'exchange/importInputs')!.input;
    expect(sent.source).toEqual({ kind: 'csv', text: BUDGET });
    expect(sent.mapping).toMatchObject({
      columns: { description: 'Description', amount: 'Amount', stakeholder: 'Contributed by', year: 'Year' },
      defaults: { stakeholderId: 'municipality', kind: 'cash', category: 'General', year: 1 },
      numberFormat: 'point',
      replaceExisting: false,
    });
  });

  it('lists the backend’s problems by line and says nothing was imported', async () => {
    backend({
      'exchange/importInputs': () => ({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: '1 line has problems; nothing was imported.',
          fields: [{ path: 'line 3', where: 'line 3, column "Amount"', message: '"about 900" is not a number' }],
        },
      }),
    });
    picked.file = new File([BUDGET], 'budget.csv');
    render(<InputsImportDialog project={w2Project()} onClose={() => {}} onImported={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Choose a CSV or Excel file…' }));
    await screen.findByRole('table', { name: 'The first rows of the file' });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('1 line has problems; nothing was imported.');
    expect(alert.textContent).toContain('line 3, column "Amount": "about 900" is not a number');
  });

  it('asks for the description column before sending anything', async () => {
    backend({});
    picked.file = new File(['Cost\n10\n'], 'costs.csv');
    render(<InputsImportDialog project={w2Project()} onClose={() => {}} onImported={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Choose a CSV or Excel file…' }));
    await screen.findByRole('table', { name: 'The first rows of the file' });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Choose the column with the description of each line.',
    );
    expect(calls).toEqual([]);
  });

  it('opens a workbook through the backend and offers its sheets', async () => {
    backend({
      'exchange/readSpreadsheet': (input) => ({
        ok: true,
        value: {
          sheets: ['Notes', 'Budget'],
          sheet: (input.sheet as string | null) ?? 'Budget',
          csv: '\n\nDescription,Amount\nVan,100\n',
          rows: 2,
          headerRow: 3,
        },
      }),
    });
    picked.file = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], 'budget.xlsx');
    render(<InputsImportDialog project={w2Project()} onClose={() => {}} onImported={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Choose a CSV or Excel file…' }));
    const preview = await screen.findByRole('table', { name: 'The first rows of the file' });
    expect(within(preview).getByRole('rowheader', { name: '4' })).toBeTruthy();
    expect(calls[0]).toEqual({ channel: 'exchange/readSpreadsheet', input: { base64: 'UEsDBAECAw==', sheet: null } });
    const sheet = screen.getByLabelText('Sheet') as HTMLSelectElement;
    expect([...sheet.options].map((o) => o.value)).toEqual(['Notes', 'Budget']);
  });

  it('refuses an old .xls with a message saying what to do', async () => {
    backend({});
    picked.file = new File(['x'], 'budget.xls');
    render(<InputsImportDialog project={w2Project()} onClose={() => {}} onImported={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Choose a CSV or Excel file…' }));
    expect((await screen.findByRole('alert')).textContent).toContain(
      '“budget.xls” is neither a CSV file nor an Excel workbook (.xlsx)',
    );
  });
});

describe('downloads', () => {
  it('"Download Excel" saves the backend’s workbook under its name', async () => {
    backend({
      'exchange/exportXlsx': () => ({ ok: true, value: { base64: 'UEsDBA==', fileName: 'w2-value-map.xlsx' } }),
    });
    render(<DownloadExcelButton projectId="w2" projectName="W2" />);
    fireEvent.click(screen.getByRole('button', { name: 'Download Excel: the Value Map of W2' }));
    await screen.findByText('Saved w2-value-map.xlsx.');
    expect(saved.binary).toEqual([['w2-value-map.xlsx', 'xlsx', 'UEsDBA==']]);
  });

  it('"Download CSV" writes any table as CSV for Excel', async () => {
    render(
      <TableCsvButton
        title="Cost lines"
        fileName="W2 cost lines"
        table={{ columns: ['Description', 'Amount'], rows: [['Donated van', { decimal: '12000' }]] }}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Download CSV: Cost lines' }));
    await screen.findByText('Saved w2-cost-lines.csv.');
    expect(saved.text).toEqual([['w2-cost-lines.csv', 'csv', '\ufeffDescription,Amount\r\nDonated van,12000\r\n']]);
  });
});

describe('the Value Map import', () => {
  it('says what was created, what could not be read and what to check, and opens the project', async () => {
    backend({
      'exchange/importValueMap': () => ({
        ok: true,
        value: {
          summary: { id: 'new-project', name: 'Youth mentoring' },
          read: { stakeholders: 3, outcomes: 3, inputs: 2, outputs: 1 },
          unreadable: ['Row 9 ("Back into education"): the quantity "about 10" is not a number; set to 0.'],
          assumptions: ['Inputs were read as cash in year 1.'],
        },
      }),
    });
    picked.file = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], 'mentoring.xlsx');
    const onOpenProject = vi.fn();
    render(<ValueMapImportButton onOpenProject={onOpenProject} />);
    fireEvent.click(screen.getByRole('button', { name: 'Import a Value Map (.xlsx)…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Value Map imported' });
    expect(dialog.textContent).toContain(
      '“Youth mentoring” was created with 3 stakeholder groups, 3 outcomes, 2 cost lines and 1 outputs.',
    );
    expect(within(dialog).getByRole('list', { name: 'Could not be read' }).textContent).toContain('Row 9');
    expect(within(dialog).getByRole('list', { name: 'Set to a default: check these' }).textContent).toContain(
      'cash in year 1',
    );
    expect(calls[0].input).toEqual({ base64: 'UEsDBA==', fileName: 'mentoring.xlsx' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Open the project' }));
    expect(onOpenProject).toHaveBeenCalledWith('new-project');
  });
});
