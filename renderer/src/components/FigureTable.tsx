/**
 * A card with a heading, "Download CSV" and a table, built from one list of columns: each column says what the
 * screen shows (formatted for the reader) and what the file holds (exact decimals), so the two never drift apart.
 * The first column heads each row.
 *
 *   <FigureTable id="by-year" title={t('results.byYear')} fileName={...} rows={result.byYear} rowKey={(y) => y.year}
 *     columns={[{ label: t('results.year'), show: (y) => y.year, csv: (y) => y.year }, ...]} />
 */
import type { ReactNode } from 'react';
import type { CsvCell } from '../exchange/table-csv';
import { TableCsvButton } from '../exchange/TableCsvButton';

export interface FigureColumn<Row> {
  label: string;
  /** A figure, right-aligned. */
  numeric?: boolean;
  /** What the screen shows. */
  show: (row: Row) => ReactNode;
  /** What the CSV holds: text, or `{ decimal }` for an exact figure, or null for nothing. */
  csv: (row: Row) => CsvCell;
}

export function FigureTable<Row>({
  id,
  title,
  fileName,
  columns,
  rows,
  rowKey,
  children,
}: {
  /** Prefix of the heading's id ("by-year" -> "by-year-title"), which names the section. */
  id: string;
  title: string;
  fileName: string;
  columns: ReadonlyArray<FigureColumn<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  /** Shown under the table (a note on conventions). */
  children?: ReactNode;
}) {
  const numberClass = (column: FigureColumn<Row>) => (column.numeric ? 'number' : undefined);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <div className="charts-heading">
        <h2 id={`${id}-title`}>{title}</h2>
        <TableCsvButton
          title={title}
          fileName={fileName}
          table={() => ({
            columns: columns.map((c) => c.label),
            rows: rows.map((row) => columns.map((c) => c.csv(row))),
          })}
        />
      </div>
      <table>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.label} scope="col" className={numberClass(c)}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.label} scope="row">
                    {c.show(row)}
                  </th>
                ) : (
                  <td key={c.label} className={numberClass(c)}>
                    {c.show(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {children}
    </section>
  );
}
