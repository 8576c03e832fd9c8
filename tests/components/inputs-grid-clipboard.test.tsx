// @vitest-environment jsdom
// Clipboard text as Excel, LibreOffice Calc and Google Sheets write it: tab-separated cells, CR LF rows,
// quoted cells that hold tabs, line breaks or quotes.
import '../../renderer/src/i18n';
import { describe, expect, it } from 'vitest';
import { parseClipboardTable, toClipboardTable } from '../../renderer/src/grid/clipboard';

describe('clipboard tables', () => {
  it('splits rows and cells, drops the final line break and trailing empty rows', () => {
    expect(parseClipboardTable('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseClipboardTable('a\t\tc\n\t\t\n')).toEqual([['a', '', 'c']]);
    expect(parseClipboardTable('')).toEqual([]);
    expect(parseClipboardTable('80000')).toEqual([['80000']]);
  });

  it('reads quoted cells with line breaks, tabs and doubled quotes', () => {
    expect(parseClipboardTable('"two\nlines"\t"a\tb"\t"say ""hi"""\r\nnext')).toEqual([
      ['two\nlines', 'a\tb', 'say "hi"'],
      ['next'],
    ]);
  });

  it('keeps a quote that does not wrap the whole cell', () => {
    expect(parseClipboardTable('"12" monitor\t5')).toEqual([['"12" monitor', '5']]);
  });

  it('writes what it reads', () => {
    const rows = [
      ['Grant', '80.000,00'],
      ['Note with\ttab', 'say "hi"'],
    ];
    expect(parseClipboardTable(toClipboardTable(rows))).toEqual(rows);
  });
});
