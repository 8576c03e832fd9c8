/**
 * Clipboard text of spreadsheets. Excel, LibreOffice Calc and Google Sheets copy a block of cells as
 * tab-separated text: rows end with a line break (CR LF on Windows), cells are separated by tabs, and a cell
 * that holds a tab, a line break or a quote is wrapped in quotes with inner quotes doubled.
 */

/** Split copied cells into rows of cell texts. A final line break and trailing empty rows are dropped. */
export function parseClipboardTable(text: string): string[][] {
  const s = text.replace(/\r\n?/g, '\n');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let atCellStart = true;
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (atCellStart && ch === '"') {
      const quoted = readQuoted(s, i);
      if (quoted) {
        cell = quoted.value;
        i = quoted.end;
        atCellStart = false;
        continue;
      }
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
      atCellStart = false;
    }
    i++;
  }
  if (!atCellStart || cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  while (rows.length > 0 && rows[rows.length - 1].every((c) => c.trim() === '')) rows.pop();
  return rows;
}

/** A quoted cell starting at `start`, if the quotes close right before a tab, a line break or the end. */
function readQuoted(s: string, start: number): { value: string; end: number } | null {
  let value = '';
  let j = start + 1;
  while (j < s.length) {
    if (s[j] === '"') {
      if (s[j + 1] === '"') {
        value += '"';
        j += 2;
        continue;
      }
      const next = s[j + 1];
      return next === undefined || next === '\t' || next === '\n' ? { value, end: j + 1 } : null;
    }
    value += s[j];
    j++;
  }
  return null;
}

/** Cells as tab-separated text, quoted where a spreadsheet would quote them. */
export function toClipboardTable(rows: readonly (readonly string[])[]): string {
  const quote = (cell: string) => (/[\t\n\r"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => row.map(quote).join('\t')).join('\r\n');
}
