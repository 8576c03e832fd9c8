/**
 * "Download CSV" for any table: give it the column names and the rows (text, numbers, or canonical decimals as
 * { decimal: "1234.5" }); it writes a CSV file Excel opens correctly in the user's locale (UTF-8 with a BOM;
 * ";" and decimal commas where the locale writes decimals with a comma).
 *
 *   <TableCsvButton title="Cost lines" fileName={`${project.name} cost lines`} table={{ columns, rows }} />
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileNameFor, saveTextFile } from '../api/files';
import { useLocale } from '../hooks/useLocale';
import { tableToCsv, type CsvTable } from './table-csv';
import './exchange.css';

export function TableCsvButton({
  title,
  fileName,
  table,
  label,
  onStatus,
}: {
  /** What the table is, for the button's accessible name ("Download CSV: Cost lines"). */
  title: string;
  /** The file name without extension; made safe (letters, digits, dashes). */
  fileName: string;
  /** The table, or a function that builds it when the button is pressed (for large tables). */
  table: CsvTable | (() => CsvTable);
  /** Visible text; "Download CSV" by default. */
  label?: string;
  /**
   * Where to say "Saved …" or why it failed, for a place that already has a status line (a chart): the button
   * then shows none of its own, so the place keeps a single live region.
   */
  onStatus?: (status: { text: string; error: boolean } | null) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [ownStatus, setOwnStatus] = useState<{ text: string; error: boolean } | null>(null);
  const setStatus = onStatus ?? setOwnStatus;
  const status = onStatus ? null : ownStatus;

  async function download() {
    try {
      const content = tableToCsv(typeof table === 'function' ? table() : table, locale);
      const name = fileNameFor(fileName, 'csv');
      const saved = await saveTextFile(name, 'csv', content);
      setStatus(saved ? { text: t('exchange.csv.saved', { name }), error: false } : null);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      setStatus({ text: t('exchange.csv.failed', { message }), error: true });
    }
  }

  return (
    <span className="exchange-action">
      <button type="button" aria-label={t('exchange.csv.downloadLabel', { title })} onClick={() => void download()}>
        {label ?? t('exchange.csv.download')}
      </button>
      {!onStatus && (
        <span className={status?.error ? 'exchange-status error' : 'exchange-status'} role="status">
          {status?.text}
        </span>
      )}
    </span>
  );
}
