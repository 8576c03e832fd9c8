/**
 * Plain-text tables for the terminal: columns padded to their widest cell, numbers right-aligned, a rule
 * under the header. No colours and no box-drawing characters, so the output pastes cleanly into e-mail.
 */

export type Align = 'left' | 'right';

export interface Column {
  header: string;
  align?: Align;
}

/** Width in characters as a terminal shows them (code points, not UTF-16 units). */
function width(text: string): number {
  return [...text].length;
}

function pad(text: string, size: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, size - width(text)));
  return align === 'right' ? fill + text : text + fill;
}

/**
 * Rows of cells -> lines, each prefixed by `indent`, cells joined by `gaps[i]` (default two spaces) after
 * column i. A row of `null` draws a rule (e.g. above a total).
 */
export function renderRows(
  aligns: Align[],
  rows: Array<string[] | null>,
  options: { indent?: string; gaps?: string[] } = {},
): string[] {
  const indent = options.indent ?? '  ';
  const gap = (i: number) => options.gaps?.[i] ?? '  ';
  const widths = aligns.map((_, i) => Math.max(0, ...rows.map((row) => (row === null ? 0 : width(row[i] ?? '')))));
  const join = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell : gap(i - 1) + cell)).join('');
  return rows.map((row) =>
    row === null
      ? indent + join(widths.map((w) => '-'.repeat(w)))
      : (indent + join(aligns.map((align, i) => pad(row[i] ?? '', widths[i], align)))).trimEnd(),
  );
}

/** A table with a header line and a rule under it. */
export function renderTable(columns: Column[], rows: Array<string[] | null>, indent = '  '): string[] {
  return renderRows(
    columns.map((c) => c.align ?? 'left'),
    [columns.map((c) => c.header), null, ...rows],
    { indent },
  );
}

/** Label/value pairs, labels padded to the longest: a two-column table without a header. */
export function renderPairs(pairs: Array<readonly [string, string]>, indent = '  '): string[] {
  return renderRows(
    ['left', 'left'],
    pairs.map(([label, value]) => [label, value]),
    { indent },
  );
}

/** Label, amount (right-aligned), unit: "Present value   180,737.35 EUR" with the amounts lined up. */
export function renderAmounts(rows: Array<readonly [string, string, string]>, indent = '  '): string[] {
  return renderRows(
    ['left', 'right', 'left'],
    rows.map((r) => [...r]),
    { indent, gaps: ['  ', ' '] },
  );
}
