/**
 * One output's records, month by month: a column per category when the counts are split (nationality over
 * gender, grouped in the header), the total of each row, the totals of each column and overall, then the totals
 * by year and by category. Read-only; RecordEditor edits the same table. The records (from the toolbar above,
 * see OutputRecords) and the totals by year can be downloaded as CSV.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { OutputRecord } from '../../../shared/model';
import { TableCsvButton } from '../exchange/TableCsvButton';
import type { CsvTable } from '../exchange/table-csv';
import { useLocale } from '../hooks/useLocale';
import {
  breakdownColumnsOf,
  categoryKey,
  columnLabel,
  formatCount,
  formatPeriod,
  headerRows,
  recordsCsv,
  totalsOf,
  yearTotalsCsv,
  type BreakdownColumn,
  type RecordCsvLabels,
} from './record-table';
import './outputs.css';

/** Rows shown at most; the totals always cover every record. */
export const MAX_SHOWN_ROWS = 600;

/** The column names of the tables, as they are shown (the count's heading says the unit). */
function csvLabels(t: TFunction, columns: readonly BreakdownColumn[], unit: string): RecordCsvLabels {
  const unitNote = unit.trim() === '' ? '' : ` (${unit.trim()})`;
  const countHeading = columns.length > 0 ? t('outputs.table.rowTotal') : t('outputs.table.count');
  return {
    period: t('outputs.table.period'),
    count: `${countHeading}${unitNote}`,
    year: t('outputs.table.year'),
    total: `${t('outputs.table.total')}${unitNote}`,
  };
}

/** Every record of an output as CSV, with the month-by-month table's columns. */
export function recordsCsvOf(records: readonly OutputRecord[], unit: string, t: TFunction): CsvTable {
  const columns = breakdownColumnsOf(records);
  return recordsCsv(records, columns, csvLabels(t, columns, unit));
}

export function RecordTable({
  records,
  name,
  unit,
  projectName = '',
  onCsvStatus,
}: {
  records: readonly OutputRecord[];
  name: string;
  unit: string;
  /** For the CSV file's name. */
  projectName?: string;
  /** Where to report a CSV download, when the table's owner has a status line (else beside the button). */
  onCsvStatus?: (status: { text: string; error: boolean } | null) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const columns = useMemo(() => breakdownColumnsOf(records), [records]);
  const totals = useMemo(() => totalsOf(records, columns), [records, columns]);
  const header = useMemo(() => headerRows(columns), [columns]);
  const levels = columns.length > 0 ? header.length : 1;
  const shown = records.length > MAX_SHOWN_ROWS ? records.slice(0, MAX_SHOWN_ROWS) : records;
  const countHeading = columns.length > 0 ? t('outputs.table.rowTotal') : t('outputs.table.count');
  const unitNote = unit.trim() === '' ? '' : ` (${unit.trim()})`;
  const byYearTitle = t('outputs.table.byYearOf', { name });

  return (
    <div className="records-view">
      <div className="table-scroll">
        <table className="records-table" aria-label={t('outputs.table.label', { name })}>
          <thead>
            {Array.from({ length: levels }, (_, level) => (
              <tr key={level}>
                {level === 0 && (
                  <th scope="col" rowSpan={levels} className="period-col">
                    {t('outputs.table.period')}
                  </th>
                )}
                {columns.length > 0 &&
                  header[level].map((cell, i) => (
                    <th
                      key={`${level}-${i}`}
                      scope={cell.span > 1 ? 'colgroup' : 'col'}
                      colSpan={cell.span}
                      className={`number ${cell.span > 1 ? 'group' : ''}`}
                    >
                      {cell.label}
                    </th>
                  ))}
                {level === 0 && (
                  <th scope="col" rowSpan={levels} className="number total-col">
                    {countHeading}
                    {unitNote}
                  </th>
                )}
              </tr>
            ))}
          </thead>
          <tbody>
            {shown.map((record, index) => {
              const byKey = new Map(record.breakdown.map((b) => [categoryKey(b.categories), b.count]));
              const rowSum = totals.rowBreakdown[index];
              const mismatch = rowSum !== null && !rowSum.eq(record.count);
              return (
                <tr key={`${record.period}-${index}`}>
                  <th scope="row" className="period-col" title={record.period}>
                    {formatPeriod(record.period, locale)}
                  </th>
                  {columns.map((column) => {
                    const value = byKey.get(column.key);
                    return (
                      <td key={column.key} className="number">
                        {value === undefined ? <span className="none">–</span> : formatCount(value, locale)}
                      </td>
                    );
                  })}
                  <td
                    className={`number total-col ${mismatch ? 'mismatch' : ''}`}
                    title={
                      mismatch && rowSum ? t('outputs.table.mismatch', { sum: formatCount(rowSum, locale) }) : undefined
                    }
                  >
                    {formatCount(record.count, locale)}
                    {mismatch && <span aria-hidden="true"> ⚠</span>}
                    {mismatch && rowSum && (
                      <span className="visually-hidden">
                        {' '}
                        {t('outputs.table.mismatch', { sum: formatCount(rowSum, locale) })}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className="period-col">
                {t('outputs.table.total')}
              </th>
              {columns.map((column) => (
                <td
                  key={column.key}
                  className="number"
                  data-testid={`column-total-${columnLabel(column)}`}
                  aria-label={t('outputs.table.columnTotal', {
                    column: columnLabel(column),
                    total: formatCount(totals.byColumn.get(column.key) ?? '0', locale),
                  })}
                >
                  {formatCount(totals.byColumn.get(column.key) ?? '0', locale)}
                </td>
              ))}
              <td className="number total-col grand" data-testid="records-grand-total">
                {formatCount(totals.grand, locale)}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {records.length > MAX_SHOWN_ROWS && (
        <p className="help">{t('outputs.table.truncated', { shown: MAX_SHOWN_ROWS, total: records.length })}</p>
      )}

      <div className="records-summaries">
        <div className="table-scroll">
          <div className="records-summary-head">
            <h4>{t('outputs.table.byYear')}</h4>
            <TableCsvButton
              title={byYearTitle}
              fileName={`${projectName} ${byYearTitle}`.trim()}
              table={() => yearTotalsCsv(totals, columns, csvLabels(t, columns, unit))}
              onStatus={onCsvStatus}
            />
          </div>
          <table className="records-table years" aria-label={t('outputs.table.byYear')}>
            <thead>
              <tr>
                <th scope="col">{t('outputs.table.year')}</th>
                {columns.map((column) => (
                  <th key={column.key} scope="col" className="number">
                    {columnLabel(column)}
                  </th>
                ))}
                <th scope="col" className="number total-col">
                  {t('outputs.table.total')}
                  {unitNote}
                </th>
              </tr>
            </thead>
            <tbody>
              {totals.byYear.map((year) => (
                <tr key={year.year}>
                  <th scope="row">{year.year}</th>
                  {columns.map((column) => (
                    <td key={column.key} className="number">
                      {formatCount(year.byColumn.get(column.key) ?? '0', locale)}
                    </td>
                  ))}
                  <td className="number total-col" data-testid={`year-total-${year.year}`}>
                    {formatCount(year.count, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {totals.byCategory.length > 0 && (
          <section className="category-totals" aria-label={t('outputs.table.byCategory')}>
            <h4>{t('outputs.table.byCategory')}</h4>
            <dl>
              {[...new Set(totals.byCategory.map((c) => c.dimension))].map((dimension) => (
                <div key={dimension}>
                  <dt>{dimension}</dt>
                  <dd>
                    {totals.byCategory
                      .filter((c) => c.dimension === dimension)
                      .map((c) => (
                        <span
                          key={c.value}
                          className="category-total"
                          data-testid={`category-total-${dimension}-${c.value}`}
                        >
                          {c.value}: <strong>{formatCount(c.total, locale)}</strong>
                        </span>
                      ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        )}
      </div>
    </div>
  );
}
