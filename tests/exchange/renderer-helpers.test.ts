// The interface's pure helpers for exchange: any table as CSV for Excel (BOM, quotes, the locale's delimiter and
// decimal mark, no formula injection), and the cost-lines import's preview, first guess and checks.
import { describe, expect, it } from 'vitest';
import {
  buildInputsMapping,
  guessInputsMapping,
  guessNumberFormat,
  previewTable,
} from '../../renderer/src/exchange/inputs-mapping';
import { csvDelimiter, quoteField, tableToCsv } from '../../renderer/src/exchange/table-csv';
import { w2Project } from './fixtures';

describe('tableToCsv', () => {
  it('writes UTF-8 with a BOM, CRLF lines, and quotes only what needs quoting', () => {
    const csv = tableToCsv({
      columns: ['Outcome', 'Present value (EUR)', 'Note'],
      rows: [
        ['Overdose deaths averted', { decimal: '64927.536232' }, 'Say "thank you", twice'],
        ['Nuisance, nearby street', -1932.37, null],
        ['Línea 2\nsecond line', 0.5, '  padded  '],
      ],
    });
    expect(csv).toBe(
      '\ufeffOutcome,Present value (EUR),Note\r\n' +
        'Overdose deaths averted,64927.536232,"Say ""thank you"", twice"\r\n' +
        '"Nuisance, nearby street",-1932.37,\r\n' +
        '"Línea 2\nsecond line",0.5,"  padded  "\r\n',
    );
  });

  it('uses ";" and decimal commas where the locale writes decimals with a comma (Excel in Portugal, Italy, France)', () => {
    expect(csvDelimiter('pt-PT')).toBe(';');
    expect(csvDelimiter('en-GB')).toBe(',');
    expect(tableToCsv({ columns: ['a', 'b'], rows: [[{ decimal: '4.70' }, 'x; y']] }, 'pt')).toBe(
      '\ufeffa;b\r\n4,70;"x; y"\r\n',
    );
  });

  it('keeps text that Excel would run as a formula as text', () => {
    expect(quoteField('=HYPERLINK("http://x")', ',')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(quoteField('+1', ',')).toBe('"\'+1"');
    expect(quoteField('-200', ',')).toBe('-200');
    expect(quoteField('- a list item', ',')).toBe('"\'- a list item"');
  });
});

describe('the cost-lines import: preview, guess and checks', () => {
  const budget = [
    '\ufeffDescription;Amount (EUR);Contributed by;Type;Category;Funder;Year',
    'Outreach salary;"42.000,00";Municipality;cash;Staff;Municipality;2025',
    '',
    'Van;12.000;Local business;in kind;Vehicles;;1',
  ].join('\r\n');

  it('previews with line numbers as in the file, and counts the rows', () => {
    const preview = previewTable(budget);
    expect(preview.header).toEqual([
      'Description',
      'Amount (EUR)',
      'Contributed by',
      'Type',
      'Category',
      'Funder',
      'Year',
    ]);
    expect(preview.rows.map((r) => [r.line, r.cells[0], r.cells[1]])).toEqual([
      [2, 'Outreach salary', '42.000,00'],
      [4, 'Van', '12.000'],
    ]);
    expect(preview.rowCount).toBe(2);
    expect(previewTable('a\tb\n1\t2\n').header).toEqual(['a', 'b']);
    expect(previewTable('')).toEqual({ header: [], rows: [], rowCount: 0 });
  });

  it('guesses which column holds what, and the decimal comma', () => {
    const draft = guessInputsMapping(previewTable(budget), w2Project(), {
      defaultCategory: 'General',
      localeDecimal: '.',
    });
    expect(draft.columns).toEqual({
      description: 'Description',
      amount: 'Amount (EUR)',
      stakeholder: 'Contributed by',
      kind: 'Type',
      category: 'Category',
      funder: 'Funder',
      year: 'Year',
      hours: null,
      hourlyRate: null,
      source: null,
      notes: null,
    });
    expect(draft.numberFormat).toBe('comma');
    expect(draft.defaults.stakeholderId).toBe('municipality');
    expect(guessNumberFormat(['1,234.50'])).toBe('point');
    expect(guessNumberFormat(['1234'])).toBeNull();
  });

  it('says what is missing before anything is sent', () => {
    const draft = guessInputsMapping(
      previewTable('Notes\nx\n'),
      { stakeholders: [] },
      { defaultCategory: 'General', localeDecimal: ',' },
    );
    const built = buildInputsMapping({ ...draft, columns: { ...draft.columns, description: null } }, ['Notes']);
    expect(built).toEqual({ ok: false, problems: ['needDescription', 'needAmount', 'needStakeholder'] });
    const ok = buildInputsMapping(
      guessInputsMapping(previewTable(budget), w2Project(), { defaultCategory: ' ', localeDecimal: '.' }),
      previewTable(budget).header,
    );
    expect(ok.ok && ok.mapping.defaults.category).toBe('General');
  });
});
